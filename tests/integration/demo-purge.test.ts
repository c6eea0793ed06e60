// npm run demo:purge on a database seeded with the demo (prisma/seed/demo-purge.ts): without --yes
// it only lists what would go; with it, every demo row and demo account goes in one transaction,
// a demo account that has acted is locked instead (the audit log keeps its user), and real data
// — reference data, an account, a report, an opened survey entered since — stays.
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communeSetCodeForYear } from "@/lib/criteria/rules";
import { dropDatabase } from "../../scripts/lib/postgres";
import { freshDatabase } from "../production";
import { setUpDatabase } from "../../scripts/lib/setup-lock";

const ROOT = resolve(".");
const source = process.env.DATABASE_URL!;
const adminUrl = process.env.TEST_ADMIN_URL!;
let name: string;
let url: string;

function purge(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts/demo-purge.ts"), ...args], {
      // only what the command needs: never the test's own database
      env: Object.fromEntries(Object.entries({ PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: url }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", fail);
    child.on("exit", (code) => done({ code, stdout, stderr }));
  });
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}
const count = async (sql: string, params: unknown[] = []) => (await query<{ n: number }>(sql, params))[0].n;

const DEMO_TABLES = ["Assessment", "RecognitionDossier", "Recognition", "OcopProducer", "OcopProduct", "PlanEntry", "CapitalLine", "User"];
const demoRows = async () => Object.fromEntries(await Promise.all(DEMO_TABLES.map(async (t) => [t, await count(`SELECT count(*)::int AS n FROM "${t}" WHERE "isDemo"`)])));
const REFERENCE = `SELECT (SELECT count(*) FROM "AdminUnit")::int AS units, (SELECT count(*) FROM "Criterion")::int AS criteria,
  (SELECT count(*) FROM "IndicatorThreshold")::int AS thresholds, (SELECT count(*) FROM "Article")::int AS articles,
  (SELECT count(*) FROM "Notice")::int AS notices, (SELECT count(*) FROM "Document")::int AS documents, (SELECT count(*) FROM "Organisation")::int AS organisations`;
/** The lines listing counts, without the header that says whether they were removed. */
const countLines = (stdout: string) => stdout.split("\n").filter((l) => /^\s+[\d.]+ /.test(l));

let reference: unknown;
let real: { userId: number; assessmentId: number; surveyId: number; actingDemoId: number };

beforeAll(async () => {
  ({ name, url } = await freshDatabase(adminUrl, source));
  await setUpDatabase(url, { seed: { demo: true } });
  reference = (await query(REFERENCE))[0];
  // what a portal used for real after `npm start` would hold besides the demo
  const [commune] = await query<{ id: number }>(`SELECT id FROM "AdminUnit" WHERE level = 'COMMUNE' AND type = 'XA' AND "validTo" = '2025-07-01' ORDER BY code LIMIT 1`);
  const [set] = await query<{ id: number }>(`SELECT id FROM "CriteriaSet" WHERE code = $1`, [communeSetCodeForYear(2018)]);
  const [user] = await query<{ id: number }>(`INSERT INTO "User" (email, name, "passwordHash", role) VALUES ('bientap.that@nongthonmoi.gov.vn', 'Biên tập viên thật', 'x', 'EDITOR') RETURNING id`);
  const [assessment] = await query<{ id: number }>(`INSERT INTO "Assessment" ("unitId", year, "setId", "updatedAt") VALUES ($1, 2018, $2, now()) RETURNING id`, [commune.id, set.id]);
  const [survey] = await query<{ id: number }>(`INSERT INTO "Survey" ("communeId", year) VALUES ($1, 2024) RETURNING id`, [commune.id]);
  await query(`INSERT INTO "AuditLog" ("userId", action, "entityType", "entityId") VALUES ($1, 'survey.open', 'Survey', $2)`, [user.id, String(survey.id)]);
  // a demo account someone has used: its audit rows keep it
  const [acting] = await query<{ id: number }>(`SELECT id FROM "User" WHERE email = 'tinh@ntm.demo'`);
  await query(`INSERT INTO "AuditLog" ("userId", action, "entityType", "entityId") VALUES ($1, 'user.sessions.revoke', 'User', $2)`, [acting.id, String(acting.id)]);
  real = { userId: user.id, assessmentId: assessment.id, surveyId: survey.id, actingDemoId: acting.id };
}, 180_000);

