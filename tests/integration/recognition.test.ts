// Recognition (xét, công nhận) as a process of its own, apart from the annual report
// (QĐ 18/2022/QĐ-TTg): refused below every criterion at the first step and with a decision wrongly
// dated, each refusal changing nothing; a title that lasts beyond the year it was granted until a
// revocation decision, counted in the official figures from its decision's day and no longer from
// its revocation's day; the district never asked to verify a commune that cannot be recognised;
// and the whole procedure on days before 1/7/2025 (with the district) and after (without it).
//
// Places: Lạng Sơn, which has no demo data and kept its code through the 2025 reform. Accounts:
// officers of its communes, of one of its districts and of the province (created by this file).
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZTransition } from "@/lib/assessments/schemas";
import { transitionAssessment } from "@/lib/assessments/service";
import type { Viewer } from "@/lib/authz";
import type { CriterionStatus } from "@/lib/criteria/rules";
import { db } from "@/lib/db";
import { percentOf } from "@/lib/figures/definitions";
import { notMaintainedList, officialFigures } from "@/lib/figures/queries";
import type { Role } from "@/lib/generated/prisma/enums";
import { recognitionView } from "@/lib/recognition/queries";
import { ZDossierStep, ZPropose, ZRevoke } from "@/lib/recognition/schemas";
import { proposeRecognition, revokeRecognition, stepDossier } from "@/lib/recognition/service";
import { openStatistics, ZStatsQuery } from "@/lib/stats/open-data";
import { appErrorOf, clearRecognition, dayOf, putAssessment, putDossier, snapshotAssessment, viewerOf } from "./helpers";

const met = (n: number, total = 19): CriterionStatus[] => Array.from({ length: total }, (_, i) => (i < n ? "MET" : "NOT_MET"));

interface Unit {
  id: number;
  code: string;
  fullName: string;
  provinceId: number | null;
  districtId: number | null;
  type: string;
}
let district: Unit; // a huyện of Lạng Sơn before 1/7/2025
let otherDistrict: Unit; // another one, for the figures of a title over the years
/** xã of `district`: the refusals, the procedure before 1/7/2025, two dossiers across the reform */
const c = {} as Record<"refused" | "journey" | "acrossVerified" | "acrossSent" | "twice", Unit>;
let titled: Unit; // a xã of `otherDistrict`: recognised in 2023, 17/19 in 2024
let newCommune: Unit; // a xã of Lạng Sơn formed on 1/7/2025 (no district)
let newProvinceName: string;

const v = {} as Record<"admin" | "xa" | "xaJourney" | "xaNew" | "huyen" | "tinh", Viewer>;
const allUnits = () => [...Object.values(c), titled, newCommune].map((u) => u.id);

async function officer(email: string, name: string, role: Role, unitId: number) {
  await db.user.upsert({
    where: { email },
    create: { email, name, role, unitId, passwordHash: await bcrypt.hash(`x-${Math.random()}`, 10) },
    update: { role, unitId, active: true },
  });
  return viewerOf(email);
}

beforeAll(async () => {
  const oldProvince = await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "20", validTo: new Date("2025-07-01") } });
  const newProvince = await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "20", validTo: null } });
  newProvinceName = newProvince.fullName;
  // communes that stood from 2021 (the phase's start) to the reform, none with a title or a dossier
  const xa = { level: "COMMUNE" as const, type: "XA" as const, validFrom: { lte: new Date("2021-01-01") }, validTo: new Date("2025-07-01"), dossiers: { none: {} }, recognitions: { none: {} } };
  const districts = await db.adminUnit.findMany({
    where: { level: "DISTRICT", type: "HUYEN", provinceId: oldProvince.id, validFrom: { lte: new Date("2021-01-01") }, validTo: new Date("2025-07-01") },
    orderBy: { code: "asc" },
    include: { districtMembers: { where: xa, orderBy: { code: "asc" } } },
  });
  const [d1, d2] = districts.filter((d) => d.districtMembers.length >= 5);
  district = d1;
  otherDistrict = d2;
  [c.refused, c.journey, c.acrossVerified, c.acrossSent, c.twice] = d1.districtMembers;
  titled = d2.districtMembers[0];
  newCommune = await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", type: "XA", provinceId: newProvince.id, validTo: null, dossiers: { none: {} }, recognitions: { none: {} } }, orderBy: { code: "asc" } });
  expect(newCommune.districtId).toBeNull();
  expect(await db.assessment.count({ where: { unitId: { in: allUnits() } } })).toBe(0);

  v.admin = await viewerOf("admin@ntm.demo");
  v.xa = await officer("xa-ls@ntm.test", `Cán bộ ${c.refused.fullName}`, "COMMUNE_OFFICER", c.refused.id);
  v.xaJourney = await officer("xa-ls-2@ntm.test", `Cán bộ ${c.journey.fullName}`, "COMMUNE_OFFICER", c.journey.id);
  v.xaNew = await officer("xa-ls-2025@ntm.test", `Cán bộ ${newCommune.fullName} (từ 1/7/2025)`, "COMMUNE_OFFICER", newCommune.id);
  v.huyen = await officer("huyen-ls@ntm.test", `Cán bộ VPĐP ${district.fullName}`, "DISTRICT_OFFICER", district.id);
  // bound to the province as it stands since 1/7/2025: the old province is in scope by succession
  v.tinh = await officer("tinh-ls@ntm.test", "Cán bộ VPĐP tỉnh Lạng Sơn", "PROVINCE_OFFICER", newProvince.id);
});

