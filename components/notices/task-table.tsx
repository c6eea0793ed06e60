import { formatDate } from "@/lib/format";
import { classifyTask, TASK_CLASS_LABELS, type TaskProgressClass } from "@/lib/tasks/rules";

export interface TaskRow {
  id: number;
  number: string;
  content: string;
  assigneeText: string;
  assigneeOrg: { name: string } | null;
  deadline: Date | null;
  status: "NOT_STARTED" | "IN_PROGRESS" | "DONE";
  completedAt: Date | null;
}

const CLASS_STYLE: Record<TaskProgressClass, string> = {
  DONE_ON_TIME: "bg-green-100 text-green-800",
  DONE_LATE: "bg-amber-100 text-amber-800",
  IN_PROGRESS: "bg-sky-100 text-sky-800",
  OVERDUE: "bg-red-100 text-red-800 font-semibold",
};

export function TaskStatusBadge({ cls }: { cls: TaskProgressClass }) {
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs ${CLASS_STYLE[cls]}`}>{TASK_CLASS_LABELS[cls]}</span>;
}

/** The numbered tasks of a conclusion notice, with who does them, by when, and where they stand. */
export function TaskTable({ tasks, today }: { tasks: TaskRow[]; today: Date }) {
  if (tasks.length === 0) return <p className="text-gray-500">Thông báo không có nhiệm vụ được giao.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Nhiệm vụ được giao tại thông báo</caption>
        <thead>
          <tr className="bg-brand-50 text-left">
            <th scope="col" className="border px-2 py-1.5">TT</th>
            <th scope="col" className="border px-2 py-1.5">Nội dung nhiệm vụ</th>
            <th scope="col" className="border px-2 py-1.5">Đơn vị chủ trì</th>
            <th scope="col" className="border px-2 py-1.5">Thời hạn</th>
            <th scope="col" className="border px-2 py-1.5">Tình trạng</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((t) => {
            const cls = classifyTask(t, today);
            return (
              <tr key={t.id} className={cls === "OVERDUE" ? "bg-red-50" : undefined}>
                <td className="border px-2 py-1.5 align-top">{t.number}</td>
                <td className="border px-2 py-1.5 align-top">
                  <p className="line-clamp-4">{t.content}</p>
                </td>
                <td className="border px-2 py-1.5 align-top">{t.assigneeOrg?.name ?? t.assigneeText}</td>
                <td className="border px-2 py-1.5 align-top whitespace-nowrap">{t.deadline ? formatDate(t.deadline) : "Không ghi thời hạn"}</td>
                <td className="border px-2 py-1.5 align-top">
                  <TaskStatusBadge cls={cls} />
                  {t.status === "DONE" && t.completedAt && <span className="mt-1 block text-xs text-gray-600">ngày {formatDate(t.completedAt)}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
