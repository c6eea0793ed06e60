// DEMO accounts, one per role (listed in README). They are created only with the demo data.
import bcrypt from "bcryptjs";
import { ensureOrganisation } from "./organisations.ts";
import type { Sql } from "./sql.ts";
import type { UnitMaps } from "./units.ts";

export const DEMO_PASSWORD = "NongThonMoi@2026";

export interface DemoAccount {
  email: string;
  name: string;
  role: string;
  scope: string;
}

export async function seedDemoUsers(sql: Sql, units: UnitMaps): Promise<DemoAccount[]> {
  // province accounts work for today's province; its predecessors' history stays in scope
  const thaiNguyen = units.newProvince.get("19")!;
  const quangBinh = units.oldProvince.get("44")!;
  const phuBinh = units.oldDistrict.get("173")!;
  const tanThanh = units.oldCommune.get("05923")!;
  const org = (name: string, kind: Parameters<typeof ensureOrganisation>[1]["kind"], unitId: number | null) =>
    ensureOrganisation(sql, { name, kind, unitId });

  const accounts = [
    { email: "admin@ntm.demo", name: "Quản trị hệ thống", role: "ADMIN", unitId: null,
      orgId: await org("Văn phòng Điều phối nông thôn mới Trung ương", "COORDINATION_OFFICE", null), scope: "Toàn quốc" },
    // an administrator of one province: its accounts and overrides, never the national rules
    { email: "admin.tinh@ntm.demo", name: "Quản trị cổng tỉnh Thái Nguyên", role: "ADMIN", unitId: thaiNguyen,
      orgId: await org("Văn phòng Điều phối nông thôn mới tỉnh", "COORDINATION_OFFICE", thaiNguyen), scope: "Tỉnh Thái Nguyên" },
    { email: "lanhdao@ntm.demo", name: "Lãnh đạo Ban Chỉ đạo", role: "LEADER", unitId: null,
      orgId: await org("Ban Chỉ đạo Trung ương các Chương trình MTQG", "STEERING_COMMITTEE", null), scope: "Toàn quốc" },
    { email: "tinh@ntm.demo", name: "Cán bộ VPĐP tỉnh Thái Nguyên", role: "PROVINCE_OFFICER", unitId: thaiNguyen,
      orgId: await org("Văn phòng Điều phối nông thôn mới tỉnh", "COORDINATION_OFFICE", thaiNguyen), scope: "Tỉnh Thái Nguyên (từ 1/7/2025, gồm cả Bắc Kạn cũ)" },
    { email: "huyen@ntm.demo", name: "Cán bộ VPĐP huyện Phú Bình", role: "DISTRICT_OFFICER", unitId: phuBinh,
      orgId: await org("Văn phòng Điều phối nông thôn mới huyện Phú Bình", "COORDINATION_OFFICE", phuBinh), scope: "Huyện Phú Bình (Thái Nguyên)" },
    { email: "xa@ntm.demo", name: "Cán bộ xã Tân Thành", role: "COMMUNE_OFFICER", unitId: tanThanh,
      orgId: await org("UBND xã Tân Thành", "PEOPLES_COMMITTEE", tanThanh), scope: "Xã Tân Thành (Phú Bình, Thái Nguyên)" },
    { email: "so@ntm.demo", name: "Cán bộ Sở Kế hoạch và Đầu tư Quảng Bình", role: "DEPARTMENT_OFFICER", unitId: quangBinh,
      orgId: await org("Sở Kế hoạch và Đầu tư", "DEPARTMENT", quangBinh), scope: "Sở Kế hoạch và Đầu tư tỉnh Quảng Bình" },
    { email: "bientap@ntm.demo", name: "Biên tập viên", role: "EDITOR", unitId: thaiNguyen,
      orgId: await org("Văn phòng Điều phối nông thôn mới tỉnh", "COORDINATION_OFFICE", thaiNguyen), scope: "Tỉnh Thái Nguyên" },
  ];
  const hash = await bcrypt.hash(DEMO_PASSWORD, 10);
  for (const a of accounts) {
    await sql.query(
      // the password is public: outside demo mode each account must choose its own first
      `INSERT INTO "User" (email, name, "passwordHash", role, "unitId", "organisationId", "isDemo", "mustChangePassword")
       VALUES ($1, $2, $3, $4, $5, $6, true, true)`,
      [a.email, a.name, hash, a.role, a.unitId, a.orgId],
    );
  }
  return accounts.map(({ email, name, role, scope }) => ({ email, name, role, scope }));
}
