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
