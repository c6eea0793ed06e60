import { describe, expect, it } from "vitest";
import { assertCan, isUnitInScope } from "@/lib/authz";
import { listCommunesForViewer } from "@/lib/assessments/queries";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth";
import { DEMO_PASSWORD } from "../../prisma/seed/users";
import { onDate, viewerOf } from "./helpers";

async function commune(code: string) {
  return db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", code, ...onDate("2025-03-01") } });
}

describe("administrative scope", () => {
  it("a commune officer's scope is its own commune and no other", async () => {
    const viewer = await viewerOf("xa@ntm.demo");
    expect(isUnitInScope(viewer, await commune("05923"))).toBe(true); // Xã Tân Thành
    expect(isUnitInScope(viewer, await commune("05911"))).toBe(false); // Xã Bàn Đạt, same district
    const other = await commune("05911");
    expect(() => assertCan(viewer, "assessment.edit", other)).toThrow(/phạm vi/);
  });

  it("a district officer lists only the communes of its district", async () => {
    const viewer = await viewerOf("huyen@ntm.demo");
    const rows = await listCommunesForViewer(viewer, { year: 2024 });
    expect(rows.length).toBeGreaterThan(10);
    const districts = await db.adminUnit.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { districtId: true } });
    expect(new Set(districts.map((d) => d.districtId))).toEqual(new Set([viewer.unitId]));
  });

  it("a province officer of Thái Nguyên cannot reach a commune of Cao Bằng", async () => {
    const viewer = await viewerOf("tinh@ntm.demo");
    const caoBang = await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", type: "XA", province: { code: "04" }, ...onDate("2025-03-01") } });
    expect(isUnitInScope(viewer, caoBang)).toBe(false);
    expect(isUnitInScope(viewer, await commune("05923"))).toBe(true);
  });

  it("an editor holds no assessment permission, whatever its scope", async () => {
    const viewer = await viewerOf("bientap@ntm.demo");
    const own = await commune("05923");
    expect(() => assertCan(viewer, "assessment.read", own)).toThrow();
  });
});

describe("sign-in", () => {
  const authorize = (authOptions.providers[0] as unknown as { options: { authorize: (c: Record<string, string>) => Promise<unknown> } }).options.authorize;

  it("accepts a demo account with its password", async () => {
    const user = (await authorize({ email: "tinh@ntm.demo", password: DEMO_PASSWORD })) as { email: string } | null;
    expect(user?.email).toBe("tinh@ntm.demo");
  });

  it.each([
    ["a wrong password", { email: "tinh@ntm.demo", password: "sai-mat-khau" }],
    ["an unknown e-mail", { email: "khong-co@ntm.demo", password: DEMO_PASSWORD }],
    ["a malformed e-mail", { email: "' OR 1=1 --", password: "x" }],
  ])("refuses %s", async (_label, creds) => {
    expect(await authorize(creds)).toBeNull();
  });

  it("keeps passwords only as bcrypt hashes", async () => {
    const users = await db.user.findMany({ select: { passwordHash: true } });
    for (const u of users) expect(u.passwordHash).toMatch(/^\$2[aby]\$10\$/);
  });
});
