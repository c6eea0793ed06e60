// npm run demo:national — DEMO assessments 2019–2025 (every indicator) for every xã, each year on
// the xã of that year (8,800 at the end of 2019, 7,692 in 2025; prisma/seed.ts
// loadDemoCommunesByYear): the national scale the dashboards and benchmarks are measured at. Runs on the
// database of `npm start` (or DATABASE_URL), seeding it first when empty. Communes that already
// have assessments (the five provinces of the normal seed, anything entered by hand) are skipped,
// so it can be re-run. One transaction: a failure leaves nothing behind. Values are deterministic
// (the generator of prisma/seed/demo-assessments.ts, keyed by commune code).
import { pathToFileURL } from "node:url";
import pg from "pg";
import { DEMO_YEARS, loadDemoCommunesByYear } from "../prisma/seed.ts";
import { loadSeededSets, seedDemoAssessments } from "../prisma/seed/demo-assessments.ts";
import { openDatabase } from "./lib/runtime.ts";
import { setUpDatabase } from "./lib/setup-lock.ts";

export interface NationalDemoSummary {
  communes: number;
  skipped: number;
  assessments: number;
  criterionResults: number;
  indicatorValues: number;
  seconds: number;
}

/** Serialises concurrent runs: the second one waits, then finds the communes already filled. */
const LOCK_ID = 72707370;

/**
 * Adds the national demo assessments in ONE transaction on a migrated, seeded database, then
 * runs ANALYZE so the planner sees the new volume at once.
 */
export async function seedNationalDemo(url: string): Promise<NationalDemoSummary> {
  const started = Date.now();
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  try {
    await sql.query("BEGIN");
    await sql.query("SELECT pg_advisory_xact_lock($1)", [LOCK_ID]);
    const site = await sql.query<{ isDemo: boolean | null }>(`SELECT (value->>'isDemo')::boolean AS "isDemo" FROM "SiteSetting" WHERE key = 'site'`);
    if (site.rows[0]?.isDemo === false) {
      throw new Error("Cơ sở dữ liệu này được nạp không kèm dữ liệu mẫu (--no-demo): không thêm dữ liệu mẫu toàn quốc.");
    }
    const sets = await loadSeededSets(sql);
    const communes = await loadDemoCommunesByYear(sql, null, DEMO_YEARS);
    const unitIds = (c: (typeof communes)[number]) => [...c.years!.values()].map((u) => u.id);
    const filledUnits = new Set(
      (await sql.query<{ unitId: number }>(`SELECT DISTINCT "unitId" FROM "Assessment" WHERE "unitId" = ANY($1)`, [communes.flatMap(unitIds)]))
        .rows.map((r) => r.unitId),
    );
    // a commune with any year filled (the five provinces of the normal seed, hand entries) is skipped
    const filled = new Set(communes.filter((c) => unitIds(c).some((id) => filledUnits.has(id))).map((c) => c.code));
    const todo = communes.filter((c) => !filled.has(c.code));
    const counts = await seedDemoAssessments(sql, sets, todo, { years: DEMO_YEARS, currentYear: 2025 });
    await sql.query("COMMIT");
    if (counts.assessments > 0) await sql.query("ANALYZE");
    return { communes: todo.length, skipped: filled.size, ...counts, seconds: (Date.now() - started) / 1000 };
  } catch (err) {
    await sql.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await sql.end();
  }
}

async function main() {
  const db = await openDatabase();
  try {
    // as npm start does, under the same setup lock (each year's communes need the units of that year)
    const { seeded } = await setUpDatabase(db.url, { seed: { demo: true }, log: (m) => console.log(m) });
    if (seeded) console.log(`  xong trong ${seeded.seconds.toFixed(1)} giây.`);
    console.log(`Thêm dữ liệu mẫu ${DEMO_YEARS[0]}–${DEMO_YEARS.at(-1)} cho mọi xã (mỗi năm theo đơn vị hành chính của năm đó)…`);
    const s = await seedNationalDemo(db.url);
    const n = (v: number) => v.toLocaleString("vi-VN");
    console.log(
      `Đã thêm ${n(s.assessments)} kết quả đánh giá, ${n(s.criterionResults)} kết quả tiêu chí, ${n(s.indicatorValues)} giá trị chỉ tiêu ` +
        `cho ${n(s.communes)} xã (bỏ qua ${n(s.skipped)} xã đã có đánh giá) trong ${s.seconds.toFixed(1)} giây.`,
    );
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
