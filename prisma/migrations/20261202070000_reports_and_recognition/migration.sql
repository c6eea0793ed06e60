-- Two processes, modelled apart (QĐ 18/2022/QĐ-TTg). Until now one workflow did both: every
-- commune's yearly criteria dossier went DRAFT → SUBMITTED → VERIFIED → APPRAISED → RECOGNISED, so
-- recognition was a state of one year's dossier and did not last into the next year.
--  * "Assessment" becomes the annual criteria report: DRAFT → SUBMITTED → CONFIRMED (by the level
--    above), or RETURNED. Every dossier reviewed above the commune (verified, appraised,
--    recognised, revoked) was confirmed data: it becomes CONFIRMED.
--  * "RecognitionDossier" is the recognition procedure; dossiers under way (verified, appraised)
--    and decided ones move there.
--  * "Recognition" is the title the commune holds from its decision until a revocation.

CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'CONFIRMED', 'RETURNED');
CREATE TYPE "TitleLevel" AS ENUM ('NTM', 'ADVANCED', 'MODEL');
CREATE TYPE "DossierStatus" AS ENUM ('SUBMITTED', 'VERIFIED', 'APPRAISED', 'DECIDED', 'RETURNED');
CREATE TYPE "RecognitionSource" AS ENUM ('PROCEDURE', 'IMPORT');

