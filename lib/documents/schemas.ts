// zod schema of the document (văn bản) form.
import { z } from "zod";
import { calendarDate, checkbox, id, optionalCalendarDate, optionalId, optionalText, optionalUrl, requiredText, version } from "@/lib/content/schemas";
import { documentNumber } from "@/lib/notices/schemas";

export const DOCUMENT_TYPES = [
  "Luật", "Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Thông tư", "Kế hoạch", "Hướng dẫn", "Công văn", "Thông báo", "Văn bản khác",
] as const;

export const ZDocument = z
  .object({
    number: documentNumber("văn bản"),
    title: requiredText(500, "Nhập trích yếu (tên) văn bản."),
    docType: z.enum(DOCUMENT_TYPES, { message: "Chọn loại văn bản." }),
    issuer: requiredText(200, "Nhập cơ quan ban hành."),
    issuedDate: calendarDate("Nhập ngày ban hành."),
    effectiveDate: optionalCalendarDate,
    summary: requiredText(3000, "Nhập tóm tắt nội dung văn bản."),
    /** blank = made from the type and number */
    slug: optionalText(120),
    sourceUrl: optionalUrl,
    unitId: optionalId,
    removeFile: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.effectiveDate && v.effectiveDate < v.issuedDate) {
      ctx.addIssue({ code: "custom", path: ["effectiveDate"], message: "Ngày hiệu lực không được trước ngày ban hành." });
    }
  });
export type TDocument = z.infer<typeof ZDocument>;

export const ZDocumentUpdate = z.intersection(ZDocument, z.object({ id, version }));
export type TDocumentUpdate = z.infer<typeof ZDocumentUpdate>;
