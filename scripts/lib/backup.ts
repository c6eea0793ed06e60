// Logical backup and restore of the portal's database, in Node: the embedded PostgreSQL ships no
// pg_dump, no npm package ships a pg_dump for PostgreSQL 18, and Debian's (15) refuses a newer
// server. So, as pg_dump does:
// - backup: one REPEATABLE READ READ ONLY transaction (every read sees the same snapshot), the row
//   counts and checksums of that snapshot in a manifest, then COPY … TO STDOUT of every table of
//   the schema, ordered by primary key, into one gzip file;
// - restore: into an EMPTY database only — the migrations the backup was taken at, then COPY …
//   FROM STDIN of every table in foreign-key order in one transaction with the tables' own
//   triggers off (the dashboard summaries are restored as they were, not recomputed), sequences
//   set, the checksums compared; then any newer migration of this checkout.
// File layout (text, gzip): a format line, the manifest (one JSON line), then per table a line
// `TABLE "<name>" <columns as JSON>`, its rows in COPY text format, a line `\.`, and a line
// `END <rows> <sha256 of the rows>`. The restore never runs SQL from the file: names are
// checked against the database and the statements built here.
// Uploaded files (evidence, attachments, photos) are rows like any other since format 4: their
// content is the table "StoredFileChunk". Formats 2 and 3 carried them after the tables, as files
// kept on disk then: per file `FILE <{key,size,sha256} as JSON>`, its bytes in base64 lines, `\.`,
// `END-FILE <sha256 of the bytes>`, or a line `MISSING-FILE <key>`; their restore puts them in a
// temporary folder, checked, and loads them into the database once its schema has the table
// (scripts/lib/uploads-to-database.ts).
// Formats 3 and 4 end with a line `SIGNATURE hmac-sha256 <hex>`: HMAC-SHA256, with a key kept outside
// the backup (BACKUP_KEY or .data/backup-key, scripts/lib/secrets.ts), of every byte before that
// line. The sha256 hashes above catch accidents; only the signature catches a forger, who can
// recompute them. A restore checks the signature before it writes anything, and again over the
// bytes it actually loaded before it commits. Formats 1 (no files) and 2 are unsigned: restored
// only when the operator says the file can be trusted (allowUnsigned, --allow-unsigned).
import { createHash, createHmac, timingSafeEqual, type Hmac } from "node:crypto";
import { once } from "node:events";
import { closeSync, cpSync, createReadStream, createWriteStream, mkdirSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve, sep } from "node:path";
import { pipeline as pipelineStreams } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { ALL_TAGS, TAGS_CHANNEL } from "../../lib/cache/shared-cache-handler.mjs";
import { STORAGE_KEY } from "../../lib/files/storage.ts";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "./migrations.ts";
import { filesWithoutContent, loadUploadsFromDisk } from "./uploads-to-database.ts";

export const BACKUP_FORMAT = "NTM-BACKUP 4";
/** formats written before backups were signed */
const UNSIGNED_FORMATS = ["NTM-BACKUP 1", "NTM-BACKUP 2"];
const READABLE_FORMATS = [...UNSIGNED_FORMATS, "NTM-BACKUP 3", BACKUP_FORMAT];

/** Checksums of the assessments, computed by PostgreSQL the same way on both sides. */
export const CHECKSUM_TABLES = ["Assessment", "CriterionResult", "IndicatorValue"] as const;

export interface BackupManifest {
  format: string;
  createdAt: string;
  serverVersion: string;
  /** the migrations applied to the database, in order */
  migrations: { name: string; checksum: string }[];
  tables: { name: string; columns: string[]; rows: number }[];
  /** md5 over the rows (as text, by primary key) of the assessment tables */
  checksums: Record<string, string>;
  /** sequences' positions (never below the highest id restored) */
  sequences: { table: string; column: string; lastValue: string; isCalled: boolean }[];
  /** the uploaded files the snapshot lists (since format 2) */
  files?: { count: number; bytes: number };
}

