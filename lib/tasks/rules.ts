// Follow-up classification of notice tasks, as government progress reports classify them.

export type TaskProgressClass = "DONE_ON_TIME" | "DONE_LATE" | "IN_PROGRESS" | "OVERDUE";

export const TASK_CLASS_LABELS: Record<TaskProgressClass, string> = {
  DONE_ON_TIME: "Hoàn thành đúng hạn",
  DONE_LATE: "Hoàn thành quá hạn",
  IN_PROGRESS: "Đang thực hiện trong hạn",
  OVERDUE: "Quá hạn",
};

export interface TaskTiming {
  status: "NOT_STARTED" | "IN_PROGRESS" | "DONE";
  /** calendar date (UTC midnight); null = no deadline */
  deadline: Date | null;
  completedAt: Date | null;
}

/**
 * A task is due at the end of its deadline day: finished on the deadline is on time, and an
 * unfinished task becomes overdue the day after. Tasks without a deadline are never late.
 * `today` is the calendar date in Vietnam (lib/format todayInVietnam).
 */
export function classifyTask(task: TaskTiming, today: Date): TaskProgressClass {
  const deadline = task.deadline?.getTime() ?? null;
  if (task.status === "DONE") {
    const done = (task.completedAt ?? today).getTime();
    return deadline !== null && done > deadline ? "DONE_LATE" : "DONE_ON_TIME";
  }
  return deadline !== null && today.getTime() > deadline ? "OVERDUE" : "IN_PROGRESS";
}

export const TASK_CLASSES: TaskProgressClass[] = ["DONE_ON_TIME", "DONE_LATE", "IN_PROGRESS", "OVERDUE"];

export const TASK_STATUS_LABELS: Record<TaskTiming["status"], string> = {
  NOT_STARTED: "Chưa thực hiện",
  IN_PROGRESS: "Đang thực hiện",
  DONE: "Đã hoàn thành",
};

/** Whole days an unfinished task is past its deadline (0 when it is not overdue). */
export function daysOverdue(task: TaskTiming, today: Date): number {
  if (classifyTask(task, today) !== "OVERDUE" || !task.deadline) return 0;
  return Math.round((today.getTime() - task.deadline.getTime()) / 86_400_000);
}

export interface TaskTally extends Record<TaskProgressClass, number> {
  total: number;
  /** tasks whose outcome is known: finished, or past their deadline */
  due: number;
  /** on-time share of the due tasks, in percent; null when none is due */
  onTimeRate: number | null;
}

/**
 * Counts by class, and the on-time rate as progress reports give it: tasks finished on time ÷
 * tasks due. A task is due once it is finished or its deadline has passed; a task still within
 * its deadline is not counted either way.
 */
export function tallyTasks(classes: Iterable<TaskProgressClass>): TaskTally {
  const t: TaskTally = { total: 0, DONE_ON_TIME: 0, DONE_LATE: 0, IN_PROGRESS: 0, OVERDUE: 0, due: 0, onTimeRate: null };
  for (const c of classes) {
    t.total += 1;
    t[c] += 1;
  }
  t.due = t.DONE_ON_TIME + t.DONE_LATE + t.OVERDUE;
  t.onTimeRate = t.due === 0 ? null : (t.DONE_ON_TIME / t.due) * 100;
  return t;
}
