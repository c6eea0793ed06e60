// zod schemas of the conclusion notice form and of the form of one of its numbered tasks.
// Checks that need the database (a deadline against the notice's issue date, an assignee of
// the notice's province) run in the service.
import { z } from "zod";
import {
  calendarDate,
  checkbox,
  id,
  optionalCalendarDate,
  optionalId,
  optionalText,
  optionalUrl,
  requiredText,
  version,
} from "@/lib/content/schemas";

/** "58/TB-UBND", "3691/TB-VPUBND", "51/2025/QĐ-TTg": a number, then "/" and the symbol. */
export const DOCUMENT_NUMBER = /^\d+[\p{L}\d-]*(\/[\p{L}\p{N}.\-–]+)+$/u;
export const documentNumber = (what: string) =>
  requiredText(60, `Nhập số hiệu ${what}.`).regex(DOCUMENT_NUMBER, `Số hiệu phải gồm số và ký hiệu, cách nhau bởi dấu “/”, ví dụ 58/TB-UBND.`);

export const ZNotice = z
  .object({
    number: documentNumber("thông báo"),
    title: requiredText(500, "Nhập trích yếu (tiêu đề) của thông báo."),
    /** blank = made from the number and title */
    slug: optionalText(120),
    summary: optionalText(1000),
    bodyHtml: z.string().max(300_000, "Nội dung quá dài (tối đa 300.000 ký tự).").default(""),
    issuedDate: calendarDate("Nhập ngày ban hành."),
    meetingDate: optionalCalendarDate,
    issuingBody: requiredText(200, "Nhập cơ quan ban hành."),
    signer: optionalText(120),
    signerTitle: optionalText(300),
    source: optionalText(300),
    sourceUrl: optionalUrl,
    unitId: optionalId,
    removeAttachment: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.meetingDate && v.meetingDate > v.issuedDate) {
      ctx.addIssue({ code: "custom", path: ["meetingDate"], message: "Ngày họp phải trước hoặc cùng ngày ban hành." });
    }
  });
export type TNotice = z.infer<typeof ZNotice>;

export const ZNoticeUpdate = z.intersection(ZNotice, z.object({ id, version }));
export type TNoticeUpdate = z.infer<typeof ZNoticeUpdate>;

const idList = (max: number) => z.array(z.coerce.number().int().positive()).max(max, `Chọn tối đa ${max} mục.`).default([]);

export const ZNoticeTask = z.object({
  noticeId: id,
  /** absent for a new task */
  taskId: optionalId,
  version: z.coerce.number().int().min(0).default(0),
  number: requiredText(20, "Nhập số thứ tự của nhiệm vụ (ví dụ 1, 2.1).").regex(/^\d+(\.\d+)*[a-zđ]?$/u, "Số thứ tự gồm chữ số, có thể có mục con: 1, 2.1, 3a."),
  content: requiredText(8000, "Nhập nội dung nhiệm vụ."),
  assigneeOrgId: z.coerce.number({ message: "Chọn đơn vị chủ trì." }).int().positive("Chọn đơn vị chủ trì."),
  /** as the notice words it ("Sở Kế hoạch và Đầu tư chủ trì, phối hợp …"); blank = the organisation's name */
  assigneeText: optionalText(500),
  deadline: optionalCalendarDate,
  criterionIds: idList(60),
  unitIds: idList(500),
});
export type TNoticeTask = z.infer<typeof ZNoticeTask>;

export const ZDeleteNoticeTask = z.object({ noticeId: id, taskId: id, version });
export type TDeleteNoticeTask = z.infer<typeof ZDeleteNoticeTask>;
