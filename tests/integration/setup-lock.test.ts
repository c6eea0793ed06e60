// Two instances of the portal starting at once on one empty database (scripts/lib/setup-lock.ts):
// both come up — the second waits for the first's migrations and seed, then finds them done and
// skips — and the database holds one seed, not two.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { readMigrations } from "../../scripts/lib/migrations";
import { createDatabaseIfMissing, databaseUrl, dropDatabase } from "../../scripts/lib/postgres";
import { SETUP_LOCK_KEY, setUpDatabase, withSetupLock } from "../../scripts/lib/setup-lock";

const source = process.env.DATABASE_URL!;
const adminUrl = process.env.TEST_ADMIN_URL!;
const created: string[] = [];

/** An empty database owned by the role the portal connects as. */
async function freshDatabase(): Promise<string> {
  const name = `ntm_test_setup_${randomBytes(4).toString("hex")}`;
  await createDatabaseIfMissing(adminUrl, name, decodeURIComponent(new URL(source).username));
  created.push(name);
  return databaseUrl(source, name);
}

async function count(url: string, sql: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ n: number }>(sql)).rows[0].n;
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl, name).catch(() => {});
});

describe("two instances starting at once on an empty database", () => {
  it("both come up: one migrates and seeds, the other waits, then finds it done and skips", async () => {
    const url = await freshDatabase();
    const logs: string[][] = [[], []];
    const results = await Promise.all(logs.map((log) => setUpDatabase(url, { seed: { demo: false }, log: (m) => log.push(m) })));

    const seeded = results.filter((r) => r.seeded !== null);
    expect(seeded).toHaveLength(1);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, readMigrations().length]);
    // the one that did not seed waited for the one that did
    const waiter = results.findIndex((r) => r.seeded === null);
    expect(logs[waiter].some((m) => /Một tiến trình khác đang chuẩn bị cơ sở dữ liệu/.test(m))).toBe(true);

    // one seed's rows, not two
    expect(await count(url, `SELECT count(*)::int AS n FROM "_prisma_migrations"`)).toBe(readMigrations().length);
    expect(await count(url, `SELECT count(*)::int AS n FROM "CriteriaSet"`)).toBe(seeded[0].seeded!.counts.criteriaSets);
    expect(await count(url, `SELECT count(*)::int AS n FROM "SiteSetting" WHERE key = 'site'`)).toBe(1);
    expect(await count(url, `SELECT count(*)::int AS n FROM "AdminUnit" WHERE level = 'PROVINCE' AND "validFrom" = '2025-07-01'`)).toBe(34);

    // a later start finds nothing to do
    expect(await setUpDatabase(url, { seed: { demo: false } })).toEqual({ applied: [], seeded: null });
  }, 180_000);

  it("releases the lock when the work fails, so the next start is not stuck", async () => {
    const url = await freshDatabase();
    await expect(withSetupLock(url, async () => {
      throw new Error("migration thất bại");
    })).rejects.toThrow("migration thất bại");
    let waited = false;
    expect(await withSetupLock(url, async () => "ok", { onWait: () => (waited = true) })).toBe("ok");
    expect(waited).toBe(false);
    expect(await count(url, `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = ${SETUP_LOCK_KEY}
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`)).toBe(0);
  });
});
