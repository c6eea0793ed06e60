"use client";

import { useActionState } from "react";
import { manageUserAction, resetUserPasswordAction } from "@/lib/users/actions";

/** Lock or unlock an account, end its sessions, or give it a temporary password. */
export function UserRowActions({ userId, email, active, isSelf }: { userId: number; email: string; active: boolean; isSelf: boolean }) {
  const [state, action, pending] = useActionState(manageUserAction, null);
  const [reset, resetAction, resetting] = useActionState(resetUserPasswordAction, null);
  const button = "rounded border px-2 py-0.5 text-xs hover:bg-gray-50 disabled:opacity-60";
  return (
    <div className="grid gap-1">
      <form action={action} className="flex flex-wrap gap-1">
        <input type="hidden" name="userId" value={userId} />
        {!isSelf && (
          <button type="submit" name="op" value={active ? "deactivate" : "activate"} disabled={pending} className={button} aria-label={`${active ? "Khóa" : "Mở khóa"} tài khoản ${email}`}>
            {active ? "Khóa" : "Mở khóa"}
          </button>
        )}
        <button type="submit" name="op" value="revoke" disabled={pending} className={button} aria-label={`Đăng xuất mọi nơi: ${email}`}>
          Đăng xuất mọi nơi
        </button>
      </form>
      {!isSelf && (
        <details className="text-xs">
          <summary className="cursor-pointer text-brand-700">Đặt lại mật khẩu</summary>
          <form action={resetAction} className="mt-1 flex flex-wrap items-center gap-1">
            <input type="hidden" name="userId" value={userId} />
            <label htmlFor={`reset-${userId}`} className="sr-only">Mật khẩu tạm thời cho {email}</label>
            <input id={`reset-${userId}`} name="password" type="password" autoComplete="new-password" placeholder="Mật khẩu tạm thời" className="rounded border px-2 py-0.5" />
            <button type="submit" disabled={resetting} className={button}>Lưu</button>
          </form>
          {reset && (
            <p role="status" className={reset.ok ? "text-green-700" : "text-red-700"}>
              {reset.ok ? "Đã đặt mật khẩu tạm thời; người dùng phải đổi khi đăng nhập." : (reset.fieldErrors?.password?.join(" ") ?? reset.message)}
            </p>
          )}
        </details>
      )}
      {state && (
        <p role="status" className={`text-xs ${state.ok ? "text-green-700" : "text-red-700"}`}>
          {state.ok ? "Đã thực hiện." : state.message}
        </p>
      )}
    </div>
  );
}
