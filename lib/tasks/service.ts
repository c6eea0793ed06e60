// Follow-up writes of notice tasks by their assignee: status (with the completion date) and dated
// progress notes with an optional result file. Only the organisation a task is assigned to may
// write them — the organisation comes from the task as stored and from the user's account,
// never from the form.
import { assertPermission, type Viewer } from "@/lib/authz";
import { writeAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound, type FieldErrors } from "@/lib/errors";
import { recordStaged, stageUpload, UPLOAD_RULES } from "@/lib/files/stage";
import { RECORDING_TRANSACTION } from "@/lib/files/storage";
import { formatDate, todayInVietnam } from "@/lib/format";
import { invalidInput, type UploadInput } from "@/lib/forms";
import type { TTaskProgress, TTaskStatus } from "./schemas";

/** Loads a task for its assignee; anyone else is refused. */
async function loadOwnTask(viewer: Viewer | null, taskId: number) {
  assertPermission(viewer, "task.update");
  const task = await db.noticeTask.findUnique({
    where: { id: taskId },
    include: { notice: { select: { id: true, slug: true, issuedDate: true, unitId: true } } },
  });
  if (!task) throw notFound("Không tìm thấy nhiệm vụ.");
  if (viewer.organisationId === null || task.assigneeOrgId !== viewer.organisationId) {
    throw forbidden("Bạn chỉ cập nhật được nhiệm vụ giao cho cơ quan, đơn vị của mình.");
  }
  return { actor: viewer, task };
}

export interface TaskWriteResult {
  taskId: number;
  noticeSlug: string;
  version: number;
}

const staleTask = () => new AppError("CONFLICT", "Nhiệm vụ này vừa được cập nhật sau khi bạn mở trang. Hãy tải lại trang để xem tình trạng mới rồi cập nhật lại.");

/** Sets NOT_STARTED / IN_PROGRESS / DONE; DONE needs the completion date (not in the future). */
export async function updateTaskStatus(viewer: Viewer | null, input: TTaskStatus, today = todayInVietnam()): Promise<TaskWriteResult> {
  const { actor, task } = await loadOwnTask(viewer, input.taskId);
  const completedAt = input.status === "DONE" ? input.completedAt : null;
  const errors: FieldErrors = {};
  if (completedAt && completedAt > today) errors.completedAt = ["Ngày hoàn thành không được sau ngày hôm nay."];
  if (completedAt && completedAt < task.notice.issuedDate) errors.completedAt = [`Ngày hoàn thành không được trước ngày ban hành thông báo (${formatDate(task.notice.issuedDate)}).`];
  if (Object.keys(errors).length) throw invalidInput(errors);

  return db.$transaction(async (tx) => {
    if (task.version !== input.version) throw staleTask();
    const r = await tx.noticeTask.updateMany({
      where: { id: task.id, version: input.version },
      data: { status: input.status, completedAt, version: { increment: 1 } },
    });
    if (r.count !== 1) throw staleTask();
    await writeAudit(tx, {
      userId: actor.id,
      action: "task.status",
      entityType: "NoticeTask",
      entityId: task.id,
      unitId: task.notice.unitId,
      before: { status: task.status, completedAt: task.completedAt },
      after: { status: input.status, completedAt },
    });
    return { taskId: task.id, noticeSlug: task.notice.slug, version: input.version + 1 };
  });
}

/**
 * Adds a dated progress note, with an optional result file (PDF or image, checked by content).
 * The first note of a task not yet started marks it as in progress.
 */
export async function addTaskProgress(viewer: Viewer | null, input: TTaskProgress, file: UploadInput | null = null, today = todayInVietnam()): Promise<TaskWriteResult> {
  const { actor, task } = await loadOwnTask(viewer, input.taskId);
  const errors: FieldErrors = {};
  if (input.date > today) errors.date = ["Ngày báo cáo không được sau ngày hôm nay."];
  if (input.date < task.notice.issuedDate) errors.date = [`Ngày báo cáo không được trước ngày ban hành thông báo (${formatDate(task.notice.issuedDate)}).`];
  if (Object.keys(errors).length) throw invalidInput(errors);
  const staged = file ? stageUpload(file, UPLOAD_RULES.taskResult, "file") : null;
  return db.$transaction(async (tx) => {
    const stored = await recordStaged(tx, staged, actor.id);
    const progress = await tx.taskProgress.create({ data: { taskId: task.id, date: input.date, note: input.note, fileId: stored?.id ?? null, createdById: actor.id } });
    let version = task.version;
    if (task.status === "NOT_STARTED") {
      const r = await tx.noticeTask.updateMany({ where: { id: task.id, status: "NOT_STARTED" }, data: { status: "IN_PROGRESS", version: { increment: 1 } } });
      if (r.count === 1) version += 1;
    }
    await writeAudit(tx, {
      userId: actor.id,
      action: "task.progress",
      entityType: "NoticeTask",
      entityId: task.id,
      unitId: task.notice.unitId,
      after: {
        progressId: progress.id,
        date: input.date,
        note: input.note,
        file: stored ? { id: stored.id, name: stored.fileName, size: stored.size, sha256: stored.sha256 } : undefined,
        status: version !== task.version ? "IN_PROGRESS" : undefined,
      },
    });
    return { taskId: task.id, noticeSlug: task.notice.slug, version };
  }, RECORDING_TRANSACTION);
}
