import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregate } from "@/lib/criteria/rules";
import { db } from "@/lib/db";
import { breakdown, criterionHeatmap, summaryFigures, trend } from "@/lib/dashboard/queries";
import { percentOf } from "@/lib/figures/definitions";
import { notMaintainedList, officialFigures } from "@/lib/figures/queries";
import { openStatistics } from "@/lib/stats/open-data";
import { unitsDateForYear } from "@/lib/units/rules";
import { clearRecognition, dayOf, onDate, putAssessment, putTitle } from "./helpers";
import type { CriterionStatus } from "@/lib/criteria/rules";
import type { ReportStatus } from "@/lib/assessments/workflow";

// A hand-computed fixture in 2018 (no demo data that year, 2016–2020 set of 19 criteria), on the
// eight first xã of one pre-reform district of Hà Giang (no demo data at all: no titles either).
// Staff see every report; public figures count the reports confirmed by the level above.
const YEAR = 2018;
const FIXTURE: [number, ReportStatus][] = [
  [19, "CONFIRMED"],
  [18, "CONFIRMED"],
  [15, "DRAFT"],
  [14, "CONFIRMED"],
  [10, "CONFIRMED"],
  [9, "SUBMITTED"],
  [5, "CONFIRMED"],
  [4, "RETURNED"],
];
const statusesFor = (met: number): CriterionStatus[] => Array.from({ length: 19 }, (_, i) => (i < met ? "MET" : "NOT_MET"));

let districtId: number;
let districtCode: string;
let provinceId: number;
let ids: number[] = [];
let units: number[] = [];

beforeAll(async () => {
  const districts = await db.adminUnit.findMany({
    where: { level: "DISTRICT", province: { code: "02" }, validFrom: { lte: new Date("2018-01-01") }, validTo: new Date("2025-07-01T00:00:00Z") },
    orderBy: { code: "asc" },
    // xã standing through 2018 (the year's figures use the units of 31/12/2018)
    include: { districtMembers: { where: { type: "XA", AND: [{ validFrom: { lte: new Date("2018-01-01") } }, onDate("2018-12-31")] }, orderBy: { code: "asc" }, take: FIXTURE.length } },
  });
  const district = districts.find((d) => d.districtMembers.length === FIXTURE.length)!;
  districtId = district.id;
  districtCode = district.code;
  provinceId = district.provinceId!;
  units = district.districtMembers.map((u) => u.id);
  expect(await db.recognition.count({ where: { unitId: { in: units } } })).toBe(0);
  ids = [];
  for (const [i, [met, status]] of FIXTURE.entries()) {
    ids.push((await putAssessment({ unitId: units[i], year: YEAR, status, results: statusesFor(met) })).id);
  }
  // titles: the 19/19 commune recognised on 10/12/2018; the 14/19 one since 2016 (it no longer
  // maintains its criteria); the draft 15/19 one recognised in 2016 and revoked on 1/6/2018
  await putTitle({ unitId: units[0], decisionDate: "2018-12-10" });
  await putTitle({ unitId: units[3], decisionDate: "2016-12-15" });
  await putTitle({ unitId: units[2], decisionDate: "2016-12-15", revocationDate: "2018-06-01" });
});

afterAll(async () => {
  await clearRecognition(units);
  await db.assessment.deleteMany({ where: { year: YEAR } });
});

