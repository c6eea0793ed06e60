import type { Metadata } from "next";
import Link from "next/link";
import { UserRowActions } from "@/components/users/user-row-actions";
import { requirePagePermission } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/authz";
import { formatDateTime } from "@/lib/format";
import { grantProblem } from "@/lib/users/grant-rules";
import { listUsersForAdmin } from "@/lib/users/staff-queries";

export const metadata: Metadata = { title: "Người dùng" };

export default async function UsersPage() {
  const viewer = await requirePagePermission("users.manage", "/quan-ly/nguoi-dung");
  const users = await listUsersForAdmin(viewer);
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold text-brand-800">Người dùng</h1>
        <Link href="/quan-ly/nguoi-dung/moi" className="rounded bg-brand-700 px-3 py-1.5 text-sm text-white hover:bg-brand-800">Tạo tài khoản</Link>
      </div>
      <div className="overflow-x-auto rounded border bg-white">
        <table className="w-full text-sm">
          <thead>
            <tr className="bg-brand-50 text-left">
              <th scope="col" className="px-3 py-2">Email</th>
              <th scope="col" className="px-3 py-2">Họ tên</th>
              <th scope="col" className="px-3 py-2">Vai trò</th>
              <th scope="col" className="px-3 py-2">Phạm vi</th>
              <th scope="col" className="px-3 py-2">Trạng thái</th>
              <th scope="col" className="px-3 py-2">Đăng nhập gần nhất</th>
              <th scope="col" className="px-3 py-2">Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              // only accounts holding no more than the viewer can be managed by them
              const manageable = grantProblem(viewer, { role: u.role, unit: u.unit }) === null;
              return (
                <tr key={u.id} className="border-t align-top">
                  <td className="px-3 py-1.5">{u.email}</td>
                  <td className="px-3 py-1.5">{u.name}</td>
                  <td className="px-3 py-1.5">{ROLE_LABELS[u.role]}</td>
                  <td className="px-3 py-1.5">{u.organisation?.name ?? u.unit?.fullName ?? "Toàn quốc"}</td>
                  <td className="px-3 py-1.5">
                    {u.active ? "Đang hoạt động" : <span className="text-red-700">Đã khóa</span>}
                    {u.mustChangePassword && <span className="block text-xs text-gray-500">{u.isDemo ? "tài khoản mẫu" : "chờ đổi mật khẩu"}</span>}
                  </td>
                  <td className="px-3 py-1.5">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "–"}</td>
                  <td className="px-3 py-1.5">
                    {manageable ? <UserRowActions userId={u.id} email={u.email} active={u.active} isSelf={u.id === viewer.id} /> : <span className="text-xs text-gray-500">–</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