export class BackupError extends Error {}

const SIGNATURE_PREFIX = "SIGNATURE hmac-sha256 ";
const SIGNATURE_LINE_LENGTH = SIGNATURE_PREFIX.length + 64 + 1;

/**
 * The HMAC of a backup's content as it streams by: every byte but the last line's, which is held
 * back until the end, when it must be the signature of the rest.
 */
class SignatureCheck {
  private readonly mac: Hmac;
  private tail = Buffer.alloc(0);
  constructor(key: string) {
    this.mac = createHmac("sha256", key);
  }

  update(chunk: Buffer): void {
    if (chunk.length >= SIGNATURE_LINE_LENGTH) {
      this.mac.update(this.tail);
      this.mac.update(chunk.subarray(0, chunk.length - SIGNATURE_LINE_LENGTH));
      this.tail = Buffer.from(chunk.subarray(chunk.length - SIGNATURE_LINE_LENGTH));
    } else {
      const all = Buffer.concat([this.tail, chunk]);
      const cut = Math.max(0, all.length - SIGNATURE_LINE_LENGTH);
      this.mac.update(all.subarray(0, cut));
      this.tail = all.subarray(cut);
    }
  }

  /** After the last chunk: "missing" when the content does not end with a signature line. */
  result(): "valid" | "invalid" | "missing" {
    const m = /^SIGNATURE hmac-sha256 ([0-9a-f]{64})\n$/.exec(this.tail.toString("latin1"));
    if (!m) return "missing";
    return timingSafeEqual(Buffer.from(m[1], "hex"), this.mac.digest()) ? "valid" : "invalid";
  }
}

/**
 * The decompressed content of a backup file. Whatever is wrong with the file (empty, not gzip,
 * cut short, unreadable) surfaces as a BackupError from the iteration, never as an unhandled
 * stream error.
 */
async function* backupContent(file: string): AsyncGenerator<Buffer> {
  const name = basename(file);
  let head = Buffer.alloc(2);
  try {
    if (statSync(file).size === 0) throw new BackupError(`Tệp ${name} trống (0 byte): không phải bản sao lưu.`);
    const fd = openSync(file, "r");
    try {
      head = head.subarray(0, readSync(fd, head, 0, 2, 0));
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`Không đọc được tệp ${name}: ${(err as Error).message}`);
  }
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    throw new BackupError(`Tệp ${name} không phải tệp gzip: bản sao lưu là tệp .ntm.gz do npm run db:backup tạo.`);
  }
  // pipeline: an error of either stream (read, decompress) ends the iteration below with it
  const stream = pipelineStreams(createReadStream(file), createGunzip(), () => {});
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "Z_BUF_ERROR") throw new BackupError(`Tệp sao lưu ${name} bị cắt cụt (dữ liệu gzip dừng giữa chừng).`);
    if (typeof code === "string" && code.startsWith("Z_")) throw new BackupError(`Tệp sao lưu ${name} hỏng: không giải nén được (${(err as Error).message}).`);
    throw new BackupError(`Không đọc được tệp ${name}: ${(err as Error).message}`);
  } finally {
    stream.destroy();
  }
}

export interface VerifiedBackup {
  format: string;
  signed: boolean;
}

/**
 * Reads the whole file once, writing nothing: it must be a backup, and one signed with `key`
 * unless it is of an unsigned earlier format and `allowUnsigned` says to trust it.
 */
