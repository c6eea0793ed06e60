// A real installation, through the commands an operator types (README "Chạy thật (production)"):
// `npm run start:prod` refuses demo mode, a missing or short session key, no database of its own
// and a missing build, before it opens a single connection; it never builds and never seeds, and
// refuses a database holding active demo accounts.
// `npm run db:seed -- --no-demo` loads the reference data and no account; `npm run
// user:create-admin` then makes the first administrator, who can sign in and must first change
// the password.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/users/queries";
import { signInWithPassword } from "@/lib/users/login";
import { readMigrations } from "../../scripts/lib/migrations";
import { dropDatabase } from "../../scripts/lib/postgres";
import { freshDatabase as createFreshDatabase, PRODUCTION, ROOT, runScript, type Env } from "../production";

const source = process.env.DATABASE_URL!;
const adminUrl = process.env.TEST_ADMIN_URL!;
const createdDatabases: string[] = [];
const tempDirs: string[] = [];

/** A checkout of this repository with no build (nor local data): every top-level entry linked but those. */
function checkoutWithoutBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), "ntm-prod-"));
  tempDirs.push(dir);
  for (const entry of readdirSync(ROOT)) {
    if ([".next", ".data", ".test-data", ".bench-data", ".git", ".scratch"].includes(entry)) continue;
    symlinkSync(join(ROOT, entry), join(dir, entry));
  }
  return dir;
}

/** A TCP port that counts the connections made to it: a DATABASE_URL that shows whether anything was touched. */
async function connectionCounter() {
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `postgresql://ntm:mat-khau@127.0.0.1:${port}/ntm`,
    connections: () => connections,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}

/** An empty database owned by the role the portal connects as, dropped after the file. */
async function freshDatabase(): Promise<string> {
  const { name, url } = await createFreshDatabase(adminUrl, source);
  createdDatabases.push(name);
  return url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}
const count = async (url: string, sql: string) => (await query<{ n: number }>(url, sql))[0].n;

/** Points the portal's own code (lib/db.ts) at another database, as a server process started on it would be. */
async function usePortalDatabase(url: string) {
  const holder = globalThis as unknown as { prisma?: { $disconnect(): Promise<void> } };
  await holder.prisma?.$disconnect();
  holder.prisma = undefined;
  process.env.DATABASE_URL = url;
}

