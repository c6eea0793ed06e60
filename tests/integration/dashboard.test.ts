import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregate } from "@/lib/criteria/rules";
import { db } from "@/lib/db";
import { breakdown, criterionHeatmap, summaryFigures, trend } from "@/lib/dashboard/queries";
import { openStatistics } from "@/lib/stats/open-data";
import { putAssessment } from "./helpers";
import type { CriterionStatus } from "@/lib/criteria/rules";
import type { WorkflowStatus } from "@/lib/assessments/workflow";

// A hand-computed fixture in 2018 (no demo data that year, 2016–2020 set of 19 criteria), on the
// eight first xã of one pre-reform district of Cao Bằng.
const YEAR = 2018;
const FIXTURE: [number, WorkflowStatus][] = [
  [19, "RECOGNISED"],
  [18, "VERIFIED"],
  [15, "DRAFT"],
  [14, "APPRAISED"],
  [10, "VERIFIED"],
  [9, "SUBMITTED"],
  [5, "VERIFIED"],
  [4, "DRAFT"],
];
const statusesFor = (met: number): CriterionStatus[] => Array.from({ length: 19 }, (_, i) => (i < met ? "MET" : "NOT_MET"));

let districtId: number;
let provinceId: number;
let ids: number[] = [];

beforeAll(async () => {
  const districts = await db.adminUnit.findMany({
    where: { level: "DISTRICT", province: { code: "04" }, validTo: new Date("2025-07-01T00:00:00Z") },
    orderBy: { code: "asc" },
    include: { districtMembers: { where: { type: "XA" }, orderBy: { code: "asc" }, take: FIXTURE.length } },
  });
  const district = districts.find((d) => d.districtMembers.length === FIXTURE.length)!;
  districtId = district.id;
  provinceId = district.provinceId!;
  ids = [];
  for (const [i, [met, status]] of FIXTURE.entries()) {
    ids.push((await putAssessment({ unitId: district.districtMembers[i].id, year: YEAR, status, results: statusesFor(met) })).id);
  }
});

afterAll(async () => {
  await db.assessment.deleteMany({ where: { year: YEAR } });
});

describe("dashboard figures against a hand-computed fixture", () => {
  it("counts every assessment for staff: 1 of 8 reached (12,5%), 94/8 = 11,75 criteria, bands at their edges", async () => {
    const f = await summaryFigures(YEAR, { districtId });
    expect(f).toMatchObject({ communesAssessed: 8, communesReached: 1, reachedPercent: 12.5, averageCriteria: 11.75, communesRecognised: 1 });
    expect(f.bands).toEqual({ "19": 1, "15-18": 2, "10-14": 2, "5-9": 2, "<5": 1 });
  });

  it("counts only reviewed figures for the public: 19, 18, 14, 10, 5 → 1/5 (20,0%), 13,2 criteria", async () => {
    const f = await summaryFigures(YEAR, { districtId }, true);
    expect(f).toMatchObject({ communesAssessed: 5, communesReached: 1, reachedPercent: 20, averageCriteria: 13.2 });
    expect(f.bands).toEqual({ "19": 1, "15-18": 1, "10-14": 2, "5-9": 1, "<5": 0 });
  });

  it("serves the same public figures through the open data API", async () => {
    const province = await db.adminUnit.findUniqueOrThrow({ where: { id: provinceId } });
    const api = await openStatistics({ nam: YEAR, tinh: province.code });
    expect(api).toMatchObject({ year: YEAR, communesAssessed: 5, communesReached: 1, reachedPercent: 20, averageCriteria: 13.2 });
    expect(api.bands).toEqual({ "19": 1, "15-18": 1, "10-14": 2, "5-9": 1, "<5": 0 });
  });

  it("is fresh the moment a status changes, and when an assessment is deleted", async () => {
    await db.assessment.update({ where: { id: ids[2] }, data: { status: "VERIFIED" } }); // the 15 becomes public
    expect((await summaryFigures(YEAR, { districtId }, true)).communesAssessed).toBe(6);
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

describe("summaries agree with the assessments they summarise (demo data)", () => {
  it.each([2019, 2021, 2024, 2025])("national figures of %i equal aggregate() over the raw rows", async (year) => {
    const rows = await db.assessment.findMany({
      where: { year, unit: { level: "COMMUNE" }, set: { level: "COMMUNE" } },
      select: { unitId: true, criteriaMet: true, criteriaTotal: true, reachedStandard: true, unit: { select: { districtId: true } } },
    });
    const expected = aggregate(rows.map((r) => ({ communeId: r.unitId, districtId: r.unit.districtId, criteriaMet: r.criteriaMet, criteriaTotal: r.criteriaTotal, reachedStandard: r.reachedStandard })));
    const f = await summaryFigures(year, {});
    expect({ a: f.communesAssessed, r: f.communesReached, p: f.reachedPercent, avg: f.averageCriteria, bands: f.bands }).toEqual({
      a: expected.communesAssessed, r: expected.communesReached, p: expected.reachedPercent, avg: expected.averageCriteria, bands: expected.bands,
    });
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

  it("keeps the mask of criteria met in step with x/19 for every assessment", async () => {
    const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Assessment" WHERE bit_count("metMask"::bit(32)) <> "criteriaMet"`;
    expect(row.n).toBe(0);
  });
});