afterAll(async () => {
  await db.correctionRequest.deleteMany({ where: { assessment: { unitId: { in: allUnits() } } } });
  await clearRecognition(allUnits());
  await db.assessment.deleteMany({ where: { unitId: { in: allUnits() } } });
});

// ───────────── the services, as a person acts on a day ─────────────

async function send(viewer: Viewer, reportId: number, action: "submit" | "confirm", day: string) {
  const { version } = await db.assessment.findUniqueOrThrow({ where: { id: reportId } });
  return transitionAssessment(viewer, ZTransition.parse({ action, assessmentId: reportId, version }), dayOf(day));
}
const propose = (viewer: Viewer | null, communeId: number, year: number, day: string) => proposeRecognition(viewer, ZPropose.parse({ communeId, year }), dayOf(day));
async function step(viewer: Viewer | null, dossierId: number, raw: Record<string, unknown>, day: string) {
  const { version } = await db.recognitionDossier.findUniqueOrThrow({ where: { id: dossierId } });
  return stepDossier(viewer, ZDossierStep.parse({ dossierId, version, ...raw }), dayOf(day));
}
const appraise = (viewer: Viewer, dossierId: number, on: string, day = on, votesFor = 14, votesTotal = 15) =>
  step(viewer, dossierId, { action: "appraise", appraisedOn: on, votesFor, votesTotal }, day);
const decide = (viewer: Viewer, dossierId: number, decisionNumber: string, decisionDate: string, day = decisionDate) =>
  step(viewer, dossierId, { action: "decide", decisionNumber, decisionDate, signer: "Chủ tịch UBND tỉnh Lạng Sơn", confirmed: "on" }, day);

const offeredTo = async (viewer: Viewer, unit: Unit, year: number, day: string) => {
  const view = await recognitionView(viewer, unit, year, dayOf(day));
  return { ...view, openActions: [...view.openActions].sort() };
};
const snapshot = (unit: Unit, year: number) => snapshotAssessment({ unitId: unit.id, year });
const auditTrail = async (entityType: string, entityId: number) =>
  (await db.auditLog.findMany({ where: { entityType, entityId: String(entityId) }, orderBy: { id: "asc" }, select: { action: true, userId: true, unitId: true } })).map((a) => [a.action, a.userId, a.unitId]);

// ───────────── refusals ─────────────

