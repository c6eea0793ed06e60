// Classification of notice tasks as progress reports give it, at the edges of the deadline day,
// and the scorecard's tally and on-time rate.
import { describe, expect, it } from "vitest";
import { classifyTask, daysOverdue, tallyTasks, type TaskProgressClass, type TaskTiming } from "@/lib/tasks/rules";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const DEADLINE = d("2020-07-17");

describe("classifyTask at the deadline's edges", () => {
  const cases: [string, TaskTiming, string, TaskProgressClass][] = [
    ["unfinished the day before the deadline is in progress", { status: "IN_PROGRESS", deadline: DEADLINE, completedAt: null }, "2020-07-16", "IN_PROGRESS"],
    ["unfinished on the deadline day itself is still on time", { status: "IN_PROGRESS", deadline: DEADLINE, completedAt: null }, "2020-07-17", "IN_PROGRESS"],
    ["not started on the deadline day is still on time", { status: "NOT_STARTED", deadline: DEADLINE, completedAt: null }, "2020-07-17", "IN_PROGRESS"],
    ["unfinished the day after the deadline is overdue", { status: "IN_PROGRESS", deadline: DEADLINE, completedAt: null }, "2020-07-18", "OVERDUE"],
    ["not started years later is overdue", { status: "NOT_STARTED", deadline: DEADLINE, completedAt: null }, "2026-11-22", "OVERDUE"],
    ["done on the deadline day is done on time", { status: "DONE", deadline: DEADLINE, completedAt: d("2020-07-17") }, "2026-11-22", "DONE_ON_TIME"],
    ["done before the deadline is done on time", { status: "DONE", deadline: DEADLINE, completedAt: d("2020-07-01") }, "2026-11-22", "DONE_ON_TIME"],
    ["done the day after the deadline is done late", { status: "DONE", deadline: DEADLINE, completedAt: d("2020-07-18") }, "2026-11-22", "DONE_LATE"],
    ["done late stays done late, however long ago", { status: "DONE", deadline: DEADLINE, completedAt: d("2021-01-05") }, "2030-01-01", "DONE_LATE"],
    ["without a deadline an unfinished task is never overdue", { status: "NOT_STARTED", deadline: null, completedAt: null }, "2030-01-01", "IN_PROGRESS"],
    ["without a deadline a finished task is on time", { status: "DONE", deadline: null, completedAt: d("2029-12-31") }, "2030-01-01", "DONE_ON_TIME"],
    ["done without a completion date counts as done today", { status: "DONE", deadline: DEADLINE, completedAt: null }, "2020-07-17", "DONE_ON_TIME"],
    ["done without a completion date after the deadline is late", { status: "DONE", deadline: DEADLINE, completedAt: null }, "2020-07-20", "DONE_LATE"],
  ];
  it.each(cases)("%s", (_name, task, today, expected) => {
    expect(classifyTask(task, d(today))).toBe(expected);
  });
});

describe("daysOverdue", () => {
  it("counts whole days past the deadline for an overdue task", () => {
    expect(daysOverdue({ status: "IN_PROGRESS", deadline: DEADLINE, completedAt: null }, d("2020-07-20"))).toBe(3);
  });
  it("is 0 on the deadline day, for a finished task and without a deadline", () => {
    expect(daysOverdue({ status: "IN_PROGRESS", deadline: DEADLINE, completedAt: null }, d("2020-07-17"))).toBe(0);
    expect(daysOverdue({ status: "DONE", deadline: DEADLINE, completedAt: d("2020-08-01") }, d("2020-09-01"))).toBe(0);
    expect(daysOverdue({ status: "NOT_STARTED", deadline: null, completedAt: null }, d("2030-01-01"))).toBe(0);
  });
});

describe("tallyTasks", () => {
  it("counts each class and rates on time ÷ due (finished or past the deadline)", () => {
    const t = tallyTasks(["DONE_ON_TIME", "DONE_ON_TIME", "DONE_LATE", "OVERDUE", "IN_PROGRESS", "IN_PROGRESS"]);
    expect(t).toMatchObject({ total: 6, DONE_ON_TIME: 2, DONE_LATE: 1, OVERDUE: 1, IN_PROGRESS: 2, due: 4 });
    expect(t.onTimeRate).toBe(50);
  });
  it("has no rate when nothing is due yet (tasks within their deadline are not counted either way)", () => {
    expect(tallyTasks(["IN_PROGRESS", "IN_PROGRESS"]).onTimeRate).toBeNull();
    expect(tallyTasks([]).onTimeRate).toBeNull();
  });
  it("rates 0% when every due task is overdue or late", () => {
    expect(tallyTasks(["OVERDUE", "DONE_LATE", "IN_PROGRESS"]).onTimeRate).toBe(0);
  });
});
