// Every public figure (/so-lieu, /api/bang/…?cong_khai=1) counts only assessments reviewed above
// the commune: a draft or a submitted dossier, however it changes, moves none of them, and every
// public table divides by the same communes as the page's headline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { breakdown, criterionHeatmap } from "@/lib/dashboard/queries";
import { toDashboardUnit } from "@/lib/dashboard/scope";
import { bandsTable, communesTable, comparisonTable, headlineTable, heatmapTable, trendTable, whiteDistrictsTable, type TableRequest } from "@/lib/dashboard/tables";
import type { CriterionStatus } from "@/lib/criteria/rules";
import type { WorkflowStatus } from "@/lib/assessments/workflow";
import { putAssessment } from "./helpers";
import { reportFigure } from "../figures";

// 2017: no demo data that year (2016–2020 set, 19 criteria); three districts of Bắc Kạn (code 06)
const YEAR = 2017;
const statusesFor = (met: number): CriterionStatus[] => Array.from({ length: 19 }, (_, i) => (i < met ? "MET" : "NOT_MET"));
// per district: [criteria met, status] of its first communes
const FIXTURE: [number, WorkflowStatus][][] = [
  [[19, "VERIFIED"], [12, "RECOGNISED"], [19, "DRAFT"], [3, "SUBMITTED"]], // one reviewed commune reached
  [[12, "VERIFIED"], [19, "DRAFT"]], // reviewed: none reached ("huyện trắng" in public), a draft at 19/19
  [[10, "DRAFT"]], // nothing reviewed: absent from every public table
];

let request: TableRequest;
let districtIds: number[] = [];
const byDistrict: { id: number; status: WorkflowStatus }[][] = [];

async function publicTables() {
  const headline = await headlineTable(request);
  return {
    headline: headline.table,
    bands: bandsTable(headline.figures),
    comparison: await comparisonTable(request),
    trend: await trendTable(request, 2016, 2020),
    heatmap: await heatmapTable(request),
    whiteDistricts: await whiteDistrictsTable(request),
    communes: await communesTable(request),
  };
}

async function setMet(id: number, met: number) {
  const mask = statusesFor(met).reduce((m, s, i) => (s === "MET" ? m | (1 << i) : m), 0);
  await db.assessment.update({ where: { id }, data: { criteriaMet: met, reachedStandard: met === 19, metMask: mask } });
}

beforeAll(async () => {
  const province = await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "06", validTo: new Date("2025-07-01T00:00:00Z") } });
  await db.assessment.deleteMany({ where: { year: YEAR, unit: { provinceId: province.id } } });
  const districts = await db.adminUnit.findMany({
    where: { level: "DISTRICT", provinceId: province.id },
    orderBy: { code: "asc" },
    include: { districtMembers: { where: { type: "XA" }, orderBy: { code: "asc" }, take: 4 } },
  });
  const chosen = districts.filter((d) => d.districtMembers.length >= 4).slice(0, FIXTURE.length);
  districtIds = chosen.map((d) => d.id);
  for (const [i, rows] of FIXTURE.entries()) {
    byDistrict[i] = [];
    for (const [j, [met, status]] of rows.entries()) {
      const a = await putAssessment({ unitId: chosen[i].districtMembers[j].id, year: YEAR, status, results: statusesFor(met) });
      byDistrict[i].push({ id: a.id, status });
    }
  }
  const unit = await toDashboardUnit({ ...province, level: "PROVINCE", province: null });
  request = { unit, year: YEAR, byTodaysProvinces: false, publicOnly: true, basePath: "/so-lieu" };
});

afterAll(async () => {
  await db.assessment.deleteMany({ where: { year: YEAR } });
});

describe("public figures", () => {
  it("count the reviewed communes only: 3 of 8 assessed, 1 reached", async () => {
    const t = await headlineTable(request);
    expect(t.figures).toMatchObject({ communesAssessed: 3, communesReached: 1 });
  });

  it("a district whose reviewed communes all fall short is 'huyện trắng' in public, whatever its drafts say; one without reviewed communes is not listed", async () => {
    const white = await whiteDistrictsTable(request);
    expect(white.rows).toHaveLength(1);
    expect(white.rows[0].assessed).toBe(1);
    expect(white.links![0]).toContain(`huyen=${districtIds[1]}`);
  });

  it("the heat-map divides by the same communes as the headline, unit by unit", async () => {
    const heat = await criterionHeatmap(YEAR, request.unit.scope, "district", true);
    const units = await breakdown(YEAR, request.unit.scope, { by: "district", publicOnly: true });
    expect(heat.rows.map((r) => [r.unitId, r.assessed])).toEqual(units.map((u) => [u.unitId, u.communesAssessed]));
    expect(heat.rows.reduce((n, r) => n + r.assessed, 0)).toBe((await headlineTable(request)).figures.communesAssessed);
    // criterion 13 is met by the 19 (reviewed) and by no other reviewed commune of the first district
    const first = heat.rows.find((r) => r.unitId === districtIds[0])!;
    expect(first.met[13]).toBe(1);
    expect(first.met[1]).toBe(2);
  });

  it("do not move when drafts and submitted dossiers change", async () => {
    const before = await publicTables();
    for (const rows of byDistrict) for (const a of rows) if (a.status === "DRAFT" || a.status === "SUBMITTED") await setMet(a.id, a.status === "DRAFT" ? 2 : 19);
    const after = await publicTables();
    expect(after).toEqual(before);
    reportFigure(`public figures: ${Object.keys(after).length} public tables unchanged by draft and submitted changes`);
  });

  it("do move when a reviewed assessment changes (the comparison above can fail)", async () => {
    const before = await publicTables();
    await setMet(byDistrict[1][0].id, 19);
    const after = await publicTables();
    expect(after.headline).not.toEqual(before.headline);
    expect(after.heatmap).not.toEqual(before.heatmap);
    expect(after.whiteDistricts.rows).toHaveLength(0);
  });
});