describe("dashboard figures against a hand-computed fixture", () => {
  it("counts every report for staff: 1 of 8 meets every criterion (12,5%), 94/8 = 11,75 criteria, bands at their edges", async () => {
    const f = await summaryFigures(YEAR, { districtId });
    expect(f).toMatchObject({ communesAssessed: 8, communesReached: 1, reachedPercent: 12.5, averageCriteria: 11.75 });
    expect(f.bands).toEqual({ "19": 1, "15-18": 2, "10-14": 2, "5-9": 2, "<5": 1 });
  });

  it("counts only confirmed reports for the public: 19, 18, 14, 10, 5 → 1/5 (20,0%), 13,2 criteria", async () => {
    const f = await summaryFigures(YEAR, { districtId }, true);
    expect(f).toMatchObject({ communesAssessed: 5, communesReached: 1, reachedPercent: 20, averageCriteria: 13.2 });
    expect(f.bands).toEqual({ "19": 1, "15-18": 1, "10-14": 2, "5-9": 1, "<5": 0 });
  });

  it("official figures: 2 xã hold the title on 31/12/2018 (the revoked one does not), one of them no longer meets its criteria; the reports say the same as the public summaries", async () => {
    const f = await officialFigures({ districtId }, YEAR, dayOf("2018-12-31"));
    expect(f).toMatchObject({ recognised: 2, notMaintained: 1 });
    expect(f.reports).toMatchObject({ confirmed: 5, pending: 1, fullCriteria: 1, fullCriteriaPercent: 20, averageCriteria: 13.2 });
    expect(f.reports.bands).toEqual({ "19": 1, "15-18": 1, "10-14": 2, "5-9": 1, "<5": 0 });
    expect(f.programme.size).toBeGreaterThanOrEqual(8);
    expect(f.recognisedPercent).toBe(percentOf(2, f.programme.size));
    expect((await notMaintainedList({ districtId }, YEAR, dayOf("2018-12-31"))).map((r) => [r.communeId, r.criteriaMet, r.reportYear])).toEqual([[units[3], 14, YEAR]]);
    // on 9/12/2018 the 19/19 commune was not yet recognised; on 31/5/2018 the revoked title still stood
    expect((await officialFigures({ districtId }, YEAR, dayOf("2018-12-09"))).recognised).toBe(1);
    expect((await officialFigures({ districtId }, YEAR, dayOf("2018-05-31"))).recognised).toBe(2);
  });

  it("serves the same official figures through the open data API", async () => {
    const api = await openStatistics({ nam: YEAR, huyen: districtCode });
    expect(api).toMatchObject({ year: YEAR, asOf: "2018-12-31", unit: { level: "DISTRICT", code: districtCode }, notMaintained: 1 });
    expect(api.recognised).toMatchObject({ communes: 2 });
    expect(api.reports).toMatchObject({ confirmed: 5, fullCriteria: 1, averageCriteria: 13.2, bands: { "19": 1, "15-18": 1, "10-14": 2, "5-9": 1, "<5": 0 } });
  });

  it("is fresh the moment a status changes, and when a report is deleted; a report counts from the day it is confirmed", async () => {
    await db.assessment.update({ where: { id: ids[2] }, data: { status: "CONFIRMED", confirmedAt: dayOf("2019-02-10") } }); // the 15 becomes public
    expect((await summaryFigures(YEAR, { districtId }, true)).communesAssessed).toBe(6);
    // the 2018 figures as at 31/12/2018 do not count a report confirmed in 2019; as at 1/3/2019 they do
    expect((await officialFigures({ districtId }, YEAR, dayOf("2018-12-31"))).reports.confirmed).toBe(5);
    expect((await officialFigures({ districtId }, YEAR, dayOf("2019-03-01"))).reports.confirmed).toBe(6);
    await db.assessment.delete({ where: { id: ids[7] } }); // the 4 goes
    const f = await summaryFigures(YEAR, { districtId });
    expect(f).toMatchObject({ communesAssessed: 7, averageCriteria: 12.86 }); // 90 / 7 = 12,857…
    expect(f.bands["<5"]).toBe(0);
  });

  it("counts communes meeting each criterion for the heat-map", async () => {
    const { rows } = await criterionHeatmap(YEAR, { provinceIds: [provinceId] }, "district");
    const row = rows.find((r) => r.unitId === districtId)!;
    // criteria 1–4 are met by all 7 remaining communes, criterion 19 only by the first
    expect(row.met[1]).toBe(7);
    expect(row.met[5]).toBe(7);
    expect(row.met[6]).toBe(6);
    expect(row.met[19]).toBe(1);
  });

  it("gives every year of a trend a row, with zeros where there is no data", async () => {
    const years = await trend(2014, 2019, { districtId });
    expect(years.map((y) => y.year)).toEqual([2014, 2015, 2016, 2017, 2018, 2019]);
    expect(years[0].communesAssessed).toBe(0);
    expect(years[4].communesAssessed).toBe(7);
  });
});

