import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/authz";
import { formatDateTime } from "@/lib/format";
import { listUsersForAdmin } from "@/lib/users/staff-queries";

export const metadata: Metadata = { title: "Người dùng" };

export default async function UsersPage() {
  const viewer = await requirePagePermission("users.manage", "/quan-ly/nguoi-dung");
  const users = await listUsersForAdmin(viewer);
  return (
    <div className="grid gap-4">
      <h1 className="text-xl font-semibold text-brand-800">Người dùng</h1>
      <div className="overflow-x-auto rounded border bg-white">
        <table className="w-full text-sm">
          <thead>
            <tr className="bg-brand-50 text-left">
              <th scope="col" className="px-3 py-2">Email</th>
              <th scope="col" className="px-3 py-2">Họ tên</th>
              <th scope="col" className="px-3 py-2">Vai trò</th>
              <th scope="col" className="px-3 py-2">Phạm vi</th>
              <th scope="col" className="px-3 py-2">Đăng nhập gần nhất</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t">
                <td className="px-3 py-1.5">{u.email}</td>
                <td className="px-3 py-1.5">{u.name}</td>
                <td className="px-3 py-1.5">{ROLE_LABELS[u.role]}</td>
                <td className="px-3 py-1.5">{u.organisation?.name ?? u.unit?.fullName ?? "Toàn quốc"}</td>
                <td className="px-3 py-1.5">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
