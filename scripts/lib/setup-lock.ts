// Preparing a database — migrations, the units history, the seed of an empty database — under
// ONE PostgreSQL advisory lock, held by every command that does it (npm start, npm run
// start:prod, db:migrate, db:seed, user:create-admin). Two instances starting at once on an
// empty database both come up: the second waits for the first, then finds the database migrated
// and seeded and skips. Without it both would see the database empty and seed it twice (the
// second seed fails on the first one's rows, and that instance does not start).
import pg from "pg";
import { legacyUploadDir } from "./data-dir.ts";
import { applyMigrations } from "./migrations.ts";
import { loadUploadsFromDisk } from "./uploads-to-database.ts";
import { isDatabaseEmpty, seedDatabase, type SeedSummary } from "../../prisma/seed.ts";
import { ensureUnitsHistory } from "../../prisma/seed/units-history.ts";

/**
 * The advisory lock key of database setup. Beside it: 72707369 is Prisma's own migration lock
 * (taken inside, by applyMigrations), 72707370 the national demo, 72707371 the units history
 * (taken inside, by ensureUnitsHistory). Always taken first, so the order never deadlocks.
 */
export const SETUP_LOCK_KEY = 72707372;

/**
 * Runs `fn` while holding the setup lock on the database of `url` (a session lock on a connection
 * of its own, released when `fn` ends or the process dies). `onWait` is called once when another
 * process holds it.
 */
export async function withSetupLock<T>(url: string, fn: () => Promise<T>, opts: { onWait?: () => void } = {}): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [SETUP_LOCK_KEY]);
    if (!rows[0].locked) {
      opts.onWait?.();
      await client.query("SELECT pg_advisory_lock($1)", [SETUP_LOCK_KEY]);
    }
    try {
      return await fn();
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [SETUP_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}

export interface SetupOptions {
  /** apply pending migrations and bring in the units history (default true) */
  migrate?: boolean;
  /** seed the database when it is empty: with demo data or without (null: never seed) */
  seed: { demo: boolean } | null;
  log?: (message: string) => void;
}

export interface SetupResult {
  /** the migrations this call applied */
  applied: string[];
  /** the seed this call ran; null when the database had data (or seeding was not asked) */
  seeded: SeedSummary | null;
}

/** Migrates and (when asked and the database is empty) seeds the database of `url`, under the setup lock. */
export async function setUpDatabase(url: string, opts: SetupOptions): Promise<SetupResult> {
  const log = opts.log ?? (() => {});
  return withSetupLock(
    url,
    async () => {
      const applied = opts.migrate === false ? [] : await applyMigrations(url);
      if (applied.length) log(`Đã áp dụng ${applied.length} migration: ${applied.join(", ")}.`);
      if (opts.migrate !== false) {
        await ensureUnitsHistory(url, log); // units 2015–2025 into a database seeded before them
        await loadLegacyUploads(url, log); // files of an installation that kept them on disk
      }
      let seeded: SeedSummary | null = null;
      if (opts.seed && (await isDatabaseEmpty(url))) {
        log(
          opts.seed.demo
            ? "Cơ sở dữ liệu trống: nạp đơn vị hành chính, bộ tiêu chí, tin bài và dữ liệu mẫu…"
            : "Cơ sở dữ liệu trống: nạp đơn vị hành chính, bộ tiêu chí, ngưỡng, tin bài và văn bản (không có dữ liệu mẫu, không có tài khoản)…",
        );
        seeded = await seedDatabase(url, { demo: opts.seed.demo, log: (m) => log(`  ${m}`) });
      }
      return { applied, seeded };
    },
    { onWait: () => log("Một tiến trình khác đang chuẩn bị cơ sở dữ liệu: chờ tiến trình đó xong…") },
  );
}

/** Loads the files an earlier version kept in the upload folder into the database, and says so. */
async function loadLegacyUploads(url: string, log: (message: string) => void): Promise<void> {
  const dir = legacyUploadDir();
  const r = await loadUploadsFromDisk(url, dir);
  if (r.loaded) log(`Đã nạp ${r.loaded} tệp đính kèm từ ${dir} vào cơ sở dữ liệu (có thể xóa thư mục này khi đã sao lưu).`);
  if (r.changed.length) log(`Cảnh báo: ${r.changed.length} tệp trong ${dir} khác với tổng kiểm tra lúc tải lên, không nạp: ${r.changed.slice(0, 3).join(", ")}.`);
  if (r.missing.length) log(`Cảnh báo: ${r.missing.length} tệp đính kèm không có nội dung trong cơ sở dữ liệu và không có trong ${dir}: ${r.missing.slice(0, 3).join(", ")}.`);
}