afterAll(async () => {
  await usePortalDatabase(source);
  for (const name of createdDatabases) await dropDatabase(adminUrl, name).catch(() => {});
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe("npm run start:prod refuses what is not a real deployment, before touching anything", () => {
  const refused: [string, Env, RegExp][] = [
    ["demo mode (DEMO_MODE unset)", { DEMO_MODE: undefined }, /chế độ demo.*Đặt DEMO_MODE=0/],
    ["demo mode switched on", { DEMO_MODE: "1" }, /Đặt DEMO_MODE=0/],
    ["no NEXTAUTH_SECRET", { NEXTAUTH_SECRET: undefined }, /Thiếu NEXTAUTH_SECRET: .*ít nhất 32 ký tự/],
    ["a NEXTAUTH_SECRET under 32 characters", { NEXTAUTH_SECRET: "bi-mat-ngan" }, /NEXTAUTH_SECRET quá ngắn \(11 ký tự\)/],
    ["no NEXTAUTH_URL", { NEXTAUTH_URL: undefined }, /Thiếu NEXTAUTH_URL/],
    ["a server open on every interface", { HOSTNAME: "0.0.0.0" }, /HOSTNAME=0\.0\.0\.0 mở cổng trên mọi giao diện/],
  ];
  it.each(refused)("%s: exit code 1 and the reason, no connection made", async (_label, change, message) => {
    const db = await connectionCounter();
    const checkout = checkoutWithoutBuild();
    try {
      const run = await runScript("scripts/start-prod.ts", [], { ...PRODUCTION, DATABASE_URL: db.url, ...change }, checkout);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("Không khởi động bản chạy thật:");
      expect(run.stderr).toMatch(message);
      expect(db.connections()).toBe(0);
      expect(existsSync(join(checkout, ".data"))).toBe(false);
    } finally {
      await db.close();
    }
  }, 60_000);

  it("no DATABASE_URL: no embedded PostgreSQL is started in its place", async () => {
    const checkout = checkoutWithoutBuild();
    const run = await runScript("scripts/start-prod.ts", [], PRODUCTION, checkout);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Thiếu DATABASE_URL: .*không dùng PostgreSQL nhúng/);
    expect(existsSync(join(checkout, ".data"))).toBe(false);
  }, 60_000);

  it("no build: says to run npm run build, and builds nothing itself", async () => {
    const db = await connectionCounter();
    const checkout = checkoutWithoutBuild();
    try {
      const run = await runScript("scripts/start-prod.ts", [], { ...PRODUCTION, DATABASE_URL: db.url }, checkout);
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe("Chưa có bản biên dịch: chạy npm run build trước.");
      expect(existsSync(join(checkout, ".next"))).toBe(false);
      expect(db.connections()).toBe(0);
    } finally {
      await db.close();
    }
  }, 60_000);
});

/** A checkout whose build start:prod accepts (its server is never reached in these cases). */
function checkoutWithBuild(): string {
  const checkout = checkoutWithoutBuild();
  mkdirSync(join(checkout, ".next", "standalone"), { recursive: true });
  writeFileSync(join(checkout, ".next", "standalone", "server.js"), "// a build start:prod accepts");
  return checkout;
}

describe("npm run start:prod never seeds", () => {
  it("on an empty database: applies the migrations, loads nothing, and asks for the reference seed", async () => {
    const url = await freshDatabase();
    const run = await runScript("scripts/start-prod.ts", [], { ...PRODUCTION, DATABASE_URL: url }, checkoutWithBuild());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("chạy npm run db:seed -- --no-demo một lần, rồi npm run user:create-admin");
    expect(await count(url, `SELECT count(*)::int AS n FROM "_prisma_migrations"`)).toBe(readMigrations().length);
    expect(await count(url, `SELECT count(*)::int AS n FROM "AdminUnit"`)).toBe(0);
    expect(await count(url, `SELECT count(*)::int AS n FROM "User"`)).toBe(0);
  }, 120_000);

  it("with MIGRATE_ON_START=0: leaves an unmigrated database alone and says to migrate", async () => {
    const url = await freshDatabase();
    const run = await runScript("scripts/start-prod.ts", [], { ...PRODUCTION, DATABASE_URL: url, MIGRATE_ON_START: "0" }, checkoutWithBuild());
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/MIGRATE_ON_START=0 và cơ sở dữ liệu còn \d+ migration chưa áp dụng .*chạy npm run db:migrate trước\./);
    expect(await count(url, `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).toBe(0);
  }, 120_000);
});

describe("a real installation: reference seed, first administrator, sign-in", () => {
  let url: string;
  const address = "203.0.113.15";

  beforeAll(async () => {
    url = await freshDatabase();
  });

  it("db:seed -- --no-demo loads units, criteria with thresholds, content and site settings; no account, no demo data", async () => {
    const run = await runScript("scripts/seed.ts", ["--no-demo"], { DATABASE_URL: url });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("npm run user:create-admin");

    expect(await count(url, `SELECT count(*)::int AS n FROM "AdminUnit" WHERE level = 'PROVINCE' AND "validFrom" = '2025-07-01'`)).toBe(34);
    expect(await count(url, `SELECT count(*)::int AS n FROM "CriteriaSet"`)).toBeGreaterThan(0);
    expect(await count(url, `SELECT count(*)::int AS n FROM "Criterion"`)).toBeGreaterThan(0);
    expect(await count(url, `SELECT count(*)::int AS n FROM "IndicatorThreshold"`)).toBeGreaterThan(0);
    expect(await count(url, `SELECT count(*)::int AS n FROM "Article"`)).toBeGreaterThan(0);
    expect(await query(url, `SELECT value->>'name' AS name, (value->>'isDemo')::boolean AS "isDemo" FROM "SiteSetting" WHERE key = 'site'`))
      .toEqual([{ name: "Cổng thông tin Nông thôn mới", isDemo: false }]);
    // no account, and nothing of the demo
    expect(await count(url, `SELECT count(*)::int AS n FROM "User"`)).toBe(0);
    for (const table of ["Assessment", "RecognitionDossier", "Recognition", "OcopProducer", "OcopProduct", "PlanEntry", "CapitalLine", "Survey", "SurveyResponse"]) {
      expect(await count(url, `SELECT count(*)::int AS n FROM "${table}"`), table).toBe(0);
    }
  }, 150_000);

  it("user:create-admin makes a national administrator; the printed password signs in, and must be changed first", async () => {
    const run = await runScript("scripts/create-admin.ts", ["--email", "Quantri.Tinh@nongthonmoi.gov.vn", "--name", "Nguyễn Thị Quản Trị"], { DATABASE_URL: url });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Đã tạo tài khoản quản trị toàn quốc quantri.tinh@nongthonmoi.gov.vn");
    const password = /Mật khẩu tạm thời[^:]*: (\S+)/.exec(run.stdout)?.[1];
    expect(password).toBeDefined();

    const [user] = await query<{ id: number; role: string; unitId: number | null; isDemo: boolean; mustChangePassword: boolean; createdById: number | null; passwordHash: string }>(
      url,
      `SELECT id, role::text, "unitId", "isDemo", "mustChangePassword", "createdById", "passwordHash" FROM "User" WHERE email = 'quantri.tinh@nongthonmoi.gov.vn'`,
    );
    expect(user).toMatchObject({ role: "ADMIN", unitId: null, isDemo: false, mustChangePassword: true, createdById: null });
    expect(user.passwordHash).toMatch(/^\$2[aby]\$10\$/);
    expect(run.stdout).not.toContain(user.passwordHash);
    // audited as the other account creations are, by the operator rather than an account
    expect(await query(url, `SELECT "userId", after->>'role' AS role, after->>'by' AS by FROM "AuditLog" WHERE action = 'user.create' AND "entityId" = $1`, [String(user.id)]))
      .toEqual([{ userId: null, role: "ADMIN", by: "system-operator" }]);

    await usePortalDatabase(url);
    const signedIn = await signInWithPassword({ email: "quantri.tinh@nongthonmoi.gov.vn", password: password!, address });
    expect(signedIn).toMatchObject({ ok: true, user: { id: user.id, email: "quantri.tinh@nongthonmoi.gov.vn" } });
    expect(await signInWithPassword({ email: "quantri.tinh@nongthonmoi.gov.vn", password: `${password}x`, address })).toEqual({ ok: false, reason: "INVALID" });
    const session = await loadSessionUser(user.id, signedIn.ok ? signedIn.user.sessionVersion : -1);
    expect(session).toMatchObject({ mustChangePassword: true, viewer: { role: "ADMIN", unitId: null } });
  }, 120_000);

  it("takes the password from ADMIN_PASSWORD, and does not print it", async () => {
    const password = "Dong-lua-chin-2026";
    const run = await runScript("scripts/create-admin.ts", ["--email", "vanphong.dieuphoi@nongthonmoi.gov.vn", "--name", "Văn phòng Điều phối"], { DATABASE_URL: url, ADMIN_PASSWORD: password });
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(password);
    await usePortalDatabase(url);
    expect(await signInWithPassword({ email: "vanphong.dieuphoi@nongthonmoi.gov.vn", password, address })).toMatchObject({ ok: true });
  }, 120_000);

  it("refuses an e-mail that has an account, a password the policy refuses, and a missing name", async () => {
    const users = await count(url, `SELECT count(*)::int AS n FROM "User"`);
    const taken = await runScript("scripts/create-admin.ts", ["--email", "quantri.tinh@nongthonmoi.gov.vn", "--name", "Người khác"], { DATABASE_URL: url });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("Không tạo tài khoản quantri.tinh@nongthonmoi.gov.vn:\n  --email: Email này đã có tài khoản.");

    const weak = await runScript("scripts/create-admin.ts", ["--email", "can.bo.moi@nongthonmoi.gov.vn", "--name", "Cán bộ mới"], { DATABASE_URL: url, ADMIN_PASSWORD: "canbo2026" });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain("ADMIN_PASSWORD: Mật khẩu phải có ít nhất 12 ký tự.");

    const usage = await runScript("scripts/create-admin.ts", ["--email", "ai@nongthonmoi.gov.vn"], { DATABASE_URL: url });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Cách dùng: npm run user:create-admin -- --email <email> --name <họ tên>");

    expect(await count(url, `SELECT count(*)::int AS n FROM "User"`)).toBe(users);
  }, 120_000);

  it("start:prod refuses a database that still has an active demo account, whose password is public", async () => {
    await query(url, `INSERT INTO "User" (email, name, "passwordHash", role, "isDemo", "mustChangePassword") VALUES ('admin@ntm.demo', 'Quản trị hệ thống', 'x', 'ADMIN', true, true)`);
    try {
      const run = await runScript("scripts/start-prod.ts", [], { ...PRODUCTION, DATABASE_URL: url }, checkoutWithBuild());
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("Cơ sở dữ liệu còn 1 tài khoản mẫu đang hoạt động");
      expect(run.stderr).toContain("npm run demo:purge -- --yes");
    } finally {
      await query(url, `DELETE FROM "User" WHERE email = 'admin@ntm.demo'`);
    }
  }, 120_000);
});
