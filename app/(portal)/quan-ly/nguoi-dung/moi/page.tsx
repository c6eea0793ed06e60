import type { Metadata } from "next";
import Link from "next/link";
import { UserCreateForm, type UnitChoices } from "@/components/users/user-create-form";
import { requirePagePermission } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/authz";
import { grantableRoles } from "@/lib/users/grant-rules";
import { listGrantableOrganisations, listProvincesInScope, listGrantableUnits } from "@/lib/users/staff-queries";

export const metadata: Metadata = { title: "Tạo tài khoản" };

export default async function NewUserPage({ searchParams }: { searchParams: Promise<{ tinh?: string }> }) {
  const viewer = await requirePagePermission("users.manage", "/quan-ly/nguoi-dung/moi");
  const provinces = await listProvincesInScope(viewer);
  const requested = Number.parseInt((await searchParams).tinh ?? "", 10);
  // a province admin works in one province: it is chosen for them
  const provinceId = Number.isSafeInteger(requested) ? requested : viewer.unitId === null ? null : (provinces[0]?.id ?? null);
  const below = provinceId === null ? null : await listGrantableUnits(viewer, provinceId);
  const units: UnitChoices = {
    province: below?.province ?? null,
    districts: below?.districts ?? [],
    communes: below?.communes ?? [],
    allowNational: viewer.unitId === null,
  };
  const organisations = (await listGrantableOrganisations(viewer, below?.province.id ?? null)).map((o) => ({
    id: o.id,
    label: o.unit ? `${o.name} (${o.unit.fullName})` : o.name,
  }));
  const roles = grantableRoles(viewer).map((r) => ({ value: r, label: ROLE_LABELS[r] }));
  return (
    <div className="grid gap-4">
      <Link href="/quan-ly/nguoi-dung" className="text-sm text-brand-700 hover:underline">← Người dùng</Link>
      <h1 className="text-xl font-semibold text-brand-800">Tạo tài khoản</h1>
      <form method="get" className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="tinh">Tỉnh, thành phố của tài khoản</label>
        <select id="tinh" name="tinh" defaultValue={below?.province.id ?? ""} className="rounded border px-2 py-1">
          {viewer.unitId === null && <option value="">Toàn quốc (cơ quan trung ương)</option>}
          {provinces.map((p) => (
            <option key={p.id} value={p.id}>{p.label}</option>
          ))}
        </select>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">Chọn</button>
      </form>
      {provinceId !== null && !below ? (
        <p role="alert" className="text-sm text-red-700">Tỉnh này nằm ngoài phạm vi quản lý của bạn.</p>
      ) : (
        <UserCreateForm key={provinceId ?? "national"} roles={roles} units={units} organisations={organisations} />
      )}
    </div>
  );
}
