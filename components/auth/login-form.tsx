"use client";

import { useEffect, useState } from "react";
import { signIn } from "next-auth/react";
import { rateLimitMessage, safeReturnPath } from "@/lib/users/login-rules";

/** next-auth's error code → what the person reads (the server sends codes, never text). */
function loginErrorMessage(code: string | null): string {
  const limited = /^RATE_LIMITED:(\d+)$/.exec(code ?? "");
  if (limited) return rateLimitMessage(Number(limited[1]));
  if (code === "CredentialsSignin") return "Email hoặc mật khẩu không đúng.";
  return "Đã có lỗi xảy ra khi đăng nhập. Vui lòng thử lại.";
}

export function LoginForm({ callbackUrl }: { callbackUrl: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // until the page is interactive the button stays disabled: a native submit would put the
  // password in the URL
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError("Vui lòng nhập email và mật khẩu.");
      return;
    }
    setPending(true);
    const res = await signIn("credentials", { email, password, redirect: false });
    setPending(false);
    if (!res || res.error) {
      setError(loginErrorMessage(res?.error ?? null));
      return;
    }
    window.location.assign(safeReturnPath(callbackUrl));
  }

  return (
    <form onSubmit={onSubmit} method="post" className="grid gap-4" noValidate>
      <div className="grid gap-1">
        <label htmlFor="email" className="text-sm font-semibold">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required className="rounded border px-3 py-2" />
      </div>
      <div className="grid gap-1">
        <label htmlFor="password" className="text-sm font-semibold">Mật khẩu</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="rounded border px-3 py-2" />
      </div>
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-red-700" data-testid="login-error">
        {error}
      </p>
      <button type="submit" disabled={pending || !ready} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Đang đăng nhập…" : "Đăng nhập"}
      </button>
    </form>
  );
}
