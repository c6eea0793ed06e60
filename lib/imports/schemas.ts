// Inputs of the import screens: the template request and the upload form.
import { z } from "zod";

export const ZTemplateRequest = z.object({
  "don-vi": z.union([z.literal(""), z.coerce.number().int().positive()]).optional(),
  nam: z.coerce.number({ message: "Năm không hợp lệ." }).int().min(2016, "Năm từ 2016.").max(2030, "Năm đến 2030."),
  "dinh-dang": z.enum(["xlsx", "csv"]).default("xlsx"),
});

export const ZUpload = z.object({
  mode: z.enum(["dry-run", "apply"], { message: "Chọn kiểm tra thử hoặc ghi." }),
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/, "Mã kiểm tra thử không hợp lệ.").optional(),
});
