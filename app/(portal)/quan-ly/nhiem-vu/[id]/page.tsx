import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { EditorHeader } from "@/components/editor/editor-header";
import { TaskStatusBadge } from "@/components/notices/task-table";
import { ProgressForm } from "@/components/tasks/progress-form";
import { ProgressList } from "@/components/tasks/progress-list";
import { TaskLinks } from "@/components/tasks/task-links";
import { TaskStatusForm } from "@/components/tasks/task-status-form";
import { requirePageViewer } from "@/lib/auth";
import { toDateInput } from "@/lib/content/schemas";
import { formatDate, todayInVietnam } from "@/lib/format";
import { addTaskProgressAction, updateTaskStatusAction } from "@/lib/tasks/actions";
import { getTaskForViewer } from "@/lib/tasks/queries";
import { classifyTask, daysOverdue, TASK_STATUS_LABELS } from "@/lib/tasks/rules";

export const metadata: Metadata = { title: "Tiến độ nhiệm vụ" };

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const viewer = await requirePageViewer(`/quan-ly/nhiem-vu/${id}`);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const found = await getTaskForViewer(viewer, id);
  if (!found) notFound();
  if (!found.canView) forbidden();
  const { task, canUpdate } = found;
  const today = todayInVietnam();
  const cls = classifyTask(task, today);
  const late = daysOverdue(task, today);
  return (
    <div className="grid gap-4">
      <EditorHeader title={`Nhiệm vụ ${task.number} · Thông báo số ${task.notice.number}`} back={canUpdate ? { href: "/quan-ly/nhiem-vu", label: "Nhiệm vụ của tôi" } : { href: "/quan-ly/theo-doi-nhiem-vu", label: "Theo dõi nhiệm vụ" }}>
        <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="task-class">
          <TaskStatusBadge cls={cls} />
          {late > 0 && <span className="font-semibold text-red-700">Quá hạn {late} ngày</span>}
          <span className="text-gray-600">{TASK_STATUS_LABELS[task.status]}{task.completedAt && ` ngày ${formatDate(task.completedAt)}`}</span>
        </p>
      </EditorHeader>
      <section aria-labelledby="task-content" className={`grid gap-2 rounded border bg-white p-4 ${cls === "OVERDUE" ? "border-l-4 border-red-600" : ""}`}>
        <h2 id="task-content" className="font-semibold text-brand-800">Nội dung nhiệm vụ</h2>
        <p className="whitespace-pre-line text-sm">{task.content}</p>
        <TaskLinks criteria={task.criteria} units={task.units} />
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-gray-500">Đơn vị chủ trì</dt>
          <dd>{task.assigneeOrg?.name ?? "—"}{task.assigneeOrg?.unit && ` (${task.assigneeOrg.unit.fullName})`}</dd>
          <dt className="text-gray-500">Giao tại</dt>
          <dd>
            <Link href={`/thong-bao/${task.notice.slug}`} className="text-brand-700 underline">Thông báo số {task.notice.number}</Link> ngày {formatDate(task.notice.issuedDate)} — {task.notice.issuingBody}
          </dd>
          <dt className="text-gray-500">Ghi trong thông báo</dt>
          <dd>{task.assigneeText}</dd>
          <dt className="text-gray-500">Thời hạn</dt>
          <dd>{task.deadline ? formatDate(task.deadline) : "Không ghi thời hạn"}</dd>
        </dl>
      </section>
      {canUpdate ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <section aria-labelledby="status-title" className="grid content-start gap-2 rounded border bg-white p-4">
            <h2 id="status-title" className="font-semibold text-brand-800">Cập nhật tình trạng</h2>
            <TaskStatusForm taskId={task.id} version={task.version} status={task.status} completedAt={toDateInput(task.completedAt)} today={toDateInput(today)} action={updateTaskStatusAction} />
          </section>
          <section aria-labelledby="progress-add" className="grid content-start gap-2 rounded border bg-white p-4">
            <h2 id="progress-add" className="font-semibold text-brand-800">Báo cáo tiến độ</h2>
            <ProgressForm taskId={task.id} today={toDateInput(today)} action={addTaskProgressAction} />
          </section>
        </div>
      ) : (
        <p className="text-sm text-gray-600">Chỉ đơn vị được giao mới cập nhật tình trạng và tiến độ của nhiệm vụ này.</p>
      )}
      <section aria-labelledby="progress-title" className="grid gap-2 rounded border bg-white p-4">
        <h2 id="progress-title" className="font-semibold text-brand-800">Quá trình thực hiện ({task.progress.length})</h2>
        <ProgressList progress={task.progress} />
      </section>
    </div>
  );
}
