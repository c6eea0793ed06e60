// BENCH_PROFILE=1: where the application's time goes, query by query. Installs, before the
// application's first database call, a Prisma client that emits query events in place of the
// one lib/db.ts would create (it keeps whichever client globalThis.prisma holds).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { round } from "./stats.ts";

interface QueryStat {
  count: number;
  totalMs: number;
}

export function installQueryProfiler(url: string) {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10) }),
    log: [{ emit: "event", level: "query" }],
  });
  (globalThis as unknown as { prisma?: unknown }).prisma = client;
  const stats = new Map<string, QueryStat>();
  let recording = false;
  client.$on("query", (e) => {
    if (!recording) return;
    const key = e.query.replace(/\s+/g, " ").slice(0, 160);
    const s = stats.get(key) ?? { count: 0, totalMs: 0 };
    s.count++;
    s.totalMs += Number(e.duration);
    stats.set(key, s);
  });
  return {
    start() {
      stats.clear();
      recording = true;
    },
    /** per operation (e.g. per save): each query's mean time and count, slowest first */
    report(operations: number, log: (m: string) => void) {
      recording = false;
      const rows = [...stats.entries()].sort((a, b) => b[1].totalMs - a[1].totalMs);
      const sqlMs = rows.reduce((s, [, v]) => s + v.totalMs, 0) / operations;
      const count = rows.reduce((s, [, v]) => s + v.count, 0) / operations;
      log(`profile: ${round(count)} queries, ${round(sqlMs, 2)} ms in SQL per operation (as Prisma measures them)`);
      for (const [query, v] of rows) {
        log(`  ${String(round(v.totalMs / operations, 2)).padStart(6)} ms  ×${round(v.count / operations, 2)}  ${query}`);
      }
    },
  };
}
