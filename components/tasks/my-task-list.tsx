import Link from "next/link";
import { TaskStatusBadge } from "@/components/notices/task-table";
import { formatDate } from "@/lib/format";
import { classifyTask, daysOverdue, TASK_STATUS_LABELS, type TaskProgressClass } from "@/lib/tasks/rules";
import { TaskLinks } from "./task-links";

interface MyTask {
  id: number;
  number: string;
  content: string;
  deadline: Date | null;
  status: "NOT_STARTED" | "IN_PROGRESS" | "DONE";
  completedAt: Date | null;
  notice: { number: string; title: string };
  criteria: { criterion: { number: number; name: string; set: { code: string } } }[];
  units: { unit: { fullName: string } }[];
  progress: { date: Date; note: string }[];
  _count: { progress: number };
}

// overdue first: what needs attention comes before what is on track or finished
const ORDER: Record<TaskProgressClass, number> = { OVERDUE: 0, IN_PROGRESS: 1, DONE_LATE: 2, DONE_ON_TIME: 3 };

/** "Nhiệm vụ của tôi": the tasks of the viewer's organisation, overdue ones standing out. */
export function MyTaskList({ tasks, today }: { tasks: MyTask[]; today: Date }) {
  const rows = tasks.map((t) => ({ t, cls: classifyTask(t, today) })).sort((a, b) => ORDER[a.cls] - ORDER[b.cls]);
  return (
    <ul className="grid gap-3" data-testid="my-tasks">
      {rows.map(({ t, cls }) => {
        const late = daysOverdue(t, today);
        return (
          <li key={t.id} className={`rounded border bg-white p-4 ${cls === "OVERDUE" ? "border-l-4 border-red-600" : ""}`} data-testid={`my-task-${t.id}`}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Link href={`/quan-ly/nhiem-vu/${t.id}`} className="font-semibold text-brand-700 hover:underline">
                Thông báo số {t.notice.number} · nhiệm vụ {t.number}
              </Link>
              <span className="flex items-center gap-2">
                {late > 0 && <span className="text-sm font-semibold text-red-700">Quá hạn {late} ngày</span>}
                <TaskStatusBadge cls={cls} />
              </span>
            </div>
            <p className="mt-2 line-clamp-3 whitespace-pre-line text-sm">{t.content}</p>
            <TaskLinks criteria={t.criteria} units={t.units} />
            <p className="mt-2 text-xs text-gray-600">
              Thời hạn: {t.deadline ? formatDate(t.deadline) : "không ghi thời hạn"} · {TASK_STATUS_LABELS[t.status]}
              {t.completedAt && ` ngày ${formatDate(t.completedAt)}`} · {t._count.progress} báo cáo tiến độ
              {t.progress[0] && ` (gần nhất ${formatDate(t.progress[0].date)})`}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
