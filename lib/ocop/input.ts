// Form input for the OCOP, capital, plan and survey services: zod pieces that read numbers and
// dates as Vietnamese forms write them, and the one conversion of a zod failure to an AppError
// with Vietnamese field messages (shared with lib/forms.ts). The services parse their own input,
// so every entry point (server action, test, import) gets the same checks.
import { z } from "zod";
import { parseVietnameseNumber } from "@/lib/assessments/schemas";

// The zod-failure → VALIDATION AppError conversion lives in lib/forms.ts; the programme services
// import it from here under these names.
export { INVALID_INPUT as VALIDATION_MESSAGE, invalidInput as validationError, parseInput } from "@/lib/forms";

export const zId = (message = "Chọn một mục trong danh sách.") => z.coerce.number({ message }).int(message).positive(message);

export const zText = (max: number) => z.string({ message: "Nhập nội dung." }).trim().max(max, `Tối đa ${max} ký tự.`);

/** Optional text: "" and missing become null. */
export const zOptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Tối đa ${max} ký tự.`)
    .nullish()
    .transform((v) => (v ? v : null));

export const zYear = z.coerce.number({ message: "Chọn năm." }).int("Năm không hợp lệ.").min(2010, "Năm không hợp lệ.").max(2035, "Năm không hợp lệ.");

/** A number typed as "85,5", "1.234,5" or 85.5; `label` names it in the messages. */
export const zNumber = (label: string) =>
  z.union([z.number(), z.string()], { message: `Nhập ${label}.` }).transform((raw, ctx) => {
    if (typeof raw === "string" && raw.trim() === "") {
      ctx.addIssue({ code: "custom", message: `Nhập ${label}.` });
      return z.NEVER;
    }
    const n = typeof raw === "number" ? raw : parseVietnameseNumber(raw);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: `${capitalise(label)} phải là một số (ví dụ 12,5).` });
      return z.NEVER;
    }
    return n;
  });

/** Money in million VND: not negative, at most two decimals, not absurdly large. */
export const zMoney = (label: string) =>
  zNumber(label)
    .refine((n) => n >= 0, { message: `${capitalise(label)} không được âm.` })
    .refine((n) => n <= 1e9, { message: `${capitalise(label)} quá lớn.` })
    .refine((n) => Math.round(n * 100) / 100 === n, { message: `${capitalise(label)} ghi tối đa 2 chữ số thập phân (đơn vị triệu đồng).` });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDate(raw: string): Date | null {
  const m = ISO_DATE.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

/** A calendar date from an <input type="date"> (yyyy-mm-dd) or a Date, as UTC midnight. */
export const zDate = (label: string) =>
  z.union([z.date(), z.string()], { message: `Nhập ${label}.` }).transform((raw, ctx) => {
    const d = raw instanceof Date ? raw : raw.trim() === "" ? null : toDate(raw);
    if (!d) {
      ctx.addIssue({ code: "custom", message: raw === "" ? `Nhập ${label}.` : `${capitalise(label)} không hợp lệ.` });
      return z.NEVER;
    }
    return d;
  });

/** The same, optional: "" and missing become null. */
export const zOptionalDate = (label: string) =>
  z
    .union([z.date(), z.string()])
    .nullish()
    .transform((raw, ctx) => {
      if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) return null;
      const d = raw instanceof Date ? raw : toDate(raw);
      if (!d) {
        ctx.addIssue({ code: "custom", message: `${capitalise(label)} không hợp lệ.` });
        return z.NEVER;
      }
      return d;
    });

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The text fields of a submitted form as a service's raw input (the service parses and checks them). */
export function formFields<T>(form: FormData): T {
  return Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as unknown as T;
}

/**
 * What a service accepts before parsing: the form's field names with values of any type (text
 * from forms, numbers and dates from code). The service's zod schema decides what is valid.
 */
export type RawInput<T> = { [K in keyof T]?: unknown };
