// Year plans and roadmaps on a real database: registration prefills the roadmap from the latest
// annual report; invalid input (dates in the wrong order, communes of another period, duplicates,
// "đạt chuẩn" for a commune holding the title) gets a clear Vietnamese error and changes nothing;
// progress against plan reads the titles held at the year's end, communes that hold the title but
// slipped back read the confirmed reports, and projections read the reports. Fixtures use
// communes of Hà Nội, which has no demo data.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/authz";
import type { CriterionStatus } from "@/lib/criteria/rules";
import { db } from "@/lib/db";
import { planOverviewForViewer, planVsActual, projectionsForViewer, slippedBackForViewer } from "@/lib/plans/queries";
import { registerPlanEntry, saveRoadmapItem, updatePlanEntry } from "@/lib/plans/service";
import { seedDemoPlans } from "../../prisma/seed/demo-plans";
import { appErrorOf, clearRecognition, onDate, putAssessment, putDossier, putTitle, viewerOf } from "./helpers";
import { snapshotProgramme } from "./programme-fixtures";

let admin: Viewer;
let huyen: Viewer;
let newHaNoi: number;
let xa: { id: number; fullName: string }[];
let phuong: number;
let postReform: number;
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const met = (n: number, total = 19): CriterionStatus[] => Array.from({ length: total }, (_, i) => (i < n ? "MET" : "NOT_MET"));

beforeAll(async () => {
  [admin, huyen] = await Promise.all([viewerOf("admin@ntm.demo"), viewerOf("huyen@ntm.demo")]);
  newHaNoi = (await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "01", validTo: null } })).id;
  const oldHaNoi = (await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "01", validTo: { not: null } } })).id;
  xa = await db.adminUnit.findMany({ where: { level: "COMMUNE", type: "XA", provinceId: oldHaNoi, ...onDate("2025-03-01") }, orderBy: { code: "asc" }, take: 8, select: { id: true, fullName: true } });
  phuong = (await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", type: "PHUONG", provinceId: oldHaNoi, ...onDate("2025-03-01") } })).id;
  postReform = (await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", type: "XA", provinceId: newHaNoi, validTo: null } })).id;
});

afterAll(async () => {
  const ids = [...xa.map((c) => c.id), phuong, postReform];
  await db.planEntry.deleteMany({ where: { communeId: { in: ids } } });
  await clearRecognition(ids);
  await db.assessment.deleteMany({ where: { unitId: { in: ids } } });
});

