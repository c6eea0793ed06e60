// npm run db:backup / db:restore on real PostgreSQL: a backup of the seeded database restored
// into a fresh one has the same rows in every table and the same assessments and indicator
// values; a database holding data is refused; a damaged file restores nothing; the backup is one
// snapshot, whatever is written meanwhile. The uploaded files travel with it as rows of
// StoredFileChunk; a backup of the earlier format, with the files after the tables, restores them
// into the database.
// Backups are signed (HMAC-SHA256 with a key kept outside them): a forged file whose hashes were
// recomputed, an unsigned one, or one signed with another key restores nothing; an empty or
// non-gzip file is refused in Vietnamese by npm run db:restore, which then creates nothing.
import { spawnSync } from "node:child_process";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupError, backupDatabase, databaseChecksums, restoreDatabase, tableRowCounts, type BackupManifest, type BackupResult } from "../../scripts/lib/backup";
import { dropDatabase } from "../../scripts/lib/postgres";
import { freshDatabase as emptyDatabase } from "../production";
import { splitIntoChunks } from "@/lib/files/storage";
import { reportFigure } from "../figures";

const source = process.env.DATABASE_URL!;
const adminUrl = process.env.TEST_ADMIN_URL ?? (() => {
  const u = new URL(source);
  u.pathname = "/postgres";
  return u.toString();
})();
const dir = mkdtempSync(join(tmpdir(), "ntm-backup-test-"));
const created: string[] = [];

/** Two uploaded files, one of three chunks, with their StoredFile rows, and a third row whose content is gone. */
const FILES = [
  { key: `2026/11/${"a".repeat(32)}.pdf`, bytes: Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(600_000)]) },
  { key: `2026/11/${"b".repeat(32)}.png`, bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), randomBytes(3_000)]) },
];
const GONE = `2026/10/${"c".repeat(32)}.pdf`;
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
/** This installation's backup key (BACKUP_KEY / .data/backup-key), and another one. */
const KEY = randomBytes(32).toString("base64url");
const OTHER_KEY = randomBytes(32).toString("base64url");
const SIGNATURE_LINE = /SIGNATURE hmac-sha256 [0-9a-f]{64}\n$/;
/** A backup's content signed again with `key`, as only the holder of the key can. */
function resign(content: Buffer, key = KEY): Buffer {
  const body = content.subarray(0, content.length - (SIGNATURE_LINE.exec(content.toString("latin1"))?.[0].length ?? 0));
  return Buffer.concat([body, Buffer.from(`SIGNATURE hmac-sha256 ${createHmac("sha256", key).update(body).digest("hex")}\n`)]);
}
/** Replaces one table's rows as a forger would: its row count and sha256 recomputed to match. */
function forgeTable(content: string, table: string, change: (rows: string) => string): string {
  const head = content.indexOf(`TABLE ${JSON.stringify(table)} `);
  const start = content.indexOf("\n", head) + 1;
  const end = content.indexOf("\\.\nEND ", start);
  const rows = change(content.slice(start, end));
  const endLine = content.indexOf("\n", end + 3);
  const count = rows.split("\n").length - 1;
  return content.slice(0, start) + rows + `\\.\nEND ${count} ${sha(Buffer.from(rows))}` + content.slice(endLine);
}
/** The content of a stored file as the database at `url` holds it, or null when it holds none. */
async function contentOf(url: string, key: string): Promise<Buffer | null> {
  const [row] = await query<{ b: Buffer | null }>(
    url,
    `SELECT string_agg(c.bytes, ''::bytea ORDER BY c.seq) AS b FROM "StoredFileChunk" c JOIN "StoredFile" f ON f.id = c."fileId" WHERE f."storageKey" = $1`,
    [key],
  );
  return row.b;
}

