// Writes of correction requests: parse → load the dossier from the database → authorise by role
// and by the commune's scope → one transaction (the assessment row locked, as every write of a
// dossier) holding the change and its audit row. Rules in ./rules.ts.
import { lockAssessment, recomputeTotals, scoreIndicator, writeIndicatorValues } from "@/lib/assessments/service";
import { parseIndicatorValue } from "@/lib/assessments/values";
import { writeAudit } from "@/lib/audit";
import { assertCan, assertPermission, type Viewer } from "@/lib/authz";
import { criterionStatus, effectiveStatus, type GroupingScheme, type NtmRegion } from "@/lib/criteria/rules";
import { db, type Tx } from "@/lib/db";
import { AppError, forbidden, notFound, type FieldErrors } from "@/lib/errors";
import { invalidInput, parseInput } from "@/lib/forms";
import {
  correctionBlockedReason,
  decisionRefusal,
  diffValues,
  formatCorrectionValue,
  staleChanges,
  type CorrectionChange,
  type IndicatorKind,
  type StoredValue,
} from "./rules";
import {
  ZApproveCorrection,
  ZCorrectionChanges,
  ZRejectCorrection,
  ZRequestCorrection,
  type TApproveCorrection,
  type TRejectCorrection,
  type TRequestCorrection,
} from "./schemas";

const storedOf = (v: { numberValue: unknown; boolValue: boolean | null }): StoredValue => v.boolValue ?? (v.numberValue === null ? null : Number(v.numberValue));

async function storedValues(tx: Tx, assessmentId: number, indicatorIds: number[]): Promise<Map<number, StoredValue>> {
  const rows = await tx.indicatorValue.findMany({
    where: { assessmentId, indicatorId: { in: indicatorIds } },
    select: { indicatorId: true, numberValue: true, boolValue: true },
  });
  return new Map(rows.map((r) => [r.indicatorId, storedOf(r)]));
}

