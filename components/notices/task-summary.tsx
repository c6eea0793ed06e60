import { formatNumber } from "@/lib/format";
import { classifyTask, TASK_CLASS_LABELS, type TaskProgressClass, type TaskTiming } from "@/lib/tasks/rules";
import { TaskStatusBadge } from "./task-table";

const ORDER: TaskProgressClass[] = ["OVERDUE", "IN_PROGRESS", "DONE_LATE", "DONE_ON_TIME"];

/** How the notice's tasks stand today, by status class (overdue first: they need attention). */
export function TaskSummary({ tasks, today }: { tasks: TaskTiming[]; today: Date }) {
  const counts = new Map<TaskProgressClass, number>();
  for (const t of tasks) {
    const cls = classifyTask(t, today);
    counts.set(cls, (counts.get(cls) ?? 0) + 1);
  }
  const present = ORDER.filter((c) => counts.get(c));
  if (present.length === 0) return null;
  return (
    <ul className="mb-3 flex flex-wrap gap-2 text-sm" aria-label="Tình hình thực hiện nhiệm vụ">
      {present.map((c) => (
        <li key={c} className="flex items-center gap-1">
          <TaskStatusBadge cls={c} />
          <span className="sr-only">{TASK_CLASS_LABELS[c]}:</span>
          <span className="font-semibold">{formatNumber(counts.get(c))}</span>
        </li>
      ))}
    </ul>
  );
}
