// Corrections of a recognised (locked) year: who may ask and who may decide (four eyes, in scope),
// which dossiers take a correction, that approving applies the values and rescores the dossier as
// saving it would, that a stale request changes nothing, that a rejection needs a reason, and that
// public figures say "đã điều chỉnh ngày …".
//
// Data: the demo assessments of 2022 (criteria set 2021–2025) of Huyện Phú Bình, several of them
// recognised with 19/19 and every indicator filled in; one Cao Bằng commune for "out of scope";
// status cases on Bàn Đạt in 2018 (no demo data). Everything this file changes is put back or
// removed in afterAll, correction requests first (they hold the assessments).
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZSaveCriterion } from "@/lib/assessments/schemas";
import { saveCriterion } from "@/lib/assessments/service";
import type { WorkflowStatus } from "@/lib/assessments/workflow";
import type { Viewer } from "@/lib/authz";
import { latestCorrectionDate } from "@/lib/corrections/queries";
import { correctionNotice, isoDateInVietnam } from "@/lib/corrections/rules";
import { approveCorrection, rejectCorrection, requestCorrection } from "@/lib/corrections/service";
import { communeSetCodeForYear } from "@/lib/criteria/rules";
import { summaryFigures } from "@/lib/dashboard/queries";
import { db } from "@/lib/db";
import type { ErrorCode } from "@/lib/errors";
import { openStatistics } from "@/lib/stats/open-data";
import { appErrorOf, communeByCode, putAssessment, snapshotAssessment, viewerOf } from "./helpers";

const YEAR = 2022;
const STATUS_YEAR = 2018; // no demo data; Bàn Đạt stood then

type Who = "admin" | "tinh" | "tinh2" | "huyen" | "xa" | "lanhdao" | "so" | "bientap";
const EMAILS: Record<Who, string> = {
  admin: "admin@ntm.demo",
  tinh: "tinh@ntm.demo",
  // a second province officer of Thái Nguyên (created here), the other pair of eyes
  tinh2: "tinh-2@ntm.test",
  huyen: "huyen@ntm.demo",
  xa: "xa@ntm.demo",
  lanhdao: "lanhdao@ntm.demo",
  so: "so@ntm.demo",
  bientap: "bientap@ntm.demo",
};
const v = {} as Record<Who, Viewer>;

/** recognised 19/19 dossiers of 2022 in Phú Bình, one per scenario, by commune code */
const PHU_BINH = { approve: "05929", fourEyes: "05965", stale: "05941", reject: "05953", roles: "05938", quiet: "05935" } as const;
type Scenario = keyof typeof PHU_BINH;
const dossiers = {} as Record<Scenario, { id: number; unitId: number; districtId: number; provinceId: number }>;
let tanThanh: { unitId: number; assessmentId: number };
let caoBang: { assessmentId: number };
let recognised2021: { assessmentId: number };
let banDat: number;
/** criterion 4 (Điện) of 2021–2025: 4.1 yes/no, 4.2 a percentage */
const c4 = { id: 0, number: 4, yesNo: 0, percent: 0 };
/** 4.2 of the set the 2021 reports are judged by (QĐ 1980/QĐ-TTg: QĐ 318 took effect in 2022) */
let percentOf2021 = 0;
let otherSetIndicator = 0;

const storedValue = (r: { numberValue: unknown; boolValue: boolean | null } | null) => (r ? (r.boolValue ?? (r.numberValue === null ? null : Number(r.numberValue))) : null);
async function valueOf(assessmentId: number, indicatorId: number) {
  return storedValue(await db.indicatorValue.findUnique({ where: { assessmentId_indicatorId: { assessmentId, indicatorId } } }));
}
/** a new percentage for 4.2 that differs from the stored one and still meets any target */
async function otherPercent(assessmentId: number) {
  return (await valueOf(assessmentId, c4.percent)) === 100 ? "99,5" : "100";
}
const counts = async () => ({ requests: await db.correctionRequest.count(), audit: await db.auditLog.count() });