export async function verifyBackup(file: string, opts: { key: string | null; allowUnsigned?: boolean }): Promise<VerifiedBackup> {
  let first = Buffer.alloc(0);
  let format: string | null = null;
  let check: SignatureCheck | null = null;
  for await (const chunk of backupContent(file)) {
    if (format === null) {
      first = Buffer.concat([first, chunk]);
      const nl = first.indexOf(10);
      if (nl === -1 && first.length < 64) continue;
      format = nl === -1 ? "" : first.subarray(0, nl).toString("utf8");
      if (!READABLE_FORMATS.includes(format)) throw new BackupError("Đây không phải tệp sao lưu của cổng thông tin (sai định dạng).");
      if (UNSIGNED_FORMATS.includes(format)) {
        if (!opts.allowUnsigned) {
          throw new BackupError(
            `Tệp sao lưu định dạng cũ (${format}) không có chữ ký, nên không thể biết tệp có bị sửa hay không. ` +
              "Chỉ khi chắc chắn đây là bản gốc, khôi phục với --allow-unsigned.",
          );
        }
        return { format, signed: false };
      }
      if (!opts.key) throw new BackupError("Thiếu khóa ký bản sao lưu: đặt BACKUP_KEY, hoặc chép tệp .data/backup-key của máy đã sao lưu.");
      check = new SignatureCheck(opts.key);
      check.update(first);
      continue;
    }
    check!.update(chunk);
  }
  if (format === null) throw new BackupError("Đây không phải tệp sao lưu của cổng thông tin (sai định dạng).");
  assertSigned(check!.result());
  return { format, signed: true };
}

function assertSigned(result: "valid" | "invalid" | "missing"): void {
  if (result === "missing") throw new BackupError("Tệp sao lưu bị cắt cụt hoặc bị sửa (thiếu chữ ký ở cuối tệp).");
  if (result === "invalid") {
    throw new BackupError(
      "Tệp sao lưu có chữ ký không khớp: tệp đã bị sửa sau khi sao lưu, hoặc được ký bằng khóa khác " +
        "(cần cùng BACKUP_KEY hoặc tệp .data/backup-key của máy đã sao lưu).",
    );
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
}

async function listTables(c: pg.ClientBase): Promise<TableInfo[]> {
  const { rows } = await c.query<{ name: string; columns: string[]; pk: string[] | null }>(`
    SELECT cl.relname::text AS name,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns,
           (SELECT array_agg(pa.attname::text ORDER BY array_position(ix.indkey::int2[], pa.attnum))
              FROM pg_index ix JOIN pg_attribute pa ON pa.attrelid = ix.indrelid AND pa.attnum = ANY (ix.indkey)
             WHERE ix.indrelid = cl.oid AND ix.indisprimary) AS pk
      FROM pg_class cl
      JOIN pg_namespace n ON n.oid = cl.relnamespace
      JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = current_schema() AND cl.relkind IN ('r', 'p') AND cl.relname <> '_prisma_migrations'
     GROUP BY cl.oid, cl.relname
     ORDER BY cl.relname`);
  return rows.map((r) => ({ name: r.name, columns: r.columns, primaryKey: r.pk ?? [] }));
}

/**
 * The tables in foreign-key order: every table after the tables it references (a reference to
 * itself is checked at the end of its own COPY). Ties by name, so the order is stable.
 */
async function inForeignKeyOrder(c: pg.ClientBase, tables: TableInfo[]): Promise<TableInfo[]> {
  const { rows } = await c.query<{ child: string; parent: string }>(`
    SELECT ch.relname AS child, pa.relname AS parent
      FROM pg_constraint k
      JOIN pg_class ch ON ch.oid = k.conrelid
      JOIN pg_class pa ON pa.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = ch.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema() AND ch.oid <> pa.oid`);
  const byName = new Map(tables.map((t) => [t.name, t]));
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const r of rows) if (byName.has(r.child) && byName.has(r.parent)) parents.get(r.child)!.add(r.parent);
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t.name) && [...parents.get(t.name)!].every((p) => done.has(p)));
    if (!ready.length) throw new BackupError(`Các bảng tham chiếu vòng tròn: ${tables.filter((t) => !done.has(t.name)).map((t) => t.name).join(", ")}.`);
    for (const t of ready) {
      ordered.push(t);
      done.add(t.name);
    }
  }
  return ordered;
}