describe("registration", () => {
  it("prefills the roadmap with the criteria the latest report of the year's set did not meet", async () => {
    const fx = await putAssessment({ unitId: xa[0].id, year: 2023, status: "CONFIRMED", results: [...met(17).slice(0, 17), "NOT_MET", "BASIC"] });
    const audit = await db.auditLog.count();
    const r = await registerPlanEntry(admin, { year: 2024, communeId: xa[0].id, target: "NTM", targetDate: "2024-11-30", note: "Theo Nghị quyết HĐND" });
    expect(r.roadmapItems).toBe(2);
    const entry = await db.planEntry.findUniqueOrThrow({ where: { id: r.id }, include: { roadmap: { include: { criterion: true } } } });
    expect(entry.roadmap.map((i) => [i.criterion.number, i.targetDate.toISOString().slice(0, 10)]).sort()).toEqual([
      [18, "2024-11-30"],
      [19, "2024-11-30"],
    ]);
    expect(entry.roadmap.every((i) => fx.criteria.some((c) => c.id === i.criterionId))).toBe(true);
    expect(await db.auditLog.count()).toBe(audit + 1);
  });

  it("without an assessment of the year's set the roadmap holds every criterion, due 30/9", async () => {
    const r = await registerPlanEntry(admin, { year: 2024, communeId: xa[1].id, target: "NTM" });
    expect(r.roadmapItems).toBe(19);
    const items = await db.roadmapItem.findMany({ where: { planEntryId: r.id } });
    expect(new Set(items.map((i) => i.targetDate.toISOString().slice(0, 10)))).toEqual(new Set(["2024-09-30"]));
  });

  it.each([
    ["a commune already in the year's plan", () => ({ year: 2024, communeId: xa[0].id, target: "ADVANCED" }), "communeId", /đã có trong kế hoạch năm 2024/],
    ["a phường", () => ({ year: 2024, communeId: phuong, target: "NTM" }), "communeId", /áp dụng cho xã/],
    ["a commune formed after the reform, for 2024", () => ({ year: 2024, communeId: postReform, target: "NTM" }), "communeId", /không phải đơn vị hành chính của năm 2024/],
    ["a commune before the reform, for 2026", () => ({ year: 2026, communeId: xa[2].id, target: "NTM" }), "communeId", /năm 2026/],
    ["a target date outside the plan year", () => ({ year: 2024, communeId: xa[2].id, target: "NTM", targetDate: "2025-01-15" }), "targetDate", /trong năm kế hoạch 2024/],
    ["an unknown target", () => ({ year: 2024, communeId: xa[2].id, target: "GOLD" }), "target", /Chọn mục tiêu/],
  ])("refuses %s and changes nothing", async (_label, input, field, message) => {
    const before = await snapshotProgramme();
    const err = await appErrorOf(registerPlanEntry(admin, input()), "VALIDATION");
    expect(err.fieldErrors?.[field]?.[0]).toMatch(message);
    expect(await snapshotProgramme()).toEqual(before);
  });

  it("refuses “đạt chuẩn” for a commune holding the title when the plan year opens", async () => {
    await putAssessment({ unitId: xa[2].id, year: 2023, status: "CONFIRMED", results: "all-met" });
    await putTitle({ unitId: xa[2].id, decisionDate: "2023-12-10", setCode: "XA_2021_2025", decisionNumber: "2210/QĐ-UBND" });
    const before = await snapshotProgramme();
    const err = await appErrorOf(registerPlanEntry(admin, { year: 2024, communeId: xa[2].id, target: "NTM" }), "VALIDATION");
    expect(err.fieldErrors?.target?.[0]).toMatch(/nâng cao hoặc kiểu mẫu/);
    expect(await snapshotProgramme()).toEqual(before);
    expect((await registerPlanEntry(admin, { year: 2024, communeId: xa[2].id, target: "ADVANCED" })).roadmapItems).toBe(0);
  });

  it("lets a commune whose title was revoked before the plan year register “đạt chuẩn” again, and a title decided during the year does not block it", async () => {
    await putTitle({ unitId: xa[7].id, decisionDate: "2019-12-10", revocationDate: "2022-06-01", decisionNumber: "1910/QĐ-UBND" });
    expect((await registerPlanEntry(admin, { year: 2023, communeId: xa[7].id, target: "NTM" })).roadmapItems).toBe(19);
    await putTitle({ unitId: xa[7].id, decisionDate: "2023-05-10", setCode: "XA_2021_2025", decisionNumber: "2305/QĐ-UBND" });
    // held from 10/5/2023: the 2023 plan stands, a 2024 plan for "đạt chuẩn" is refused
    await appErrorOf(registerPlanEntry(admin, { year: 2024, communeId: xa[7].id, target: "NTM" }), "VALIDATION");
    await db.planEntry.deleteMany({ where: { communeId: xa[7].id } });
  });
});

describe("roadmap dates in order", () => {
  it("an item due after the commune's target date, a criterion of another set, or a target date before an item are refused", async () => {
    const { id } = await registerPlanEntry(admin, { year: 2024, communeId: xa[3].id, target: "NTM", targetDate: "2024-10-31" });
    const items = await db.roadmapItem.findMany({ where: { planEntryId: id } });
    const otherSet = await db.criterion.findFirstOrThrow({ where: { set: { code: "XA_2026_2030" } } });
    const before = await snapshotProgramme();
    const late = await appErrorOf(saveRoadmapItem(admin, { entryId: id, criterionId: items[0].criterionId, targetDate: "2024-11-15" }), "VALIDATION");
    expect(late.fieldErrors?.targetDate?.[0]).toMatch(/không thể sau ngày mục tiêu/);
    const outOfYear = await appErrorOf(saveRoadmapItem(admin, { entryId: id, criterionId: items[0].criterionId, targetDate: "2023-12-31" }), "VALIDATION");
    expect(outOfYear.fieldErrors?.targetDate?.[0]).toMatch(/trong năm kế hoạch 2024/);
    const wrongSet = await appErrorOf(saveRoadmapItem(admin, { entryId: id, criterionId: otherSet.id, targetDate: "2024-06-30" }), "VALIDATION");
    expect(wrongSet.fieldErrors?.criterionId?.[0]).toMatch(/không thuộc bộ tiêu chí/);
    const early = await appErrorOf(updatePlanEntry(admin, { entryId: id, targetDate: "2024-06-01" }), "VALIDATION");
    expect(early.message).toMatch(/có thời hạn sau ngày 1\/6\/2024/);
    expect(await snapshotProgramme()).toEqual(before);
  });
});

