import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/users/change-password-form";
import { SignOutEverywhereButton } from "@/components/users/sign-out-everywhere-button";
import { requirePageViewer, SESSION_MAX_AGE_SECONDS } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/authz";

export const metadata: Metadata = { title: "Tài khoản của tôi" };

export default async function AccountPage() {
  const viewer = await requirePageViewer("/quan-ly/tai-khoan");
  return (
    <div className="grid gap-6">
      <h1 className="text-xl font-semibold text-brand-800">Tài khoản của tôi</h1>
      <p className="text-sm text-gray-700">
        {viewer.name} · {viewer.email} · {ROLE_LABELS[viewer.role]} · {viewer.unitName ?? "Toàn quốc"}
      </p>
      <section className="rounded border bg-white p-4">
        <h2 className="mb-3 font-semibold">Đổi mật khẩu</h2>
        <ChangePasswordForm />
      </section>
      <section className="rounded border bg-white p-4">
        <h2 className="mb-1 font-semibold">Phiên đăng nhập</h2>
        <p className="mb-3 text-sm text-gray-600">
          Mỗi lần đăng nhập có hiệu lực tối đa {SESSION_MAX_AGE_SECONDS / 3600} giờ. Nếu bạn nghi ngờ người khác dùng tài khoản của mình, hãy đăng xuất khỏi mọi thiết bị rồi đổi mật khẩu.
        </p>
        <SignOutEverywhereButton />
      </section>
    </div>
  );
}
