// Writes of the year plans and roadmaps: check the permission → parse → load the commune (or the
// entry and its commune) from the database → authorise by the commune's scope → one transaction
// with the change and its audit row. The plan's province is the commune's, never the form's.
import { assertCan, assertPermission, type Viewer } from "@/lib/authz";
import { writeAudit } from "@/lib/audit";
import { communeSetCodeForYear } from "@/lib/criteria/rules";
import { db } from "@/lib/db";
import { notFound, type FieldErrors } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { parseInput, validationError } from "@/lib/ocop/input";
import { unitsDateForYear, validOn } from "@/lib/units/rules";
import { latestAssessmentOfSet, titlesOn } from "./queries";
import { defaultRoadmapDate, planDateError, PLAN_TARGET_LABELS, roadmapDateError, type PlanTarget } from "./rules";
import {
  ZDeleteEntry,
  ZRegisterEntry,
  ZRemoveRoadmapItem,
  ZSaveRoadmapItem,
  ZUpdateEntry,
  type TDeleteEntry,
  type TRegisterEntry,
  type TRemoveRoadmapItem,
  type TSaveRoadmapItem,
  type TUpdateEntry,
} from "./schemas";

const unitScope = { id: true, level: true, type: true, provinceId: true, districtId: true, fullName: true } as const;

async function loadEntry(entryId: number) {
  const entry = await db.planEntry.findUnique({ where: { id: entryId }, include: { commune: { select: unitScope }, roadmap: true } });
  if (!entry) throw notFound("Không tìm thấy xã trong kế hoạch.");
  return entry;
}

/**
 * Registers a commune (xã of the year's units, in scope) in its province's plan for a year, and
 * prefills its roadmap with the criteria its latest assessment against the year's criteria set
 * has not met (every criterion of the set when it has none), due by the entry's target date or
 * 30/9. One entry per commune and year; "đạt chuẩn" is refused for a commune whose latest
 * assessment of the same set is already recognised at the standard.
 */
export async function registerPlanEntry(viewer: Viewer | null, raw: TRegisterEntry): Promise<{ id: number; roadmapItems: number }> {
  assertPermission(viewer, "plan.edit");
  const input = parseInput(ZRegisterEntry, raw);
  const commune = await db.adminUnit.findUnique({ where: { id: input.communeId }, select: unitScope });
  if (!commune || commune.level !== "COMMUNE") throw validationError({ communeId: ["Không tìm thấy xã này."] });
  assertCan(viewer, "plan.edit", commune);
  const target = input.target as PlanTarget;

  const fieldErrors: FieldErrors = {};
  if (commune.type !== "XA") fieldErrors.communeId = ["Kế hoạch xây dựng nông thôn mới áp dụng cho xã (không áp dụng cho phường, thị trấn)."];
  else if (!(await db.adminUnit.count({ where: { id: commune.id, ...validOn(unitsDateForYear(input.year)) } }))) {
    fieldErrors.communeId = [`${commune.fullName} không phải đơn vị hành chính của năm ${input.year} (kế hoạch năm ${input.year} dùng các xã tại ngày ${formatDate(unitsDateForYear(input.year))}).`];
  }
  const dateError = planDateError(input.year, input.targetDate);
  if (dateError) fieldErrors.targetDate = [dateError];
  if (Object.keys(fieldErrors).length) throw validationError(fieldErrors);

  const set = await db.criteriaSet.findUniqueOrThrow({ where: { code: communeSetCodeForYear(input.year) }, include: { criteria: { orderBy: { number: "asc" }, select: { id: true } } } });
  const latest = await latestAssessmentOfSet(commune.id, set.id, input.year);
  const held = (await titlesOn([commune.id], new Date(Date.UTC(input.year, 0, 1)))).get(commune.id);
  if (target === "NTM" && held) {
    throw validationError({ target: [`Xã đã được công nhận đạt chuẩn (đang giữ danh hiệu): hãy đăng ký mục tiêu nâng cao hoặc kiểu mẫu.`] });
  }
  const unmet = latest ? set.criteria.filter((c) => latest.results.get(c.id) !== "MET") : set.criteria;
  const due = defaultRoadmapDate(input.year, input.targetDate);

  const alreadyRegistered = (t: PlanTarget) =>
    validationError(
      { communeId: [`${commune.fullName} đã có trong kế hoạch năm ${input.year} (mục tiêu: ${PLAN_TARGET_LABELS[t]}).`] },
      "Xã đã có trong kế hoạch của năm này.",
    );
  return db.$transaction(async (tx) => {
    const existing = await tx.planEntry.findFirst({ where: { year: input.year, communeId: commune.id }, select: { target: true } });
    if (existing) throw alreadyRegistered(existing.target);
    const entry = await tx.planEntry.create({
      data: {
        year: input.year,
        provinceId: commune.provinceId!,
        communeId: commune.id,
        target,
        targetDate: input.targetDate,
        note: input.note,
        roadmap: { create: unmet.map((c) => ({ criterionId: c.id, targetDate: due })) },
      },
    });
    await writeAudit(tx, {
      userId: viewer.id,
      action: "plan.register",
      entityType: "PlanEntry",
      entityId: entry.id,
      unitId: commune.id,
      after: { year: input.year, target, targetDate: input.targetDate, note: input.note, roadmapCriteria: unmet.map((c) => c.id), basedOn: latest ? { year: latest.year } : null },
    });
    return { id: entry.id, roadmapItems: unmet.length };
  }).catch((err: unknown) => {
    // two registrations of the same commune at once: the unique key stops the second
    if ((err as { code?: string })?.code === "P2002") throw alreadyRegistered(target);
    throw err;
  });
}

