// Authentication against the real database: sign-in limits per account and per address (kept in
// PostgreSQL), session versions, forced password changes, and accounts created within one's scope.
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth";
import type { Viewer } from "@/lib/authz";
import { db } from "@/lib/db";
import { signInWithPassword } from "@/lib/users/login";
import { LOGIN_LIMIT_PER_ACCOUNT, LOGIN_LIMIT_PER_ADDRESS } from "@/lib/users/login-rules";
import { hashPassword } from "@/lib/users/password";
import { loadSessionUser } from "@/lib/users/queries";
import { changeOwnPassword, createUser, resetUserPassword, revokeUserSessions, setUserActive, signOutEverywhere } from "@/lib/users/service";
import type { TCreateUserForm } from "@/lib/users/schemas";
import { DEMO_PASSWORD } from "../../prisma/seed/users";
import { appErrorOf, onDate, viewerOf } from "./helpers";

const tag = () => randomBytes(4).toString("hex");
const GOOD_PASSWORD = "Ruong-lua-2026-xanh";

/** A fresh account (never a demo one), with a known password. */
async function makeUser(opts: Partial<{ role: "ADMIN" | "COMMUNE_OFFICER" | "EDITOR"; unitId: number | null; mustChangePassword: boolean; isDemo: boolean }> = {}) {
  const email = `kiemthu.${tag()}@ntm.test`;
  const user = await db.user.create({
    data: {
      email,
      name: "Tài khoản kiểm thử",
      role: opts.role ?? "EDITOR",
      unitId: opts.unitId ?? null,
      passwordHash: await hashPassword(GOOD_PASSWORD),
      mustChangePassword: opts.mustChangePassword ?? false,
      isDemo: opts.isDemo ?? false,
    },
  });
  return user;
}