describe("recognition is refused below every criterion at the first step, and with a decision wrongly dated", () => {
  it("a commune whose confirmed report meets 18 of 19 criteria cannot ask: refused when it asks, in Vietnamese, nothing written", async () => {
    await putAssessment({ unitId: c.refused.id, year: 2024, status: "CONFIRMED", results: met(18) });
    const view = await offeredTo(v.xa, c.refused, 2024, "2025-03-10");
    expect(view.propose).toEqual({ year: 2024, problem: "Xã mới đạt 18/19 tiêu chí: chưa đủ điều kiện xét công nhận (cần đạt 19/19 tiêu chí)." });
    const before = await snapshot(c.refused, 2024);
    const err = await appErrorOf(propose(v.xa, c.refused.id, 2024, "2025-03-10"), "VALIDATION");
    expect(err.message).toBe(view.propose!.problem);
    // nor the administrator, for the commune
    await appErrorOf(propose(v.admin, c.refused.id, 2024, "2025-03-10"), "VALIDATION");
    expect(await snapshot(c.refused, 2024)).toEqual(before);
    expect(await db.recognitionDossier.count({ where: { unitId: c.refused.id } })).toBe(0);
  });

  it("“cơ bản đạt” is not “đạt”: 18 criteria met and one basically met is refused too", async () => {
    await putAssessment({ unitId: c.refused.id, year: 2024, status: "CONFIRMED", results: [...met(18).slice(0, 18), "BASIC"] });
    const before = await snapshot(c.refused, 2024);
    const err = await appErrorOf(propose(v.xa, c.refused.id, 2024, "2025-03-10"), "VALIDATION");
    expect(err.message).toMatch(/18\/19/);
    expect(await snapshot(c.refused, 2024)).toEqual(before);
  });

  it.each([
    ["sent but not yet confirmed", "SUBMITTED", /chưa được cấp trên xác nhận/],
    ["still a draft", "DRAFT", /chưa được cấp trên xác nhận/],
  ] as const)("a report meeting every criterion but %s cannot carry a request", async (_label, status, message) => {
    await putAssessment({ unitId: c.refused.id, year: 2024, status, results: "all-met" });
    expect((await offeredTo(v.xa, c.refused, 2024, "2025-03-10")).propose?.problem).toMatch(message);
    const before = await snapshot(c.refused, 2024);
    expect((await appErrorOf(propose(v.xa, c.refused.id, 2024, "2025-03-10"), "VALIDATION")).message).toMatch(message);
    expect(await snapshot(c.refused, 2024)).toEqual(before);
  });

  it("a year without a report cannot carry a request either", async () => {
    const before = await snapshot(c.refused, 2023);
    const err = await appErrorOf(propose(v.xa, c.refused.id, 2023, "2025-03-10"), "VALIDATION");
    expect(err.message).toBe("Xã chưa có báo cáo kết quả thực hiện tiêu chí năm 2023: chưa thể đề nghị xét công nhận.");
    expect(await snapshot(c.refused, 2023)).toEqual(before);
  });

  describe("the decision's date", () => {
    let dossierId: number;
    beforeAll(async () => {
      const report = await putAssessment({ unitId: c.refused.id, year: 2024, status: "CONFIRMED", results: "all-met" });
      dossierId = (await putDossier({ unitId: c.refused.id, reportId: report.id, status: "APPRAISED", submittedOn: "2025-03-01", verifiedOn: "2025-03-10", appraisedOn: "2025-03-20" })).id;
    });

    it.each([
      ["in the future (1/1/2030)", "2030-01-01", "Ngày ký quyết định không được sau ngày hôm nay."],
      ["a day after today", "2025-03-26", "Ngày ký quyết định không được sau ngày hôm nay."],
      ["before the council's appraisal (20/3/2025)", "2025-03-19", "Ngày ký quyết định không được trước ngày hội đồng thẩm định."],
    ])("a decision dated %s is refused next to its date, and nothing is written", async (_label, date, message) => {
      const before = await snapshot(c.refused, 2024);
      const err = await appErrorOf(decide(v.tinh, dossierId, "401/QĐ-UBND", date, "2025-03-25"), "VALIDATION");
      expect(err.fieldErrors?.decisionDate).toEqual([message]);
      expect(await snapshot(c.refused, 2024)).toEqual(before);
      expect(await db.recognition.count({ where: { unitId: c.refused.id } })).toBe(0);
    });

    it("a decision dated the council's day is accepted (the dates above were the only fault)", async () => {
      const r = await decide(v.tinh, dossierId, "402/QĐ-UBND", "2025-03-20", "2025-03-25");
      expect(r).toMatchObject({ status: "DECIDED" });
      const title = await db.recognition.findUniqueOrThrow({ where: { id: r.recognitionId! } });
      expect(title).toMatchObject({ unitId: c.refused.id, decisionNumber: "402/QĐ-UBND", decisionDate: dayOf("2025-03-20"), dossierId });
      await clearRecognition([c.refused.id]);
    });
  });
});

// ───────────── a title over the years ─────────────