/** Changes an entry's target date and note; roadmap items may not fall after the new date. */
export async function updatePlanEntry(viewer: Viewer | null, raw: TUpdateEntry): Promise<{ id: number }> {
  assertPermission(viewer, "plan.edit");
  const input = parseInput(ZUpdateEntry, raw);
  const entry = await loadEntry(input.entryId);
  assertCan(viewer, "plan.edit", entry.commune);
  const dateError = planDateError(entry.year, input.targetDate);
  if (dateError) throw validationError({ targetDate: [dateError] }, dateError);
  const later = input.targetDate ? entry.roadmap.filter((i) => i.targetDate > input.targetDate!) : [];
  if (later.length) {
    const message = `${later.length} tiêu chí trong lộ trình có thời hạn sau ngày ${formatDate(input.targetDate)}: hãy sửa thời hạn của các tiêu chí đó trước.`;
    throw validationError({ targetDate: [message] }, message);
  }
  return db.$transaction(async (tx) => {
    await tx.planEntry.update({ where: { id: entry.id }, data: { targetDate: input.targetDate, note: input.note } });
    await writeAudit(tx, {
      userId: viewer.id,
      action: "plan.update",
      entityType: "PlanEntry",
      entityId: entry.id,
      unitId: entry.communeId,
      before: { targetDate: entry.targetDate, note: entry.note },
      after: { targetDate: input.targetDate, note: input.note },
    });
    return { id: entry.id };
  });
}

/** Takes a commune out of the year plan, with its roadmap (the audit row keeps both). */
export async function deletePlanEntry(viewer: Viewer | null, raw: TDeleteEntry): Promise<{ year: number }> {
  assertPermission(viewer, "plan.edit");
  const input = parseInput(ZDeleteEntry, raw);
  const entry = await loadEntry(input.entryId);
  assertCan(viewer, "plan.edit", entry.commune);
  return db.$transaction(async (tx) => {
    const removed = await tx.planEntry.deleteMany({ where: { id: entry.id } });
    if (removed.count !== 1) throw notFound("Xã đã được đưa ra khỏi kế hoạch.");
    await writeAudit(tx, {
      userId: viewer.id,
      action: "plan.delete",
      entityType: "PlanEntry",
      entityId: entry.id,
      unitId: entry.communeId,
      before: {
        year: entry.year,
        target: entry.target,
        targetDate: entry.targetDate,
        note: entry.note,
        roadmap: entry.roadmap.map((i) => ({ criterionId: i.criterionId, targetDate: i.targetDate, note: i.note })),
      },
    });
    return { year: entry.year };
  });
}

/** Adds a criterion to a roadmap or changes its due date and note (criteria of the plan year's set). */
export async function saveRoadmapItem(viewer: Viewer | null, raw: TSaveRoadmapItem): Promise<{ id: number }> {
  assertPermission(viewer, "plan.edit");
  const input = parseInput(ZSaveRoadmapItem, raw);
  const entry = await loadEntry(input.entryId);
  assertCan(viewer, "plan.edit", entry.commune);
  const fieldErrors: FieldErrors = {};
  const criterion = await db.criterion.findFirst({ where: { id: input.criterionId, set: { code: communeSetCodeForYear(entry.year) } }, select: { id: true, number: true } });
  if (!criterion) fieldErrors.criterionId = [`Tiêu chí không thuộc bộ tiêu chí xã áp dụng năm ${entry.year}.`];
  const dateError = roadmapDateError(entry.year, entry.targetDate, input.targetDate);
  if (dateError) fieldErrors.targetDate = [dateError];
  if (Object.keys(fieldErrors).length) throw validationError(fieldErrors);

  return db.$transaction(async (tx) => {
    const before = entry.roadmap.find((i) => i.criterionId === input.criterionId) ?? null;
    const item = await tx.roadmapItem.upsert({
      where: { planEntryId_criterionId: { planEntryId: entry.id, criterionId: input.criterionId } },
      create: { planEntryId: entry.id, criterionId: input.criterionId, targetDate: input.targetDate, note: input.note },
      update: { targetDate: input.targetDate, note: input.note },
    });
    await writeAudit(tx, {
      userId: viewer.id,
      action: "plan.roadmap.save",
      entityType: "PlanEntry",
      entityId: entry.id,
      unitId: entry.communeId,
      before: before ? { criterion: criterion!.number, targetDate: before.targetDate, note: before.note } : null,
      after: { criterion: criterion!.number, targetDate: input.targetDate, note: input.note },
    });
    return { id: item.id };
  });
}

export async function removeRoadmapItem(viewer: Viewer | null, raw: TRemoveRoadmapItem): Promise<{ entryId: number }> {
  assertPermission(viewer, "plan.edit");
  const input = parseInput(ZRemoveRoadmapItem, raw);
  const item = await db.roadmapItem.findUnique({ where: { id: input.itemId }, include: { criterion: { select: { number: true } } } });
  if (!item) throw notFound("Không tìm thấy tiêu chí trong lộ trình.");
  const entry = await loadEntry(item.planEntryId);
  assertCan(viewer, "plan.edit", entry.commune);
  return db.$transaction(async (tx) => {
    const removed = await tx.roadmapItem.deleteMany({ where: { id: item.id } });
    if (removed.count !== 1) throw notFound("Tiêu chí đã được bỏ khỏi lộ trình.");
    await writeAudit(tx, {
      userId: viewer.id,
      action: "plan.roadmap.remove",
      entityType: "PlanEntry",
      entityId: entry.id,
      unitId: entry.communeId,
      before: { criterion: item.criterion.number, targetDate: item.targetDate, note: item.note },
    });
    return { entryId: entry.id };
  });
}