describe("summaries agree with the reports and titles they summarise (demo data)", () => {
  it.each([2019, 2021, 2024, 2025])("national figures of %i equal aggregate() over the raw rows, for staff and for the public", async (year) => {
    const rows = await db.assessment.findMany({
      where: { year, unit: { level: "COMMUNE" }, set: { level: "COMMUNE" } },
      select: { unitId: true, status: true, criteriaMet: true, criteriaTotal: true, reachedStandard: true, unit: { select: { districtId: true } } },
    });
    const figuresOf = (list: typeof rows) => {
      const a = aggregate(list.map((r) => ({ communeId: r.unitId, districtId: r.unit.districtId, criteriaMet: r.criteriaMet, criteriaTotal: r.criteriaTotal, reachedStandard: r.reachedStandard })));
      return { a: a.communesAssessed, r: a.communesReached, p: a.reachedPercent, avg: a.averageCriteria, bands: a.bands };
    };
    const pick = (f: Awaited<ReturnType<typeof summaryFigures>>) => ({ a: f.communesAssessed, r: f.communesReached, p: f.reachedPercent, avg: f.averageCriteria, bands: f.bands });
    expect(pick(await summaryFigures(year, {}))).toEqual(figuresOf(rows));
    const confirmed = rows.filter((r) => r.status === "CONFIRMED");
    expect(confirmed.length).toBeGreaterThan(0);
    expect(pick(await summaryFigures(year, {}, true))).toEqual(figuresOf(confirmed));
  });

  it.each([2020, 2024])("the official figures of %i equal an independent count of titles in force and confirmed reports", async (year) => {
    const asOf = dayOf(`${year}-12-31`);
    const unitsDay = unitsDateForYear(year);
    const [titles] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT r."unitId")::int AS n FROM "Recognition" r JOIN "AdminUnit" u ON u.id = r."unitId"
      WHERE u.type = 'XA' AND u."validFrom" <= ${unitsDay}::date AND (u."validTo" IS NULL OR u."validTo" > ${unitsDay}::date)
        AND r."decisionDate" <= ${asOf}::date AND (r."revocationDate" IS NULL OR r."revocationDate" > ${asOf}::date)`;
    const confirmed = await db.assessment.count({ where: { year, status: "CONFIRMED", confirmedAt: { lt: new Date(asOf.getTime() + 86_400_000) }, unit: { level: "COMMUNE" }, set: { level: "COMMUNE" } } });
    const full = await db.assessment.count({ where: { year, status: "CONFIRMED", reachedStandard: true, confirmedAt: { lt: new Date(asOf.getTime() + 86_400_000) }, unit: { level: "COMMUNE" }, set: { level: "COMMUNE" } } });
    const f = await officialFigures({}, year, asOf);
    expect(titles.n).toBeGreaterThan(0);
    expect({ recognised: f.recognised, confirmed: f.reports.confirmed, full: f.reports.fullCriteria }).toEqual({ recognised: titles.n, confirmed, full });
  });

  it("province breakdown adds up to the nation, and old provinces add up into today's", async () => {
    const byOld = await breakdown(2024, {}, { by: "province" });
    const byNew = await breakdown(2024, {}, { by: "province", byTodaysProvinces: true });
    const nation = await summaryFigures(2024, {});
    const sum = (xs: { communesAssessed: number }[]) => xs.reduce((s, x) => s + x.communesAssessed, 0);
    expect(sum(byOld)).toBe(nation.communesAssessed);
    expect(sum(byNew)).toBe(nation.communesAssessed);
    // Quảng Bình and Quảng Trị (old) are counted together in today's Quảng Trị
    const qb = byOld.find((p) => p.code === "44" && p.name.includes("Quảng Bình"))!;
    const qt = byOld.find((p) => p.code === "45")!;
    const newQt = byNew.find((p) => p.code === "44")!;
    expect(newQt.communesAssessed).toBe(qb.communesAssessed + qt.communesAssessed);
  });

  it("keeps the mask of criteria met in step with x/19 for every report", async () => {
    const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Assessment" WHERE bit_count("metMask"::bit(32)) <> "criteriaMet"`;
    expect(row.n).toBe(0);
  });

  it("every demo title rests on the rules: one in force per commune and level, and a title decided through the procedure rests on a confirmed report meeting every criterion", async () => {
    const [twice] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT "unitId", level FROM "Recognition" WHERE "revocationDate" IS NULL GROUP BY 1, 2 HAVING count(*) > 1) x`;
    expect(twice.n).toBe(0);
    const [unfounded] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Recognition" r JOIN "RecognitionDossier" d ON d.id = r."dossierId" JOIN "Assessment" a ON a.id = d."reportId"
      WHERE r."isDemo" AND (a.status <> 'CONFIRMED' OR NOT a."reachedStandard" OR d.status <> 'DECIDED' OR r."decisionDate" < d."appraisedOn")`;
    expect(unfounded.n).toBe(0);
  });
});