describe("progress against plan", () => {
  it("counts registered and reached per target from the titles held at the year's end, through succession", async () => {
    // xa[0] (NTM) recognised on 15/10/2024; xa[1] (NTM) never assessed in 2024; xa[2] (ADVANCED) holds
    // the basic title only; xa[3] (NTM) meets every criterion, its dossier appraised, no decision yet
    await putAssessment({ unitId: xa[0].id, year: 2024, status: "CONFIRMED", results: "all-met" });
    await putTitle({ unitId: xa[0].id, decisionDate: "2024-10-15", setCode: "XA_2021_2025", decisionNumber: "2410/QĐ-UBND" });
    await putAssessment({ unitId: xa[2].id, year: 2024, status: "CONFIRMED", results: "all-met" });
    const r3 = await putAssessment({ unitId: xa[3].id, year: 2024, status: "CONFIRMED", results: "all-met" });
    await putDossier({ unitId: xa[3].id, reportId: r3.id, status: "APPRAISED", appraisedOn: "2024-12-05" });
    const expected = [
      { target: "NTM", registered: 3, reached: 1 },
      { target: "ADVANCED", registered: 1, reached: 0 },
      { target: "MODEL", registered: 0, reached: 0 },
    ];
    expect(await planVsActual({ year: 2024, provinceId: newHaNoi })).toEqual(expected);
    // a decision signed after the year's end does not count for the year
    await putTitle({ unitId: xa[3].id, decisionDate: "2025-01-08", setCode: "XA_2021_2025", decisionNumber: "2501/QĐ-UBND" });
    expect(await planVsActual({ year: 2024, provinceId: newHaNoi })).toEqual(expected);
    // the nâng cao title, decided in the year
    await putTitle({ unitId: xa[2].id, decisionDate: "2024-12-20", level: "ADVANCED", setCode: "XA_2021_2025", decisionNumber: "2412/QĐ-UBND" });
    expect((await planVsActual({ year: 2024, provinceId: newHaNoi }))[1]).toEqual({ target: "ADVANCED", registered: 1, reached: 1 });
    // a year without a plan
    expect((await planVsActual({ year: 2022, provinceId: newHaNoi })).map((p) => p.registered)).toEqual([0, 0, 0]);
  });

  it("communes behind plan stand out: the year is over without the target, or a roadmap item is overdue", async () => {
    const o = await planOverviewForViewer(admin, { year: 2024, provinceId: newHaNoi });
    const by = new Map(o.entries.map((e) => [e.communeId, e]));
    expect(by.get(xa[0].id)).toMatchObject({ outcome: "REACHED", check: { behind: false } });
    expect(by.get(xa[1].id)).toMatchObject({ outcome: "NO_ASSESSMENT", check: { behind: true, yearEndedUnreached: true } });
    expect(by.get(xa[3].id)).toMatchObject({ outcome: "AWAITING_RECOGNITION", check: { behind: true } });
    expect(o.behind.map((e) => e.communeId).sort()).toEqual([xa[1].id, xa[3].id].sort());
    // a district officer of Thái Nguyên sees none of Hà Nội's plan
    expect((await planOverviewForViewer(huyen, { year: 2024 })).entries.some((e) => by.has(e.communeId))).toBe(false);
  });

  it("communes holding the title whose confirmed report of the year slipped back are flagged, with their decision", async () => {
    await putTitle({ unitId: xa[4].id, decisionDate: "2022-12-12", setCode: "XA_2021_2025", decisionNumber: "2212/QĐ-UBND" });
    await putAssessment({ unitId: xa[4].id, year: 2024, status: "CONFIRMED", results: met(16) });
    const slipped = await slippedBackForViewer(admin, { year: 2024, provinceId: newHaNoi });
    expect(slipped.filter((s) => s.communeId === xa[4].id).map((s) => [s.criteriaMet, s.criteriaTotal, s.decisionNumber, s.decisionDate?.toISOString().slice(0, 10)])).toEqual([
      [16, 19, "2212/QĐ-UBND", "2022-12-12"],
    ]);
    expect(slipped.some((s) => s.communeId === xa[0].id)).toBe(false);
    // not while the report is only sent, nor once the title was revoked before the year's end, nor without a title
    await putAssessment({ unitId: xa[4].id, year: 2024, status: "SUBMITTED", results: met(16) });
    expect((await slippedBackForViewer(admin, { year: 2024, provinceId: newHaNoi })).some((s) => s.communeId === xa[4].id)).toBe(false);
    await putAssessment({ unitId: xa[4].id, year: 2024, status: "CONFIRMED", results: met(16) });
    await db.recognition.updateMany({ where: { unitId: xa[4].id }, data: { revocationDate: new Date("2024-11-30"), revocationNumber: "2411/QĐ-UBND", revocationReason: "Không còn đạt 3/19 tiêu chí." } });
    expect((await slippedBackForViewer(admin, { year: 2024, provinceId: newHaNoi })).some((s) => s.communeId === xa[4].id)).toBe(false);
    await putAssessment({ unitId: xa[1].id, year: 2024, status: "CONFIRMED", results: met(16) });
    expect((await slippedBackForViewer(admin, { year: 2024, provinceId: newHaNoi })).some((s) => s.communeId === xa[1].id)).toBe(false);
    await db.assessment.deleteMany({ where: { unitId: xa[1].id, year: 2024 } });
  });

  it("projects the year a commune reaches the standard from its trend over the same criteria set", async () => {
    for (const [i, year] of [2021, 2022, 2023, 2024, 2025].entries()) await putAssessment({ unitId: xa[5].id, year, status: "CONFIRMED", results: met(13 + i) });
    await putAssessment({ unitId: xa[6].id, year: 2024, status: "CONFIRMED", results: met(15) });
    await putAssessment({ unitId: xa[6].id, year: 2025, status: "CONFIRMED", results: met(15) });
    const rows = await projectionsForViewer(admin, { year: 2025, provinceId: newHaNoi });
    const by = new Map(rows.map((r) => [r.communeId, r]));
    // 2021 was judged by QĐ 1980/QĐ-TTg (QĐ 318 took effect in 2022): not a point of the 318 trend
    expect(by.get(xa[5].id)).toMatchObject({ points: [{ year: 2022, criteriaMet: 14 }, { year: 2023, criteriaMet: 15 }, { year: 2024, criteriaMet: 16 }, { year: 2025, criteriaMet: 17 }], projection: { kind: "PROJECTED", year: 2027 } });
    expect(by.get(xa[6].id)?.projection).toEqual({ kind: "UNKNOWN", reason: "NO_UPWARD_TREND" });
  });
});

