// The dashboards' figure cache (lib/dashboard/figure-cache.ts) on the real database: figures are
// kept while nothing changes, and dropped by the commit of a change to the tables they come
// from (the ntm_figures notification), by a write the server handles, and while the server is
// not listening. Never by a change that is rolled back.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { summaryFigures } from "@/lib/dashboard/queries";
import { cachedFigures, startFigureCache, type FigureCache } from "@/lib/dashboard/figure-cache";
import { putAssessment } from "./helpers";

// a year without demo data, as the dashboard fixture uses, on one commune
const YEAR = 2017;
let communeId: number;
let cache: FigureCache;
let computes = 0;
const reached = () =>
  cachedFigures(`test ${YEAR}`, async () => {
    computes++;
    return (await summaryFigures(YEAR, {})).communesReached;
  });

const WAIT = { timeout: 5_000, interval: 20 };

/** the cache is dropped when the next read computes again */
async function recomputed(): Promise<number> {
  const before = computes;
  return vi.waitFor(async () => {
    const value = await reached();
    expect(computes, "the figures recomputed").toBeGreaterThan(before);
    return value;
  }, WAIT);
}

beforeAll(async () => {
  const commune = await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", type: "XA", validTo: { not: null } }, orderBy: { code: "asc" } });
  communeId = commune.id;
  await putAssessment({ unitId: communeId, year: YEAR, status: "DRAFT", results: "all-met" });
});

afterAll(async () => {
  await cache?.stop();
  await db.assessment.deleteMany({ where: { year: YEAR } });
});

/** The modules the dashboards' figures are read by (components/dashboard/dashboard-view.tsx). */
const FIGURE_MODULES = ["lib/dashboard/queries.ts", "lib/capital/queries.ts", "lib/ocop/queries.ts", "lib/plans/queries.ts", "lib/surveys/queries.ts"];

describe("figure cache", () => {
  it("is told of a change to every table the dashboards' query modules read", async () => {
    const models = new Set([...readFileSync("prisma/schema.prisma", "utf8").matchAll(/^model (\w+)/gm)].map((m) => m[1]));
    const read = new Set<string>();
    for (const file of FIGURE_MODULES) {
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(/"([A-Z][A-Za-z]+)"/g)) if (models.has(m[1])) read.add(m[1]);
      for (const m of source.matchAll(/\b(?:db|tx)\.(\w+)\./g)) {
        const model = m[1][0].toUpperCase() + m[1].slice(1);
        if (models.has(model)) read.add(model);
      }
    }
    const rows = await db.$queryRaw<{ table: string }[]>`
      SELECT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'ntm_figures_changed'`;
    const told = new Set(rows.map((r) => r.table));
    expect(read.size).toBeGreaterThan(10);
    expect([...read].filter((t) => !told.has(t))).toEqual([]);
  });

  it("computes every time where the server has not started it (tests, scripts, next dev)", async () => {
    const before = computes;
    await reached();
    await reached();
    expect(computes - before).toBe(2);
  });

  it("keeps figures once listening, and concurrent readers share one computation", async () => {
    cache = startFigureCache(process.env.DATABASE_URL!, () => undefined);
    await vi.waitFor(() => expect(cache.listening, "listening").toBe(true), WAIT);
    await reached();
    const before = computes;
    const values = await Promise.all([reached(), reached(), reached()]);
    expect(computes).toBe(before);
    expect(new Set(values).size).toBe(1);
  });

  it("drops them when a change to an assessment commits: the next read has the new figure", async () => {
    const was = await reached();
    await putAssessment({ unitId: communeId, year: YEAR, status: "DRAFT", results: Array.from({ length: 19 }, (_, i) => (i === 0 ? "NOT_MET" : "MET")) });
    expect(await recomputed()).toBe(was - 1);
  });

  it("keeps them through a change that is rolled back", async () => {
    await reached();
    const before = computes;
    await db
      .$transaction(async (tx) => {
        await tx.assessment.updateMany({ where: { unitId: communeId, year: YEAR }, data: { criteriaMet: 19, reachedStandard: true } });
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    // a notification, were one sent, arrives within milliseconds on this machine
    await new Promise((r) => setTimeout(r, 300));
    await reached();
    expect(computes).toBe(before);
  });

  it("does not keep a failure", async () => {
    const failing = () => cachedFigures("test failing", async () => Promise.reject(new Error("boom")));
    await expect(failing()).rejects.toThrow("boom");
    let ran = false;
    await expect(cachedFigures("test failing", async () => ((ran = true), 1))).resolves.toBe(1);
    expect(ran).toBe(true);
  });

  it("keeps nothing while its connection is lost, and keeps again once it listens again", async () => {
    await reached();
    await db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ntm-figure-cache' AND datname = current_database()`;
    await vi.waitFor(() => expect(cache.listening, "the lost connection noticed").toBe(false), WAIT);
    const before = computes;
    await reached();
    await reached();
    expect(computes).toBe(before + 2);
    await vi.waitFor(() => expect(cache.listening, "listening again").toBe(true), WAIT);
    await reached();
    const after = computes;
    await reached();
    expect(computes).toBe(after);
  });
});