/** Locks the request row (decisions of one request happen one at a time) and returns its status. */
async function lockRequest(tx: Tx, id: number): Promise<string | undefined> {
  const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM "CorrectionRequest" WHERE id = ${id} FOR UPDATE`;
  return rows[0]?.status;
}

const PENDING_EXISTS = "Hồ sơ này đang có một đề nghị điều chỉnh chờ phê duyệt: chờ đề nghị đó được xử lý rồi mới lập đề nghị mới.";
const NOT_CONFIRMED_NOW = "Báo cáo không còn ở trạng thái đã xác nhận: không thể điều chỉnh. Hãy tải lại trang.";

/**
 * Asks to correct indicator values of a confirmed report. Who: correction.request (province,
 * district, commune officers; admin) with the commune in scope. The old values are read from the
 * database under the dossier's lock; the new ones are checked as on the entry screen; a value
 * equal to the stored one is refused. One pending request per dossier.
 */
export async function requestCorrection(viewer: Viewer | null, raw: TRequestCorrection): Promise<{ id: number; changes: CorrectionChange[] }> {
  assertPermission(viewer, "correction.request");
  const input = parseInput(ZRequestCorrection, raw);
  const assessment = await db.assessment.findUnique({
    where: { id: input.assessmentId },
    select: { id: true, year: true, setId: true, status: true, unit: { select: { id: true, provinceId: true, districtId: true } } },
  });
  if (!assessment) throw notFound("Không tìm thấy hồ sơ đánh giá.");
  assertCan(viewer, "correction.request", assessment.unit);
  const blocked = correctionBlockedReason(assessment.status);
  if (blocked) throw new AppError("CONFLICT", blocked);

  // the indicators must belong to the dossier's criteria set; each new value checked by kind
  const ids = Object.keys(input.values).map(Number);
  const indicators = await db.indicator.findMany({
    where: { id: { in: ids }, criterion: { setId: assessment.setId } },
    orderBy: [{ criterion: { number: "asc" } }, { sortOrder: "asc" }],
    select: { id: true, code: true, name: true, kind: true, unit: true, criterion: { select: { number: true } } },
  });
  const fieldErrors: FieldErrors = {};
  const known = new Set(indicators.map((i) => i.id));
  for (const id of ids) if (!known.has(id)) fieldErrors[`values.${id}`] = ["Chỉ tiêu không thuộc bộ tiêu chí của hồ sơ này."];
  const proposed = new Map<number, StoredValue>();
  for (const ind of indicators) {
    const raw = input.values[String(ind.id)];
    const parsed = parseIndicatorValue(ind, raw);
    if (!raw.trim()) fieldErrors[`values.${ind.id}`] = ["Nhập giá trị mới."];
    else if (parsed.error) fieldErrors[`values.${ind.id}`] = [parsed.error];
    else proposed.set(ind.id, parsed.value);
  }
  if (Object.keys(fieldErrors).length) throw invalidInput(fieldErrors);
  const infos = indicators.map((i) => ({ id: i.id, code: i.code, name: i.name, criterionNumber: i.criterion.number, kind: i.kind as IndicatorKind, unit: i.unit }));

  return db.$transaction(async (tx) => {
    const locked = await lockAssessment(tx, assessment.id);
    if (locked.status !== "CONFIRMED") throw new AppError("CONFLICT", correctionBlockedReason(locked.status) ?? NOT_CONFIRMED_NOW);
    const pending = await tx.correctionRequest.count({ where: { assessmentId: assessment.id, status: "PENDING" } });
    if (pending) throw new AppError("CONFLICT", PENDING_EXISTS);

    const stored = await storedValues(tx, assessment.id, ids);
    const { changes, unchanged } = diffValues(infos, stored, proposed);
    if (unchanged.length) {
      throw invalidInput(Object.fromEntries(unchanged.map((id) => [`values.${id}`, ["Giá trị mới trùng với giá trị đang lưu."]])));
    }
    const created = await tx.correctionRequest.create({
      data: { assessmentId: assessment.id, reason: input.reason, changes: JSON.parse(JSON.stringify(changes)), requestedById: viewer.id },
      select: { id: true },
    });
    await writeAudit(tx, {
      userId: viewer.id,
      action: "correction.request",
      entityType: "Assessment",
      entityId: assessment.id,
      unitId: assessment.unit.id,
      before: { values: Object.fromEntries(changes.map((c) => [c.indicatorId, c.before])) },
      after: { requestId: created.id, reason: input.reason, values: Object.fromEntries(changes.map((c) => [c.indicatorId, c.after])) },
    });
    return { id: created.id, changes };
  });
}

/** The request with what a decision needs; the scope comes from the dossier's commune. */
async function loadRequest(id: number) {
  const request = await db.correctionRequest.findUnique({
    where: { id },
    include: {
      assessment: {
        select: {
          id: true,
          year: true,
          setId: true,
          set: { select: { groupingScheme: true } },
          unit: { select: { id: true, provinceId: true, districtId: true, region: true, communeGroup: true } },
        },
      },
    },
  });
  if (!request) throw notFound("Không tìm thấy đề nghị điều chỉnh.");
  return request;
}

/** Permission, scope and four eyes, before any write. */
function assertCanDecide(viewer: Viewer | null, request: Awaited<ReturnType<typeof loadRequest>>): asserts viewer is Viewer {
  assertCan(viewer, "correction.decide", request.assessment.unit);
  const refusal = decisionRefusal(viewer.id, request);
  if (refusal) throw refusal.code === "FORBIDDEN" ? forbidden(refusal.message) : new AppError(refusal.code, refusal.message);
}

export interface ApproveCorrectionResult {
  requestId: number;
  assessmentId: number;
  criteriaMet: number;
  criteriaTotal: number;
  reachedStandard: boolean;
  decidedAt: Date;
}

/**
 * Approves a request and applies it in one transaction: refused (CONFLICT, nothing changed) when a
 * stored value is no longer the request's "old" value or the report is no longer confirmed;
 * otherwise writes the new values, rescores each criterion touched exactly as saving it on the
 * entry screen does (every indicator against today's thresholds, a manual status kept), recomputes
 * the dossier's totals (the dashboard summaries follow by trigger), bumps the dossier's version,
 * records the decision and one audit row. Who: correction.decide (province officer, admin) in
 * scope, never the requester. A correction does not revoke: if the commune no longer meets every
 * criterion, revocation is its own decision (thu hồi).
 */
export async function approveCorrection(viewer: Viewer | null, raw: TApproveCorrection): Promise<ApproveCorrectionResult> {
  assertPermission(viewer, "correction.decide");
  const input = parseInput(ZApproveCorrection, raw);
  const request = await loadRequest(input.requestId);
  assertCanDecide(viewer, request);
  const changes = ZCorrectionChanges.parse(request.changes);
  const { assessment } = request;

  // every criterion touched, with all its indicators and thresholds (to rescore it whole)
  const indicatorIds = changes.map((c) => c.indicatorId);
  const criteria = await db.criterion.findMany({
    where: { setId: assessment.setId, indicators: { some: { id: { in: indicatorIds } } } },
    orderBy: { number: "asc" },
    include: { indicators: { orderBy: { sortOrder: "asc" }, include: { thresholds: true } } },
  });
  const criteriaTotal = await db.criterion.count({ where: { setId: assessment.setId } });
  const ctx = { region: assessment.unit.region as NtmRegion | null, communeGroup: assessment.unit.communeGroup, provinceId: assessment.unit.provinceId };
  const scheme = assessment.set.groupingScheme as GroupingScheme;

  return db.$transaction(async (tx) => {
    const status = await lockRequest(tx, request.id);
    if (status !== "PENDING") throw new AppError("CONFLICT", "Đề nghị điều chỉnh này đã được xử lý. Hãy tải lại trang để xem kết quả.");
    const locked = await lockAssessment(tx, assessment.id);
    if (locked.status !== "CONFIRMED") throw new AppError("CONFLICT", NOT_CONFIRMED_NOW);

    const allIds = criteria.flatMap((c) => c.indicators.map((i) => i.id));
    const stored = await storedValues(tx, assessment.id, allIds);
    const stale = staleChanges(changes, stored);
    if (stale.length) {
      const list = stale.map((c) => `${c.code}: đề nghị ghi ${formatCorrectionValue(c.kind, c.before, c.unit)}, nay là ${formatCorrectionValue(c.kind, stored.get(c.indicatorId) ?? null, c.unit)}`);
      throw new AppError(
        "CONFLICT",
        `Số liệu đã thay đổi kể từ khi lập đề nghị (${list.join("; ")}). Không áp dụng được: hãy từ chối đề nghị này và lập đề nghị mới theo số liệu hiện tại.`,
        undefined,
        { stale: stale.map((c) => ({ indicatorId: c.indicatorId, expected: c.before, actual: stored.get(c.indicatorId) ?? null })) },
      );
    }

    const values = new Map(stored);
    for (const c of changes) values.set(c.indicatorId, c.after);
    const previous = await tx.criterionResult.findMany({ where: { assessmentId: assessment.id, criterionId: { in: criteria.map((c) => c.id) } } });
    const previousByCriterion = new Map(previous.map((r) => [r.criterionId, r]));
    const before = await tx.assessment.findUniqueOrThrow({ where: { id: assessment.id }, select: { criteriaMet: true, reachedStandard: true } });
    const statusChanges: { criterion: number; from: string | null; to: string }[] = [];
    for (const criterion of criteria) {
      const evaluated = criterion.indicators.map((ind) => scoreIndicator(ind, values.get(ind.id) ?? null, ctx, scheme));
      const computed = criterionStatus(evaluated);
      const prev = previousByCriterion.get(criterion.id);
      const effective = effectiveStatus(computed, prev ? { status: prev.overrideStatus, reason: prev.overrideReason } : null);
      if (prev) {
        await tx.criterionResult.update({
          where: { id: prev.id },
          data: { computedStatus: computed, status: effective, updatedById: viewer.id, version: { increment: 1 } },
        });
      } else {
        await tx.criterionResult.create({ data: { assessmentId: assessment.id, criterionId: criterion.id, computedStatus: computed, status: effective, updatedById: viewer.id, version: 1 } });
      }
      statusChanges.push({ criterion: criterion.number, from: prev?.status ?? null, to: effective });
      await writeIndicatorValues(tx, assessment.id, evaluated);
    }
    const totals = await recomputeTotals(tx, assessment.id, criteriaTotal, viewer.id);
    // the dossier changed: a workflow step prepared on the old version (e.g. a revocation) must reload
    const after = await tx.assessment.update({ where: { id: assessment.id }, data: { version: { increment: 1 } }, select: { reachedStandard: true } });
    const decided = await tx.correctionRequest.update({
      where: { id: request.id },
      data: { status: "APPROVED", decidedById: viewer.id, decidedAt: new Date(), decisionNote: input.note || null },
      select: { decidedAt: true },
    });
    await writeAudit(tx, {
      userId: viewer.id,
      action: "correction.approve",
      entityType: "Assessment",
      entityId: assessment.id,
      unitId: assessment.unit.id,
      before: {
        requestId: request.id,
        values: Object.fromEntries(changes.map((c) => [c.indicatorId, c.before])),
        criteria: Object.fromEntries(statusChanges.map((s) => [s.criterion, s.from])),
        criteriaMet: before.criteriaMet,
        reachedStandard: before.reachedStandard,
      },
      after: {
        requestId: request.id,
        requestedById: request.requestedById,
        reason: request.reason,
        note: input.note || undefined,
        values: Object.fromEntries(changes.map((c) => [c.indicatorId, c.after])),
        criteria: Object.fromEntries(statusChanges.map((s) => [s.criterion, s.to])),
        criteriaMet: totals.criteriaMet,
        reachedStandard: after.reachedStandard,
      },
    });
    return {
      requestId: request.id,
      assessmentId: assessment.id,
      criteriaMet: totals.criteriaMet,
      criteriaTotal: totals.criteriaTotal,
      reachedStandard: after.reachedStandard,
      decidedAt: decided.decidedAt!,
    };
  });
}

/** Rejects a request with a written reason; nothing of the dossier changes. Same who as approving. */
export async function rejectCorrection(viewer: Viewer | null, raw: TRejectCorrection): Promise<{ requestId: number; assessmentId: number }> {
  assertPermission(viewer, "correction.decide");
  const input = parseInput(ZRejectCorrection, raw);
  const request = await loadRequest(input.requestId);
  assertCanDecide(viewer, request);
  return db.$transaction(async (tx) => {
    const status = await lockRequest(tx, request.id);
    if (status !== "PENDING") throw new AppError("CONFLICT", "Đề nghị điều chỉnh này đã được xử lý. Hãy tải lại trang để xem kết quả.");
    await tx.correctionRequest.update({
      where: { id: request.id },
      data: { status: "REJECTED", decidedById: viewer.id, decidedAt: new Date(), decisionNote: input.note },
    });
    await writeAudit(tx, {
      userId: viewer.id,
      action: "correction.reject",
      entityType: "Assessment",
      entityId: request.assessment.id,
      unitId: request.assessment.unit.id,
      before: { requestId: request.id, decision: "PENDING" },
      after: { requestId: request.id, decision: "REJECTED", reason: input.note },
    });
    return { requestId: request.id, assessmentId: request.assessment.id };
  });
}
