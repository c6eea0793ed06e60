// The password policy, applied wherever a password is set (an admin creating an account, a user
// changing theirs). Pure: the forms show the same messages the server enforces.
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;
/** bcrypt reads only the first 72 bytes; 128 characters leaves room for a passphrase */
export const PASSWORD_MAX_LENGTH = 128;
/** parts of the e-mail name shorter than this are not checked ("an", "xa" are in many words) */
const MIN_NAME_PART = 3;

export const PASSWORD_RULES_TEXT = `Ít nhất ${PASSWORD_MIN_LENGTH} ký tự, có cả chữ cái và chữ số, không chứa tên trong địa chỉ email.`;

/** Lower case, composed, without diacritics: "Nguyễn" and "nguyen" are the same name. */
function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

/** The parts of an e-mail's name a password must not contain: the whole name and its pieces. */
export function emailNameParts(email: string): string[] {
  const name = fold(email.trim().split("@")[0] ?? "");
  const parts = [name, ...name.split(/[._+\-\d]+/)];
  return [...new Set(parts.filter((p) => p.length >= MIN_NAME_PART))];
}

/** Every rule the password breaks, as Vietnamese messages (empty: the password is acceptable). */
export function passwordPolicyIssues(password: string, email: string): string[] {
  const issues: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) issues.push(`Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`);
  if (password.length > PASSWORD_MAX_LENGTH) issues.push(`Mật khẩu tối đa ${PASSWORD_MAX_LENGTH} ký tự.`);
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) issues.push("Mật khẩu phải có cả chữ cái và chữ số.");
  const folded = fold(password);
  if (emailNameParts(email).some((part) => folded.includes(part))) issues.push("Mật khẩu không được chứa tên trong địa chỉ email.");
  return issues;
}

/**
 * Adds the policy to an object schema holding the e-mail and the new password (and its
 * confirmation): issues land on the password field, a mismatch on the confirmation.
 */
export function withPasswordPolicy<T extends z.ZodType<{ email: string; password: string; confirm?: string }>>(schema: T) {
  return schema.superRefine((v, ctx) => {
    for (const message of passwordPolicyIssues(v.password, v.email)) ctx.addIssue({ code: "custom", path: ["password"], message });
    if (v.confirm !== undefined && v.confirm !== v.password) ctx.addIssue({ code: "custom", path: ["confirm"], message: "Mật khẩu nhập lại không khớp." });
  });
}