/** md5 of the table's rows as text, in primary-key order: equal rows give equal checksums. */
async function tableChecksum(c: pg.ClientBase, table: string): Promise<string> {
  const { rows } = await c.query<{ pk: string[] | null }>(
    `SELECT array_agg(a.attname::text ORDER BY array_position(ix.indkey::int2[], a.attnum)) AS pk
       FROM pg_index ix JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = ANY (ix.indkey)
      WHERE ix.indrelid = $1::regclass AND ix.indisprimary`,
    [ident(table)],
  );
  const order = (rows[0]?.pk ?? []).map((k) => `t.${ident(k)}`).join(", ") || "t::text";
  const { rows: sum } = await c.query<{ md5: string | null }>(`SELECT md5(string_agg(md5(t::text), '' ORDER BY ${order})) AS md5 FROM ${ident(table)} t`);
  return sum[0].md5 ?? "empty";
}

export async function assessmentChecksums(c: pg.ClientBase): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of CHECKSUM_TABLES) out[t] = await tableChecksum(c, t);
  return out;
}

/** Row count of every table of the schema (but Prisma's bookkeeping). */
export async function tableRowCounts(url: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const out: Record<string, number> = {};
    for (const t of await listTables(c)) {
      out[t.name] = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(t.name)}`)).rows[0].n);
    }
    return out;
  } finally {
    await c.end();
  }
}

export async function databaseChecksums(url: string): Promise<Record<string, string>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await assessmentChecksums(c);
  } finally {
    await c.end();
  }
}

export interface BackupResult extends BackupManifest {
  /** storage keys of uploaded files whose content the database does not hold (not in the backup either) */
  missingFiles: string[];
}

/** Writes a consistent backup of the database at `url`, uploaded files included, to `file` (gzip). */
export async function backupDatabase(url: string, file: string, opts: { key: string; afterSnapshot?: () => Promise<void> }): Promise<BackupResult> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const gzip = createGzip({ level: 6 });
  const out = createWriteStream(file, { flags: "wx", mode: 0o600 });
  const written = pipeline(gzip, out);
  const mac = createHmac("sha256", opts.key);
  const write = async (s: string | Buffer) => {
    if (!gzip.write(s)) await once(gzip, "drain");
  };
  /** content, signed */
  const put = async (s: string | Buffer) => {
    mac.update(s);
    await write(s);
  };
  try {
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // written in the order a restore loads them; this first read fixes the snapshot
    const tables = await inForeignKeyOrder(c, await listTables(c));
    await opts.afterSnapshot?.();
    const migrations = (
      await c.query<{ name: string; checksum: string }>(
        `SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows;
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      serverVersion: (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v.split(" ")[0],
      migrations,
      tables: [],
      checksums: await assessmentChecksums(c),
      sequences: [],
    };
    const seqRows = await c.query<{ table: string; column: string; seq: string }>(`
      SELECT cl.relname AS table, a.attname AS column, pg_get_serial_sequence(format('%I', cl.relname), a.attname) AS seq
        FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
        JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum > 0 AND NOT a.attisdropped
       WHERE n.nspname = current_schema() AND cl.relkind IN ('r', 'p') AND cl.relname <> '_prisma_migrations'
         AND pg_get_serial_sequence(format('%I', cl.relname), a.attname) IS NOT NULL
       ORDER BY 1, 2`);
    for (const s of seqRows.rows) {
      const { rows } = await c.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${s.seq}`);
      manifest.sequences.push({ table: s.table, column: s.column, lastValue: rows[0].last_value, isCalled: rows[0].is_called });
    }
    for (const t of tables) {
      manifest.tables.push({ name: t.name, columns: t.columns, rows: Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(t.name)}`)).rows[0].n) });
    }
    if (!(await c.query(`SELECT to_regclass('"StoredFileChunk"') IS NOT NULL AS ok`)).rows[0].ok) {
      throw new BackupError("Cơ sở dữ liệu chưa áp dụng migration đưa tệp đính kèm vào cơ sở dữ liệu: chạy npm run db:migrate trước khi sao lưu.");
    }
    const files = (await c.query<{ count: number; bytes: string }>(`SELECT count(*)::int AS count, COALESCE(sum(size), 0)::text AS bytes FROM "StoredFile"`)).rows[0];
    manifest.files = { count: files.count, bytes: Number(files.bytes) };
    const missingFiles = await filesWithoutContent(c);
    await put(`${BACKUP_FORMAT}\n${JSON.stringify(manifest)}\n`);
    for (const t of tables) {
      await put(`TABLE ${JSON.stringify(t.name)} ${JSON.stringify(t.columns)}\n`);
      const order = t.primaryKey.length ? ` ORDER BY ${t.primaryKey.map(ident).join(", ")}` : "";
      const stream = c.query(copyTo(`COPY (SELECT ${t.columns.map(ident).join(", ")} FROM ${ident(t.name)}${order}) TO STDOUT`));
      const hash = createHash("sha256");
      let rows = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
        await put(chunk);
      }
      const expected = manifest.tables.find((m) => m.name === t.name)!.rows;
      if (rows !== expected) throw new BackupError(`Bảng ${t.name}: đếm được ${expected} dòng nhưng sao chép ${rows} dòng.`);
      await put(`\\.\nEND ${rows} ${hash.digest("hex")}\n`);
    }
    await put("END-OF-BACKUP\n");
    await write(`${SIGNATURE_PREFIX}${mac.digest("hex")}\n`);
    await c.query("COMMIT");
    gzip.end();
    await written;
    return { ...manifest, missingFiles };
  } catch (err) {
    gzip.destroy();
    await written.catch(() => {});
    rmSync(file, { force: true });
    throw err;
  } finally {
    await c.query("ROLLBACK").catch(() => {});
    await c.end();
  }
}