describe("a title lasts beyond its year until a revocation decision", () => {
  let titleId: number;
  const scope = () => ({ districtId: otherDistrict.id });

  beforeAll(async () => {
    // recognised through the procedure in 2023 on its confirmed report meeting every criterion …
    const r2023 = await putAssessment({ unitId: titled.id, year: 2023, status: "CONFIRMED", results: "all-met", confirmedAt: dayOf("2023-11-20") });
    const { id } = await propose(v.admin, titled.id, 2023, "2023-11-25");
    await step(v.admin, id, { action: "verify" }, "2023-11-30");
    await appraise(v.tinh, id, "2023-12-08");
    titleId = (await decide(v.tinh, id, "2345/QĐ-UBND", "2023-12-15")).recognitionId!;
    expect((await db.recognitionDossier.findUniqueOrThrow({ where: { id } })).reportId).toBe(r2023.id);
    // … then confirmed at 17 of 19 criteria for 2024
    await putAssessment({ unitId: titled.id, year: 2024, status: "CONFIRMED", results: met(17), confirmedAt: dayOf("2024-11-20") });
  });

  it("counts as “đạt chuẩn” from its decision's day: not on 14/12/2023, yes on 15/12/2023", async () => {
    expect((await officialFigures(scope(), 2023, dayOf("2023-12-14"))).recognised).toBe(0);
    const f = await officialFigures(scope(), 2023, dayOf("2023-12-15"));
    expect(f).toMatchObject({ recognised: 1, notMaintained: 0, reports: { confirmed: 1, fullCriteria: 1 } });
  });

  it("a commune recognised in 2023 that reports 17/19 for 2024 still counts in 2024, and is listed as not maintaining its criteria", async () => {
    const f = await officialFigures(scope(), 2024, dayOf("2024-12-31"));
    expect(f.recognised).toBe(1);
    expect(f.programme.isDefault).toBe(true);
    expect(f.programme.size).toBeGreaterThanOrEqual(5);
    expect(f.recognisedPercent).toBe(percentOf(1, f.programme.size));
    // the report of 2024 counts in the bands, not in "đạt đủ 19 tiêu chí"
    expect(f.reports).toMatchObject({ confirmed: 1, fullCriteria: 0, averageCriteria: 17, bands: { "19": 0, "15-18": 1 } });
    expect(f.notMaintained).toBe(1);
    expect(await notMaintainedList(scope(), 2024, dayOf("2024-12-31"))).toEqual([
      { communeId: titled.id, name: titled.fullName, decisionNumber: "2345/QĐ-UBND", decisionDate: dayOf("2023-12-15"), reportYear: 2024, criteriaMet: 17, criteriaTotal: 19, keyFailing: expect.any(Boolean) },
    ]);
    // the open data API says the same, for the district and for the province
    const api = await openStatistics(ZStatsQuery.parse({ nam: "2024", huyen: otherDistrict.code }));
    expect(api).toMatchObject({ asOf: "2024-12-31", recognised: { communes: 1, denominator: f.programme.size }, notMaintained: 1, reports: { confirmed: 1, fullCriteria: 0 } });
    const province = await officialFigures({ provinceIds: [titled.provinceId!] }, 2024, dayOf("2024-12-31"));
    expect(province.recognised).toBeGreaterThanOrEqual(1);
    // the commune's page says so
    const view = await offeredTo(v.tinh, titled, 2024, "2025-01-05");
    expect(view.inForce?.decisionNumber).toBe("2345/QĐ-UBND");
    expect(view.revocation).toMatchObject({ year: 2024, criteriaMet: 17, criteriaTotal: 19 });
    expect(view.canRevoke).toBe(true);
  });

  it("after a revocation decision it no longer counts, from the decision's date: on 9/3/2025 it counts, on 10/3/2025 it does not", async () => {
    const title = await db.recognition.findUniqueOrThrow({ where: { id: titleId } });
    const auditBefore = await db.auditLog.count();
    await revokeRecognition(
      v.tinh,
      ZRevoke.parse({ recognitionId: titleId, version: title.version, revocationNumber: "77/QĐ-UBND", revocationDate: "2025-03-10", reason: "Không còn đạt 2/19 tiêu chí (báo cáo năm 2024).", confirmed: "on" }),
      dayOf("2025-03-12"),
    );
    expect(await db.auditLog.count()).toBe(auditBefore + 1);
    expect(await auditTrail("Recognition", titleId)).toEqual([["recognition.revoke", v.tinh.id, titled.id]]);

    const dayBefore = await officialFigures(scope(), 2025, dayOf("2025-03-09"));
    expect(dayBefore).toMatchObject({ recognised: 1, notMaintained: 1 });
    expect((await notMaintainedList(scope(), 2025, dayOf("2025-03-09"))).map((r) => r.communeId)).toEqual([titled.id]);
    const thatDay = await officialFigures(scope(), 2025, dayOf("2025-03-10"));
    expect(thatDay).toMatchObject({ recognised: 0, notMaintained: 0 });
    expect(await notMaintainedList(scope(), 2025, dayOf("2025-03-10"))).toEqual([]);
    expect((await openStatistics(ZStatsQuery.parse({ "den-ngay": "2025-03-10", huyen: otherDistrict.code }))).recognised.communes).toBe(0);
    expect((await openStatistics(ZStatsQuery.parse({ "den-ngay": "2025-03-09", huyen: otherDistrict.code }))).recognised.communes).toBe(1);
    // what was true stays true: 2024 as at its end still counts it
    expect((await officialFigures(scope(), 2024, dayOf("2024-12-31"))).recognised).toBe(1);
    // and the commune's page shows the title revoked, nothing to revoke any more
    const view = await offeredTo(v.tinh, titled, 2024, "2025-03-12");
    expect(view.inForce).toBeNull();
    expect(view.canRevoke).toBe(false);
    expect(view.titles.map((t) => [t.decisionNumber, t.revocationNumber])).toEqual([["2345/QĐ-UBND", "77/QĐ-UBND"]]);
  });
});

