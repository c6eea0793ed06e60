// import-province and import-national: the Excel import of issue 6 end to end, in-process — read
// the .xlsx (exceljs), check every cell, plan against the stored dossiers, write in one
// transaction with the audit rows — on the national demo scale (2025, every indicator).
// The files are the portal's own export of the unit with every numeric value moved and every
// yes/no answer of one commune in three flipped. Most 2025 demo dossiers are already submitted
// or recognised (locked: listed, never written), so the benchmark first reopens every 2025
// dossier of its own database copy: every row is written, the worst case. Targets (issue): province ≤ 3 s,
// nation ≤ 60 s with steady memory (peak RSS is sampled every 50 ms and printed).
import { db } from "@/lib/db";
import { importAssessments } from "@/lib/imports/service";
import { assessmentGrid, gridToXlsx, type SheetGrid } from "@/lib/imports/template";
import { problemCount } from "@/lib/imports/report";
import { findUserByEmail, loadViewer } from "@/lib/users/queries";
import type { Viewer } from "@/lib/authz";
import { createRandom } from "../prisma/seed/sql.ts";
import { round, timed } from "./lib/stats.ts";
import type { Benchmark, BenchContext } from "./lib/types.ts";

const YEAR = 2025;

/** Every 2025 dossier back to DRAFT, so the import writes every row (this benchmark's copy only). */
async function reopenAll(): Promise<void> {
  await db.$executeRaw`UPDATE "Assessment" SET status = 'DRAFT' WHERE year = ${YEAR} AND status <> 'DRAFT'`;
}

async function adminViewer(): Promise<Viewer> {
  const admin = await findUserByEmail("admin@ntm.demo");
  const viewer = admin ? await loadViewer(admin.id, admin.sessionVersion) : null;
  if (!viewer) throw new Error("no demo account admin@ntm.demo");
  return viewer;
}

/** Every value changed (deterministically), criterion status columns left blank. */
function edited(grid: SheetGrid, seed: number): SheetGrid {
  const rng = createRandom(seed);
  const rows = grid.rows.map((row) =>
    row.map((cell, i) => {
      const kind = grid.kinds[i];
      if (kind === "status") return null;
      if (kind === "yesno") return rng.chance(0.33) ? (cell === "Đạt" ? "Không đạt" : "Đạt") : cell;
      if ((kind === "percent" || kind === "number") && i >= 5) {
        const base = typeof cell === "number" ? cell : 50;
        const v = Math.round(base * (0.9 + rng.next() * 0.2) * 100) / 100;
        return kind === "percent" ? Math.min(100, v) : v;
      }
      return cell;
    }),
  );
  return { ...grid, rows };
}

/** Peak resident memory while `fn` runs, sampled every 50 ms. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number; startMb: number }> {
  const startMb = process.memoryUsage().rss / 2 ** 20;
  let peak = startMb;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / 2 ** 20)), 50);
  try {
    const value = await fn();
    return { value, peakMb: Math.max(peak, process.memoryUsage().rss / 2 ** 20), startMb };
  } finally {
    clearInterval(timer);
  }
}

async function runImport(ctx: BenchContext, label: string, viewer: Viewer, file: Buffer, name: string) {
  const { value, peakMb, startMb } = await withPeakRss(() => timed(() => importAssessments(viewer, { name, bytes: file }, { dryRun: false })));
  const report = value.value;
  if (problemCount(report) > 0 || !report.applied) throw new Error(`${label}: import refused: ${report.problems[0]?.message}`);
  ctx.log(
    `${label}: ${report.rows} rows, ${report.cells.changed + report.cells.new} cells written to ${report.assessments.changed + report.assessments.created} dossiers, ${report.assessments.locked} locked, ${(file.length / 2 ** 20).toFixed(1)} MB file, ${Math.round(value.ms)} ms`,
  );
  return { seconds: value.ms / 1000, rows: report.rows, cells: report.cells.changed + report.cells.new, peakMb, startMb };
}

export const importProvince: Benchmark = {
  name: "import-province",
  description: "import of a province's 2025 .xlsx (~150 xã, every indicator), applied; 3 runs",
  targets: { median_s: 3 },
  async run(ctx) {
    const viewer = await adminViewer();
    await reopenAll();
    // the province of 2025 whose number of xã is closest to 150
    const [province] = await db.$queryRaw<{ id: number; name: string; n: number }[]>`
      SELECT p.id, p.name, count(*)::int AS n FROM "AdminUnit" c JOIN "AdminUnit" p ON p.id = c."provinceId"
       WHERE c.level = 'COMMUNE' AND c.type = 'XA' AND c."validFrom" <= '2025-06-30' AND (c."validTo" IS NULL OR c."validTo" > '2025-06-30')
       GROUP BY p.id, p.name ORDER BY abs(count(*) - 150), p.id LIMIT 1`;
    const grid = await assessmentGrid(viewer, province.id, YEAR);
    const runs: Awaited<ReturnType<typeof runImport>>[] = [];
    for (let i = 0; i < 3; i++) {
      const file = await gridToXlsx(edited(grid, 100 + i));
      runs.push(await runImport(ctx, `import-province ${province.name}`, viewer, file, `bench-${province.id}-${i}.xlsx`));
    }
    const seconds = runs.map((r) => r.seconds).sort((a, b) => a - b);
    return { median_s: round(seconds[1], 2), max_s: round(seconds[2], 2), rows: runs[0].rows, cells: runs[0].cells, errors: 0 };
  },
};

export const importNational: Benchmark = {
  name: "import-national",
  description: "import of the whole nation's 2025 .xlsx (every xã, every indicator), applied once",
  targets: { seconds: 60 },
  async run(ctx) {
    const viewer = await adminViewer();
    await reopenAll();
    const grid = await assessmentGrid(viewer, null, YEAR);
    const file = await gridToXlsx(edited(grid, 7));
    const r = await runImport(ctx, "import-national", viewer, file, "bench-national.xlsx");
    return { seconds: round(r.seconds, 1), rows: r.rows, cells: r.cells, peak_rss_mb: Math.round(r.peakMb), start_rss_mb: Math.round(r.startMb), file_mb: round(file.length / 2 ** 20, 1), errors: 0 };
  },
};