/** An empty database owned by, and restored as, the role the portal connects as (npm test: no superuser). */
async function freshDatabase(): Promise<string> {
  const { name, url } = await emptyDatabase(adminUrl, source);
  created.push(name);
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

/**
 * A backup's content (latin1, signature line off) as the earlier format wrote it: taken before the
 * files' migration, without the StoredFileChunk table, each file's bytes after the tables (base64
 * lines, `END-FILE <sha256>`) and a `MISSING-FILE` line for the row whose file was gone.
 */
function asFormat3(content: string): string {
  const body = content.replace(SIGNATURE_LINE, "");
  const [, json] = body.split("\n", 2);
  const m = JSON.parse(json) as BackupManifest;
  const old = {
    ...m,
    format: "NTM-BACKUP 3",
    migrations: m.migrations.filter((x) => !x.name.endsWith("_stored_file_content")),
    tables: m.tables.filter((t) => t.name !== "StoredFileChunk"),
  };
  const start = body.indexOf(`TABLE "StoredFileChunk" `);
  const end = body.indexOf("\n", body.indexOf("\\.\nEND ", start) + 3) + 1;
  const files = FILES.map((f) => {
    const b64 = f.bytes.toString("base64").replace(/.{1,76}/g, "$&\n");
    return `FILE ${JSON.stringify({ key: f.key, size: f.bytes.length, sha256: sha(f.bytes) })}\n${b64}\\.\nEND-FILE ${sha(f.bytes)}\n`;
  }).join("");
  const tables = body.slice(body.indexOf("\n", body.indexOf("\n") + 1) + 1, start) + body.slice(end);
  return `NTM-BACKUP 3\n${JSON.stringify(old)}\n${tables.replace("END-OF-BACKUP\n", `${files}MISSING-FILE ${JSON.stringify(GONE)}\nEND-OF-BACKUP\n`)}`;
}

const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

let file: string;
let manifest: BackupResult;
let sourceCounts: Record<string, number>;
let sourceChecksums: Record<string, string>;

beforeAll(async () => {
  for (const f of [...FILES, { key: GONE, bytes: Buffer.from("%PDF-gone") }]) {
    const [{ id }] = await query<{ id: number }>(
      source,
      `INSERT INTO "StoredFile" ("storageKey", "fileName", "mimeType", size, sha256) VALUES ($1, 'kiem-thu-sao-luu', 'application/pdf', $2, $3) RETURNING id`,
      [f.key, f.bytes.length, sha(f.bytes)],
    );
    if (f.key === GONE) continue;
    for (const c of splitIntoChunks(f.bytes)) {
      await query(source, `INSERT INTO "StoredFileChunk" ("fileId", seq, bytes) VALUES ($1, $2, $3)`, [id, c.seq, Buffer.from(c.bytes)]);
    }
  }
  file = join(dir, "ntm.ntm.gz");
  sourceCounts = await tableRowCounts(source);
  sourceChecksums = await databaseChecksums(source);
  manifest = await backupDatabase(source, file, { key: KEY });
});

afterAll(async () => {
  await query(source, `DELETE FROM "StoredFile" WHERE "fileName" = 'kiem-thu-sao-luu'`); // the chunks cascade
  for (const name of created) await dropDatabase(adminUrl, name).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("records every table of the seeded database with its rows, the migrations and the checksums", () => {
    expect(Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]))).toEqual(sourceCounts);
    expect(manifest.tables.find((t) => t.name === "IndicatorValue")!.rows).toBeGreaterThan(1000);
    expect(manifest.checksums).toEqual(sourceChecksums);
    expect(manifest.migrations.map((m) => m.name)).toContain("20261122021553_init");
    expect(manifest.tables.find((t) => t.name === "StoredFileChunk")!.rows).toBeGreaterThanOrEqual(4); // 3 + 1 of this test's files
    expect(manifest.missingFiles).toEqual([GONE]);
  });

  it("restores into a fresh database: the same rows in every table, the same assessments and indicator values", async () => {
    const target = await freshDatabase();
    const summary = await restoreDatabase(target, file, { key: KEY });
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
    // the uploaded files, byte for byte, in the database; the one already without content is named
    for (const f of FILES) expect(sha((await contentOf(target, f.key)) ?? Buffer.alloc(0)), f.key).toBe(sha(f.bytes));
    expect(summary.missingFiles).toEqual([GONE]);
    expect(summary.changedFiles).toEqual([]);
    expect(summary.files).toBe(manifest.files!.count - 1);
    reportFigure(
      `backup: ${summary.rows} rows in ${manifest.tables.length} tables and ${summary.files} uploaded files restored into an empty database; ` +
        "row counts, assessment checksums and file contents equal",
    );
  });

  it("refuses a database that holds data, in Vietnamese, and changes nothing", async () => {
    const before = await tableRowCounts(source);
    const err = await restoreDatabase(source, file, { key: KEY }).then(() => null, (e: unknown) => e);
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
    await expect(restoreDatabase(target, bad, { key: KEY })).rejects.toThrow(/chữ ký không khớp/);
    // damaged before it was signed: the table's own checksum still refuses it
    writeFileSync(bad, gzipSync(resign(Buffer.from(damaged))));
    await expect(restoreDatabase(target, bad, { key: KEY })).rejects.toThrow(/AdminUnit: dữ liệu trong tệp sao lưu không khớp với tổng kiểm tra/);
    expect(nonZero(await tableRowCounts(target))).toEqual({});
  });

  it("refuses a backup whose file bytes were changed, and leaves no data behind", async () => {
    const text = gunzipSync(readFileSync(file)).toString("latin1");
    // a byte of the second file's content, in its chunk's row (bytea as hex)
    const hex = FILES[1].bytes.subarray(100, 116).toString("hex");
    const at = text.indexOf(hex, text.indexOf(`TABLE "StoredFileChunk"`));
    expect(at).toBeGreaterThan(0);
    const damaged = text.slice(0, at) + (text[at] === "0" ? "1" : "0") + text.slice(at + 1);
    const bad = join(dir, "damaged-file.ntm.gz");
    // signed after the damage, so that it reaches the table's own checksum
    writeFileSync(bad, gzipSync(resign(Buffer.from(damaged, "latin1"))));
    const target = await freshDatabase();
    await expect(restoreDatabase(target, bad, { key: KEY })).rejects.toThrow(/StoredFileChunk: dữ liệu trong tệp sao lưu không khớp với tổng kiểm tra/);
    expect(nonZero(await tableRowCounts(target))).toEqual({});
  });

  it("restores a backup of the earlier format, whose files followed the tables, with the files in the database", async () => {
    const legacy = join(dir, "format-3.ntm.gz");
    writeFileSync(legacy, gzipSync(resign(Buffer.from(asFormat3(gunzipSync(readFileSync(file)).toString("latin1")), "latin1"))));
    const target = await freshDatabase();
    const summary = await restoreDatabase(target, legacy, { key: KEY });
    expect(summary.laterMigrations.some((m) => m.endsWith("_stored_file_content"))).toBe(true);
    for (const f of FILES) expect(sha((await contentOf(target, f.key)) ?? Buffer.alloc(0)), f.key).toBe(sha(f.bytes));
    expect(summary.missingFiles).toEqual([GONE]);
    expect(summary.files).toBe(manifest.files!.count - 1);
    const withoutChunks = ({ StoredFileChunk: _, ...rest }: Record<string, number>) => rest; // only this test's files were made legacy
    expect(withoutChunks(await tableRowCounts(target))).toEqual(withoutChunks(sourceCounts));

    // a file's bytes changed in such a backup: refused, nothing restored
    const text = asFormat3(gunzipSync(readFileSync(file)).toString("latin1"));
    const line = text.indexOf("\n", text.indexOf(`FILE {"key":"${FILES[1].key}"`)) + 1; // its first base64 line
    const bad = join(dir, "format-3-damaged.ntm.gz");
    writeFileSync(bad, gzipSync(resign(Buffer.from(text.slice(0, line) + (text[line] === "A" ? "B" : "A") + text.slice(line + 1), "latin1"))));
    const other = await freshDatabase();
    await expect(restoreDatabase(other, bad, { key: KEY })).rejects.toThrow(/Tệp đính kèm .* không khớp với tổng kiểm tra/);
    expect(nonZero(await tableRowCounts(other))).toEqual({});
  });

  it("refuses a truncated file and a file that is not a backup", async () => {
    const raw = gunzipSync(readFileSync(file));
    const cut = join(dir, "cut.ntm.gz");
    writeFileSync(cut, gzipSync(raw.subarray(0, Math.floor(raw.length / 2))));
    await expect(restoreDatabase(await freshDatabase(), cut, { key: KEY })).rejects.toThrow(/cắt cụt|không khớp/);
    const other = join(dir, "other.gz");
    writeFileSync(other, gzipSync("SELECT 1;\nDROP TABLE x;\n"));
    await expect(restoreDatabase(await freshDatabase(), other, { key: KEY })).rejects.toThrow(/không phải tệp sao lưu/);
  });

  it("is one snapshot: a row committed while the backup runs is not in it", async () => {
    const slug = `trong-luc-sao-luu-${randomBytes(3).toString("hex")}`;
    const during = join(dir, "during.ntm.gz");
    const m = await backupDatabase(source, during, {
      key: KEY,
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

describe("signed backups", () => {
  it("is signed: HMAC-SHA256 of the whole content with the key, in its last line", () => {
    const content = gunzipSync(readFileSync(file));
    expect(content.toString("latin1")).toMatch(SIGNATURE_LINE);
    expect(resign(content).equals(content)).toBe(true);
    expect(content.toString("utf8")).not.toContain(KEY);
  });

  it("refuses a forged file whose row counts and sha256 hashes were recomputed, and writes nothing", async () => {
    const text = gunzipSync(readFileSync(file)).toString("utf8");
    // a forger without the key: a commune renamed, its table's row count and sha256 made to match
    const forged = forgeTable(text, "AdminUnit", (rows) => rows.replace(/\tXã Tân Thành\t/, "\tXã Giả Mạo\t"));
    expect(forged).not.toBe(text);
    const bad = join(dir, "forged.ntm.gz");
    writeFileSync(bad, gzipSync(forged));
    const target = await freshDatabase();
    const err = await restoreDatabase(target, bad, { key: KEY }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect((err as Error).message).toMatch(/chữ ký không khớp/);
    expect(nonZero(await tableRowCounts(target))).toEqual({});
    expect(await query(target, `SELECT 1 FROM pg_tables WHERE schemaname = 'public'`)).toEqual([]); // not even the migrations ran
    // the forgery is otherwise perfect: signed with the key, it would restore
    writeFileSync(bad, gzipSync(resign(Buffer.from(forged))));
    await restoreDatabase(await freshDatabase(), bad, { key: KEY });
    reportFigure("backup: a forged file with recomputed sha256 hashes is refused before anything is written (HMAC-SHA256 signature)");
  });

  it("refuses a file signed with another key", async () => {
    const other = join(dir, "other-key.ntm.gz");
    writeFileSync(other, gzipSync(resign(gunzipSync(readFileSync(file)), OTHER_KEY)));
    const target = await freshDatabase();
    await expect(restoreDatabase(target, other, { key: KEY })).rejects.toThrow(/chữ ký không khớp/);
    expect(nonZero(await tableRowCounts(target))).toEqual({});
  });

  it("refuses an unsigned file of the earlier format unless told to accept it", async () => {
    const text = gunzipSync(readFileSync(file)).toString("utf8");
    const body = text.replace(SIGNATURE_LINE, "");
    const [, json] = body.split("\n", 2);
    const old = JSON.parse(json) as BackupManifest;
    const unsigned = join(dir, "unsigned.ntm.gz");
    writeFileSync(unsigned, gzipSync(body.replace(/^[^\n]*\n[^\n]*\n/, `NTM-BACKUP 2\n${JSON.stringify({ ...old, format: "NTM-BACKUP 2" })}\n`)));
    const target = await freshDatabase();
    await expect(restoreDatabase(target, unsigned, { key: KEY })).rejects.toThrow(/không có chữ ký.*--allow-unsigned/);
    expect(nonZero(await tableRowCounts(target))).toEqual({});
    const summary = await restoreDatabase(target, unsigned, { key: KEY, allowUnsigned: true });
    expect(summary.rows).toBe(Object.values(sourceCounts).reduce((s, n) => s + n, 0));
    // a signed file stripped of its signature is not an unsigned one
    const stripped = join(dir, "stripped.ntm.gz");
    writeFileSync(stripped, gzipSync(body));
    await expect(restoreDatabase(await freshDatabase(), stripped, { key: KEY, allowUnsigned: true })).rejects.toThrow(/thiếu chữ ký/);
  });
});

describe("npm run db:restore of a file that is not a backup", () => {
  const restoreCli = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/restore.ts", ...args], {
      // DATABASE_URL: this test's server; NTM_DATA_DIR: never the developer's .data/
      env: { ...process.env, NTM_DATA_DIR: join(dir, "data"), BACKUP_KEY: KEY },
      encoding: "utf8",
      timeout: 60_000,
    });

  it.each([
    ["an empty file", Buffer.alloc(0), /trống/],
    ["a file that is not gzip", Buffer.from("NTM-BACKUP 3\n{}\n"), /không phải tệp gzip/],
    ["a gzip file cut short", gzipSync(Buffer.from("NTM-BACKUP 3\n")).subarray(0, 12), /cắt cụt|hỏng/],
  ])("refuses %s in Vietnamese, exit code 1, and creates no database", async (_what, bytes, message) => {
    const bad = join(dir, `not-a-backup-${randomBytes(3).toString("hex")}.ntm.gz`);
    writeFileSync(bad, bytes);
    const name = `ntm_test_restore_${randomBytes(4).toString("hex")}`;
    const r = restoreCli([bad, "--into", name]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^Không khôi phục: /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:|Unhandled/); // a message, not a stack trace
    expect(await query(adminUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [name])).toEqual([]);
  });
});