// ───────────── the district and a commune at 11/19 ─────────────

describe("a district is never offered the verification of a commune that does not meet every criterion", () => {
  it("a commune at 11/19 is told up front, in Vietnamese, that it cannot ask; its request is refused; the district has nothing to verify", async () => {
    await clearRecognition([c.refused.id]);
    await putAssessment({ unitId: c.refused.id, year: 2024, status: "CONFIRMED", results: met(11) });
    const problem = "Xã mới đạt 11/19 tiêu chí: chưa đủ điều kiện xét công nhận (cần đạt 19/19 tiêu chí).";
    expect((await offeredTo(v.xa, c.refused, 2024, "2025-03-10")).propose).toEqual({ year: 2024, problem });
    const before = await snapshot(c.refused, 2024);
    expect((await appErrorOf(propose(v.xa, c.refused.id, 2024, "2025-03-10"), "VALIDATION")).message).toBe(problem);
    expect(await snapshot(c.refused, 2024)).toEqual(before);
    const districtView = await offeredTo(v.huyen, c.refused, 2024, "2025-03-10");
    expect(districtView).toMatchObject({ open: null, openActions: [], propose: null });
  });

  it("a dossier whose report a correction brought down to 11/19 is offered to the district only to be returned; verifying it is refused", async () => {
    const report = await putAssessment({ unitId: c.refused.id, year: 2024, status: "CONFIRMED", results: met(11) });
    const { id } = await putDossier({ unitId: c.refused.id, reportId: report.id, status: "SUBMITTED", submittedOn: "2025-03-01" });
    expect((await offeredTo(v.huyen, c.refused, 2024, "2025-03-10")).openActions).toEqual(["return"]);
    const before = await snapshot(c.refused, 2024);
    const err = await appErrorOf(step(v.huyen, id, { action: "verify" }, "2025-03-10"), "VALIDATION");
    expect(err.message).toMatch(/11\/19/);
    expect(await snapshot(c.refused, 2024)).toEqual(before);
    expect(await step(v.huyen, id, { action: "return", comment: "Báo cáo năm 2024 chỉ còn 11/19 tiêu chí." }, "2025-03-10")).toMatchObject({ status: "RETURNED" });
    // returned, it cannot be sent again while the report falls short
    await appErrorOf(step(v.xa, id, { action: "resubmit" }, "2025-03-11"), "VALIDATION");
    await clearRecognition([c.refused.id]);
  });
});

// ───────────── the whole procedure ─────────────

