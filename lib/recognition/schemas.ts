// zod schemas of the recognition forms: a commune's request, each step of its dossier, a
// revocation. Dates as the browser's date input sends them (yyyy-mm-dd).
import { z } from "zod";
import { FIRST_ASSESSMENT_YEAR, LAST_ASSESSMENT_YEAR } from "@/lib/units/rules";

const id = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự.`);
const date = (message: string) => z.iso.date({ message }).transform((s) => new Date(`${s}T00:00:00Z`));
/** the summary was read and confirmed before an act that cannot be undone */
const confirmed = z.literal("on", { message: "Hãy đọc lại tóm tắt và đánh dấu xác nhận trước khi ghi." });

export const ZPropose = z.object({
  communeId: id,
  year: z.coerce.number().int().min(FIRST_ASSESSMENT_YEAR).max(LAST_ASSESSMENT_YEAR),
});
export type TPropose = z.infer<typeof ZPropose>;

export const ZDossierStep = z.discriminatedUnion("action", [
  z.object({ action: z.literal("verify"), dossierId: id, version: id, note: text(2000).optional().default("") }),
  z.object({
    action: z.literal("appraise"),
    dossierId: id,
    version: id,
    appraisedOn: date("Nhập ngày họp hội đồng thẩm định."),
    votesFor: z.coerce.number({ message: "Nhập số phiếu đồng ý." }).int().min(0, "Số phiếu không được âm."),
    votesTotal: z.coerce.number({ message: "Nhập số thành viên hội đồng." }).int().min(1, "Hội đồng phải có ít nhất 1 thành viên.").max(200),
  }),
  z.object({
    action: z.literal("decide"),
    dossierId: id,
    version: id,
    decisionNumber: text(60).min(3, "Nhập số quyết định (ví dụ 1234/QĐ-UBND)."),
    decisionDate: date("Nhập ngày ký quyết định."),
    signer: text(200).min(2, "Nhập người ký quyết định."),
    issuer: text(200).optional().default(""),
    confirmed,
  }),
  z.object({ action: z.literal("return"), dossierId: id, version: id, comment: text(2000).min(5, "Nêu rõ lý do trả lại (ít nhất 5 ký tự).") }),
  z.object({ action: z.literal("resubmit"), dossierId: id, version: id }),
]);
export type TDossierStep = z.infer<typeof ZDossierStep>;

export const ZRevoke = z.object({
  recognitionId: id,
  version: id,
  revocationNumber: text(60).min(3, "Nhập số quyết định thu hồi."),
  revocationDate: date("Nhập ngày ký quyết định thu hồi."),
  reason: text(2000).min(5, "Nêu rõ lý do thu hồi."),
  confirmed,
});
export type TRevoke = z.infer<typeof ZRevoke>;
