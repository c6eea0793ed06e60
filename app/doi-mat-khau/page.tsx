import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/users/change-password-form";
import { CHANGE_PASSWORD_PATH, getSessionUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Đổi mật khẩu" };

// Outside the portal layout: a user who must change their password reaches only this page.
export default async function ChangePasswordPage() {
  const user = await getSessionUser();
  if (!user) redirect(`/dang-nhap?callbackUrl=${encodeURIComponent(CHANGE_PASSWORD_PATH)}`);
  return (
    <main className="mx-auto mt-16 max-w-md px-4">
      <div className="rounded border bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold text-brand-800">Đổi mật khẩu</h1>
        <p className="mb-5 text-sm text-gray-600">
          {user.mustChangePassword
            ? "Tài khoản của bạn đang dùng mật khẩu do người khác đặt hoặc mật khẩu mẫu công khai. Hãy đặt mật khẩu của riêng bạn trước khi tiếp tục."
            : `Đổi mật khẩu của tài khoản ${user.viewer.email}.`}
        </p>
        <ChangePasswordForm />
      </div>
    </main>
  );
}