beforeAll(async () => {
  const province = await db.adminUnit.findFirstOrThrow({ where: { level: "PROVINCE", code: "19", validTo: null } });
  await db.user.upsert({
    where: { email: EMAILS.tinh2 },
    create: { email: EMAILS.tinh2, name: "Cán bộ VPĐP tỉnh Thái Nguyên (thứ hai)", passwordHash: await bcrypt.hash(`x-${Math.random()}`, 10), role: "PROVINCE_OFFICER", unitId: province.id },
    update: { role: "PROVINCE_OFFICER", unitId: province.id, active: true },
  });
  for (const [who, email] of Object.entries(EMAILS)) v[who as Who] = await viewerOf(email);

  const criterion = await db.criterion.findFirstOrThrow({ where: { number: 4, set: { code: "XA_2021_2025" } }, include: { indicators: { orderBy: { sortOrder: "asc" } } } });
  expect(criterion.indicators.map((i) => i.kind)).toEqual(["BOOLEAN", "PERCENT"]);
  Object.assign(c4, { id: criterion.id, yesNo: criterion.indicators[0].id, percent: criterion.indicators[1].id });
  otherSetIndicator = (await db.indicator.findFirstOrThrow({ where: { criterion: { set: { code: "XA_2026_2030" } } } })).id;
  percentOf2021 = (await db.indicator.findFirstOrThrow({ where: { code: "4.2", criterion: { number: 4, set: { code: communeSetCodeForYear(2021) } } } })).id;

  for (const [scenario, code] of Object.entries(PHU_BINH)) {
    const unit = await communeByCode(code, "2025-03-01");
    const a = await db.assessment.findFirstOrThrow({ where: { unitId: unit.id, year: YEAR } });
    expect(a).toMatchObject({ status: "RECOGNISED", criteriaMet: 19, reachedStandard: true });
    dossiers[scenario as Scenario] = { id: a.id, unitId: unit.id, districtId: unit.districtId!, provinceId: unit.provinceId! };
  }
  // the commune officer's own commune, recognised for this file's purposes (put back in afterAll)
  const tt = await communeByCode("05923", "2025-03-01");
  const ttA = await db.assessment.findFirstOrThrow({ where: { unitId: tt.id, year: YEAR } });
  expect(ttA.status).toBe("VERIFIED");
  await db.assessment.update({ where: { id: ttA.id }, data: { status: "RECOGNISED" } });
  tanThanh = { unitId: tt.id, assessmentId: ttA.id };
  caoBang = {
    assessmentId: (await db.assessment.findFirstOrThrow({ where: { year: YEAR, status: "RECOGNISED", unit: { province: { code: "04" } } }, orderBy: { id: "asc" } })).id,
  };
  recognised2021 = {
    assessmentId: (await db.assessment.findFirstOrThrow({ where: { year: 2021, status: "RECOGNISED", unitId: dossiers.quiet.unitId } })).id,
  };
  banDat = (await communeByCode("05911", "2025-03-01")).id;
  touched = [...Object.values(dossiers).map((d) => d.id), tanThanh.assessmentId, caoBang.assessmentId, recognised2021.assessmentId];
  saved = await saveDossiers(touched);
});

afterAll(async () => {
  await db.correctionRequest.deleteMany({ where: { OR: [{ assessmentId: { in: touched } }, { assessment: { unitId: banDat, year: STATUS_YEAR } }] } });
  await restoreDossiers(saved);
  await db.assessment.update({ where: { id: tanThanh.assessmentId }, data: { status: "VERIFIED" } });
  await db.assessment.deleteMany({ where: { unitId: banDat, year: STATUS_YEAR } });
});