const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${tag()}`;
const fail = (email: string, addr: string) => signInWithPassword({ email, password: "sai-mat-khau-9", address: addr });

describe("sign-in rate limits", () => {
  it(`blocks an account after ${LOGIN_LIMIT_PER_ACCOUNT} failures, even with the right password, and says for how long`, async () => {
    const user = await makeUser();
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT; i++) expect(await fail(user.email, address())).toEqual({ ok: false, reason: "INVALID" });
    const blocked = await signInWithPassword({ email: user.email, password: GOOD_PASSWORD, address: address() });
    expect(blocked).toEqual({ ok: false, reason: "RATE_LIMITED", retryMinutes: 15 });
    // the refusal did not check the password: nothing reveals whether it was right
    expect(await db.loginAttempt.count({ where: { email: user.email, outcome: "BLOCKED" } })).toBe(1);
  });

  it("blocks an unknown e-mail the same way (no hint that the account does not exist)", async () => {
    const email = `khong-co.${tag()}@ntm.test`;
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT; i++) await fail(email, address());
    expect(await fail(email, address())).toMatchObject({ reason: "RATE_LIMITED" });
  });

  it("lets the account in again once its failures leave the 15-minute window", async () => {
    const user = await makeUser();
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT; i++) await fail(user.email, address());
    expect(await signInWithPassword({ email: user.email, password: GOOD_PASSWORD, address: address() })).toMatchObject({ reason: "RATE_LIMITED" });
    await db.$executeRaw`UPDATE "LoginAttempt" SET at = at - interval '16 minutes' WHERE email = ${user.email}`;
    expect(await signInWithPassword({ email: user.email, password: GOOD_PASSWORD, address: address() })).toMatchObject({ ok: true });
  });

  it("forgets an account's failures after it signs in successfully", async () => {
    const user = await makeUser();
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT - 1; i++) await fail(user.email, address());
    expect(await signInWithPassword({ email: user.email, password: GOOD_PASSWORD, address: address() })).toMatchObject({ ok: true });
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT - 1; i++) await fail(user.email, address());
    expect(await signInWithPassword({ email: user.email, password: GOOD_PASSWORD, address: address() })).toMatchObject({ ok: true });
  });

  it(`blocks a client address after ${LOGIN_LIMIT_PER_ADDRESS} failures over many accounts, not other addresses`, async () => {
    const attacker = address();
    for (let i = 0; i < LOGIN_LIMIT_PER_ADDRESS; i++) await fail(`nan-nhan.${i}.${tag()}@ntm.test`, attacker);
    const user = await makeUser();
    expect(await signInWithPassword({ email: user.email, password: GOOD_PASSWORD, address: attacker })).toMatchObject({ reason: "RATE_LIMITED" });
    expect(await signInWithPassword({ email: user.email, password: GOOD_PASSWORD, address: address() })).toMatchObject({ ok: true });
  });

  it("lets no more than the limit of parallel guesses reach the password check", async () => {
    const user = await makeUser();
    const results = await Promise.all(Array.from({ length: 12 }, () => fail(user.email, address())));
    const checked = results.filter((r) => !r.ok && r.reason === "INVALID").length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(LOGIN_LIMIT_PER_ACCOUNT);
    expect(await db.loginAttempt.count({ where: { email: user.email, outcome: "FAILED" } })).toBe(checked);
  });

  it("lets parallel correct sign-ins of one account all in: attempts under way are not failures", async () => {
    const user = await makeUser();
    const results = await Promise.all(Array.from({ length: LOGIN_LIMIT_PER_ACCOUNT + 3 }, () => signInWithPassword({ email: user.email, password: GOOD_PASSWORD, address: address() })));
    expect(results.map((r) => r.ok)).toEqual(results.map(() => true));
  });

  it("keeps a block across a restart: the limits live in the database, not in the process", async () => {
    const user = await makeUser();
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT; i++) await fail(user.email, address());
    // a new connection pool, as a restarted (or another) server process would have
    const holder = globalThis as unknown as { prisma?: { $disconnect(): Promise<void> } };
    await holder.prisma?.$disconnect();
    holder.prisma = undefined;
    expect(await signInWithPassword({ email: user.email, password: GOOD_PASSWORD, address: address() })).toMatchObject({ reason: "RATE_LIMITED" });
  });

  it("next-auth's authorize refuses with the minutes to wait, read from the forwarded address", async () => {
    const authorize = (authOptions.providers[0] as unknown as { options: { authorize: (c: Record<string, string>, req: unknown) => Promise<unknown> } }).options.authorize;
    const user = await makeUser();
    const req = { headers: { "x-forwarded-for": address() } };
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT; i++) expect(await authorize({ email: user.email, password: "sai-mat-khau-9" }, req)).toBeNull();
    await expect(authorize({ email: user.email, password: GOOD_PASSWORD }, req)).rejects.toThrow(/^RATE_LIMITED:15$/);
  });
});

describe("sessions", () => {
  it("sign out everywhere ends every session issued before it", async () => {
    const user = await makeUser();
    expect(await loadSessionUser(user.id, user.sessionVersion)).not.toBeNull();
    await signOutEverywhere({ id: user.id });
    expect(await loadSessionUser(user.id, user.sessionVersion)).toBeNull();
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await loadSessionUser(user.id, after.sessionVersion)).not.toBeNull();
    expect(await db.auditLog.count({ where: { entityType: "User", entityId: String(user.id), action: "user.sessions.revoke" } })).toBe(1);
  });

  it("a disabled account has no session", async () => {
    const user = await makeUser();
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await loadSessionUser(user.id, user.sessionVersion)).toBeNull();
  });
});

describe("forced password change", () => {
  const saved = process.env.DEMO_MODE;
  afterEach(() => {
    if (saved === undefined) delete process.env.DEMO_MODE;
    else process.env.DEMO_MODE = saved;
  });

  it("demo accounts keep the published password in demo mode and must change it outside", async () => {
    const demo = await db.user.findUniqueOrThrow({ where: { email: "tinh@ntm.demo" } });
    expect(demo.mustChangePassword).toBe(true);
    delete process.env.DEMO_MODE;
    expect((await loadSessionUser(demo.id, demo.sessionVersion))?.mustChangePassword).toBe(false);
    process.env.DEMO_MODE = "0";
    expect((await loadSessionUser(demo.id, demo.sessionVersion))?.mustChangePassword).toBe(true);
  });

  it("an account an admin created must change its password, then is free; the old one no longer works", async () => {
    const user = await makeUser({ mustChangePassword: true });
    expect((await loadSessionUser(user.id, user.sessionVersion))?.mustChangePassword).toBe(true);
    const addr = address();
    const wrongCurrent = await appErrorOf(changeOwnPassword(user, { current: "khong-phai-9999", password: "Dong-lua-moi-2027", confirm: "Dong-lua-moi-2027" }, addr), "VALIDATION");
    expect(wrongCurrent.fieldErrors).toEqual({ current: ["Mật khẩu hiện tại không đúng."] });
    const weak = await appErrorOf(changeOwnPassword(user, { current: GOOD_PASSWORD, password: "ngan1", confirm: "ngan1" }, addr), "VALIDATION");
    expect(weak.fieldErrors?.password).toContain("Mật khẩu phải có ít nhất 12 ký tự.");
    const same = await appErrorOf(changeOwnPassword(user, { current: GOOD_PASSWORD, password: GOOD_PASSWORD, confirm: GOOD_PASSWORD }, addr), "VALIDATION");
    expect(same.fieldErrors).toEqual({ password: ["Mật khẩu mới phải khác mật khẩu hiện tại."] });

    await changeOwnPassword(user, { current: GOOD_PASSWORD, password: "Dong-lua-moi-2027", confirm: "Dong-lua-moi-2027" }, addr);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.mustChangePassword).toBe(false);
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await loadSessionUser(user.id, user.sessionVersion)).toBeNull(); // the old sessions ended
    expect(await signInWithPassword({ email: user.email, password: GOOD_PASSWORD, address: address() })).toMatchObject({ reason: "INVALID" });
    expect(await signInWithPassword({ email: user.email, password: "Dong-lua-moi-2027", address: address() })).toMatchObject({ ok: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "User", entityId: String(user.id), action: "user.password.change" } });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain("Dong-lua-moi-2027");
  });

  it("the current password is checked under the sign-in limits", async () => {
    const user = await makeUser({ mustChangePassword: true });
    const addr = address();
    for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT; i++) {
      await appErrorOf(changeOwnPassword(user, { current: `doan-sai-${i}`, password: "Dong-lua-moi-2027", confirm: "Dong-lua-moi-2027" }, addr), "VALIDATION");
    }
    const limited = await appErrorOf(changeOwnPassword(user, { current: GOOD_PASSWORD, password: "Dong-lua-moi-2027", confirm: "Dong-lua-moi-2027" }, addr), "RATE_LIMITED");
    expect(limited.message).toBe("Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.");
  });
});

describe("creating accounts within one's own scope", () => {
  let thaiNguyen: number;
  let caoBangCommune: number;
  let tanThanh: number;

  async function places() {
    thaiNguyen ??= (await viewerOf("tinh@ntm.demo")).unitId!;
    tanThanh ??= (await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", code: "05923", ...onDate("2025-03-01") } })).id;
    caoBangCommune ??= (await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", type: "XA", province: { code: "04" }, ...onDate("2025-03-01") } })).id;
  }

  const form = (over: Partial<TCreateUserForm>): TCreateUserForm => ({
    email: `moi.${tag()}@ntm.test`,
    name: "Cán bộ mới",
    role: "COMMUNE_OFFICER",
    unitId: null,
    organisationId: null,
    password: "Ruong-bac-thang-2026",
    confirm: "Ruong-bac-thang-2026",
    ...over,
  });

  async function provinceAdmin(): Promise<Viewer> {
    await places();
    const admin = await makeUser({ role: "ADMIN", unitId: thaiNguyen });
    return (await loadSessionUser(admin.id, admin.sessionVersion))!.viewer;
  }

  const unchanged = async () => ({ users: await db.user.count(), audit: await db.auditLog.count() });

  it("a national admin creates a commune officer who must change the password at first sign-in", async () => {
    await places();
    const admin = await viewerOf("admin@ntm.demo");
    const input = form({ unitId: tanThanh });
    const { id } = await createUser(admin, input);
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ role: "COMMUNE_OFFICER", unitId: tanThanh, mustChangePassword: true, createdById: admin.id, isDemo: false });
    expect(user.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.create", entityId: String(id) } });
    expect(audit.userId).toBe(admin.id);
    expect(JSON.stringify(audit.after)).not.toContain(input.password);
    expect((await loadSessionUser(id, 0))?.mustChangePassword).toBe(true);
  });

  it("a province admin creates a commune officer of its province", async () => {
    const admin = await provinceAdmin();
    const { id } = await createUser(admin, form({ unitId: tanThanh }));
    expect((await db.user.findUniqueOrThrow({ where: { id } })).unitId).toBe(tanThanh);
  });

  it.each([
    ["a national scope", () => ({ role: "LEADER" as const, unitId: null })],
    ["a national admin", () => ({ role: "ADMIN" as const, unitId: null })],
    ["a commune of another province", () => ({ role: "COMMUNE_OFFICER" as const, unitId: caoBangCommune })],
  ])("a province admin cannot give %s, and nothing is written", async (_label, over) => {
    const admin = await provinceAdmin();
    const before = await unchanged();
    const err = await appErrorOf(createUser(admin, form(over())), "FORBIDDEN");
    expect(err.message).toBe("Phạm vi này vượt quá phạm vi quản lý của bạn.");
    expect(await unchanged()).toEqual(before);
  });

  it("a role must match the level of its unit", async () => {
    await places();
    const err = await appErrorOf(createUser(await viewerOf("admin@ntm.demo"), form({ role: "COMMUNE_OFFICER", unitId: thaiNguyen })), "FORBIDDEN");
    expect(err.message).toBe('Vai trò "Cán bộ xã" cần phạm vi một xã.');
  });

  it.each(["tinh@ntm.demo", "lanhdao@ntm.demo", "huyen@ntm.demo", "bientap@ntm.demo"])("%s (no users.manage) cannot create an account", async (email) => {
    await places();
    const before = await unchanged();
    await appErrorOf(createUser(await viewerOf(email), form({ role: "COMMUNE_OFFICER", unitId: tanThanh })), "FORBIDDEN");
    expect(await unchanged()).toEqual(before);
  });

  it("anonymous cannot create an account", async () => {
    await appErrorOf(createUser(null, form({})), "UNAUTHENTICATED");
  });

  it("refuses a unit that does not exist and an e-mail already taken", async () => {
    const admin = await viewerOf("admin@ntm.demo");
    const missing = await appErrorOf(createUser(admin, form({ unitId: 987654321 })), "VALIDATION");
    expect(missing.fieldErrors).toEqual({ unitId: ["Đơn vị không tồn tại."] });
    const taken = await appErrorOf(createUser(admin, form({ email: "tinh@ntm.demo", role: "LEADER" })), "VALIDATION");
    expect(taken.fieldErrors).toEqual({ email: ["Email này đã có tài khoản."] });
  });

  it("a province admin cannot lock, sign out or reset the national admin; a national admin can manage it", async () => {
    const admin = await provinceAdmin();
    const national = await db.user.findUniqueOrThrow({ where: { email: "admin@ntm.demo" } });
    await appErrorOf(setUserActive(admin, national.id, false), "FORBIDDEN");
    await appErrorOf(revokeUserSessions(admin, national.id), "FORBIDDEN");
    await appErrorOf(resetUserPassword(admin, { userId: national.id, password: "Mat-khau-tam-2026" }), "FORBIDDEN");
    const after = await db.user.findUniqueOrThrow({ where: { id: national.id } });
    expect({ active: after.active, sv: after.sessionVersion, hash: after.passwordHash }).toEqual({ active: true, sv: national.sessionVersion, hash: national.passwordHash });
  });

  it("locking an account ends its sessions; a temporary password must be changed", async () => {
    await places();
    const admin = await viewerOf("admin@ntm.demo");
    const user = await makeUser({ role: "COMMUNE_OFFICER", unitId: tanThanh });
    await setUserActive(admin, user.id, false);
    expect(await loadSessionUser(user.id, user.sessionVersion)).toBeNull();
    expect(await signInWithPassword({ email: user.email, password: GOOD_PASSWORD, address: address() })).toMatchObject({ reason: "INVALID" });
    await setUserActive(admin, user.id, true);
    await resetUserPassword(admin, { userId: user.id, password: "Mat-khau-tam-2026" });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.mustChangePassword).toBe(true);
    expect(await signInWithPassword({ email: user.email, password: "Mat-khau-tam-2026", address: address() })).toMatchObject({ ok: true });
    const weak = await appErrorOf(resetUserPassword(admin, { userId: user.id, password: "ngan" }), "VALIDATION");
    expect(weak.fieldErrors?.password?.[0]).toBe("Mật khẩu phải có ít nhất 12 ký tự.");
  });

  it("an admin cannot lock itself out", async () => {
    const admin = await viewerOf("admin@ntm.demo");
    await appErrorOf(setUserActive(admin, admin.id, false), "VALIDATION");
  });

  it("the demo password still signs the demo accounts in (demo mode is the default)", async () => {
    expect(await signInWithPassword({ email: "bientap@ntm.demo", password: DEMO_PASSWORD, address: address() })).toMatchObject({ ok: true });
  });
});
