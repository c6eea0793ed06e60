"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";
import { signOutEverywhereAction } from "@/lib/users/actions";

/** Ends every session of the signed-in user (other browsers and devices too), then this one. */
export function SignOutEverywhereButton() {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function onClick() {
    setPending(true);
    const res = await signOutEverywhereAction();
    if (!res.ok) {
      setPending(false);
      setMessage(res.message);
      return;
    }
    await signOut({ callbackUrl: "/dang-nhap" });
  }
  return (
    <div className="grid gap-2">
      <button type="button" onClick={onClick} disabled={pending} className="w-fit rounded border border-red-700 px-4 py-2 text-red-700 hover:bg-red-50 disabled:opacity-60">
        {pending ? "Đang đăng xuất…" : "Đăng xuất khỏi mọi thiết bị"}
      </button>
      <p role="status" className="min-h-5 text-sm text-red-700">{message}</p>
    </div>
  );
}
