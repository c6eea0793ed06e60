// Every public figure (/so-lieu, /api/bang/…?cong_khai=1) counts only what the level above has
// confirmed and the titles in force on the day: a draft or a sent report, however it changes,
// moves none of them; every public table divides by the same communes as the page's headline; and
// "huyện trắng" is a district none of whose xã holds the title that day.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { breakdown, criterionHeatmap } from "@/lib/dashboard/queries";
import { toDashboardUnit } from "@/lib/dashboard/scope";
import { bandsTable, communesTable, comparisonTable, headlineTable, heatmapTable, notMaintainedTable, trendTable, whiteDistrictsTable, type TableRequest } from "@/lib/dashboard/tables";
import type { CriterionStatus } from "@/lib/criteria/rules";
import type { ReportStatus } from "@/lib/assessments/workflow";
import { clearRecognition, dayOf, putAssessment, putTitle } from "./helpers";
import { reportFigure } from "../figures";

// 2017: no demo data that year (2016–2020 set, 19 criteria); three districts of Bắc Kạn (code 06,
// no demo data, no titles)
const YEAR = 2017;
const statusesFor = (met: number): CriterionStatus[] => Array.from({ length: 19 }, (_, i) => (i < met ? "MET" : "NOT_MET"));
// per district: [criteria met, status] of its first communes
const FIXTURE: [number, ReportStatus][][] = [
  [[19, "CONFIRMED"], [12, "CONFIRMED"], [19, "DRAFT"], [3, "SUBMITTED"]], // one confirmed report at 19/19; the 12/19 commune holds the title
  [[12, "CONFIRMED"], [19, "DRAFT"]], // confirmed: none at 19/19, a draft at 19/19; no title ("huyện trắng")
  [[10, "RETURNED"]], // nothing confirmed: absent from every public table of reports
];

let request: TableRequest;
let districtIds: number[] = [];
let provinceDistricts = 0;
const byDistrict: { id: number; unitId: number; status: ReportStatus }[][] = [];

async function publicTables() {
  const headline = await headlineTable(request);
  return {
    headline: headline.table,
    bands: bandsTable(headline.bands),
    comparison: await comparisonTable(request),
    trend: await trendTable(request, 2016, 2020),
    heatmap: await heatmapTable(request),
    whiteDistricts: await whiteDistrictsTable(request),
    notMaintained: await notMaintainedTable(request),
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
  const standing = { validFrom: { lte: dayOf("2017-12-31") }, OR: [{ validTo: null }, { validTo: { gt: dayOf("2017-12-31") } }] };
  const districts = await db.adminUnit.findMany({
    where: { level: "DISTRICT", provinceId: province.id, ...standing },
    orderBy: { code: "asc" },
    include: { districtMembers: { where: { type: "XA", ...standing }, orderBy: { code: "asc" }, take: 4 } },
  });
  provinceDistricts = districts.filter((d) => d.districtMembers.length > 0).length;
  const chosen = districts.filter((d) => d.districtMembers.length >= 4).slice(0, FIXTURE.length);
  districtIds = chosen.map((d) => d.id);
  expect(await db.recognition.count({ where: { unit: { provinceId: province.id } } })).toBe(0);
  for (const [i, rows] of FIXTURE.entries()) {
    byDistrict[i] = [];
    for (const [j, [met, status]] of rows.entries()) {
      const unitId = chosen[i].districtMembers[j].id;
      const a = await putAssessment({ unitId, year: YEAR, status, results: statusesFor(met) });
      byDistrict[i].push({ id: a.id, unitId, status });
    }
  }
  await putTitle({ unitId: byDistrict[0][1].unitId, decisionDate: "2016-12-20" });
  const unit = await toDashboardUnit({ ...province, level: "PROVINCE", province: null });
  request = { unit, year: YEAR, asOf: dayOf("2017-12-31"), byTodaysProvinces: false, publicOnly: true, basePath: "/so-lieu" };
});

