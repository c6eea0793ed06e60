// criterion-save: server time of saving one criterion with its indicators and audit row —
// saveCriterion (validation, authorisation, transaction, audit), called in-process as the server
// action does after parsing — on the national demo scale. Target (issue): p50 ≤ 30 ms, p95 ≤ 80 ms.
import { saveCriterion } from "@/lib/assessments/service";
import type { TSaveCriterion } from "@/lib/assessments/schemas";
import { communeSetCodeForYear } from "@/lib/criteria/rules";
import { db } from "@/lib/db";
import { findUserByEmail, loadViewer } from "@/lib/users/queries";
import { createRandom, type Random } from "../prisma/seed/sql.ts";
import { installQueryProfiler } from "./lib/query-profile.ts";
import { latencyFigures, timed } from "./lib/stats.ts";
import type { Benchmark } from "./lib/types.ts";

const YEAR = 2025;
const COMMUNES = 50;
const WARMUP = 30;
const SAVES = 300;

interface IndicatorSpec {
  id: number;
  kind: "NUMBER" | "PERCENT" | "BOOLEAN";
  threshold: number | null;
}

/** Values around the threshold (so statuses change), typed as the form sends them: "85,5", "true". */
function formValues(indicators: IndicatorSpec[], rng: Random): Record<string, string> {
  const values: Record<string, string> = {};
  for (const ind of indicators) {
    if (ind.kind === "BOOLEAN") {
      values[ind.id] = rng.chance(0.85) ? "true" : "false";
      continue;
    }
    let v = (ind.threshold ?? 50) * (0.8 + rng.next() * 0.4);
    if (ind.kind === "PERCENT") v = Math.min(100, v);
    values[ind.id] = v.toFixed(1).replace(".", ",");
  }
  return values;
}

export const criterionSave: Benchmark = {
  name: "criterion-save",
  description: "saveCriterion in-process (validation, authorisation, transaction, audit) on 2025 DRAFT communes",
  targets: { p50_ms: 30, p95_ms: 80 },
  async run(ctx) {
    const profiler = ctx.profile ? installQueryProfiler(ctx.url) : null;
    const admin = await findUserByEmail("admin@ntm.demo");
    if (!admin) throw new Error("no demo account admin@ntm.demo");
    const viewer = await loadViewer(admin.id, admin.sessionVersion);
    if (!viewer) throw new Error("admin@ntm.demo cannot sign in");

    const set = await db.criteriaSet.findUniqueOrThrow({
      where: { code: communeSetCodeForYear(YEAR) },
      include: { criteria: { orderBy: { number: "asc" }, include: { indicators: { orderBy: { sortOrder: "asc" }, include: { thresholds: true } } } } },
    });
    const criteria = set.criteria.map((c) => ({
      id: c.id,
      indicators: c.indicators.map((i): IndicatorSpec => {
        const general = i.thresholds.find((t) => t.region === null && t.communeGroup === null && t.provinceId === null) ?? i.thresholds[0];
        return { id: i.id, kind: i.kind, threshold: general?.value == null ? null : Number(general.value) };
      }),
    }));

    // 2025 dossiers still open for entry, spread over the country (every k-th by commune code)
    const open = await db.$queryRaw<{ communeId: number; assessmentId: number }[]>`
      SELECT a."unitId" AS "communeId", a.id AS "assessmentId"
        FROM "Assessment" a JOIN "AdminUnit" u ON u.id = a."unitId"
       WHERE a.year = ${YEAR} AND a."setId" = ${set.id} AND a.status = 'DRAFT' AND u.type = 'XA'
       ORDER BY u.code`;
    if (open.length === 0) throw new Error("no 2025 assessment in DRAFT");
    const step = Math.max(1, Math.floor(open.length / COMMUNES));
    const communes = open.filter((_, i) => i % step === 0).slice(0, COMMUNES);

    const rng = createRandom(20250101);
    const samples: number[] = [];
    let errors = 0;
    for (let i = 0; i < WARMUP + SAVES; i++) {
      if (i === WARMUP) profiler?.start();
      const commune = communes[i % communes.length];
      // 7 is prime to the 19 criteria: successive saves visit every criterion of every commune
      const criterion = criteria[(i * 7) % criteria.length];
      const current = await db.criterionResult.findUnique({
        where: { assessmentId_criterionId: { assessmentId: commune.assessmentId, criterionId: criterion.id } },
        select: { version: true },
      });
      const input: TSaveCriterion = {
        communeId: commune.communeId,
        year: YEAR,
        criterionId: criterion.id,
        version: current?.version ?? 0,
        values: formValues(criterion.indicators, rng),
        evidenceNote: i % 3 === 0 ? `Biên bản kiểm tra số ${i}/BB-UBND (đo hiệu năng)` : "",
        overrideStatus: "",
        overrideReason: "",
      };
      try {
        const { ms } = await timed(() => saveCriterion(viewer, input));
        if (i >= WARMUP) samples.push(ms);
      } catch (err) {
        errors++;
        if (errors <= 3) ctx.log(`criterion-save: save ${i} failed: ${err instanceof Error ? err.message : err}`);
      }
    }
    profiler?.report(samples.length, ctx.log);
    ctx.log(`criterion-save: ${SAVES} saves after ${WARMUP} warm-up saves over ${communes.length} communes of ${open.length} open 2025 dossiers`);
    const { p50_ms, p95_ms, n } = latencyFigures(samples);
    return { p50_ms, p95_ms, errors, n };
  },
};
