// zod schemas of the OCOP forms. Rules that need the database (scope, duplicates) or several
// fields (scores → stars → council level) run in the service.
import { z } from "zod";
import { type RawInput, zId, zNumber, zOptionalDate, zOptionalText, zText, zYear } from "./input";
import { OCOP_GROUPS } from "./rules";

const group = z.enum(OCOP_GROUPS as [string, ...string[]], { message: "Chọn nhóm sản phẩm." });
const producerKind = z.enum(["ENTERPRISE", "COOPERATIVE", "COOPERATIVE_GROUP", "HOUSEHOLD"], { message: "Chọn loại chủ thể." });

const productFields = {
  communeId: zId("Chọn xã của sản phẩm."),
  name: zText(200).min(3, "Tên sản phẩm có ít nhất 3 ký tự."),
  group,
  subgroup: zOptionalText(120),
  description: zOptionalText(4000),
  /** an existing producer ("" = a new one described by the three fields below) */
  producerId: z
    .union([z.literal(""), zId()])
    .nullish()
    .transform((v) => (v ? v : null)),
  producerName: zOptionalText(200),
  producerKind: z
    .union([z.literal(""), producerKind])
    .nullish()
    .transform((v) => (v ? v : null)),
  producerAddress: zOptionalText(300),
};

function requireProducer<T extends { producerId: number | null; producerName: string | null; producerKind: string | null }>(v: T, ctx: z.RefinementCtx) {
  if (v.producerId) return;
  if (!v.producerName || v.producerName.length < 3) ctx.addIssue({ code: "custom", path: ["producerName"], message: "Chọn chủ thể có sẵn hoặc nhập tên chủ thể mới (ít nhất 3 ký tự)." });
  if (!v.producerKind) ctx.addIssue({ code: "custom", path: ["producerKind"], message: "Chọn loại chủ thể (doanh nghiệp, HTX, tổ hợp tác, hộ kinh doanh)." });
}

export const ZCreateProduct = z.object(productFields).superRefine(requireProducer);
export type TCreateProduct = RawInput<z.input<typeof ZCreateProduct>>;

export const ZUpdateProduct = z
  .object({
    productId: zId(),
    /** the version the form was loaded with */
    version: z.coerce.number().int().min(1),
    ...productFields,
  })
  .superRefine(requireProducer);
export type TUpdateProduct = RawInput<z.input<typeof ZUpdateProduct>>;

export const ZAddEvaluation = z
  .object({
    productId: zId(),
    year: zYear,
    councilLevel: z.enum(["DISTRICT", "PROVINCE", "CENTRAL"], { message: "Chọn cấp hội đồng." }),
    scoreA: zNumber("điểm phần A"),
    scoreB: zNumber("điểm phần B"),
    scoreC: zNumber("điểm phần C"),
    decisionNo: zOptionalText(60),
    decisionDate: zOptionalDate("ngày quyết định"),
    certificateNo: zOptionalText(60),
  })
  .superRefine((v, ctx) => {
    if (v.decisionNo && !v.decisionDate) ctx.addIssue({ code: "custom", path: ["decisionDate"], message: "Nhập ngày của quyết định công nhận." });
    if (!v.decisionNo && v.decisionDate) ctx.addIssue({ code: "custom", path: ["decisionNo"], message: "Nhập số quyết định công nhận (ví dụ 1234/QĐ-UBND)." });
    if (v.certificateNo && !v.decisionNo) ctx.addIssue({ code: "custom", path: ["certificateNo"], message: "Giấy chứng nhận đi kèm quyết định công nhận: nhập số và ngày quyết định." });
  });
export type TAddEvaluation = RawInput<z.input<typeof ZAddEvaluation>>;

/** The photo form: the file itself is checked by lib/files/rules. */
export const ZProductPhoto = z.object({ productId: zId("Sản phẩm không hợp lệ.") });

export const ZProductFilter = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  group: group.optional().catch(undefined),
  stars: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  state: z.enum(["NONE", "VALID", "EXPIRING_SOON", "EXPIRED"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type TProductFilter = z.output<typeof ZProductFilter>;