afterAll(async () => {
  await clearRecognition(byDistrict.flat().map((a) => a.unitId));
  await db.assessment.deleteMany({ where: { year: YEAR } });
});

describe("public figures", () => {
  it("count the confirmed reports only: 3 of 8 confirmed, 1 meeting every criterion; and the titles in force: 1, which no longer meets its criteria", async () => {
    const { official, bands, table } = await headlineTable(request);
    expect(official.reports).toMatchObject({ confirmed: 3, pending: 1, fullCriteria: 1 });
    expect(bands).toMatchObject({ year: YEAR, criteriaTotal: 19, confirmed: 3, bands: { "19": 1, "15-18": 0, "10-14": 2, "5-9": 0, "<5": 0 } });
    expect(official).toMatchObject({ recognised: 1, notMaintained: 1 });
    // the headline's lines carry those numbers under their names
    const line = (label: RegExp) => table.rows.find((r) => label.test(String(r.label)))?.now;
    expect(line(/^Xã đạt chuẩn NTM \(có quyết định công nhận\)$/)).toBe(1);
    expect(line(/^Xã có báo cáo đã được xác nhận$/)).toBe(3);
    expect(line(/^Xã đạt đủ 19 tiêu chí/)).toBe(1);
    expect(line(/chưa duy trì/)).toBe(1);
  });

  it("a district none of whose xã holds the title is 'huyện trắng', whatever its reports say; one with a titled xã is not", async () => {
    const white = await whiteDistrictsTable(request);
    const listed = (id: number) => white.links!.some((l) => l?.endsWith(`huyen=${id}`));
    expect(listed(districtIds[0])).toBe(false); // a xã holds the title (though at 12/19)
    expect(listed(districtIds[1])).toBe(true); // a draft at 19/19 is not a title
    expect(listed(districtIds[2])).toBe(true);
    expect(white.rows).toHaveLength(provinceDistricts - 1);
  });

  it("the heat-map divides by the same communes as the headline, unit by unit", async () => {
    const heat = await criterionHeatmap(YEAR, request.unit.scope, "district", true);
    const units = await breakdown(YEAR, request.unit.scope, { by: "district", publicOnly: true });
    expect(heat.rows.map((r) => [r.unitId, r.assessed])).toEqual(units.map((u) => [u.unitId, u.communesAssessed]));
    expect(heat.rows.reduce((n, r) => n + r.assessed, 0)).toBe((await headlineTable(request)).official.reports.confirmed);
    // criterion 13 is met by the 19 (confirmed) and by no other confirmed report of the first district
    const first = heat.rows.find((r) => r.unitId === districtIds[0])!;
    expect(first.met[13]).toBe(1);
    expect(first.met[1]).toBe(2);
  });

  it("do not move when drafts, sent and returned reports change", async () => {
    const before = await publicTables();
    for (const rows of byDistrict) for (const a of rows) if (a.status !== "CONFIRMED") await setMet(a.id, a.status === "DRAFT" ? 2 : 19);
    const after = await publicTables();
    expect(after).toEqual(before);
    reportFigure(`public figures: ${Object.keys(after).length} public tables unchanged by draft, sent and returned reports changing`);
  });

  it("do move when a confirmed report changes (the comparison above can fail), and when a title is decided", async () => {
    const before = await publicTables();
    await setMet(byDistrict[1][0].id, 19);
    const after = await publicTables();
    expect(after.headline).not.toEqual(before.headline);
    expect(after.heatmap).not.toEqual(before.heatmap);
    expect(after.whiteDistricts).toEqual(before.whiteDistricts); // reports are not titles
    await putTitle({ unitId: byDistrict[1][0].unitId, decisionDate: "2017-12-28" });
    const titled = await publicTables();
    expect(titled.whiteDistricts.rows).toHaveLength(before.whiteDistricts.rows.length - 1);
    expect((await headlineTable(request)).official.recognised).toBe(2);
    expect(titled.headline).not.toEqual(after.headline);
  });
});
