import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { EditorHeader } from "@/components/editor/editor-header";
import { NoticeTaskForm } from "@/components/editor/notice-task-form";
import { loadTaskChoices } from "@/components/editor/task-choices";
import { requirePagePermission } from "@/lib/auth";
import { toDateInput } from "@/lib/content/schemas";
import { canEditContentOf } from "@/lib/content/scope";
import { deleteNoticeTaskAction, saveNoticeTaskAction } from "@/lib/notices/actions";
import { getNoticeForEditor } from "@/lib/notices/staff-queries";

export const metadata: Metadata = { title: "Sửa nhiệm vụ" };

export default async function EditNoticeTaskPage({ params }: { params: Promise<{ id: string; taskId: string }> }) {
  const p = await params;
  const id = Number(p.id);
  const taskId = Number(p.taskId);
  const viewer = await requirePagePermission("content.edit", `/quan-ly/thong-bao/${p.id}/nhiem-vu/${p.taskId}`);
  if (!Number.isSafeInteger(id) || id <= 0 || !Number.isSafeInteger(taskId)) notFound();
  const notice = await getNoticeForEditor(id);
  const task = notice?.tasks.find((t) => t.id === taskId);
  if (!notice || !task) notFound();
  if (!canEditContentOf(viewer, notice.unit)) forbidden();
  const choices = await loadTaskChoices(notice.unitId);
  return (
    <div className="grid gap-4">
      <EditorHeader title={`Nhiệm vụ ${task.number}`} back={{ href: `/quan-ly/thong-bao/${notice.id}#nhiem-vu`, label: `Thông báo số ${notice.number}` }}>
        <p className="text-sm text-gray-600">
          Tình trạng và tiến độ do đơn vị được giao cập nhật{" "}
          <Link href={`/quan-ly/nhiem-vu/${task.id}`} className="text-brand-700 underline">(xem tiến độ)</Link>.
        </p>
      </EditorHeader>
      <NoticeTaskForm
        noticeId={notice.id}
        issuedDate={toDateInput(notice.issuedDate)}
        task={{
          id: task.id,
          version: task.version,
          number: task.number,
          content: task.content,
          assigneeOrgId: task.assigneeOrgId,
          assigneeText: task.assigneeText,
          deadline: toDateInput(task.deadline),
          criterionIds: task.criteria.map((c) => c.criterionId),
          unitIds: task.units.map((u) => u.unitId),
        }}
        {...choices}
        action={saveNoticeTaskAction}
        deleteAction={task._count.progress === 0 && task.status === "NOT_STARTED" ? deleteNoticeTaskAction : undefined}
      />
    </div>
  );
}