describe("demo plans", () => {
  it("are deterministic, flagged as demo, and register Xã Tân Thành for 2025 with criterion 17 on its roadmap", async () => {
    const provinces = (await db.adminUnit.findMany({ where: { level: "PROVINCE", code: { in: ["19", "44", "45", "58", "04"] }, validTo: { not: null } }, select: { id: true } })).map((p) => p.id);
    const run = async () => {
      const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await sql.connect();
      try {
        await sql.query("BEGIN");
        // whether or not the seed already holds them (prisma/seed.ts), start from none
        await sql.query(`DELETE FROM "PlanEntry" WHERE "isDemo"`);
        const counts = await seedDemoPlans(sql, { provinceIds: provinces, years: [2024, 2025] });
        const { rows } = await sql.query<{ year: number; code: string; target: string; isDemo: boolean; criteria: number[] }>(
          `SELECT p.year, u.code, p.target, p."isDemo",
                  coalesce((SELECT array_agg(c.number ORDER BY c.number) FROM "RoadmapItem" i JOIN "Criterion" c ON c.id = i."criterionId" WHERE i."planEntryId" = p.id), '{}') AS criteria
             FROM "PlanEntry" p JOIN "AdminUnit" u ON u.id = p."communeId" WHERE p."isDemo" ORDER BY p.year, u.code, p.target`,
        );
        return { counts, rows };
      } finally {
        await sql.query("ROLLBACK");
        await sql.end();
      }
    };
    const demoBefore = await db.planEntry.count({ where: { isDemo: true } });
    const first = await run();
    expect(first.counts.planEntries).toBeGreaterThan(50);
    expect(await run()).toEqual(first);
    expect(first.rows.every((r) => r.isDemo)).toBe(true);
    const tanThanh = first.rows.find((r) => r.code === "05923" && r.year === 2025);
    expect(tanThanh).toMatchObject({ target: "NTM" });
    expect(tanThanh!.criteria).toContain(17);
    // both runs were rolled back
    expect(await db.planEntry.count({ where: { isDemo: true } })).toBe(demoBefore);
  });
});
