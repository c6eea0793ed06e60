import Link from "next/link";
import { TaskStatusBadge } from "@/components/notices/task-table";
import { TaskLinks } from "@/components/tasks/task-links";
import { formatDate } from "@/lib/format";
import { classifyTask, TASK_STATUS_LABELS } from "@/lib/tasks/rules";

interface Task {
  id: number;
  number: string;
  content: string;
  assigneeText: string;
  assigneeOrg: { name: string } | null;
  deadline: Date | null;
  status: "NOT_STARTED" | "IN_PROGRESS" | "DONE";
  completedAt: Date | null;
  criteria: { criterion: { number: number; name: string; set: { code: string } } }[];
  units: { unit: { fullName: string } }[];
  _count: { progress: number };
}

/** The numbered tasks of a notice on its edit page, each with a link to its form. */
export function NoticeTaskList({ noticeId, tasks, today, canEdit }: { noticeId: number; tasks: Task[]; today: Date; canEdit: boolean }) {
  if (tasks.length === 0) return <p className="text-sm text-gray-600">Thông báo chưa có nhiệm vụ nào.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="notice-task-list">
        <caption className="sr-only">Nhiệm vụ của thông báo</caption>
        <thead>
          <tr className="bg-brand-50 text-left">
            <th scope="col" className="border px-2 py-1.5">TT</th>
            <th scope="col" className="border px-2 py-1.5">Nội dung</th>
            <th scope="col" className="border px-2 py-1.5">Đơn vị chủ trì</th>
            <th scope="col" className="border px-2 py-1.5">Thời hạn</th>
            <th scope="col" className="border px-2 py-1.5">Tình trạng</th>
            {canEdit && <th scope="col" className="border px-2 py-1.5"><span className="sr-only">Thao tác</span></th>}
          </tr>
        </thead>
        <tbody>
          {tasks.map((t) => {
            const cls = classifyTask(t, today);
            return (
              <tr key={t.id} className={cls === "OVERDUE" ? "bg-red-50 align-top" : "align-top"}>
                <td className="border px-2 py-1.5">{t.number}</td>
                <td className="border px-2 py-1.5">
                  <p className="line-clamp-3 whitespace-pre-line">{t.content}</p>
                  <TaskLinks criteria={t.criteria} units={t.units} />
                </td>
                <td className="border px-2 py-1.5">{t.assigneeOrg?.name ?? t.assigneeText}</td>
                <td className="border px-2 py-1.5 whitespace-nowrap">{t.deadline ? formatDate(t.deadline) : "Không ghi"}</td>
                <td className="border px-2 py-1.5">
                  <TaskStatusBadge cls={cls} />
                  <span className="mt-0.5 block text-xs text-gray-600">
                    {TASK_STATUS_LABELS[t.status]}
                    {t.completedAt && ` ${formatDate(t.completedAt)}`} · {t._count.progress} báo cáo
                  </span>
                </td>
                {canEdit && (
                  <td className="border px-2 py-1.5">
                    <Link href={`/quan-ly/thong-bao/${noticeId}/nhiem-vu/${t.id}`} className="text-brand-700 underline" aria-label={`Sửa nhiệm vụ ${t.number}`}>
                      Sửa
                    </Link>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