CREATE TABLE "RecognitionDossier" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "level" "TitleLevel" NOT NULL DEFAULT 'NTM',
    "reportId" INTEGER NOT NULL,
    "status" "DossierStatus" NOT NULL DEFAULT 'SUBMITTED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedById" INTEGER,
    "verifiedAt" TIMESTAMP(3),
    "verifiedById" INTEGER,
    "verifyNote" TEXT,
    "appraisedOn" DATE,
    "appraisedById" INTEGER,
    "councilVotesFor" INTEGER,
    "councilVotesTotal" INTEGER,
    "returnComment" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "RecognitionDossier_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Recognition" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "level" "TitleLevel" NOT NULL DEFAULT 'NTM',
    "setId" INTEGER NOT NULL,
    "decisionNumber" TEXT NOT NULL,
    "decisionDate" DATE NOT NULL,
    "signer" TEXT NOT NULL,
    "issuer" TEXT,
    "dossierId" INTEGER,
    "source" "RecognitionSource" NOT NULL DEFAULT 'PROCEDURE',
    "revocationNumber" TEXT,
    "revocationDate" DATE,
    "revocationReason" TEXT,
    "revokedById" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" INTEGER,
    CONSTRAINT "Recognition_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ProgrammeList" (
    "id" SERIAL NOT NULL,
    "provinceId" INTEGER NOT NULL,
    "phaseId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" INTEGER,
    CONSTRAINT "ProgrammeList_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ProgrammeListEntry" (
    "id" SERIAL NOT NULL,
    "listId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unitId" INTEGER,
    CONSTRAINT "ProgrammeListEntry_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RecognitionDossier_unitId_status_idx" ON "RecognitionDossier"("unitId", "status");
CREATE UNIQUE INDEX "Recognition_dossierId_key" ON "Recognition"("dossierId");
CREATE INDEX "Recognition_unitId_level_idx" ON "Recognition"("unitId", "level");
CREATE INDEX "Recognition_decisionDate_idx" ON "Recognition"("decisionDate");
CREATE UNIQUE INDEX "ProgrammeList_provinceId_phaseId_key" ON "ProgrammeList"("provinceId", "phaseId");
CREATE UNIQUE INDEX "ProgrammeListEntry_listId_code_key" ON "ProgrammeListEntry"("listId", "code");

ALTER TABLE "RecognitionDossier" ADD CONSTRAINT "RecognitionDossier_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RecognitionDossier" ADD CONSTRAINT "RecognitionDossier_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Assessment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_setId_fkey" FOREIGN KEY ("setId") REFERENCES "CriteriaSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "RecognitionDossier"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "ProgrammeList" ADD CONSTRAINT "ProgrammeList_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "AdminUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ProgrammeList" ADD CONSTRAINT "ProgrammeList_phaseId_fkey" FOREIGN KEY ("phaseId") REFERENCES "Phase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ProgrammeListEntry" ADD CONSTRAINT "ProgrammeListEntry_listId_fkey" FOREIGN KEY ("listId") REFERENCES "ProgrammeList"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ProgrammeListEntry" ADD CONSTRAINT "ProgrammeListEntry_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AdminUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Rules Prisma's schema cannot state. One title in force per commune and level; a decision is
-- dated, a revocation dated on or after it; council votes make sense.
CREATE UNIQUE INDEX "Recognition_one_in_force" ON "Recognition"("unitId", "level") WHERE "revocationDate" IS NULL;
ALTER TABLE "Recognition" ADD CONSTRAINT "Recognition_revocation_check"
  CHECK ("revocationDate" IS NULL OR ("revocationDate" >= "decisionDate" AND "revocationNumber" IS NOT NULL AND "revocationReason" IS NOT NULL));
ALTER TABLE "RecognitionDossier" ADD CONSTRAINT "RecognitionDossier_votes_check"
  CHECK ("councilVotesFor" IS NULL OR ("councilVotesTotal" > 0 AND "councilVotesFor" BETWEEN 0 AND "councilVotesTotal"));
-- at most one dossier under way per commune and level
CREATE UNIQUE INDEX "RecognitionDossier_one_open" ON "RecognitionDossier"("unitId", "level") WHERE status IN ('SUBMITTED', 'VERIFIED', 'APPRAISED');

ALTER TABLE "Assessment" ADD COLUMN "confirmedAt" TIMESTAMP(3), ADD COLUMN "confirmedById" INTEGER;

-- ── the data: dossiers under way and titles leave the yearly reports ──

-- dossiers the district had verified or the province had appraised, on a report meeting every criterion
INSERT INTO "RecognitionDossier" ("unitId", level, "reportId", status, "submittedAt", "verifiedAt", "appraisedOn",
                                  "councilVotesFor", "councilVotesTotal", "isDemo", "updatedAt")
SELECT DISTINCT ON (a."unitId") a."unitId", 'NTM', a.id, a.status::text::"DossierStatus", coalesce(a."submittedAt", a."updatedAt"),
       CASE WHEN a.status = 'VERIFIED' THEN a."updatedAt" END,
       CASE WHEN a.status = 'APPRAISED' THEN a."updatedAt"::date END,
       a."councilVotesFor", a."councilVotesTotal", a."isDemo", now()
FROM "Assessment" a
WHERE a.status IN ('VERIFIED', 'APPRAISED') AND a."reachedStandard"
  AND NOT EXISTS (SELECT 1 FROM "Assessment" r WHERE r."unitId" = a."unitId" AND r.status = 'RECOGNISED')
ORDER BY a."unitId", a.year DESC;

-- titles: one per decision. A commune recognised in 2022 stayed RECOGNISED in the dossiers of
-- 2023, 2024 … under the same decision, and the dossier of the year it was revoked became REVOKED
-- still naming that decision. Tiers above NTM were never decided apart: the titles are NTM.
CREATE TEMP TABLE granted ON COMMIT DROP AS
SELECT a."unitId",
       coalesce(nullif(a."decisionNumber", ''), 'Chưa ghi số quyết định') AS "decisionNumber",
       coalesce(a."decisionDate", a."recognisedAt"::date, make_date(a.year, 12, 31)) AS "decisionDate",
       (array_agg(a.id ORDER BY a.year))[1] AS "assessmentId",
       (array_agg(a."setId" ORDER BY a.year))[1] AS "setId",
       coalesce((array_agg(a."decisionSigner" ORDER BY a.year) FILTER (WHERE a."decisionSigner" <> ''))[1], 'Chủ tịch UBND tỉnh') AS signer,
       (array_agg(a."councilVotesFor" ORDER BY a.year) FILTER (WHERE a."councilVotesFor" IS NOT NULL))[1] AS "councilVotesFor",
       (array_agg(a."councilVotesTotal" ORDER BY a.year) FILTER (WHERE a."councilVotesFor" IS NOT NULL))[1] AS "councilVotesTotal",
       min(coalesce(a."submittedAt", a."updatedAt")) AS "submittedAt",
       min(a."revocationDate") AS "revocationDate",
       (array_agg(a."revocationDecision" ORDER BY a."revocationDate") FILTER (WHERE a."revocationDate" IS NOT NULL))[1] AS "revocationDecision",
       (array_agg(a."revocationReason" ORDER BY a."revocationDate") FILTER (WHERE a."revocationDate" IS NOT NULL))[1] AS "revocationReason",
       bool_or(a."isDemo") AS "isDemo"
FROM "Assessment" a
WHERE a.status IN ('RECOGNISED', 'REVOKED')
GROUP BY 1, 2, 3;
-- one title in force per commune: a later decision while an earlier one stands adds nothing
DELETE FROM granted g WHERE g."revocationDate" IS NULL AND EXISTS (
  SELECT 1 FROM granted h WHERE h."unitId" = g."unitId" AND h."revocationDate" IS NULL
    AND (h."decisionDate", h."decisionNumber") < (g."decisionDate", g."decisionNumber"));

-- a decided dossier for each title the portal's procedure produced (it has the council's vote)
INSERT INTO "RecognitionDossier" ("unitId", level, "reportId", status, "submittedAt", "appraisedOn", "councilVotesFor", "councilVotesTotal", "isDemo", "updatedAt")
SELECT g."unitId", 'NTM', g."assessmentId", 'DECIDED', g."submittedAt", g."decisionDate",
       g."councilVotesFor", g."councilVotesTotal", g."isDemo", now()
FROM granted g WHERE g."councilVotesFor" IS NOT NULL;

INSERT INTO "Recognition" ("unitId", level, "setId", "decisionNumber", "decisionDate", signer, "dossierId", source,
                           "revocationNumber", "revocationDate", "revocationReason", "isDemo")
SELECT g."unitId", 'NTM', g."setId", g."decisionNumber", g."decisionDate", g.signer, d.id,
       CASE WHEN d.id IS NULL THEN 'IMPORT' ELSE 'PROCEDURE' END::"RecognitionSource",
       CASE WHEN g."revocationDate" IS NOT NULL THEN coalesce(g."revocationDecision", 'Chưa ghi số quyết định') END,
       CASE WHEN g."revocationDate" IS NOT NULL THEN greatest(g."revocationDate", g."decisionDate") END,
       CASE WHEN g."revocationDate" IS NOT NULL THEN coalesce(g."revocationReason", 'Không ghi lý do') END,
       g."isDemo"
FROM granted g
LEFT JOIN "RecognitionDossier" d ON d."reportId" = g."assessmentId" AND d.status = 'DECIDED';

-- ── the summaries follow the report's new states ──
DROP TRIGGER assessment_summary_insert ON "Assessment";
DROP TRIGGER assessment_summary_delete ON "Assessment";
DROP TRIGGER assessment_summary_update ON "Assessment";
DROP FUNCTION ntm_summary_on_insert();
DROP FUNCTION ntm_summary_on_delete();
DROP FUNCTION ntm_summary_on_update();
DROP FUNCTION ntm_summary_apply(ntm_assessment_delta[]);
DROP TYPE ntm_assessment_delta;

UPDATE "Assessment" SET "confirmedAt" = coalesce("recognisedAt", "updatedAt")
WHERE status IN ('VERIFIED', 'APPRAISED', 'RECOGNISED', 'REVOKED');
ALTER TABLE "Assessment" ALTER COLUMN status DROP DEFAULT;
ALTER TABLE "Assessment" ALTER COLUMN status TYPE "ReportStatus" USING (
  CASE status::text WHEN 'DRAFT' THEN 'DRAFT' WHEN 'SUBMITTED' THEN 'SUBMITTED' WHEN 'RETURNED' THEN 'RETURNED' ELSE 'CONFIRMED' END
)::"ReportStatus";
ALTER TABLE "Assessment" ALTER COLUMN status SET DEFAULT 'DRAFT';
ALTER TABLE "Assessment" DROP COLUMN "councilVotesFor", DROP COLUMN "councilVotesTotal", DROP COLUMN "decisionDate",
  DROP COLUMN "decisionNumber", DROP COLUMN "decisionSigner", DROP COLUMN "recognisedAt", DROP COLUMN "revocationDate",
  DROP COLUMN "revocationDecision", DROP COLUMN "revocationReason", DROP COLUMN "tier";
DROP TYPE "Tier";
DROP TYPE "WorkflowStatus";
ALTER TABLE "CommuneYearSummary" DROP COLUMN recognised, DROP COLUMN advanced, DROP COLUMN model;

CREATE TYPE ntm_report_delta AS (
  unit_id int, year int, set_id int, status "ReportStatus", criteria_met int, criteria_total int,
  reached boolean, met_mask int, sign int
);

-- public = confirmed by the level above
CREATE FUNCTION ntm_summary_apply(deltas ntm_report_delta[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CommuneYearSummary" AS s (
    "provinceId", "districtId", year, "setId", assessed, reached, "criteriaSum",
    band0, band1, band2, band3, band4,
    "pubAssessed", "pubReached", "pubCriteriaSum", "pubBand0", "pubBand1", "pubBand2", "pubBand3", "pubBand4")
  SELECT u."provinceId", COALESCE(u."districtId", 0), d.year, d.set_id,
    sum(d.sign), sum(d.sign * d.reached::int), sum(d.sign * d.criteria_met),
    sum(d.sign * (ntm_band(d.criteria_met, d.criteria_total) = 0)::int), sum(d.sign * (ntm_band(d.criteria_met, d.criteria_total) = 1)::int),
    sum(d.sign * (ntm_band(d.criteria_met, d.criteria_total) = 2)::int), sum(d.sign * (ntm_band(d.criteria_met, d.criteria_total) = 3)::int),
    sum(d.sign * (ntm_band(d.criteria_met, d.criteria_total) = 4)::int),
    sum(d.sign * p::int), sum(d.sign * (p AND d.reached)::int), sum(d.sign * p::int * d.criteria_met),
    sum(d.sign * (p AND ntm_band(d.criteria_met, d.criteria_total) = 0)::int), sum(d.sign * (p AND ntm_band(d.criteria_met, d.criteria_total) = 1)::int),
    sum(d.sign * (p AND ntm_band(d.criteria_met, d.criteria_total) = 2)::int), sum(d.sign * (p AND ntm_band(d.criteria_met, d.criteria_total) = 3)::int),
    sum(d.sign * (p AND ntm_band(d.criteria_met, d.criteria_total) = 4)::int)
  FROM unnest(deltas) d
  CROSS JOIN LATERAL (SELECT d.status = 'CONFIRMED' AS p) pub
  JOIN "AdminUnit" u ON u.id = d.unit_id AND u.level = 'COMMUNE'
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4 -- one lock order for every writer: no deadlocks between concurrent saves
  ON CONFLICT ("provinceId", "districtId", year, "setId") DO UPDATE SET
    assessed = s.assessed + EXCLUDED.assessed, reached = s.reached + EXCLUDED.reached,
    "criteriaSum" = s."criteriaSum" + EXCLUDED."criteriaSum",
    band0 = s.band0 + EXCLUDED.band0, band1 = s.band1 + EXCLUDED.band1, band2 = s.band2 + EXCLUDED.band2,
    band3 = s.band3 + EXCLUDED.band3, band4 = s.band4 + EXCLUDED.band4,
    "pubAssessed" = s."pubAssessed" + EXCLUDED."pubAssessed", "pubReached" = s."pubReached" + EXCLUDED."pubReached",
    "pubCriteriaSum" = s."pubCriteriaSum" + EXCLUDED."pubCriteriaSum",
    "pubBand0" = s."pubBand0" + EXCLUDED."pubBand0", "pubBand1" = s."pubBand1" + EXCLUDED."pubBand1",
    "pubBand2" = s."pubBand2" + EXCLUDED."pubBand2", "pubBand3" = s."pubBand3" + EXCLUDED."pubBand3",
    "pubBand4" = s."pubBand4" + EXCLUDED."pubBand4";

  INSERT INTO "CriterionYearSummary" AS s ("provinceId", "districtId", year, "setId", "criterionNumber", met, "pubMet")
  SELECT u."provinceId", COALESCE(u."districtId", 0), d.year, d.set_id, n, sum(d.sign), sum(d.sign * (d.status = 'CONFIRMED')::int)
  FROM unnest(deltas) d
  JOIN "AdminUnit" u ON u.id = d.unit_id AND u.level = 'COMMUNE'
  CROSS JOIN LATERAL generate_series(1, d.criteria_total) n
  WHERE (d.met_mask >> (n - 1)) & 1 = 1
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("provinceId", "districtId", year, "setId", "criterionNumber") DO UPDATE SET
    met = s.met + EXCLUDED.met, "pubMet" = s."pubMet" + EXCLUDED."pubMet";
END
$$;

CREATE FUNCTION ntm_summary_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ntm_summary_apply(ARRAY(
    SELECT ROW(n."unitId", n.year, n."setId", n.status, n."criteriaMet", n."criteriaTotal", n."reachedStandard", n."metMask", 1)::ntm_report_delta
    FROM new_rows n));
  RETURN NULL;
END
$$;

CREATE FUNCTION ntm_summary_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ntm_summary_apply(ARRAY(
    SELECT ROW(o."unitId", o.year, o."setId", o.status, o."criteriaMet", o."criteriaTotal", o."reachedStandard", o."metMask", -1)::ntm_report_delta
    FROM old_rows o));
  RETURN NULL;
END
$$;

-- updates that change nothing the summaries count (e.g. updatedAt, version) cost nothing
CREATE FUNCTION ntm_summary_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ntm_summary_apply(ARRAY(
    SELECT ROW(x."unitId", x.year, x."setId", x.status, x."criteriaMet", x."criteriaTotal", x."reachedStandard", x."metMask", x.sign)::ntm_report_delta
    FROM (
      SELECT o."unitId", o.year, o."setId", o.status, o."criteriaMet", o."criteriaTotal", o."reachedStandard", o."metMask", -1 AS sign
        FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o."unitId", o.year, o."setId", o.status, o."criteriaMet", o."criteriaTotal", o."reachedStandard", o."metMask")
         IS DISTINCT FROM (n."unitId", n.year, n."setId", n.status, n."criteriaMet", n."criteriaTotal", n."reachedStandard", n."metMask")
      UNION ALL
      SELECT n."unitId", n.year, n."setId", n.status, n."criteriaMet", n."criteriaTotal", n."reachedStandard", n."metMask", 1 AS sign
        FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (o."unitId", o.year, o."setId", o.status, o."criteriaMet", o."criteriaTotal", o."reachedStandard", o."metMask")
         IS DISTINCT FROM (n."unitId", n.year, n."setId", n.status, n."criteriaMet", n."criteriaTotal", n."reachedStandard", n."metMask")
    ) x));
  RETURN NULL;
END
$$;

-- the summaries counted again from the reports, under the new meaning of "public"
TRUNCATE "CommuneYearSummary", "CriterionYearSummary";
SELECT ntm_summary_apply(ARRAY(
  SELECT ROW(a."unitId", a.year, a."setId", a.status, a."criteriaMet", a."criteriaTotal", a."reachedStandard", a."metMask", 1)::ntm_report_delta
  FROM "Assessment" a));

CREATE TRIGGER assessment_summary_insert AFTER INSERT ON "Assessment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ntm_summary_on_insert();
CREATE TRIGGER assessment_summary_delete AFTER DELETE ON "Assessment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ntm_summary_on_delete();
CREATE TRIGGER assessment_summary_update AFTER UPDATE ON "Assessment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ntm_summary_on_update();

-- titles and dossiers change dashboard figures too (lib/dashboard/figure-cache.ts)
CREATE TRIGGER ntm_figures_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Recognition"
  FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_figures();
CREATE TRIGGER ntm_figures_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RecognitionDossier"
  FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_figures();
CREATE TRIGGER ntm_figures_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ProgrammeList"
  FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_figures();
CREATE TRIGGER ntm_figures_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ProgrammeListEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_figures();