afterAll(() => dropDatabase(adminUrl, name));

describe("npm run demo:purge", () => {
  let dryRun: string[];

  it("without --yes lists what would go and removes nothing", async () => {
    const before = await demoRows();
    const run = await purge([]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Chạy thử, chưa xóa gì. Lệnh npm run demo:purge -- --yes sẽ xóa:");
    expect(run.stdout).toContain("Chạy lại với --yes để xóa.");
    dryRun = countLines(run.stdout);
    expect(dryRun.find((l) => l.endsWith(" tài khoản mẫu"))?.trim()).toBe("7 tài khoản mẫu");
    expect(dryRun.some((l) => /^\s+1 tài khoản mẫu đã có thao tác/.test(l))).toBe(true);
    expect(await demoRows()).toEqual(before);
    expect(before.Assessment).toBeGreaterThan(1000);
  }, 120_000);

  it("with --yes removes every demo row and account in one go, locks the demo account that acted, and keeps real data", async () => {
    const run = await purge(["--yes"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Đã xóa dữ liệu mẫu (trong một giao dịch):");
    expect(run.stdout).toContain("Giữ lại: nhật ký thao tác");
    expect(countLines(run.stdout)).toEqual(dryRun); // the dry run's counts were exact

    expect(await demoRows()).toEqual({ ...Object.fromEntries(DEMO_TABLES.map((t) => [t, 0])), User: 1 });
    expect(await query(`SELECT email, active FROM "User" WHERE "isDemo"`)).toEqual([{ email: "tinh@ntm.demo", active: false }]);
    expect(await count(`SELECT count(*)::int AS n FROM "Survey" WHERE id <> $1`, [real.surveyId])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM "SurveyResponse"`)).toBe(0);
    // real data stays, and the dashboards' summaries follow the deletions
    expect(await count(`SELECT count(*)::int AS n FROM "User" WHERE id = $1`, [real.userId])).toBe(1);
    expect(await query(`SELECT id FROM "Assessment"`)).toEqual([{ id: real.assessmentId }]);
    expect(await count(`SELECT count(*)::int AS n FROM "Survey" WHERE id = $1`, [real.surveyId])).toBe(1);
    expect(await count(`SELECT COALESCE(sum(assessed), 0)::int AS n FROM "CommuneYearSummary"`)).toBe(1);
    expect((await query(REFERENCE))[0]).toEqual(reference);
    // no longer a demo site; the purge is in the audit log
    expect(await query(`SELECT (value->>'isDemo')::boolean AS "isDemo" FROM "SiteSetting" WHERE key = 'site'`)).toEqual([{ isDemo: false }]);
    const [audit] = await query<{ userId: number | null; after: Record<string, unknown> }>(`SELECT "userId", after FROM "AuditLog" WHERE action = 'demo.purge'`);
    expect(audit).toMatchObject({ userId: null, after: { accounts: 7, lockedAccounts: 1, by: "system-operator" } });
    expect(audit.after.assessments).toBeGreaterThan(1000);
  }, 120_000);

  it("a second run finds nothing, and leaves surveys of a database that is no longer a demo alone", async () => {
    const [commune] = await query<{ id: number }>(`SELECT id FROM "AdminUnit" WHERE level = 'COMMUNE' AND type = 'XA' AND "validTo" = '2025-07-01' ORDER BY code DESC LIMIT 1`);
    await query(`INSERT INTO "Survey" ("communeId", year) VALUES ($1, 2023)`, [commune.id]); // no audit row, but not the seed's
    const run = await purge(["--yes"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Không có dữ liệu mẫu hay tài khoản mẫu nào trong cơ sở dữ liệu.");
    expect(await count(`SELECT count(*)::int AS n FROM "Survey"`)).toBe(2);
  }, 120_000);

  it("refuses an argument it does not know, removing nothing", async () => {
    const run = await purge(["--yes", "--all"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Không hiểu: --all");
  }, 60_000);
});
