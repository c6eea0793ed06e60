// Writes of annual criteria reports (the model Assessment): load the target from the database →
// authorise by role and scope → one transaction holding the change and its audit row. Each
// function takes the viewer. Recognition is another process: lib/recognition/service.ts.
import { assertCan, hasPermission, isUnitInScope, type Viewer } from "@/lib/authz";
import { writeAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import {
  communeResult,
  communeSetCodeForYear,
  criterionStatus,
  effectiveStatus,
  isIndicatorMet,
  relativeGap,
  resolveThreshold,
  type CommuneContext,
  type CriterionStatus,
  type GroupingScheme,
  type IndicatorRule,
  type NtmRegion,
} from "@/lib/criteria/rules";
import { AppError, forbidden, notFound, type FieldErrors } from "@/lib/errors";
import { checkUpload, EVIDENCE_KINDS, EVIDENCE_MAX_BYTES } from "@/lib/files/rules";
import { recordUpload, RECORDING_TRANSACTION } from "@/lib/files/storage";
import { formatDateTime } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { unitExistedInYear } from "@/lib/units/rules";
import type { TSaveCriterion, TTransition } from "./schemas";
import { parseIndicatorValue } from "./values";
import { allowedActions, isEditable, REPORT_TRANSITIONS, reportPermission, type WorkflowStatus } from "./workflow";

async function loadCommune(communeId: number) {
  const commune = await db.adminUnit.findUnique({ where: { id: communeId } });
  if (!commune || commune.level !== "COMMUNE") throw notFound("Không tìm thấy xã.");
  return commune;
}

/** Locks the assessment row so saves and transitions of one dossier happen one at a time. */
export async function lockAssessment(tx: Tx, id: number) {
  const rows = await tx.$queryRaw<{ status: WorkflowStatus; version: number }[]>`
    SELECT status, version FROM "Assessment" WHERE id = ${id} FOR UPDATE`;
  return rows[0];
}

export interface SaveCriterionResult {
  assessmentId: number;
  criterionId: number;
  status: CriterionStatus;
  computedStatus: CriterionStatus;
  version: number;
  criteriaMet: number;
  criteriaTotal: number;
}

/**
 * Saves one criterion of a commune's assessment for a year: its indicator values, evidence note
 * and optional manual status. Refused when the dossier is locked (submitted or beyond) and when
 * someone saved the criterion since the form was loaded (optimistic concurrency).
 */
export async function saveCriterion(viewer: Viewer | null, input: TSaveCriterion): Promise<SaveCriterionResult> {
  const commune = await loadCommune(input.communeId);
  assertCan(viewer, "assessment.edit", commune);
  if (commune.type !== "XA") throw new AppError("VALIDATION", "Chỉ xã áp dụng Bộ tiêu chí quốc gia về xã nông thôn mới.");
  // a dossier for a year the commune did not stand would be counted in that year's figures
  if (!unitExistedInYear(commune, input.year)) {
    throw new AppError("VALIDATION", `${commune.fullName} không có trong danh mục đơn vị hành chính năm ${input.year}: không lập hồ sơ đánh giá cho năm này.`, { year: ["Chọn năm mà xã còn tồn tại."] });
  }

  const set = await db.criteriaSet.findUnique({ where: { code: communeSetCodeForYear(input.year) } });
  if (!set) throw notFound("Chưa có bộ tiêu chí cho năm này.");
  const criterion = await db.criterion.findFirst({
    where: { id: input.criterionId, setId: set.id },
    include: { indicators: { orderBy: { sortOrder: "asc" }, include: { thresholds: true } } },
  });
  if (!criterion) throw notFound("Tiêu chí không thuộc bộ tiêu chí của năm này.");

  // values: every indicator of the criterion, checked by kind
  const fieldErrors: FieldErrors = {};
  const ctx = { region: commune.region as NtmRegion | null, communeGroup: commune.communeGroup, provinceId: commune.provinceId };
  const known = new Set(criterion.indicators.map((i) => String(i.id)));
  for (const key of Object.keys(input.values)) if (!known.has(key)) fieldErrors[`values.${key}`] = ["Chỉ tiêu không thuộc tiêu chí này."];
  const evaluated = criterion.indicators.map((ind) => {
    const parsed = parseIndicatorValue(ind, input.values[String(ind.id)] ?? null);
    if (parsed.error) fieldErrors[`values.${ind.id}`] = [parsed.error];
    return scoreIndicator(ind, parsed.value, ctx, set.groupingScheme as GroupingScheme);
  });
  const override = input.overrideStatus ? { status: input.overrideStatus, reason: input.overrideReason } : null;
  if (override && !override.reason.trim()) fieldErrors.overrideReason = ["Ghi rõ lý do khi chọn kết quả khác với kết quả tính từ chỉ tiêu."];
  if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", "Dữ liệu nhập chưa hợp lệ, vui lòng kiểm tra các ô được đánh dấu.", fieldErrors);

  const computed = criterionStatus(evaluated);
  const status = effectiveStatus(computed, override);
  const criteriaTotal = await db.criterion.count({ where: { setId: set.id } });

  return db.$transaction(async (tx) => {
    // the first save of a year opens the dossier; ON CONFLICT DO NOTHING makes two first saves
    // at once wait for each other instead of one failing on the unique key
    const key = { unitId: commune.id, year: input.year, setId: set.id };
    await tx.assessment.createMany({ data: [{ ...key, criteriaTotal, updatedById: viewer.id }], skipDuplicates: true });
    const assessment = await tx.assessment.findUniqueOrThrow({ where: { unitId_year_setId: key }, select: { id: true } });
    const locked = await lockAssessment(tx, assessment.id);
    if (!isEditable(locked.status)) {
      throw new AppError("LOCKED", "Báo cáo đã gửi hoặc đã được xác nhận: số liệu bị khóa cho đến khi báo cáo được trả lại để bổ sung.");
    }

    const previous = await tx.criterionResult.findUnique({
      where: { assessmentId_criterionId: { assessmentId: assessment.id, criterionId: criterion.id } },
      include: { updatedBy: { select: { name: true } } },
    });
    const previousValues = await tx.indicatorValue.findMany({
      where: { assessmentId: assessment.id, indicatorId: { in: criterion.indicators.map((i) => i.id) } },
      select: { indicatorId: true, numberValue: true, boolValue: true },
    });
    const snapshot = (values: { indicatorId: number; numberValue: unknown; boolValue: boolean | null }[]) =>
      Object.fromEntries(values.map((v) => [v.indicatorId, v.boolValue ?? (v.numberValue === null ? null : Number(v.numberValue))]));

    if ((previous?.version ?? 0) !== input.version) {
      const who = previous?.updatedBy?.name ?? "người khác";
      throw new AppError(
        "CONFLICT",
        `Tiêu chí này vừa được ${who} lưu lúc ${formatDateTime(previous?.updatedAt)}. Số liệu bạn đang sửa đã cũ: hãy xem giá trị mới bên dưới rồi nhập lại.`,
        undefined,
        { savedBy: who, savedAt: previous?.updatedAt, version: previous?.version ?? 0, status: previous?.status, values: snapshot(previousValues), evidenceNote: previous?.evidenceNote },
      );
    }

    const data = {
      computedStatus: computed,
      status,
      overrideStatus: override?.status ?? null,
      overrideReason: override ? override.reason.trim() : null,
      evidenceNote: input.evidenceNote.trim() || null,
      updatedById: viewer.id,
    };
    let version: number;
    if (previous) {
      // the version in the WHERE makes a concurrent save that slipped past the check fail here
      const updated = await tx.criterionResult.updateMany({
        where: { id: previous.id, version: input.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new AppError("CONFLICT", "Tiêu chí này vừa được người khác lưu. Hãy tải lại trang để xem giá trị mới.");
      version = input.version + 1;
    } else {
      await tx.criterionResult.create({ data: { ...data, assessmentId: assessment.id, criterionId: criterion.id, version: 1 } });
      version = 1;
    }

    await writeIndicatorValues(tx, assessment.id, evaluated);
    const totals = await recomputeTotals(tx, assessment.id, criteriaTotal, viewer.id);
    await writeAudit(tx, {
      userId: viewer.id,
      action: "criterion.save",
      entityType: "Assessment",
      entityId: assessment.id,
      unitId: commune.id,
      before: previous ? { criterion: criterion.number, status: previous.status, values: snapshot(previousValues), evidenceNote: previous.evidenceNote } : null,
      after: {
        criterion: criterion.number,
        status,
        override: override ? { status: override.status, reason: override.reason } : undefined,
        values: Object.fromEntries(evaluated.map((e) => [e.ind.id, e.value])),
        evidenceNote: data.evidenceNote,
      },
    });
    return { assessmentId: assessment.id, criterionId: criterion.id, status, computedStatus: computed, version, ...totals };
  });
}

type ScorableIndicator = IndicatorRule & {
  id: number;
  thresholds: { region: NtmRegion | null; communeGroup: number | null; provinceId: number | null; value: unknown }[];
};

/**
 * One indicator's value against the threshold that applies to the commune: met or not, and the
 * relative gap. Shared by the entry screen (saveCriterion) and approved corrections, so both
 * score a criterion the same way.
 */
export function scoreIndicator<I extends ScorableIndicator>(ind: I, value: number | boolean | null, ctx: CommuneContext, scheme: GroupingScheme) {
  const threshold = resolveThreshold(
    ind.thresholds.map((t) => ({ region: t.region, communeGroup: t.communeGroup, provinceId: t.provinceId, value: t.value === null ? null : Number(t.value) })),
    ctx,
    scheme,
  )?.value ?? null;
  return { ind, value, met: isIndicatorMet(ind, threshold, value), gap: relativeGap(ind, threshold, value) };
}

/** Writes a criterion's scored values in one statement (one round trip instead of one per indicator). */
export async function writeIndicatorValues(tx: Tx, assessmentId: number, evaluated: { ind: { id: number }; value: number | boolean | null; met: boolean | null }[]) {
  const num = evaluated.map((e) => (typeof e.value === "number" ? e.value : null));
  const bool = evaluated.map((e) => (typeof e.value === "boolean" ? e.value : null));
  await tx.$executeRaw`
    INSERT INTO "IndicatorValue" ("assessmentId", "indicatorId", "numberValue", "boolValue", met, "updatedAt")
    SELECT ${assessmentId}, v.ind, v.num, v.bool, v.met, now()
    FROM unnest(${evaluated.map((e) => e.ind.id)}::int[], ${num}::numeric[], ${bool}::boolean[], ${evaluated.map((e) => e.met)}::boolean[]) AS v(ind, num, bool, met)
    ON CONFLICT ("assessmentId", "indicatorId") DO UPDATE
      SET "numberValue" = EXCLUDED."numberValue", "boolValue" = EXCLUDED."boolValue", met = EXCLUDED.met, "updatedAt" = now()`;
}

/** Recomputes x/19, "reached" and the mask of criteria met from the stored criterion statuses. */
export async function recomputeTotals(tx: Tx, assessmentId: number, criteriaTotal: number, userId: number) {
  const results = await tx.criterionResult.findMany({ where: { assessmentId }, select: { status: true, criterion: { select: { number: true } } } });
  const padded = [...results.map((r) => r.status), ...Array<CriterionStatus>(Math.max(0, criteriaTotal - results.length)).fill("NOT_MET")];
  const outcome = communeResult(padded, criteriaTotal);
  const metMask = results.reduce((mask, r) => (r.status === "MET" ? mask | (1 << (r.criterion.number - 1)) : mask), 0);
  await tx.assessment.update({
    where: { id: assessmentId },
    data: { criteriaMet: outcome.criteriaMet, criteriaTotal, reachedStandard: outcome.reachedStandard, metMask, updatedById: userId },
  });
  return { criteriaMet: outcome.criteriaMet, criteriaTotal };
}

/**
 * Moves an annual report one step: the commune sends it; the level above (its district before
 * 1/7/2025, the province after) confirms it or returns it with a comment. The role must hold the
 * step's permission at that level, the commune must be in scope, the step must be allowed from
 * the current status, and the version must be the one the form was loaded with.
 */
export async function transitionAssessment(viewer: Viewer | null, input: TTransition, today = new Date()) {
  const assessment = await db.assessment.findUnique({ where: { id: input.assessmentId }, include: { unit: true } });
  if (!assessment) throw notFound("Không tìm thấy báo cáo kết quả thực hiện tiêu chí.");
  assertCan(viewer, reportPermission(input.action, assessment.unit, today), assessment.unit);
  const t = REPORT_TRANSITIONS[input.action];

  return db.$transaction(async (tx) => {
    const current = await lockAssessment(tx, assessment.id);
    if (current.version !== input.version) {
      throw new AppError("CONFLICT", "Báo cáo vừa được người khác cập nhật. Hãy tải lại trang để xem trạng thái mới.");
    }
    if (!allowedActions(current.status).includes(input.action)) {
      throw new AppError("CONFLICT", `Không thể "${t.label.toLowerCase()}" khi báo cáo đang ở trạng thái hiện tại.`);
    }
    const data: Prisma.AssessmentUpdateInput = { status: t.to, version: { increment: 1 }, updatedById: viewer.id };
    if (input.action === "submit") Object.assign(data, { submittedAt: today, returnComment: null });
    if (input.action === "confirm") Object.assign(data, { confirmedAt: today, confirmedById: viewer.id });
    if (input.action === "return") data.returnComment = input.comment;
    const updated = await tx.assessment.update({ where: { id: assessment.id }, data });
    const { action: _a, assessmentId: _id, version: _v, ...details } = input;
    await writeAudit(tx, {
      userId: viewer.id,
      action: `report.${input.action}`,
      entityType: "Assessment",
      entityId: assessment.id,
      unitId: assessment.unitId,
      before: { status: current.status },
      after: { status: updated.status, ...details },
    });
    return { id: updated.id, status: updated.status, version: updated.version };
  });
}

/** The actions this viewer may take on a report now (for the UI; the service checks again). */
export function actionsFor(viewer: Viewer, a: { status: WorkflowStatus; unit: { id: number; provinceId: number | null; districtId: number | null } }, today = new Date()) {
  if (!isUnitInScope(viewer, a.unit)) return [];
  return allowedActions(a.status).filter((action) => hasPermission(viewer.role, reportPermission(action, a.unit, today)));
}

/**
 * Attaches an evidence file (PDF or image, ≤ 10 MB, checked by content) to a saved criterion.
 * Same rules as saving: in scope, and only while the dossier is open for entry.
 */
export async function attachEvidence(
  viewer: Viewer | null,
  input: { communeId: number; year: number; criterionId: number; file: { name: string; size: number; bytes: Uint8Array } },
) {
  const commune = await loadCommune(input.communeId);
  assertCan(viewer, "assessment.edit", commune);
  // the size is measured from the bytes, never taken from what the client declared
  const size = input.file.bytes.length;
  const check = checkUpload({ name: input.file.name, size, bytes: input.file.bytes }, { maxBytes: EVIDENCE_MAX_BYTES, kinds: EVIDENCE_KINDS });
  if ("error" in check) throw new AppError("VALIDATION", check.error, { file: [check.error] });
  const set = await db.criteriaSet.findUnique({ where: { code: communeSetCodeForYear(input.year) } });
  const assessment = set && (await db.assessment.findUnique({ where: { unitId_year_setId: { unitId: commune.id, year: input.year, setId: set.id } } }));
  const result = assessment && (await db.criterionResult.findUnique({ where: { assessmentId_criterionId: { assessmentId: assessment.id, criterionId: input.criterionId } } }));
  if (!assessment || !result) throw new AppError("VALIDATION", "Hãy lưu tiêu chí trước khi đính kèm minh chứng.");

  return db.$transaction(async (tx) => {
    const locked = await lockAssessment(tx, assessment.id);
    if (!isEditable(locked.status)) throw new AppError("LOCKED", "Hồ sơ đã trình: không thể thêm minh chứng.");
    const stored = await recordUpload(tx, { bytes: input.file.bytes, name: input.file.name, kind: check.kind, userId: viewer.id });
    await tx.evidenceFile.create({ data: { criterionResultId: result.id, fileId: stored.id } });
    await writeAudit(tx, {
      userId: viewer.id,
      action: "criterion.evidence",
      entityType: "Assessment",
      entityId: assessment.id,
      unitId: commune.id,
      after: { criterionId: input.criterionId, file: stored.fileName, size: stored.size, sha256: stored.sha256 },
    });
    return { fileId: stored.id, fileName: stored.fileName };
  }, RECORDING_TRANSACTION);
}
