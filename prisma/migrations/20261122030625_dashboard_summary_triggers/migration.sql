-- Dashboard summaries maintained on write. Statement-level triggers on "Assessment" add each
-- statement's delta (new rows +1, old rows −1) to "CommuneYearSummary" and
-- "CriterionYearSummary" in the same transaction: bulk loads cost one aggregate per statement,
-- single saves one small upsert, and concurrent writers serialise on the summary row they touch
-- (increments never lose an update). Only commune-level assessments count.

-- band index as lib/criteria/rules.ts bandsFor(): 19 · 15–18 · 10–14 · 5–9 · <5 (10 · 8–9 · 5–7 · 3–4 · <3)
CREATE FUNCTION ntm_band(met int, total int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN total = 10 THEN CASE WHEN met >= 10 THEN 0 WHEN met >= 8 THEN 1 WHEN met >= 5 THEN 2 WHEN met >= 3 THEN 3 ELSE 4 END
    ELSE CASE WHEN met >= 19 THEN 0 WHEN met >= 15 THEN 1 WHEN met >= 10 THEN 2 WHEN met >= 5 THEN 3 ELSE 4 END
  END
$$;

CREATE TYPE ntm_assessment_delta AS (
  unit_id int, year int, set_id int, status "WorkflowStatus", criteria_met int, criteria_total int,
  reached boolean, tier "Tier", met_mask int, sign int
);

CREATE FUNCTION ntm_summary_apply(deltas ntm_assessment_delta[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CommuneYearSummary" AS s (
    "provinceId", "districtId", year, "setId", assessed, reached, recognised, advanced, model, "criteriaSum",
    band0, band1, band2, band3, band4,
    "pubAssessed", "pubReached", "pubCriteriaSum", "pubBand0", "pubBand1", "pubBand2", "pubBand3", "pubBand4")
  SELECT u."provinceId", COALESCE(u."districtId", 0), d.year, d.set_id,
    sum(d.sign), sum(d.sign * d.reached::int), sum(d.sign * (d.status = 'RECOGNISED')::int),
    sum(d.sign * (d.tier IN ('ADVANCED', 'MODEL'))::int), sum(d.sign * (d.tier = 'MODEL')::int), sum(d.sign * d.criteria_met),
    sum(d.sign * (ntm_band(d.criteria_met, d.criteria_total) = 0)::int), sum(d.sign * (ntm_band(d.criteria_met, d.criteria_total) = 1)::int),
    sum(d.sign * (ntm_band(d.criteria_met, d.criteria_total) = 2)::int), sum(d.sign * (ntm_band(d.criteria_met, d.criteria_total) = 3)::int),
    sum(d.sign * (ntm_band(d.criteria_met, d.criteria_total) = 4)::int),
    sum(d.sign * p::int), sum(d.sign * (p AND d.reached)::int), sum(d.sign * p::int * d.criteria_met),
    sum(d.sign * (p AND ntm_band(d.criteria_met, d.criteria_total) = 0)::int), sum(d.sign * (p AND ntm_band(d.criteria_met, d.criteria_total) = 1)::int),
    sum(d.sign * (p AND ntm_band(d.criteria_met, d.criteria_total) = 2)::int), sum(d.sign * (p AND ntm_band(d.criteria_met, d.criteria_total) = 3)::int),
    sum(d.sign * (p AND ntm_band(d.criteria_met, d.criteria_total) = 4)::int)
  FROM unnest(deltas) d
  CROSS JOIN LATERAL (SELECT d.status IN ('VERIFIED', 'APPRAISED', 'RECOGNISED') AS p) pub
  JOIN "AdminUnit" u ON u.id = d.unit_id AND u.level = 'COMMUNE'
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4 -- one lock order for every writer: no deadlocks between concurrent saves
  ON CONFLICT ("provinceId", "districtId", year, "setId") DO UPDATE SET
    assessed = s.assessed + EXCLUDED.assessed, reached = s.reached + EXCLUDED.reached,
    recognised = s.recognised + EXCLUDED.recognised, advanced = s.advanced + EXCLUDED.advanced,
    model = s.model + EXCLUDED.model, "criteriaSum" = s."criteriaSum" + EXCLUDED."criteriaSum",
    band0 = s.band0 + EXCLUDED.band0, band1 = s.band1 + EXCLUDED.band1, band2 = s.band2 + EXCLUDED.band2,
    band3 = s.band3 + EXCLUDED.band3, band4 = s.band4 + EXCLUDED.band4,
    "pubAssessed" = s."pubAssessed" + EXCLUDED."pubAssessed", "pubReached" = s."pubReached" + EXCLUDED."pubReached",
    "pubCriteriaSum" = s."pubCriteriaSum" + EXCLUDED."pubCriteriaSum",
    "pubBand0" = s."pubBand0" + EXCLUDED."pubBand0", "pubBand1" = s."pubBand1" + EXCLUDED."pubBand1",
    "pubBand2" = s."pubBand2" + EXCLUDED."pubBand2", "pubBand3" = s."pubBand3" + EXCLUDED."pubBand3",
    "pubBand4" = s."pubBand4" + EXCLUDED."pubBand4";

  INSERT INTO "CriterionYearSummary" AS s ("provinceId", "districtId", year, "setId", "criterionNumber", met)
  SELECT u."provinceId", COALESCE(u."districtId", 0), d.year, d.set_id, n, sum(d.sign)
  FROM unnest(deltas) d
  JOIN "AdminUnit" u ON u.id = d.unit_id AND u.level = 'COMMUNE'
  CROSS JOIN LATERAL generate_series(1, d.criteria_total) n
  WHERE (d.met_mask >> (n - 1)) & 1 = 1
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("provinceId", "districtId", year, "setId", "criterionNumber") DO UPDATE SET met = s.met + EXCLUDED.met;
END
$$;

CREATE FUNCTION ntm_summary_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ntm_summary_apply(ARRAY(
    SELECT ROW(n."unitId", n.year, n."setId", n.status, n."criteriaMet", n."criteriaTotal", n."reachedStandard", n.tier, n."metMask", 1)::ntm_assessment_delta
    FROM new_rows n));
  RETURN NULL;
END
$$;

CREATE FUNCTION ntm_summary_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ntm_summary_apply(ARRAY(
    SELECT ROW(o."unitId", o.year, o."setId", o.status, o."criteriaMet", o."criteriaTotal", o."reachedStandard", o.tier, o."metMask", -1)::ntm_assessment_delta
    FROM old_rows o));
  RETURN NULL;
END
$$;

-- updates that change nothing the summaries count (e.g. updatedAt, version) cost nothing
CREATE FUNCTION ntm_summary_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ntm_summary_apply(ARRAY(
    SELECT ROW(x."unitId", x.year, x."setId", x.status, x."criteriaMet", x."criteriaTotal", x."reachedStandard", x.tier, x."metMask", x.sign)::ntm_assessment_delta
    FROM (
      SELECT o.*, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
       WHERE (o."unitId", o.year, o."setId", o.status, o."criteriaMet", o."criteriaTotal", o."reachedStandard", o.tier, o."metMask")
         IS DISTINCT FROM (n."unitId", n.year, n."setId", n.status, n."criteriaMet", n."criteriaTotal", n."reachedStandard", n.tier, n."metMask")
      UNION ALL
      SELECT n.*, 1 AS sign FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (o."unitId", o.year, o."setId", o.status, o."criteriaMet", o."criteriaTotal", o."reachedStandard", o.tier, o."metMask")
         IS DISTINCT FROM (n."unitId", n.year, n."setId", n.status, n."criteriaMet", n."criteriaTotal", n."reachedStandard", n.tier, n."metMask")
    ) x));
  RETURN NULL;
END
$$;

-- existing data, before the triggers exist: the masks, then every assessment counted once
UPDATE "Assessment" a SET "metMask" = m.mask
FROM (
  SELECT cr."assessmentId", bit_or(1 << (c.number - 1)) AS mask
  FROM "CriterionResult" cr JOIN "Criterion" c ON c.id = cr."criterionId"
  WHERE cr.status = 'MET' GROUP BY cr."assessmentId"
) m WHERE m."assessmentId" = a.id;
SELECT ntm_summary_apply(ARRAY(
  SELECT ROW(a."unitId", a.year, a."setId", a.status, a."criteriaMet", a."criteriaTotal", a."reachedStandard", a.tier, a."metMask", 1)::ntm_assessment_delta
  FROM "Assessment" a));

CREATE TRIGGER assessment_summary_insert AFTER INSERT ON "Assessment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ntm_summary_on_insert();
CREATE TRIGGER assessment_summary_delete AFTER DELETE ON "Assessment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ntm_summary_on_delete();
CREATE TRIGGER assessment_summary_update AFTER UPDATE ON "Assessment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ntm_summary_on_update();

