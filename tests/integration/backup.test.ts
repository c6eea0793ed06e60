// npm run db:backup / db:restore on real PostgreSQL: a backup of the seeded database restored
// into a fresh one has the same rows in every table and the same assessments and indicator
// values; a database holding data is refused; a damaged file restores nothing; the backup is one
// snapshot, whatever is written meanwhile.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupError, backupDatabase, databaseChecksums, restoreDatabase, tableRowCounts, type BackupManifest } from "../../scripts/lib/backup";
import { createDatabaseIfMissing, databaseUrl, dropDatabase } from "../../scripts/lib/postgres";
import { reportFigure } from "../figures";

const source = process.env.DATABASE_URL!;
const adminUrl = process.env.TEST_ADMIN_URL ?? (() => {
  const u = new URL(source);
  u.pathname = "/postgres";
  return u.toString();
})();
const dir = mkdtempSync(join(tmpdir(), "ntm-backup-test-"));
const created: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = `ntm_test_restore_${randomBytes(4).toString("hex")}`;
  await createDatabaseIfMissing(adminUrl, name);
  created.push(name);
  return databaseUrl(adminUrl, name);
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

const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

let file: string;
let manifest: BackupManifest;
let sourceCounts: Record<string, number>;
let sourceChecksums: Record<string, string>;

beforeAll(async () => {
  file = join(dir, "ntm.ntm.gz");
  sourceCounts = await tableRowCounts(source);
  sourceChecksums = await databaseChecksums(source);
  manifest = await backupDatabase(source, file);
});

afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl, name).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("records every table of the seeded database with its rows, the migrations and the checksums", () => {
    expect(Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]))).toEqual(sourceCounts);
    expect(manifest.tables.find((t) => t.name === "IndicatorValue")!.rows).toBeGreaterThan(1000);
    expect(manifest.checksums).toEqual(sourceChecksums);
    expect(manifest.migrations.map((m) => m.name)).toContain("20261122021553_init");
  });

  it("restores into a fresh database: the same rows in every table, the same assessments and indicator values", async () => {
    const target = await freshDatabase();
    const summary = await restoreDatabase(target, file);
    expect(summary.rows).toBe(Object.values(sourceCounts).reduce((s, n) => s + n, 0));
    expect(await tableRowCounts(target)).toEqual(sourceCounts);
    expect(await databaseChecksums(target)).toEqual(sourceChecksums);
    // the restored data works: sequences go on after the restored ids, triggers are back on
    const [{ max }] = await query<{ max: number }>(target, `SELECT max(id) AS max FROM "Category"`);
    const [{ id }] = await query<{ id: number }>(target, `INSERT INTO "Category" (slug, name) VALUES ('sao-luu-kiem-thu', 'Kiểm thử') RETURNING id`);
    expect(id).toBeGreaterThan(max);
    const disabled = await query<{ tgname: string }>(target, `SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'`);
    expect(disabled).toEqual([]);
    await expect(query(target, `TRUNCATE "AuditLog"`)).rejects.toThrow(); // the append-only trigger is on again
    reportFigure(`backup: ${summary.rows} rows in ${manifest.tables.length} tables restored into an empty database; row counts and assessment checksums equal`);
  });

  it("refuses a database that holds data, in Vietnamese, and changes nothing", async () => {
    const before = await tableRowCounts(source);
    const err = await restoreDatabase(source, file).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect((err as Error).message).toMatch(/^Cơ sở dữ liệu đích không trống/);
    expect(await tableRowCounts(source)).toEqual(before);
  });

  it("refuses a damaged file and leaves the target without data", async () => {
    const text = gunzipSync(readFileSync(file)).toString("utf8");
    // change one commune's name inside the AdminUnit rows
    const damaged = text.replace(/\tXã Tân Thành\t/, "\tXã Tân Thanh\t");
    expect(damaged).not.toBe(text);
    const bad = join(dir, "damaged.ntm.gz");
    writeFileSync(bad, gzipSync(damaged));
    const target = await freshDatabase();
    await expect(restoreDatabase(target, bad)).rejects.toThrow(/AdminUnit: dữ liệu trong tệp sao lưu không khớp với tổng kiểm tra/);
    expect(nonZero(await tableRowCounts(target))).toEqual({});
  });

  it("refuses a truncated file and a file that is not a backup", async () => {
    const raw = gunzipSync(readFileSync(file));
    const cut = join(dir, "cut.ntm.gz");
    writeFileSync(cut, gzipSync(raw.subarray(0, Math.floor(raw.length / 2))));
    await expect(restoreDatabase(await freshDatabase(), cut)).rejects.toThrow(/cắt cụt|không khớp/);
    const other = join(dir, "other.gz");
    writeFileSync(other, gzipSync("SELECT 1;\nDROP TABLE x;\n"));
    await expect(restoreDatabase(await freshDatabase(), other)).rejects.toThrow(/không phải tệp sao lưu/);
  });

  it("is one snapshot: a row committed while the backup runs is not in it", async () => {
    const slug = `trong-luc-sao-luu-${randomBytes(3).toString("hex")}`;
    const during = join(dir, "during.ntm.gz");
    const m = await backupDatabase(source, during, {
      afterSnapshot: async () => {
        await query(source, `INSERT INTO "Category" (slug, name) VALUES ($1, 'Ghi trong lúc sao lưu')`, [slug]);
      },
    });
    const now = await tableRowCounts(source);
    expect(m.tables.find((t) => t.name === "Category")!.rows).toBe(now.Category - 1);
    expect(gunzipSync(readFileSync(during)).toString("utf8")).not.toContain(slug);
    await query(source, `DELETE FROM "Category" WHERE slug = $1`, [slug]);
  });
});