// The demo dossiers this file corrects are put back as they were, so the file can run again.
let touched: number[] = [];
let saved: Awaited<ReturnType<typeof saveDossiers>>;
async function saveDossiers(ids: number[]) {
  const [assessments, results, values] = await Promise.all([
    db.assessment.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, version: true, criteriaMet: true, reachedStandard: true, metMask: true, updatedById: true } }),
    db.criterionResult.findMany({ where: { assessmentId: { in: ids } }, select: { id: true, status: true, computedStatus: true, version: true, updatedById: true } }),
    db.indicatorValue.findMany({ where: { assessmentId: { in: ids } }, select: { id: true, numberValue: true, boolValue: true, met: true } }),
  ]);
  return { ids, assessments, results, values };
}
async function restoreDossiers(s: Awaited<ReturnType<typeof saveDossiers>>) {
  await db.indicatorValue.deleteMany({ where: { assessmentId: { in: s.ids }, id: { notIn: s.values.map((r) => r.id) } } });
  await db.criterionResult.deleteMany({ where: { assessmentId: { in: s.ids }, id: { notIn: s.results.map((r) => r.id) } } });
  await db.$executeRaw`
    UPDATE "IndicatorValue" v SET "numberValue" = x.num, "boolValue" = x.bool, met = x.met
    FROM unnest(${s.values.map((r) => r.id)}::int[], ${s.values.map((r) => (r.numberValue === null ? null : Number(r.numberValue)))}::numeric[],
                ${s.values.map((r) => r.boolValue)}::boolean[], ${s.values.map((r) => r.met)}::boolean[]) AS x(id, num, bool, met)
    WHERE v.id = x.id`;
  await db.$executeRaw`
    UPDATE "CriterionResult" r SET status = x.status::"CriterionStatus", "computedStatus" = x.computed::"CriterionStatus", version = x.version, "updatedById" = x.by
    FROM unnest(${s.results.map((r) => r.id)}::int[], ${s.results.map((r) => r.status)}::text[], ${s.results.map((r) => r.computedStatus)}::text[],
                ${s.results.map((r) => r.version)}::int[], ${s.results.map((r) => r.updatedById)}::int[]) AS x(id, status, computed, version, by)
    WHERE r.id = x.id`;
  for (const { id, ...data } of s.assessments) await db.assessment.update({ where: { id }, data });
}

const ask = (viewer: Viewer | null, assessmentId: number, values: Record<number, string>, reason = "Số liệu được xác định lại theo biên bản kiểm tra của Sở Công Thương.") =>
  requestCorrection(viewer, { assessmentId, reason, values: Object.fromEntries(Object.entries(values).map(([k, val]) => [String(k), val])) });

// ───────────── who may ask ─────────────

describe("who may ask for a correction of a recognised year", () => {
  const CASES: [string, Who | null, "roles" | "tanThanh" | "caoBang", ErrorCode | null][] = [
    ["an admin, anywhere", "admin", "roles", null],
    ["the province officer, for a commune of the province", "tinh", "roles", null],
    ["the district officer, for a commune of the district", "huyen", "roles", null],
    ["the commune officer, for their own commune", "xa", "tanThanh", null],
    ["the commune officer cannot, for another commune of the same district", "xa", "roles", "FORBIDDEN"],
    ["the district officer cannot, for a commune of another province", "huyen", "caoBang", "FORBIDDEN"],
    ["the province officer cannot, for a commune of another province", "tinh", "caoBang", "FORBIDDEN"],
    ["the leadership cannot (reads only)", "lanhdao", "roles", "FORBIDDEN"],
    ["a department officer cannot", "so", "roles", "FORBIDDEN"],
    ["an editor cannot", "bientap", "roles", "FORBIDDEN"],
    ["nobody signed out can", null, "roles", "UNAUTHENTICATED"],
  ];
  it.each(CASES)("%s", async (_label, who, place, refused) => {
    const assessmentId = place === "roles" ? dossiers.roles.id : place === "tanThanh" ? tanThanh.assessmentId : caoBang.assessmentId;
    await db.correctionRequest.deleteMany({ where: { assessmentId } });
    const before = await counts();
    const call = ask(who ? v[who] : null, assessmentId, { [c4.percent]: await otherPercent(assessmentId) });
    if (refused) {
      await appErrorOf(call, refused);
      expect(await counts()).toEqual(before);
    } else {
      const { id } = await call;
      const stored = await db.correctionRequest.findUniqueOrThrow({ where: { id } });
      expect(stored).toMatchObject({ status: "PENDING", requestedById: v[who!].id, decidedById: null, decidedAt: null });
      expect(await counts()).toEqual({ requests: before.requests + 1, audit: before.audit + 1 });
      await db.correctionRequest.delete({ where: { id } });
    }
  });
});