/** Reads a backup file section by section (lines, then COPY rows up to their `\.` line). */
class BackupReader {
  private buf: Buffer = Buffer.alloc(0);
  private done = false;
  private readonly it: AsyncIterator<Buffer>;
  /** sees every byte read, when the file is signed */
  constructor(source: AsyncIterable<Buffer>, private readonly check: SignatureCheck | null = null) {
    this.it = source[Symbol.asyncIterator]();
  }

  /** Reads the file to its end (the signature line), so that `check` has seen every byte. */
  async drain(): Promise<void> {
    while (await this.more());
  }

  close(): void {
    void this.it.return?.();
  }

  private async more(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.it.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    this.check?.update(next.value);
    this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : next.value;
    return true;
  }

  async line(): Promise<string | null> {
    for (;;) {
      const nl = this.buf.indexOf(10);
      if (nl !== -1) {
        const line = this.buf.subarray(0, nl).toString("utf8");
        this.buf = this.buf.subarray(nl + 1);
        return line;
      }
      if (!(await this.more())) return null;
    }
  }

  /** Hands the rows of a section to `sink` as they come, up to (not including) the `\.` line. */
  async rows(sink: (chunk: Buffer) => Promise<void>): Promise<void> {
    const END = Buffer.from("\\.\n");
    for (;;) {
      if (this.buf.subarray(0, END.length).equals(END)) {
        this.buf = this.buf.subarray(END.length);
        return;
      }
      const at = this.buf.indexOf("\n\\.\n");
      if (at !== -1) {
        await sink(this.buf.subarray(0, at + 1));
        this.buf = this.buf.subarray(at + 1 + END.length);
        return;
      }
      // all complete rows but the last, which may be the start of the end line
      const lastNl = this.buf.lastIndexOf(10);
      if (lastNl !== -1) {
        await sink(this.buf.subarray(0, lastNl + 1));
        this.buf = this.buf.subarray(lastNl + 1);
      }
      if (!(await this.more())) throw new BackupError("Tệp sao lưu bị cắt cụt (thiếu dòng kết thúc bảng).");
    }
  }
}

