// zod schemas of the correction forms. The new values are checked against their indicator
// (kind, range) by the service with lib/assessments/values.ts, as on the entry screen.
import { z } from "zod";

const id = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự.`);

/** A request: the dossier, the new value of each indicator to change (by indicator id), and why. */
export const ZRequestCorrection = z.object({
  assessmentId: id,
  values: z
    .record(z.string().regex(/^\d+$/, "Chỉ tiêu không hợp lệ."), z.string().max(40, "Tối đa 40 ký tự."))
    .refine((v) => Object.keys(v).length > 0, "Chọn ít nhất một chỉ tiêu cần điều chỉnh.")
    .refine((v) => Object.keys(v).length <= 100, "Một đề nghị điều chỉnh tối đa 100 chỉ tiêu."),
  reason: text(2000).min(10, "Nêu rõ lý do điều chỉnh (ít nhất 10 ký tự), ví dụ số liệu được xác định lại theo văn bản nào."),
});
export type TRequestCorrection = z.input<typeof ZRequestCorrection>;

export const ZApproveCorrection = z.object({
  requestId: id,
  note: text(2000).optional().default(""),
});
export type TApproveCorrection = z.input<typeof ZApproveCorrection>;

export const ZRejectCorrection = z.object({
  requestId: id,
  note: text(2000).min(5, "Nêu rõ lý do không phê duyệt (ít nhất 5 ký tự)."),
});
export type TRejectCorrection = z.input<typeof ZRejectCorrection>;

const storedValue = z.union([z.number(), z.boolean(), z.null()]);

/** The stored difference (CorrectionRequest.changes), read back with its shape checked. */
export const ZCorrectionChanges = z.array(
  z.object({
    indicatorId: z.number().int().positive(),
    code: z.string(),
    name: z.string(),
    criterionNumber: z.number().int(),
    kind: z.enum(["NUMBER", "PERCENT", "BOOLEAN"]),
    unit: z.string().nullable(),
    before: storedValue,
    after: storedValue,
  }),
);
