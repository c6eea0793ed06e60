// dashboard-national, dashboard-province, stats-api, sql-floor: the leadership dashboard pages
// and the open data API at national scale over HTTP (warm, sequential, ≥ 30 requests), and the
// database's own floor for the same figures — the aggregates as one bare SQL query over the
// assessments — so page time reads as a ratio to it. The pages are timed twice: as leaders meet
// them, the figures kept by the server (lib/cache/shared-cache-handler.mjs), and each just after a
// change of the data (`changed_*`: the server is told of a commit first, so it reads every figure).
// Targets (issue): national p50 ≤ 150 ms, province p50 ≤ 40 ms, stats API p50 ≤ 20 ms, page ≤ 3× floor.
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { FIGURES_CHANNEL } from "../lib/cache/shared-cache-handler.mjs";
import { latencyFigures, percentile, round } from "./lib/stats.ts";
import { startApp, timeGets } from "./lib/next-server.ts";
import { signIn } from "../scripts/lib/sign-in.ts";
import type { Benchmark, BenchContext } from "./lib/types.ts";

const YEAR = 2025;
const N = 40;
const WARMUP = 8;
const PASSWORD = "NongThonMoi@2026";

/** What the national dashboard shows, computed from the assessments with no summary table. */
const FLOOR_SQL = `
  SELECT u."provinceId", count(*) AS assessed, sum(a."reachedStandard"::int) AS reached,
         sum((a.status = 'CONFIRMED')::int) AS confirmed, sum(a."criteriaMet") AS criteria,
         sum((a."criteriaMet" = a."criteriaTotal")::int) AS b0,
         sum((a."criteriaMet" BETWEEN 15 AND 18)::int) AS b1, sum((a."criteriaMet" BETWEEN 10 AND 14)::int) AS b2,
         sum((a."criteriaMet" BETWEEN 5 AND 9)::int) AS b3, sum((a."criteriaMet" < 5)::int) AS b4
  FROM "Assessment" a JOIN "AdminUnit" u ON u.id = a."unitId"
  WHERE a.year = $1 AND u.level = 'COMMUNE'
  GROUP BY ROLLUP (u."provinceId")`;

async function sqlFloor(ctx: BenchContext): Promise<number[]> {
  const client = new pg.Client({ connectionString: ctx.url });
  await client.connect();
  const samples: number[] = [];
  try {
    for (let i = 0; i < WARMUP + N; i++) {
      const start = performance.now();
      await client.query(FLOOR_SQL, [YEAR]);
      if (i >= WARMUP) samples.push(performance.now() - start);
    }
  } finally {
    await client.end();
  }
  return samples;
}

async function pageBench(ctx: BenchContext, path: (app: { baseUrl: string }) => Promise<string>, withFloor: boolean) {
  const app = await startApp(ctx);
  const notify = new pg.Client({ connectionString: ctx.url });
  await notify.connect();
  try {
    const cookie = await signIn(app.baseUrl, "lanhdao@ntm.demo", PASSWORD);
    const url = `${app.baseUrl}${await path(app)}`;
    const { samples, errors } = await timeGets(url, { n: N, warmup: WARMUP, cookie });
    // as after a commit anywhere: the notification the migration's triggers send, then time to deliver it
    const changed = await timeGets(url, { n: N / 2, warmup: 2, cookie, before: async () => void (await notify.query("SELECT pg_notify($1, '')", [FIGURES_CHANNEL]), await sleep(30)) });
    const figures: Record<string, number> = { ...latencyFigures(samples), changed_p50_ms: round(percentile(changed.samples, 50)), changed_p95_ms: round(percentile(changed.samples, 95)), errors: errors + changed.errors };
    if (withFloor) {
      const floor = percentile(await sqlFloor(ctx), 50);
      figures.floor_ms = round(floor);
      figures.ratio = round(percentile(samples, 50) / floor, 2);
      figures.changed_ratio = round(percentile(changed.samples, 50) / floor, 2);
    }
    return figures;
  } finally {
    await notify.end();
    await app.stop();
  }
}

async function provinceId(ctx: BenchContext, code: string): Promise<number> {
  const client = new pg.Client({ connectionString: ctx.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(`SELECT id FROM "AdminUnit" WHERE level = 'PROVINCE' AND code = $1 AND "validTo" IS NULL`, [code]);
    return rows[0].id;
  } finally {
    await client.end();
  }
}

export const dashboardNational: Benchmark = {
  name: "dashboard-national",
  description: "GET /quan-ly/tong-quan (national, 2025) as a leader: server render over loopback, warm",
  targets: { p50_ms: 150, ratio: 3 },
  run: (ctx) => pageBench(ctx, async () => `/quan-ly/tong-quan?nam=${YEAR}`, true),
};

export const dashboardProvince: Benchmark = {
  name: "dashboard-province",
  description: "GET /quan-ly/tong-quan?tinh=<Thái Nguyên> (2025) as a leader: server render over loopback, warm",
  targets: { p50_ms: 40 },
  run: async (ctx) => {
    const id = await provinceId(ctx, "19");
    return pageBench(ctx, async () => `/quan-ly/tong-quan?nam=${YEAR}&tinh=${id}`, false);
  },
};

export const statsApi: Benchmark = {
  name: "stats-api",
  description: "GET /api/v1/thong-ke?nam=2025&den-ngay=2025-06-30 (nation) and &tinh=19, then as at two other days: over loopback, warm",
  targets: { p50_ms: 20 },
  run: async (ctx) => {
    const app = await startApp(ctx);
    try {
      // the figures of a reporting day (titles in force, reports confirmed by then), as the offices ask
      const a = await timeGets(`${app.baseUrl}/api/v1/thong-ke?nam=${YEAR}&den-ngay=${YEAR}-06-30`, { n: N / 4, warmup: WARMUP });
      const b = await timeGets(`${app.baseUrl}/api/v1/thong-ke?nam=${YEAR}&tinh=19&den-ngay=${YEAR}-06-30`, { n: N / 4, warmup: WARMUP });
      const c = await timeGets(`${app.baseUrl}/api/v1/thong-ke?nam=2020&den-ngay=2020-06-30`, { n: N / 4, warmup: WARMUP });
      const d = await timeGets(`${app.baseUrl}/api/v1/thong-ke?nam=2020&tinh=19&den-ngay=2020-12-31`, { n: N / 4, warmup: WARMUP });
      return { ...latencyFigures([...a.samples, ...b.samples, ...c.samples, ...d.samples]), errors: a.errors + b.errors + c.errors + d.errors };
    } finally {
      await app.stop();
    }
  },
};

export const sqlFloorBench: Benchmark = {
  name: "sql-floor",
  description: "the national dashboard's aggregates as one bare SQL query over the assessments (no summary table)",
  run: async (ctx) => latencyFigures(await sqlFloor(ctx)),
};