export interface RestoreSummary {
  manifest: BackupManifest;
  rows: number;
  /** uploaded files whose content the restored database holds */
  files: number;
  /** files listed without their content (already missing where the backup was taken) */
  missingFiles: string[];
  /** files of an earlier-format backup whose bytes differ from the checksum recorded at upload (not loaded) */
  changedFiles: string[];
  /** migrations of this checkout newer than the backup, applied after the data */
  laterMigrations: string[];
}

/** Tables of the target database that hold rows (Prisma's bookkeeping aside). */
async function nonEmptyTables(c: pg.ClientBase): Promise<string[]> {
  const out: string[] = [];
  for (const t of await listTables(c)) {
    if ((await c.query(`SELECT 1 FROM ${ident(t.name)} LIMIT 1`)).rowCount) out.push(t.name);
  }
  return out;
}

async function appliedMigrations(c: pg.ClientBase): Promise<string[]> {
  const exists = (await c.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS ok`)).rows[0].ok as boolean;
  if (!exists) return [];
  return (await c.query<{ name: string }>(`SELECT migration_name AS name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`)).rows.map((r) => r.name);
}

/** Reads only the manifest of a backup file. */
export async function readManifest(file: string): Promise<BackupManifest> {
  const reader = new BackupReader(backupContent(file));
  try {
    return parseHead(await reader.line(), await reader.line());
  } finally {
    reader.close();
  }
}

function parseHead(format: string | null, json: string | null): BackupManifest {
  if (!format || !READABLE_FORMATS.includes(format) || !json) throw new BackupError("Đây không phải tệp sao lưu của cổng thông tin (sai định dạng).");
  const manifest = JSON.parse(json) as BackupManifest;
  if (manifest.format !== format || !Array.isArray(manifest.tables) || !Array.isArray(manifest.migrations)) {
    throw new BackupError("Tệp sao lưu thiếu phần mô tả (manifest) hợp lệ.");
  }
  return manifest;
}

/**
 * Restores `file` into the database at `url`, which must hold no data. The signature is checked
 * before anything is written (verifyBackup); everything else before the load commits: rows per
 * table, each table's sha256, the assessment checksums, the signature of the bytes loaded.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  opts: { key: string | null; allowUnsigned?: boolean; migrationsDir?: string },
): Promise<RestoreSummary> {
  const migrationsDir = opts.migrationsDir ?? MIGRATIONS_DIR;
  const { signed } = await verifyBackup(file, opts);
  // the file could change between the two reads: the bytes loaded are checked again
  const check = signed ? new SignatureCheck(opts.key!) : null;
  const reader = new BackupReader(backupContent(file), check);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let tempDir: string | null = null;
  try {
    const manifest = parseHead(await reader.line(), await reader.line());

    const full = await nonEmptyTables(c);
    if (full.length) {
      throw new BackupError(
        `Cơ sở dữ liệu đích không trống (${full.length} bảng có dữ liệu, ví dụ ${full.slice(0, 3).join(", ")}). ` +
          "Chỉ khôi phục vào cơ sở dữ liệu trống: tạo cơ sở dữ liệu mới (npm run db:restore -- <tệp> --into <tên>) hoặc xóa dữ liệu cũ trước.",
      );
    }
    // the schema the data was taken with: the same migrations, unchanged, none newer already here
    const known = new Map(readMigrations(migrationsDir).map((m) => [m.name, m]));
    for (const m of manifest.migrations) {
      const here = known.get(m.name);
      if (!here) throw new BackupError(`Bản sao lưu được tạo với migration ${m.name} mà mã nguồn này không có: hãy dùng phiên bản mã nguồn mới hơn.`);
      if (here.checksum !== m.checksum) throw new BackupError(`Migration ${m.name} của mã nguồn này khác với lúc sao lưu (checksum khác).`);
    }
    const backupNames = new Set(manifest.migrations.map((m) => m.name));
    const newer = (await appliedMigrations(c)).filter((n) => !backupNames.has(n));
    if (newer.length) throw new BackupError(`Cơ sở dữ liệu đích đã có migration mới hơn bản sao lưu (${newer[0]}): hãy khôi phục vào cơ sở dữ liệu trống.`);

    tempDir = mkdtempSync(join(tmpdir(), "ntm-restore-"));
    for (const m of manifest.migrations) cpSync(join(migrationsDir, m.name), join(tempDir, m.name), { recursive: true });
    await applyMigrations(url, tempDir);

    const targetTables = new Map((await listTables(c)).map((t) => [t.name, t]));
    const order = await inForeignKeyOrder(c, [...targetTables.values()]);
    const position = new Map(order.map((t, i) => [t.name, i]));

    await c.query("BEGIN");
    for (const t of targetTables.keys()) await c.query(`ALTER TABLE ${ident(t)} DISABLE TRIGGER USER`);
    let rows = 0;
    let lastPosition = -1;
    const seen = new Set<string>();
    /** the files of a backup of format 2 or 3, loaded into the database after its commit */
    const legacyUploads = join(tempDir, "uploads");
    let legacyFiles = 0;
    for (;;) {
      const line = await reader.line();
      if (line === null) throw new BackupError("Tệp sao lưu bị cắt cụt (thiếu dòng kết thúc).");
      if (line === "END-OF-BACKUP") break;
      if (line.startsWith("MISSING-FILE ")) continue; // its row, without content, says so
      if (line.startsWith("FILE ")) {
        await restoreLegacyFile(reader, JSON.parse(line.slice("FILE ".length)) as StoredFileHead, legacyUploads);
        legacyFiles++;
        continue;
      }
      const m = /^TABLE ("(?:[^"\\]|\\.)*") (\[.*\])$/.exec(line);
      if (!m) throw new BackupError("Tệp sao lưu hỏng: dòng đầu bảng không hợp lệ.");
      const name = JSON.parse(m[1]) as string;
      const columns = JSON.parse(m[2]) as string[];
      const target = targetTables.get(name);
      const expected = manifest.tables.find((t) => t.name === name);
      if (!target || !expected || seen.has(name)) throw new BackupError(`Bảng ${name} trong tệp sao lưu không có trong cơ sở dữ liệu hoặc bị lặp.`);
      if (!columns.every((col) => target.columns.includes(col))) throw new BackupError(`Bảng ${name}: cột trong tệp sao lưu không khớp với cơ sở dữ liệu.`);
      if (position.get(name)! < lastPosition) throw new BackupError(`Bảng ${name} đứng trước bảng mà nó tham chiếu: tệp sao lưu không đúng thứ tự.`);
      lastPosition = Math.max(lastPosition, position.get(name)!);
      seen.add(name);

      const copy = c.query(copyFrom(`COPY ${ident(name)} (${columns.map(ident).join(", ")}) FROM STDIN`));
      const finished = new Promise<void>((resolve, reject) => {
        copy.on("finish", resolve);
        copy.on("error", reject);
      });
      finished.catch(() => {}); // awaited below; a failure also ends the writes through once()
      const hash = createHash("sha256");
      let count = 0;
      try {
        await reader.rows(async (chunk) => {
          hash.update(chunk);
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) count++;
          if (copy.destroyed) throw copy.errored ?? new BackupError(`Bảng ${name}: PostgreSQL dừng nạp dữ liệu.`);
          if (!copy.write(chunk)) await once(copy, "drain");
        });
      } catch (err) {
        // abort the COPY (CopyFail), or the connection would wait for its end forever
        copy.destroy(err instanceof Error ? err : new Error(String(err)));
        await finished.catch(() => {});
        throw err;
      }
      copy.end();
      await finished;
      const end = /^END (\d+) ([0-9a-f]{64})$/.exec((await reader.line()) ?? "");
      if (!end || Number(end[1]) !== count || end[2] !== hash.digest("hex") || count !== expected.rows) {
        throw new BackupError(`Bảng ${name}: dữ liệu trong tệp sao lưu không khớp với tổng kiểm tra (tệp bị hỏng hoặc bị sửa).`);
      }
      rows += count;
    }
    const missing = manifest.tables.filter((t) => !seen.has(t.name));
    if (missing.length) throw new BackupError(`Tệp sao lưu thiếu dữ liệu bảng ${missing[0].name}.`);
    if (check) {
      await reader.drain();
      if (check.result() !== "valid") throw new BackupError("Tệp sao lưu đã thay đổi trong lúc khôi phục (chữ ký không khớp với dữ liệu đã nạp).");
    }
    for (const t of targetTables.keys()) await c.query(`ALTER TABLE ${ident(t)} ENABLE TRIGGER USER`);

    // sequences continue after the highest of: where they were, and the ids restored
    for (const s of manifest.sequences) {
      if (!targetTables.get(s.table)?.columns.includes(s.column)) continue;
      await c.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), GREATEST($3::bigint, (SELECT COALESCE(max(${ident(s.column)}), 0) + 1 FROM ${ident(s.table)})), false)`,
        [ident(s.table), s.column, (BigInt(s.lastValue) + (s.isCalled ? 1n : 0n)).toString()],
      );
    }
    const checksums = await assessmentChecksums(c);
    for (const [table, sum] of Object.entries(manifest.checksums)) {
      if (checksums[table] !== sum) throw new BackupError(`Tổng kiểm tra của bảng ${table} sau khi khôi phục không khớp với bản sao lưu.`);
    }
    // the triggers that tell running servers their figures changed were off, and everything
    // changed: every instance drops everything it keeps (lib/cache/shared-cache-handler.mjs)
    await c.query("SELECT pg_notify($1, $2)", [TAGS_CHANNEL, ALL_TAGS]);
    await c.query("COMMIT");
    const laterMigrations = await applyMigrations(url, migrationsDir);
    // an earlier format's files, once the schema has their table (a later migration)
    const changedFiles = legacyFiles ? (await loadUploadsFromDisk(url, legacyUploads)).changed : [];
    const missingFiles = (await filesWithoutContent(c)).filter((key) => !changedFiles.includes(key));
    const files = manifest.files ? manifest.files.count - missingFiles.length - changedFiles.length : 0;
    return { manifest, rows, files, missingFiles, changedFiles, laterMigrations };
  } catch (err) {
    await c.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    reader.close();
    await c.end();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

interface StoredFileHead {
  key: string;
  size: number;
  sha256: string;
}

/** One FILE section of a backup of format 2 or 3, checked, into the folder its files are loaded from. */
async function restoreLegacyFile(reader: BackupReader, head: StoredFileHead, dir: string): Promise<void> {
  const root = resolve(dir);
  const path = resolve(root, String(head.key));
  if (typeof head.key !== "string" || !STORAGE_KEY.test(head.key) || !path.startsWith(root + sep)) {
    throw new BackupError("Tệp sao lưu hỏng: tên tệp đính kèm không hợp lệ.");
  }
  const parts: string[] = [];
  await reader.rows(async (chunk) => {
    parts.push(chunk.toString("latin1").replace(/\n/g, ""));
  });
  const bytes = Buffer.from(parts.join(""), "base64");
  const end = /^END-FILE ([0-9a-f]{64})$/.exec((await reader.line()) ?? "");
  const sha = createHash("sha256").update(bytes).digest("hex");
  if (!end || end[1] !== sha) throw new BackupError(`Tệp đính kèm ${head.key} trong bản sao lưu không khớp với tổng kiểm tra (tệp bị hỏng hoặc bị sửa).`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes, { mode: 0o600 });
}
