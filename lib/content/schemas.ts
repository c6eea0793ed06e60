// zod pieces shared by the article, notice and document forms, and the publish/restore forms
// the three have in common.
import { z } from "zod";

export const id = z.coerce.number().int().positive();
export const version = z.coerce.number().int().min(1);

export const requiredText = (max: number, message: string) =>
  z.string({ message }).trim().min(1, message).max(max, `Tối đa ${max} ký tự.`);
export const optionalText = (max: number) =>
  z.string().trim().max(max, `Tối đa ${max} ký tự.`).optional().transform((v) => v || null);

/** A select whose empty option means "none". */
export const optionalId = z
  .union([z.literal(""), z.coerce.number().int().positive()])
  .optional()
  .transform((v) => (v === "" || v === undefined ? null : v));

export const optionalUrl = z
  .string()
  .trim()
  .max(500, "Tối đa 500 ký tự.")
  .optional()
  .refine((v) => !v || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), "Địa chỉ phải bắt đầu bằng http:// hoặc https://.")
  .transform((v) => v || null);

/** "2026-11-22" from a date input → the calendar date at UTC midnight (the @db.Date convention). */
export const calendarDate = (message: string) =>
  z.iso.date({ message }).transform((v) => new Date(`${v}T00:00:00Z`));
export const optionalCalendarDate = z
  .union([z.literal(""), z.iso.date({ message: "Ngày không hợp lệ." })])
  .optional()
  .transform((v) => (v ? new Date(`${v}T00:00:00Z`) : null));

export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true");

/** Vietnam is UTC+7 all year: "2026-11-22T08:30" typed in Vietnam → the instant. */
export function parseVietnamDateTime(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h - 7, mi));
  const check = new Date(date.getTime() + 7 * 3600_000);
  return check.getUTCDate() === d && check.getUTCMonth() === mo - 1 && h < 24 && mi < 60 ? date : null;
}

/** An instant as a datetime-local value in Vietnam time ("2026-11-22T08:30"). */
export function toVietnamDateTimeInput(date: Date): string {
  return new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 16);
}

/** A calendar date as a date input value ("2026-11-22"). */
export const toDateInput = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : "");

export const ZPublish = z.discriminatedUnion("command", [
  z.object({ command: z.literal("publish"), id, version }),
  z.object({ command: z.literal("unpublish"), id, version }),
  z.object({
    command: z.literal("schedule"),
    id,
    version,
    publishAt: z
      .string({ message: "Chọn ngày giờ đăng." })
      .transform((v, ctx) => {
        const at = parseVietnamDateTime(v);
        if (!at) ctx.addIssue({ code: "custom", message: "Chọn ngày giờ đăng hợp lệ." });
        return at ?? new Date(0);
      }),
  }),
]);
export type TPublish = z.infer<typeof ZPublish>;

export const toPublishCommand = (input: TPublish) =>
  input.command === "schedule" ? { kind: "schedule" as const, at: input.publishAt } : { kind: input.command };

export const ZRestore = z.object({ id, version, revisionId: id });
export type TRestore = z.infer<typeof ZRestore>;