describe("the whole procedure", () => {
  it("before 1/7/2025, on a commune with a district: report sent and confirmed by the district, then request → verification → appraisal → decision, each with its audit row", async () => {
    const unit = c.journey;
    const report = await putAssessment({ unitId: unit.id, year: 2024, status: "DRAFT", results: "all-met" });
    // the annual report: the commune sends it, its district confirms it (not the province, that day)
    await send(v.xaJourney, report.id, "submit", "2025-01-15");
    await appErrorOf(send(v.tinh, report.id, "confirm", "2025-01-20"), "FORBIDDEN");
    expect(await send(v.huyen, report.id, "confirm", "2025-01-20")).toMatchObject({ status: "CONFIRMED" });
    expect(await db.assessment.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ confirmedAt: dayOf("2025-01-20"), confirmedById: v.huyen.id });

    // the request: offered to the commune only now that the report is confirmed and complete
    expect((await offeredTo(v.xaJourney, unit, 2024, "2025-02-03")).propose).toEqual({ year: 2024, problem: null });
    const { id } = await propose(v.xaJourney, unit.id, 2024, "2025-02-03");
    expect((await offeredTo(v.xaJourney, unit, 2024, "2025-02-03")).propose).toBeNull();
    // the district holds it; the province waits
    expect((await offeredTo(v.huyen, unit, 2024, "2025-02-10")).openActions).toEqual(["return", "verify"]);
    expect((await offeredTo(v.tinh, unit, 2024, "2025-02-10")).openActions).toEqual([]);
    await appErrorOf(appraise(v.tinh, id, "2025-02-10"), "CONFLICT");
    expect(await step(v.huyen, id, { action: "verify", note: "Hồ sơ đầy đủ, đạt 19/19 tiêu chí." }, "2025-02-10")).toMatchObject({ status: "VERIFIED" });
    // the province's council, then the decision
    expect((await offeredTo(v.tinh, unit, 2024, "2025-03-06")).openActions).toEqual(["appraise", "return"]);
    expect((await offeredTo(v.huyen, unit, 2024, "2025-03-06")).openActions).toEqual([]);
    expect(await appraise(v.tinh, id, "2025-03-05", "2025-03-06")).toMatchObject({ status: "APPRAISED" });
    expect((await offeredTo(v.tinh, unit, 2024, "2025-03-14")).openActions).toEqual(["decide", "return"]);
    const decided = await decide(v.tinh, id, "312/QĐ-UBND", "2025-03-12", "2025-03-14");
    expect(decided).toMatchObject({ status: "DECIDED" });

    const dossier = await db.recognitionDossier.findUniqueOrThrow({ where: { id }, include: { recognition: { include: { set: true } } } });
    expect(dossier).toMatchObject({
      reportId: report.id,
      submittedAt: dayOf("2025-02-03"),
      submittedById: v.xaJourney.id,
      verifiedAt: dayOf("2025-02-10"),
      verifiedById: v.huyen.id,
      verifyNote: "Hồ sơ đầy đủ, đạt 19/19 tiêu chí.",
      appraisedOn: dayOf("2025-03-05"),
      appraisedById: v.tinh.id,
      councilVotesFor: 14,
      councilVotesTotal: 15,
    });
    expect(dossier.recognition).toMatchObject({
      id: decided.recognitionId,
      unitId: unit.id,
      level: "NTM",
      decisionNumber: "312/QĐ-UBND",
      decisionDate: dayOf("2025-03-12"),
      signer: "Chủ tịch UBND tỉnh Lạng Sơn",
      issuer: "UBND tỉnh Lạng Sơn",
      source: "PROCEDURE",
      createdById: v.tinh.id,
      revocationDate: null,
    });
    expect(dossier.recognition!.set.code).toBe("XA_2021_2025");

    // who did what, in order
    expect(await auditTrail("Assessment", report.id)).toEqual([
      ["report.submit", v.xaJourney.id, unit.id],
      ["report.confirm", v.huyen.id, unit.id],
    ]);
    expect(await auditTrail("RecognitionDossier", id)).toEqual([
      ["recognition.propose", v.xaJourney.id, unit.id],
      ["recognition.verify", v.huyen.id, unit.id],
      ["recognition.appraise", v.tinh.id, unit.id],
      ["recognition.decide", v.tinh.id, unit.id],
    ]);
    const decideRow = await db.auditLog.findFirstOrThrow({ where: { entityType: "RecognitionDossier", entityId: String(id), action: "recognition.decide" } });
    expect(decideRow.before).toEqual({ status: "APPRAISED" });
    expect(decideRow.after).toMatchObject({ status: "DECIDED", decisionNumber: "312/QĐ-UBND", recognitionId: decided.recognitionId });

    // counted from the decision's day
    expect((await officialFigures({ districtId: district.id }, 2025, dayOf("2025-03-11"))).recognised).toBe(0);
    expect((await officialFigures({ districtId: district.id }, 2025, dayOf("2025-03-12"))).recognised).toBe(1);
    // holding the title, the commune is not offered a new request, and cannot make one
    const after = await offeredTo(v.xaJourney, unit, 2024, "2025-03-14");
    expect(after.inForce?.id).toBe(decided.recognitionId);
    expect(after.propose).toEqual({ year: 2024, problem: "Xã đang giữ danh hiệu xã đạt chuẩn nông thôn mới." });
    const before = await snapshot(unit, 2024);
    expect((await appErrorOf(propose(v.xaJourney, unit.id, 2024, "2025-03-14"), "CONFLICT")).message).toMatch(/đang giữ danh hiệu/);
    expect(await snapshot(unit, 2024)).toEqual(before);
  });

  it("after 1/7/2025, on a commune without a district: report confirmed by the province, then request → appraisal → decision, with no verification step", async () => {
    const report = await putAssessment({ unitId: newCommune.id, year: 2026, status: "DRAFT", results: "all-met" });
    expect(report.criteriaTotal).toBe(10);
    await send(v.xaNew, report.id, "submit", "2027-01-12");
    await appErrorOf(send(v.huyen, report.id, "confirm", "2027-01-19"), "FORBIDDEN");
    expect(await send(v.tinh, report.id, "confirm", "2027-01-19")).toMatchObject({ status: "CONFIRMED" });

    const { id } = await propose(v.xaNew, newCommune.id, 2026, "2027-02-01");
    const view = await offeredTo(v.tinh, newCommune, 2026, "2027-02-01");
    expect(view.districtStep).toBe(false);
    expect(view.openActions).toEqual(["appraise", "return"]);
    // nobody verifies: not even the administrator
    const before = await snapshot(newCommune, 2026);
    await appErrorOf(step(v.admin, id, { action: "verify" }, "2027-02-05"), "CONFLICT");
    expect(await snapshot(newCommune, 2026)).toEqual(before);
    expect(await appraise(v.tinh, id, "2027-02-20", "2027-02-22", 11, 15)).toMatchObject({ status: "APPRAISED" });
    const decided = await decide(v.tinh, id, "88/QĐ-UBND", "2027-03-01", "2027-03-02");

    const title = await db.recognition.findUniqueOrThrow({ where: { id: decided.recognitionId! }, include: { set: true } });
    expect(title).toMatchObject({ unitId: newCommune.id, decisionDate: dayOf("2027-03-01"), dossierId: id, issuer: `UBND tỉnh ${newProvinceName.replace(/^Tỉnh /, "")}` });
    expect(title.set.code).toBe("XA_2026_2030");
    expect(await db.recognitionDossier.findUniqueOrThrow({ where: { id } })).toMatchObject({ verifiedAt: null, verifiedById: null, councilVotesFor: 11 });
    expect(await auditTrail("Assessment", report.id)).toEqual([
      ["report.submit", v.xaNew.id, newCommune.id],
      ["report.confirm", v.tinh.id, newCommune.id],
    ]);
    expect(await auditTrail("RecognitionDossier", id)).toEqual([
      ["recognition.propose", v.xaNew.id, newCommune.id],
      ["recognition.appraise", v.tinh.id, newCommune.id],
      ["recognition.decide", v.tinh.id, newCommune.id],
    ]);
    const f = await officialFigures({ provinceIds: [newCommune.provinceId!] }, 2027, dayOf("2027-03-01"));
    expect(f.recognised).toBeGreaterThanOrEqual(1);
    expect((await officialFigures({ provinceIds: [newCommune.provinceId!] }, 2027, dayOf("2027-02-28"))).recognised).toBe(f.recognised - 1);
  });

  it("a dossier the district verified on 30/6/2025 goes on to the province on 1/7/2025; the district is no longer offered anything", async () => {
    const unit = c.acrossVerified;
    await putAssessment({ unitId: unit.id, year: 2024, status: "CONFIRMED", results: "all-met", confirmedAt: dayOf("2025-02-01") });
    const { id } = await propose(v.admin, unit.id, 2024, "2025-06-20");
    await step(v.huyen, id, { action: "verify" }, "2025-06-30");
    expect((await offeredTo(v.huyen, unit, 2024, "2025-07-01")).openActions).toEqual([]);
    await appErrorOf(step(v.huyen, id, { action: "return", comment: "Huyện trả lại sau 1/7/2025." }, "2025-07-01"), "FORBIDDEN");
    expect(await appraise(v.tinh, id, "2025-07-03")).toMatchObject({ status: "APPRAISED" });
    expect(await decide(v.tinh, id, "501/QĐ-UBND", "2025-07-10")).toMatchObject({ status: "DECIDED" });
    expect((await auditTrail("RecognitionDossier", id)).map(([action]) => action)).toEqual(["recognition.propose", "recognition.verify", "recognition.appraise", "recognition.decide"]);
  });

  it("a dossier sent before 1/7/2025 and not verified by then goes straight to the province's council", async () => {
    const unit = c.acrossSent;
    await putAssessment({ unitId: unit.id, year: 2024, status: "CONFIRMED", results: "all-met", confirmedAt: dayOf("2025-02-01") });
    const { id } = await propose(v.admin, unit.id, 2024, "2025-06-25");
    expect((await offeredTo(v.huyen, unit, 2024, "2025-06-30")).openActions).toEqual(["return", "verify"]);
    expect((await offeredTo(v.huyen, unit, 2024, "2025-07-02")).openActions).toEqual([]);
    expect((await offeredTo(v.tinh, unit, 2024, "2025-07-02")).openActions).toEqual(["appraise", "return"]);
    const before = await snapshot(unit, 2024);
    await appErrorOf(step(v.huyen, id, { action: "verify" }, "2025-07-02"), "CONFLICT");
    expect(await snapshot(unit, 2024)).toEqual(before);
    expect(await appraise(v.tinh, id, "2025-07-02")).toMatchObject({ status: "APPRAISED" });
  });
});