// ───────────── which dossiers ─────────────

describe("only a recognised dossier takes a correction request", () => {
  const REFUSED: [WorkflowStatus, RegExp][] = [
    ["DRAFT", /sửa trực tiếp trên màn hình đánh giá/],
    ["RETURNED", /sửa trực tiếp trên màn hình đánh giá/],
    ["SUBMITTED", /trả lại hồ sơ/],
    ["VERIFIED", /trả lại hồ sơ/],
    ["APPRAISED", /trả lại hồ sơ/],
    ["REVOKED", /thu hồi công nhận/],
  ];
  it.each(REFUSED)("a %s dossier is refused with CONFLICT and nothing written", async (status, message) => {
    const fx = await putAssessment({ unitId: banDat, year: STATUS_YEAR, status, results: "all-met" });
    const before = await counts();
    const err = await appErrorOf(ask(v.admin, fx.id, { [fx.criteria[0].indicators[0].id]: "true" }), "CONFLICT");
    expect(err.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it("a DRAFT dossier is edited directly instead: the same value saves on the entry screen", async () => {
    const fx = await putAssessment({ unitId: banDat, year: STATUS_YEAR, status: "DRAFT", results: "all-met" });
    const criterion = fx.criteria[0];
    const saved = await saveCriterion(
      v.admin,
      ZSaveCriterion.parse({ communeId: banDat, year: STATUS_YEAR, criterionId: criterion.id, version: 1, values: Object.fromEntries(criterion.indicators.map((i) => [String(i.id), "true"])) }),
    );
    expect(saved.status).toBe("MET");
  });

  it("the entry screen still refuses to save a recognised dossier (LOCKED)", async () => {
    const d = dossiers.quiet;
    const err = await appErrorOf(
      saveCriterion(v.tinh, ZSaveCriterion.parse({ communeId: d.unitId, year: YEAR, criterionId: c4.id, version: 1, values: { [c4.yesNo]: "true", [c4.percent]: "100" } })),
      "LOCKED",
    );
    expect(err.message).toMatch(/khóa/);
  });
});

// ───────────── the request itself ─────────────

describe("a request states its values and its reason", () => {
  const d = () => dossiers.quiet;
  it.each([
    ["no reason", { reason: "" }, "reason"],
    ["a reason of a few characters", { reason: "sai" }, "reason"],
    ["no indicator chosen", { values: {} }, "values"],
  ])("%s is refused", async (_label, patch, field) => {
    const before = await counts();
    const err = await appErrorOf(
      requestCorrection(v.tinh, { assessmentId: d().id, reason: "Số liệu được xác định lại theo biên bản.", values: { [c4.percent]: "100" }, ...patch }),
      "VALIDATION",
    );
    expect(Object.keys(err.fieldErrors ?? {})).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["a percentage over 100", () => ({ [c4.percent]: "120" }), /100%/],
    ["text in a number", () => ({ [c4.percent]: "chín mươi" }), /phải là một số/],
    ["a yes/no answer that is neither", () => ({ [c4.yesNo]: "có" }), /Đạt hoặc Không đạt/],
    ["an empty new value", () => ({ [c4.percent]: "  " }), /Nhập giá trị mới/],
    ["an indicator of another criteria set", () => ({ [otherSetIndicator]: "true" }), /không thuộc bộ tiêu chí/],
  ])("%s is refused next to the indicator", async (_label, values, message) => {
    const before = await counts();
    const err = await appErrorOf(ask(v.tinh, d().id, values()), "VALIDATION");
    const [key] = Object.keys(values());
    expect(err.fieldErrors?.[`values.${key}`]?.join(" ")).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it("a new value equal to the stored one is refused (nothing to correct)", async () => {
    const stored = await valueOf(d().id, c4.percent);
    const err = await appErrorOf(ask(v.tinh, d().id, { [c4.percent]: String(stored).replace(".", ",") }), "VALIDATION");
    expect(err.fieldErrors?.[`values.${c4.percent}`]?.join(" ")).toMatch(/trùng/);
  });

  it("the old values come from the database, and the request leaves the dossier as it was", async () => {
    const snapshot = await snapshotAssessment({ unitId: d().unitId, year: YEAR });
    const { id, changes } = await ask(v.huyen, d().id, { [c4.percent]: await otherPercent(d().id), [c4.yesNo]: "false" });
    expect(changes.map((c) => [c.code, c.before])).toEqual([
      ["4.1", true],
      ["4.2", await valueOf(d().id, c4.percent)],
    ]);
    const after = (await snapshotAssessment({ unitId: d().unitId, year: YEAR })) as { assessments: unknown; auditRows: number };
    expect(after.assessments).toEqual((snapshot as { assessments: unknown }).assessments);
    await db.correctionRequest.delete({ where: { id } });
  });
});

// ───────────── approving ─────────────

describe("approving applies the correction", () => {
  it("writes the new values, rescores the criterion, recomputes x/19 and the public figures, records the decision and one audit row", async () => {
    const d = dossiers.approve;
    const newPercent = await otherPercent(d.id);
    const figuresBefore = await summaryFigures(YEAR, { districtId: d.districtId }, true);
    const resultBefore = await db.criterionResult.findUniqueOrThrow({ where: { assessmentId_criterionId: { assessmentId: d.id, criterionId: c4.id } } });
    const assessmentBefore = await db.assessment.findUniqueOrThrow({ where: { id: d.id } });
    expect(resultBefore.status).toBe("MET");
    expect(assessmentBefore.metMask & (1 << 3)).not.toBe(0);

    const { id } = await ask(v.huyen, d.id, { [c4.yesNo]: "false", [c4.percent]: newPercent });
    const auditBefore = await db.auditLog.count();
    const result = await approveCorrection(v.tinh, { requestId: id, note: "Đúng theo biên bản kiểm tra." });
    expect(result).toMatchObject({ requestId: id, assessmentId: d.id, criteriaMet: 18, criteriaTotal: 19, reachedStandard: false });

    // values and their met flags
    expect(await valueOf(d.id, c4.yesNo)).toBe(false);
    expect(await valueOf(d.id, c4.percent)).toBe(Number(newPercent.replace(",", ".")));
    const met41 = await db.indicatorValue.findUniqueOrThrow({ where: { assessmentId_indicatorId: { assessmentId: d.id, indicatorId: c4.yesNo } } });
    expect(met41.met).toBe(false);
    // the criterion, as saving it would score it: a yes/no indicator not met → not met
    const resultAfter = await db.criterionResult.findUniqueOrThrow({ where: { id: resultBefore.id } });
    expect(resultAfter).toMatchObject({ computedStatus: "NOT_MET", status: "NOT_MET", version: resultBefore.version + 1, updatedById: v.tinh.id });
    // the dossier: still recognised (revocation is its own decision), 18/19, bit of criterion 4 cleared, version bumped
    const assessmentAfter = await db.assessment.findUniqueOrThrow({ where: { id: d.id } });
    expect(assessmentAfter).toMatchObject({ status: "RECOGNISED", criteriaMet: 18, reachedStandard: false, version: assessmentBefore.version + 1 });
    expect(assessmentAfter.metMask).toBe(assessmentBefore.metMask & ~(1 << 3));
    // the summaries behind dashboards and public figures follow (trigger on "Assessment")
    const figuresAfter = await summaryFigures(YEAR, { districtId: d.districtId }, true);
    expect(figuresAfter.communesReached).toBe(figuresBefore.communesReached - 1);
    expect(figuresAfter.communesAssessed).toBe(figuresBefore.communesAssessed);
    expect(figuresAfter.communesRecognised).toBe(figuresBefore.communesRecognised);
    // the decision
    const request = await db.correctionRequest.findUniqueOrThrow({ where: { id } });
    expect(request).toMatchObject({ status: "APPROVED", decidedById: v.tinh.id, decisionNote: "Đúng theo biên bản kiểm tra." });
    expect(request.decidedAt).toEqual(result.decidedAt);
    // one audit row, with old → new
    expect(await db.auditLog.count()).toBe(auditBefore + 1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "correction.approve", entityType: "Assessment", entityId: String(d.id) }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ userId: v.tinh.id, unitId: d.unitId });
    expect(audit.before).toMatchObject({ requestId: id, values: { [c4.yesNo]: true }, criteria: { 4: "MET" }, criteriaMet: 19 });
    expect(audit.after).toMatchObject({ requestId: id, requestedById: v.huyen.id, values: { [c4.yesNo]: false }, criteria: { 4: "NOT_MET" }, criteriaMet: 18 });
  });

  it("a decided request cannot be decided again", async () => {
    const request = await db.correctionRequest.findFirstOrThrow({ where: { assessmentId: dossiers.approve.id, status: "APPROVED" } });
    const before = await counts();
    await appErrorOf(approveCorrection(v.tinh2, { requestId: request.id }), "CONFLICT");
    await appErrorOf(rejectCorrection(v.tinh2, { requestId: request.id, note: "Không đồng ý." }), "CONFLICT");
    expect(await counts()).toEqual(before);
  });

  it("the requester cannot approve or reject their own request; another province officer can (four eyes)", async () => {
    const d = dossiers.fourEyes;
    const newPercent = await otherPercent(d.id);
    const { id } = await ask(v.tinh, d.id, { [c4.percent]: newPercent });
    const snapshot = await snapshotAssessment({ unitId: d.unitId, year: YEAR });
    const own = await appErrorOf(approveCorrection(v.tinh, { requestId: id }), "FORBIDDEN");
    expect(own.message).toMatch(/không được tự phê duyệt/);
    await appErrorOf(rejectCorrection(v.tinh, { requestId: id, note: "Tôi rút lại đề nghị." }), "FORBIDDEN");
    expect(await snapshotAssessment({ unitId: d.unitId, year: YEAR })).toEqual(snapshot);
    expect((await db.correctionRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");

    const r = await approveCorrection(v.tinh2, { requestId: id });
    expect(r.criteriaMet).toBe(19); // a percentage that still meets its target changes no status
    expect(await valueOf(d.id, c4.percent)).toBe(Number(newPercent.replace(",", ".")));
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "APPROVED", decidedById: v.tinh2.id });
  });

  it("an admin's own request needs another approver too", async () => {
    const d = dossiers.fourEyes;
    const { id } = await ask(v.admin, d.id, { [c4.percent]: await otherPercent(d.id) });
    await appErrorOf(approveCorrection(v.admin, { requestId: id }), "FORBIDDEN");
    await rejectCorrection(v.tinh, { requestId: id, note: "Không cần điều chỉnh thêm." });
  });

  it("district and commune officers, the leadership and anyone out of scope cannot decide", async () => {
    const d = dossiers.fourEyes;
    const { id } = await ask(v.huyen, d.id, { [c4.percent]: await otherPercent(d.id) });
    const { id: caoBangRequest } = await ask(v.admin, caoBang.assessmentId, { [c4.percent]: await otherPercent(caoBang.assessmentId) });
    const snapshot = await snapshotAssessment({ unitId: d.unitId, year: YEAR });
    for (const who of ["huyen", "xa", "lanhdao", "so", "bientap"] as const) {
      await appErrorOf(approveCorrection(v[who], { requestId: id }), "FORBIDDEN");
      await appErrorOf(rejectCorrection(v[who], { requestId: id, note: "Không đồng ý điều chỉnh." }), "FORBIDDEN");
    }
    await appErrorOf(approveCorrection(null, { requestId: id }), "UNAUTHENTICATED");
    const outside = await appErrorOf(approveCorrection(v.tinh, { requestId: caoBangRequest }), "FORBIDDEN");
    expect(outside.message).toMatch(/ngoài phạm vi/);
    await appErrorOf(rejectCorrection(v.tinh, { requestId: caoBangRequest, note: "Không thuộc tỉnh." }), "FORBIDDEN");
    expect(await snapshotAssessment({ unitId: d.unitId, year: YEAR })).toEqual(snapshot);
    expect(await db.correctionRequest.count({ where: { id: { in: [id, caoBangRequest] }, status: "PENDING" } })).toBe(2);
    await rejectCorrection(v.tinh, { requestId: id, note: "Đã kiểm tra, giữ nguyên số liệu." });
  });

  it("a value changed since the request was made makes the approval a conflict, and nothing changes", async () => {
    const d = dossiers.stale;
    const { id } = await ask(v.huyen, d.id, { [c4.percent]: await otherPercent(d.id) });
    // someone changes the stored value in between (an import, a script…)
    await db.indicatorValue.update({ where: { assessmentId_indicatorId: { assessmentId: d.id, indicatorId: c4.percent } }, data: { numberValue: 97.25 } });
    const snapshot = await snapshotAssessment({ unitId: d.unitId, year: YEAR });
    const err = await appErrorOf(approveCorrection(v.tinh, { requestId: id }), "CONFLICT");
    expect(err.message).toMatch(/đã thay đổi kể từ khi lập đề nghị/);
    expect(err.message).toContain("nay là 97,25%");
    expect(await snapshotAssessment({ unitId: d.unitId, year: YEAR })).toEqual(snapshot);
    expect((await db.correctionRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
  });

  it("a dossier revoked after the request cannot be corrected by approving it", async () => {
    const d = dossiers.stale;
    const request = await db.correctionRequest.findFirstOrThrow({ where: { assessmentId: d.id, status: "PENDING" } });
    await db.assessment.update({ where: { id: d.id }, data: { status: "REVOKED" } });
    try {
      const before = await counts();
      await appErrorOf(approveCorrection(v.tinh, { requestId: request.id, note: "" }), "CONFLICT");
      expect(await counts()).toEqual(before);
    } finally {
      await db.assessment.update({ where: { id: d.id }, data: { status: "RECOGNISED" } });
    }
  });
});

// ───────────── rejecting, and one pending request at a time ─────────────

describe("rejecting a request, one pending request per dossier", () => {
  it("a second request while one is pending is refused; the database refuses it too", async () => {
    const d = dossiers.reject;
    const { id } = await ask(v.huyen, d.id, { [c4.percent]: await otherPercent(d.id) });
    const before = await counts();
    const err = await appErrorOf(ask(v.tinh, d.id, { [c4.yesNo]: "false" }), "CONFLICT");
    expect(err.message).toMatch(/chờ phê duyệt/);
    expect(await counts()).toEqual(before);
    // the partial unique index holds even for a writer that skips the service
    await expect(db.correctionRequest.create({ data: { assessmentId: d.id, reason: "x", changes: [], requestedById: v.tinh.id } })).rejects.toThrow();
    expect((await db.correctionRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
  });

  it.each([
    ["no reason", ""],
    ["blanks only", "    "],
    ["a reason of a few characters", "sai"],
  ])("rejecting with %s is refused", async (_label, note) => {
    const request = await db.correctionRequest.findFirstOrThrow({ where: { assessmentId: dossiers.reject.id, status: "PENDING" } });
    const before = await counts();
    const err = await appErrorOf(rejectCorrection(v.tinh, { requestId: request.id, note }), "VALIDATION");
    expect(err.fieldErrors?.note?.join(" ")).toMatch(/lý do không phê duyệt/);
    expect(await counts()).toEqual(before);
  });

  it("a rejection with its reason records the decision and changes no value; then a new request can be made", async () => {
    const d = dossiers.reject;
    const request = await db.correctionRequest.findFirstOrThrow({ where: { assessmentId: d.id, status: "PENDING" } });
    const snapshot = (await snapshotAssessment({ unitId: d.unitId, year: YEAR })) as { assessments: unknown; auditRows: number };
    await rejectCorrection(v.tinh, { requestId: request.id, note: "Biên bản kiểm tra chưa có chữ ký." });
    const after = (await snapshotAssessment({ unitId: d.unitId, year: YEAR })) as { assessments: unknown; auditRows: number };
    expect(after.assessments).toEqual(snapshot.assessments);
    expect(after.auditRows).toBe(snapshot.auditRows + 1);
    expect(await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "REJECTED", decidedById: v.tinh.id, decisionNote: "Biên bản kiểm tra chưa có chữ ký." });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "correction.reject", entityId: String(d.id) }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ requestId: request.id, reason: "Biên bản kiểm tra chưa có chữ ký." });
    // rejected: the dossier is free for a new request
    const again = await ask(v.huyen, d.id, { [c4.percent]: await otherPercent(d.id) });
    expect(again.id).toBeGreaterThan(request.id);
  });
});

// ───────────── public figures ─────────────

describe("public figures say when they were corrected", () => {
  it("the year and scope of an approved correction carry its date; other years and provinces do not", async () => {
    const d = dossiers.approve;
    const approved = await db.correctionRequest.findMany({ where: { status: "APPROVED", assessment: { year: YEAR, unit: { provinceId: d.provinceId } } }, orderBy: { decidedAt: "desc" } });
    expect(approved.length).toBeGreaterThan(0);
    const latest = approved[0].decidedAt!;

    expect(await latestCorrectionDate(YEAR, { districtId: d.districtId })).toEqual(latest);
    expect(await latestCorrectionDate(YEAR, {})).toEqual(latest);
    const thaiNguyen = await openStatistics({ nam: YEAR, tinh: "19" });
    expect(thaiNguyen.correctedAt).toBe(isoDateInVietnam(latest));
    expect(thaiNguyen.correctedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await openStatistics({ nam: YEAR, huyen: "173" })).correctedAt).toBe(isoDateInVietnam(latest));
    // the existing fields are still there
    expect(thaiNguyen).toMatchObject({ year: YEAR, unit: { level: "PROVINCE", code: "19" } });
    expect(Object.keys(thaiNguyen)).toEqual(expect.arrayContaining(["communesAssessed", "communesReached", "reachedPercent", "averageCriteria", "bands"]));

    expect((await openStatistics({ nam: YEAR, tinh: "06" })).correctedAt).toBeNull(); // Bắc Kạn, none corrected
    expect((await openStatistics({ nam: 2021, tinh: "19" })).correctedAt).toBeNull();
    expect(correctionNotice(YEAR, latest)).toMatch(new RegExp(`^Số liệu năm ${YEAR} đã điều chỉnh ngày \\d{1,2}/\\d{1,2}/\\d{4}$`));
  });

  it("pending and rejected requests do not mark the figures", async () => {
    const stored = await valueOf(recognised2021.assessmentId, percentOf2021);
    const { id } = await ask(v.huyen, recognised2021.assessmentId, { [percentOf2021]: stored === 100 ? "99,5" : "100" });
    expect(await latestCorrectionDate(2021, {})).toBeNull();
    await rejectCorrection(v.tinh, { requestId: id, note: "Không đủ căn cứ điều chỉnh." });
    expect(await latestCorrectionDate(2021, {})).toBeNull();
  });
});
