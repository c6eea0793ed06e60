import { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums";
import { ROLES } from "./grant-rules";
import { PASSWORD_MAX_LENGTH, withPasswordPolicy } from "./password-policy";

const optionalId = z
  .union([z.literal(""), z.coerce.number().int().positive()])
  .optional()
  .transform((v) => (v === "" || v === undefined ? null : v));

/** An admin creating an account: the password chosen here must be changed at first sign-in. */
export const ZCreateUserForm = withPasswordPolicy(
  z.object({
    email: z.string().trim().toLowerCase().max(200, "Tối đa 200 ký tự.").pipe(z.email("Địa chỉ email không hợp lệ.")),
    name: z.string().trim().min(3, "Nhập họ tên (ít nhất 3 ký tự).").max(120, "Tối đa 120 ký tự."),
    role: z.enum(ROLES as [Role, ...Role[]], { message: "Chọn vai trò." }),
    unitId: optionalId,
    organisationId: optionalId,
    password: z.string().max(PASSWORD_MAX_LENGTH * 2),
    confirm: z.string(),
  }),
);
export type TCreateUserForm = z.infer<typeof ZCreateUserForm>;

/** A user changing their own password; the policy (which needs their e-mail) is checked by the service. */
export const ZChangePasswordForm = z
  .object({
    current: z.string().min(1, "Nhập mật khẩu hiện tại.").max(200),
    password: z.string().max(PASSWORD_MAX_LENGTH * 2),
    confirm: z.string(),
  })
  .refine((v) => v.confirm === v.password, { path: ["confirm"], message: "Mật khẩu nhập lại không khớp." });
export type TChangePasswordForm = z.infer<typeof ZChangePasswordForm>;

/** An admin giving an account a new temporary password (changed at its next sign-in). */
export const ZResetPasswordForm = z
  .object({
    userId: z.coerce.number().int().positive(),
    password: z.string().max(PASSWORD_MAX_LENGTH * 2),
  });
export type TResetPasswordForm = z.infer<typeof ZResetPasswordForm>;

export const ZUserIdForm = z.object({ userId: z.coerce.number().int().positive() });
