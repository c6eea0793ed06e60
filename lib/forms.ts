// Form input: one zod schema per form; a failed parse becomes a VALIDATION AppError whose field
// errors the form shows next to each field.
import { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

export const INVALID_INPUT = "Dữ liệu nhập chưa hợp lệ, vui lòng kiểm tra các ô được đánh dấu.";

export function invalidInput(fieldErrors: FieldErrors, message = INVALID_INPUT): AppError {
  return new AppError("VALIDATION", message, fieldErrors);
}

export function parseInput<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const key = issue.path.join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw invalidInput(fieldErrors);
}

/** The text fields of a form; names listed in `multi` keep every value (checkbox groups). */
export function formFields(form: FormData, multi: readonly string[] = []): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    if (multi.includes(key)) ((out[key] ??= []) as string[]).push(value);
    else out[key] = value;
  }
  for (const key of multi) out[key] ??= [];
  return out;
}

export interface UploadInput {
  /** the name the browser sent (shown, never used as a path) */
  name: string;
  bytes: Uint8Array;
}

/**
 * The file chosen in a file input, or null when none was chosen (browsers then send an empty part,
 * whose name the parser may fill in: an empty part is "no file").
 */
export async function formFile(form: FormData, name: string): Promise<UploadInput | null> {
  const file = form.get(name);
  if (!(file instanceof File) || file.size === 0) return null;
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
