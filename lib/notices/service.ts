// Writes of conclusion notices and of their numbered tasks. A notice goes through the shared
// content steps (lib/content/revisions.ts: scope of its own unit, version, revision, audit); its
// tasks are edited one by one, each with its own version and audit row, under the same scope.
// Progress on a task is the assignee's business (lib/tasks/service.ts).
import { assertPermission, type Viewer } from "@/lib/authz";
import { writeAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import {
  changeContent,
  dateOrNull,
  isoOrNull,
  numberOrNull,
  publishContent,
  restoreRevision,
  stringOrNull,
  type ContentModel,
  type ContentRow,
} from "@/lib/content/revisions";
import { htmlToText, sanitizeRichText } from "@/lib/content/sanitize";
import { toPublishCommand, toDateInput, type TPublish, type TRestore } from "@/lib/content/schemas";
import { assertCanEditContent, resolveOwnerUnit } from "@/lib/content/scope";
import { summarise } from "@/lib/content/seed-articles";
import { editedSlug, retryOnSlugClash, uniqueSlug } from "@/lib/content/slugs";
import { AppError, notFound, type FieldErrors } from "@/lib/errors";
import { recordStaged, stageUpload, UPLOAD_RULES } from "@/lib/files/stage";
import { RECORDING_TRANSACTION } from "@/lib/files/storage";
import { formatDate, todayInVietnam } from "@/lib/format";
import { invalidInput, type UploadInput } from "@/lib/forms";
import type { Prisma } from "@/lib/generated/prisma/client";
import { slugify } from "@/lib/slug";
import type { TDeleteNoticeTask, TNotice, TNoticeTask, TNoticeUpdate } from "./schemas";
import { listAssignableOrganisations, listLinkableCommunes } from "./staff-queries";

const unitSelect = { select: { id: true, provinceId: true, districtId: true } } as const;

async function loadNotice(tx: Tx, id: number) {
  return tx.notice.findUnique({ where: { id }, include: { unit: unitSelect } });
}
type NoticeRow = NonNullable<Awaited<ReturnType<typeof loadNotice>>> & ContentRow;

/** Tasks whose deadline falls before an issue date: a notice cannot set a task due before it exists. */
async function tasksDueBefore(tx: Tx, noticeId: number, issuedDate: Date) {
  return tx.noticeTask.findMany({ where: { noticeId, deadline: { lt: issuedDate } }, orderBy: { sortOrder: "asc" }, select: { number: true, deadline: true } });
}

export const noticeModel: ContentModel<NoticeRow> = {
  type: "notice",
  entity: "Notice",
  noun: "Thông báo",
  load: loadNotice,
  snapshot: (n) => ({
    slug: n.slug,
    number: n.number,
    title: n.title,
    summary: n.summary,
    bodyHtml: n.bodyHtml,
    issuedDate: toDateInput(n.issuedDate),
    meetingDate: toDateInput(n.meetingDate) || null,
    issuingBody: n.issuingBody,
    signer: n.signer,
    signerTitle: n.signerTitle,
    source: n.source,
    sourceUrl: n.sourceUrl,
    attachmentId: n.attachmentId,
    status: n.status,
    publishedAt: isoOrNull(n.publishedAt),
  }),
  restore: (s) => ({
    number: String(s.number ?? ""),
    title: String(s.title ?? ""),
    summary: String(s.summary ?? ""),
    bodyHtml: sanitizeRichText(String(s.bodyHtml ?? "")),
    issuedDate: dateOrNull(s.issuedDate) ?? undefined,
    meetingDate: dateOrNull(s.meetingDate),
    issuingBody: String(s.issuingBody ?? ""),
    signer: stringOrNull(s.signer),
    signerTitle: stringOrNull(s.signerTitle),
    source: stringOrNull(s.source),
    sourceUrl: stringOrNull(s.sourceUrl),
    attachmentId: numberOrNull(s.attachmentId),
  }),
  async check(tx, row, data) {
    if (!(data.issuedDate instanceof Date)) return;
    const early = await tasksDueBefore(tx, row.id, data.issuedDate);
    if (early.length) {
      const list = early.map((t) => `${t.number} (${formatDate(t.deadline)})`).join(", ");
      const message = `Ngày ban hành không được sau thời hạn của nhiệm vụ: ${list}.`;
      throw invalidInput({ issuedDate: [message] }, message);
    }
  },
  async update(tx, id, version, data) {
    const r = await tx.notice.updateMany({ where: { id, version }, data: { ...(data as Prisma.NoticeUncheckedUpdateManyInput), version: { increment: 1 } } });
    return r.count;
  },
};

function noticeFields(input: TNotice) {
  const bodyHtml = sanitizeRichText(input.bodyHtml);
  const text = htmlToText(bodyHtml);
  const errors: FieldErrors = {};
  if (!text) errors.bodyHtml = ["Nhập nội dung thông báo."];
  if (input.issuedDate > todayInVietnam()) errors.issuedDate = ["Ngày ban hành không được sau ngày hôm nay."];
  if (Object.keys(errors).length) throw invalidInput(errors);
  return {
    number: input.number,
    title: input.title,
    summary: input.summary ?? summarise(text),
    bodyHtml,
    issuedDate: input.issuedDate,
    meetingDate: input.meetingDate,
    issuingBody: input.issuingBody,
    signer: input.signer,
    signerTitle: input.signerTitle,
    source: input.source,
    sourceUrl: input.sourceUrl,
  };
}

const slugBase = (input: { slug: string | null; number: string; title: string }) => slugify(input.slug ?? `${input.number} ${input.title}`) || "thong-bao";

export interface NoticeWriteResult {
  id: number;
  slug: string;
  previousSlug: string | null;
  version: number;
}

export async function createNotice(viewer: Viewer | null, input: TNotice, attachment: UploadInput | null = null): Promise<NoticeWriteResult> {
  assertPermission(viewer, "content.edit");
  const owner = await resolveOwnerUnit(viewer, input.unitId);
  assertCanEditContent(viewer, "content.edit", owner);
  const fields = noticeFields(input);
  const staged = attachment ? stageUpload(attachment, UPLOAD_RULES.pdf, "attachment") : null;
  return retryOnSlugClash(() =>
    db.$transaction(async (tx) => {
      const slug = await uniqueSlug(tx, "Notice", slugBase(input));
      const attachmentId = (await recordStaged(tx, staged, viewer.id))?.id ?? null;
      const notice = await tx.notice.create({ data: { ...fields, slug, attachmentId, unitId: owner?.id ?? null, status: "DRAFT" }, include: { unit: unitSelect } });
      await writeAudit(tx, { userId: viewer.id, action: "notice.create", entityType: "Notice", entityId: notice.id, unitId: notice.unitId, after: noticeModel.snapshot(notice) });
      return { id: notice.id, slug: notice.slug, previousSlug: null, version: notice.version };
    }, RECORDING_TRANSACTION),
  );
}

export async function updateNotice(viewer: Viewer | null, input: TNoticeUpdate, attachment: UploadInput | null = null): Promise<NoticeWriteResult> {
  assertPermission(viewer, "content.edit");
  const fields = noticeFields(input);
  const staged = attachment ? stageUpload(attachment, UPLOAD_RULES.pdf, "attachment") : null;
  const { before, after } = await retryOnSlugClash(() =>
    changeContent(viewer, noticeModel, {
      id: input.id,
      version: input.version,
      permission: "content.edit",
      action: "update",
      transaction: RECORDING_TRANSACTION,
      async change(row, tx) {
        const slug = await editedSlug(tx, "Notice", slugBase(input), row);
        const attachmentId = staged ? (await recordStaged(tx, staged, viewer.id)).id : input.removeAttachment ? null : row.attachmentId;
        return { ...fields, slug, attachmentId };
      },
    }),
  );
  return { id: after.id, slug: after.slug, previousSlug: before.slug !== after.slug ? before.slug : null, version: after.version };
}

export async function publishNotice(viewer: Viewer | null, input: TPublish): Promise<NoticeWriteResult> {
  const { after } = await publishContent(viewer, noticeModel, { id: input.id, version: input.version, command: toPublishCommand(input) });
  return { id: after.id, slug: after.slug, previousSlug: null, version: after.version };
}

export async function restoreNotice(viewer: Viewer | null, input: TRestore): Promise<NoticeWriteResult> {
  const { after } = await restoreRevision(viewer, noticeModel, input);
  return { id: after.id, slug: after.slug, previousSlug: null, version: after.version };
}

// ───────────────────────── numbered tasks ─────────────────────────

/** The notice of a task form, authorised: the viewer edits content of the notice's unit. */
async function loadNoticeForTasks(viewer: Viewer | null, noticeId: number) {
  assertPermission(viewer, "content.edit");
  const notice = await db.notice.findUnique({ where: { id: noticeId }, include: { unit: unitSelect } });
  if (!notice) throw notFound("Không tìm thấy thông báo.");
  assertCanEditContent(viewer, "content.edit", notice.unit);
  return { actor: viewer, notice };
}

const taskSnapshot = (t: { number: string; content: string; assigneeOrgId: number | null; assigneeText: string; deadline: Date | null }, criterionIds: number[], unitIds: number[]) => ({
  number: t.number,
  content: t.content,
  assigneeOrgId: t.assigneeOrgId,
  assigneeText: t.assigneeText,
  deadline: toDateInput(t.deadline) || null,
  criterionIds: [...criterionIds].sort((a, b) => a - b),
  unitIds: [...unitIds].sort((a, b) => a - b),
});

export interface NoticeTaskWriteResult {
  taskId: number;
  noticeId: number;
  noticeSlug: string;
  version: number;
}

/** Creates or edits one numbered task of a notice, with its assignee, deadline and links. */
export async function saveNoticeTask(viewer: Viewer | null, input: TNoticeTask): Promise<NoticeTaskWriteResult> {
  const { actor, notice } = await loadNoticeForTasks(viewer, input.noticeId);
  const errors: FieldErrors = {};
  const orgs = await listAssignableOrganisations(notice.unitId);
  const org = orgs.find((o) => o.id === input.assigneeOrgId);
  if (!org) errors.assigneeOrgId = ["Đơn vị chủ trì phải là một cơ quan, đơn vị của tỉnh ban hành thông báo."];
  if (input.deadline && input.deadline < notice.issuedDate) {
    errors.deadline = [`Thời hạn không được trước ngày ban hành thông báo (${formatDate(notice.issuedDate)}).`];
  }
  const criterionIds = [...new Set(input.criterionIds)];
  const unitIds = [...new Set(input.unitIds)];
  if (criterionIds.length && (await db.criterion.count({ where: { id: { in: criterionIds } } })) !== criterionIds.length) {
    errors.criterionIds = ["Có tiêu chí không tồn tại."];
  }
  if (unitIds.length) {
    const allowed = new Set((await listLinkableCommunes(notice.unitId)).map((u) => u.id));
    if (unitIds.some((u) => !allowed.has(u))) errors.unitIds = ["Chỉ chọn được các xã thuộc tỉnh ban hành thông báo."];
  }
  if (Object.keys(errors).length) throw invalidInput(errors);
  const fields = {
    number: input.number,
    content: input.content,
    assigneeOrgId: input.assigneeOrgId,
    assigneeText: input.assigneeText ?? org!.name,
    deadline: input.deadline,
  };

  return db.$transaction(async (tx) => {
    let taskId: number;
    let before: ReturnType<typeof taskSnapshot> | null = null;
    let version: number;
    if (input.taskId === null) {
      const last = await tx.noticeTask.aggregate({ where: { noticeId: notice.id }, _max: { sortOrder: true } });
      const task = await tx.noticeTask.create({ data: { ...fields, noticeId: notice.id, sortOrder: (last._max.sortOrder ?? 0) + 1 } });
      taskId = task.id;
      version = task.version;
    } else {
      const task = await tx.noticeTask.findFirst({
        where: { id: input.taskId, noticeId: notice.id },
        include: { criteria: { select: { criterionId: true } }, units: { select: { unitId: true } } },
      });
      if (!task) throw notFound("Không tìm thấy nhiệm vụ trong thông báo này.");
      if (task.version !== input.version) {
        throw new AppError("CONFLICT", "Nhiệm vụ này vừa được cập nhật (tình trạng hoặc nội dung) sau khi bạn mở trang. Hãy tải lại trang rồi sửa lại.");
      }
      before = taskSnapshot(task, task.criteria.map((c) => c.criterionId), task.units.map((u) => u.unitId));
      const r = await tx.noticeTask.updateMany({ where: { id: task.id, version: input.version }, data: { ...fields, version: { increment: 1 } } });
      if (r.count !== 1) throw new AppError("CONFLICT", "Nhiệm vụ này vừa được người khác cập nhật. Hãy tải lại trang rồi sửa lại.");
      await tx.noticeTaskCriterion.deleteMany({ where: { taskId: task.id } });
      await tx.noticeTaskUnit.deleteMany({ where: { taskId: task.id } });
      taskId = task.id;
      version = input.version + 1;
    }
    if (criterionIds.length) await tx.noticeTaskCriterion.createMany({ data: criterionIds.map((criterionId) => ({ taskId, criterionId })) });
    if (unitIds.length) await tx.noticeTaskUnit.createMany({ data: unitIds.map((unitId) => ({ taskId, unitId })) });
    await writeAudit(tx, {
      userId: actor.id,
      action: before ? "notice.task.update" : "notice.task.create",
      entityType: "NoticeTask",
      entityId: taskId,
      unitId: notice.unitId,
      before,
      after: { noticeId: notice.id, ...taskSnapshot(fields, criterionIds, unitIds) },
    });
    return { taskId, noticeId: notice.id, noticeSlug: notice.slug, version };
  });
}

/** Removes a task entered by mistake; a task with reported progress is kept. */
export async function deleteNoticeTask(viewer: Viewer | null, input: TDeleteNoticeTask): Promise<NoticeTaskWriteResult> {
  const { actor, notice } = await loadNoticeForTasks(viewer, input.noticeId);
  return db.$transaction(async (tx) => {
    const task = await tx.noticeTask.findFirst({
      where: { id: input.taskId, noticeId: notice.id },
      include: { _count: { select: { progress: true } }, criteria: { select: { criterionId: true } }, units: { select: { unitId: true } } },
    });
    if (!task) throw notFound("Không tìm thấy nhiệm vụ trong thông báo này.");
    if (task.version !== input.version) throw new AppError("CONFLICT", "Nhiệm vụ này vừa được cập nhật sau khi bạn mở trang. Hãy tải lại trang.");
    if (task._count.progress > 0 || task.status !== "NOT_STARTED") {
      throw new AppError("VALIDATION", "Nhiệm vụ đã có báo cáo tiến độ của đơn vị được giao nên không thể xóa; hãy sửa nội dung nếu cần.");
    }
    await tx.noticeTask.delete({ where: { id: task.id } });
    await writeAudit(tx, {
      userId: actor.id,
      action: "notice.task.delete",
      entityType: "NoticeTask",
      entityId: task.id,
      unitId: notice.unitId,
      before: { noticeId: notice.id, ...taskSnapshot(task, task.criteria.map((c) => c.criterionId), task.units.map((u) => u.unitId)) },
    });
    return { taskId: task.id, noticeId: notice.id, noticeSlug: notice.slug, version: task.version };
  });
}