// ───────────── one request at a time, one title at a time ─────────────

describe("one request under way and one title in force per commune", () => {
  it("a second request while one is under way is refused; the database refuses it too", async () => {
    const unit = c.twice;
    const report = await putAssessment({ unitId: unit.id, year: 2024, status: "CONFIRMED", results: "all-met" });
    const { id } = await propose(v.admin, unit.id, 2024, "2025-03-01");
    const before = await snapshot(unit, 2024);
    expect((await appErrorOf(propose(v.admin, unit.id, 2024, "2025-03-02"), "CONFLICT")).message).toMatch(/đang được xét/);
    expect(await snapshot(unit, 2024)).toEqual(before);
    await expect(putDossier({ unitId: unit.id, reportId: report.id, status: "SUBMITTED" })).rejects.toThrow();
    await db.recognitionDossier.delete({ where: { id } });
  });

  it("a returned dossier is sent again by the commune; while another request is under way, sending it again is refused", async () => {
    const unit = c.twice;
    await clearRecognition([unit.id]);
    const report = await putAssessment({ unitId: unit.id, year: 2024, status: "CONFIRMED", results: "all-met" });
    const returned = await putDossier({ unitId: unit.id, reportId: report.id, status: "RETURNED", submittedOn: "2025-02-01" });
    expect((await offeredTo(v.admin, unit, 2024, "2025-03-01")).openActions).toEqual(["resubmit"]);
    // a second request beside the returned one (the database allows one under way)
    const other = await putDossier({ unitId: unit.id, reportId: report.id, status: "SUBMITTED", submittedOn: "2025-02-20" });
    const before = await snapshot(unit, 2024);
    await appErrorOf(step(v.admin, returned.id, { action: "resubmit" }, "2025-03-01"), "CONFLICT");
    expect(await snapshot(unit, 2024)).toEqual(before);
    await db.recognitionDossier.delete({ where: { id: other.id } });
    expect(await step(v.admin, returned.id, { action: "resubmit" }, "2025-03-01")).toMatchObject({ status: "SUBMITTED" });
    expect(await db.recognitionDossier.findUniqueOrThrow({ where: { id: returned.id } })).toMatchObject({ returnComment: null, submittedAt: dayOf("2025-03-01") });
  });

  it("no second title is decided while one is in force, and the database holds one title in force per commune and level", async () => {
    const unit = c.twice;
    const dossier = await db.recognitionDossier.findFirstOrThrow({ where: { unitId: unit.id, status: "SUBMITTED" } });
    await step(v.huyen, dossier.id, { action: "verify" }, "2025-03-05");
    await appraise(v.tinh, dossier.id, "2025-03-10");
    // a title entered from the records in the meantime
    const held = await db.recognition.create({
      data: { unitId: unit.id, level: "NTM", setId: (await db.criteriaSet.findUniqueOrThrow({ where: { code: "XA_2016_2020" } })).id, decisionNumber: "12/QĐ-UBND", decisionDate: dayOf("2019-12-20"), signer: "Chủ tịch UBND tỉnh", source: "IMPORT" },
    });
    const before = await snapshot(unit, 2024);
    expect((await appErrorOf(decide(v.tinh, dossier.id, "600/QĐ-UBND", "2025-03-12"), "CONFLICT")).message).toMatch(/12\/QĐ-UBND/);
    expect(await snapshot(unit, 2024)).toEqual(before);
    await expect(
      db.recognition.create({ data: { unitId: unit.id, level: "NTM", setId: held.setId, decisionNumber: "13/QĐ-UBND", decisionDate: dayOf("2020-12-20"), signer: "Chủ tịch UBND tỉnh", source: "IMPORT" } }),
    ).rejects.toThrow();
    // a revocation dated before its decision is refused by the database too
    await expect(db.recognition.update({ where: { id: held.id }, data: { revocationDate: dayOf("2019-01-01"), revocationNumber: "1/QĐ-UBND", revocationReason: "x" } })).rejects.toThrow();
  });
});
