// zod schemas of the assignee's forms: the task's status, and a dated progress note.
import { z } from "zod";
import { calendarDate, id, optionalCalendarDate, requiredText, version } from "@/lib/content/schemas";

export const ZTaskStatus = z
  .object({
    taskId: id,
    version,
    status: z.enum(["NOT_STARTED", "IN_PROGRESS", "DONE"], { message: "Chọn tình trạng thực hiện." }),
    completedAt: optionalCalendarDate,
  })
  .superRefine((v, ctx) => {
    if (v.status === "DONE" && !v.completedAt) ctx.addIssue({ code: "custom", path: ["completedAt"], message: "Nhập ngày hoàn thành." });
  });
export type TTaskStatus = z.infer<typeof ZTaskStatus>;

export const ZTaskProgress = z.object({
  taskId: id,
  date: calendarDate("Nhập ngày của báo cáo tiến độ."),
  note: requiredText(4000, "Nhập nội dung tiến độ thực hiện."),
});
export type TTaskProgress = z.infer<typeof ZTaskProgress>;
