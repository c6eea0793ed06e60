"use client";

import { useActionState, useEffect, useRef } from "react";
import { signIn } from "next-auth/react";
import type { ActionResult } from "@/lib/errors";
import { changeOwnPasswordAction } from "@/lib/users/actions";
import { PASSWORD_RULES_TEXT } from "@/lib/users/password-policy";

const FIELDS = [
  { name: "current", label: "Mật khẩu hiện tại", autoComplete: "current-password" },
  { name: "password", label: "Mật khẩu mới", autoComplete: "new-password", hint: PASSWORD_RULES_TEXT },
  { name: "confirm", label: "Nhập lại mật khẩu mới", autoComplete: "new-password" },
] as const;

/**
 * Changing one's own password. Every session ends with the change, this one too: on success the
 * form signs in again with the new password and opens the portal.
 */
export function ChangePasswordForm() {
  const newPassword = useRef("");
  const [state, action, pending] = useActionState(async (prev: ActionResult<{ email: string }> | null, form: FormData) => {
    newPassword.current = String(form.get("password") ?? "");
    return changeOwnPasswordAction(prev, form);
  }, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  useEffect(() => {
    if (!state?.ok) return;
    void signIn("credentials", { email: state.data.email, password: newPassword.current, redirect: false }).then((res) => {
      window.location.assign(res && !res.error ? "/quan-ly" : "/dang-nhap");
    });
  }, [state]);

  return (
    <form action={action} className="grid max-w-md gap-4" noValidate>
      {FIELDS.map((f) => (
        <div key={f.name} className="grid gap-1">
          <label htmlFor={`pw-${f.name}`} className="text-sm font-semibold">{f.label}</label>
          <input
            id={`pw-${f.name}`}
            name={f.name}
            type="password"
            autoComplete={f.autoComplete}
            required
            aria-invalid={errors?.[f.name] ? true : undefined}
            aria-describedby={`pw-${f.name}-msg`}
            className="rounded border px-3 py-2"
          />
          <p id={`pw-${f.name}-msg`} aria-live="polite" className="text-xs">
            {errors?.[f.name] ? <span className="text-red-700">{errors[f.name].join(" ")}</span> : "hint" in f ? <span className="text-gray-500">{f.hint}</span> : null}
          </p>
        </div>
      ))}
      <p role="status" className={`min-h-5 text-sm ${state?.ok ? "text-green-700" : "text-red-700"}`} data-testid="password-status">
        {state ? (state.ok ? "Đã đổi mật khẩu. Đang đăng nhập lại…" : state.message) : null}
      </p>
      <button type="submit" disabled={pending || state?.ok} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Đang lưu…" : "Đổi mật khẩu"}
      </button>
    </form>
  );
}
