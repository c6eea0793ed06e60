-- Public statistics count only assessments reviewed above the commune (verified, appraised,
-- recognised): the heat-map of criteria met needs that count per criterion too, so that a draft
-- save never moves a public figure and the map divides by the same communes as the headline.
ALTER TABLE "CriterionYearSummary" ADD COLUMN "pubMet" INTEGER NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION ntm_summary_apply(deltas ntm_assessment_delta[]) RETURNS void LANGUAGE plpgsql AS $$
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

  INSERT INTO "CriterionYearSummary" AS s ("provinceId", "districtId", year, "setId", "criterionNumber", met, "pubMet")
  SELECT u."provinceId", COALESCE(u."districtId", 0), d.year, d.set_id, n, sum(d.sign),
    sum(d.sign * (d.status IN ('VERIFIED', 'APPRAISED', 'RECOGNISED'))::int)
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

-- existing data: the reviewed communes meeting each criterion
UPDATE "CriterionYearSummary" s SET "pubMet" = k.n
FROM (
  SELECT u."provinceId", COALESCE(u."districtId", 0) AS "districtId", a.year, a."setId", c.n AS criterion, count(*)::int AS n
  FROM "Assessment" a
  JOIN "AdminUnit" u ON u.id = a."unitId" AND u.level = 'COMMUNE'
  CROSS JOIN LATERAL generate_series(1, a."criteriaTotal") c(n)
  WHERE a.status IN ('VERIFIED', 'APPRAISED', 'RECOGNISED') AND (a."metMask" >> (c.n - 1)) & 1 = 1
  GROUP BY 1, 2, 3, 4, 5
) k
WHERE s."provinceId" = k."provinceId" AND s."districtId" = k."districtId" AND s.year = k.year AND s."setId" = k."setId" AND s."criterionNumber" = k.criterion;
