// The portal's shared cache (lib/cache/shared-cache-handler.mjs) on the real database, with two
// caches playing two server instances on one PostgreSQL: an expiration on one reaches the other
// within 2 s; a commit that changes the tables the figures come from expires "figures" on both
// (never a rollback); nothing is kept while a cache does not listen, nor beyond an entry's life.
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ALL_TAGS, FIGURES_TAG, SharedTagCache, TAGS_CHANNEL } from "@/lib/cache/shared-cache-handler.mjs";
import { putAssessment } from "./helpers";

const YEAR = 2017; // a year without demo data
const WAIT = { timeout: 5_000, interval: 10 };
const url = process.env.DATABASE_URL!;
let communeId: number;
let a: SharedTagCache;
let b: SharedTagCache;

const listening = async (...caches: SharedTagCache[]) => vi.waitFor(() => caches.forEach((c) => expect(c.listening, "listening").toBe(true)), WAIT);

/** A read as Next makes it: a miss first (the time the read starts), then the value. */
function fill(cache: SharedTagCache, key: string, value: unknown, tags: string[], lifeSeconds = 60) {
  expect(cache.get(key, tags)).toBeUndefined();
  cache.set(key, value, { tags, lifeSeconds });
}

beforeAll(async () => {
  communeId = (await db.adminUnit.findFirstOrThrow({ where: { level: "COMMUNE", type: "XA", validTo: { not: null } }, orderBy: { code: "asc" } })).id;
  a = new SharedTagCache({ databaseUrl: url });
  b = new SharedTagCache({ databaseUrl: url });
  await listening(a, b);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db.assessment.deleteMany({ where: { year: YEAR } });
});

describe("shared cache", () => {
  it("is told of a commit to every table a figures read reads", async () => {
    const models = new Set([...readFileSync("prisma/schema.prisma", "utf8").matchAll(/^model (\w+)/gm)].map((m) => m[1]));
    const modules = (readdirSync("lib", { recursive: true }) as string[]).map((f) => `lib/${f}`).filter((f) => f.endsWith(".ts") && /figuresRead\("/.test(readFileSync(f, "utf8")));
    expect(modules.length).toBeGreaterThanOrEqual(6);
    const read = new Set<string>();
    for (const file of modules) {
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

  it("keeps nothing without a database to listen to (next build, next dev, tests, scripts)", () => {
    const none = new SharedTagCache();
    none.get("k");
    none.set("k", 1, { lifeSeconds: 60 });
    expect(none.get("k")).toBeUndefined();
  });

  it("keeps an entry until a tag it carries expires on another instance: heard within 2 s", async () => {
    fill(a, "article", "old title", ["articles", "article:x"]);
    expect(a.get("article", [])?.value).toBe("old title");
    const start = performance.now();
    await b.expire(["article:x"]);
    await vi.waitFor(() => expect(a.get("article", []), "expired on A").toBeUndefined(), WAIT);
    const heardMs = performance.now() - start;
    expect(heardMs).toBeLessThan(2_000);
    console.log(`expiration heard by the other instance in ${heardMs.toFixed(1)} ms`);
  });

  it("checks the reader's tags too (the page's own tags, which revalidatePath expires)", async () => {
    fill(b, "list", [1, 2], ["articles"]);
    await a.expire(["_N_T_/tin-tuc/layout"]);
    await vi.waitFor(() => expect(b.get("list", ["_N_T_/tin-tuc/layout"])).toBeUndefined(), WAIT);
  });

  it("does not keep a value read before an expiration it has heard of", async () => {
    expect(a.get("race", ["notices"])).toBeUndefined(); // the read starts
    await b.expire(["notices"]); // a write commits meanwhile
    await vi.waitFor(() => expect(a.get("probe", ["notices"])).toBeUndefined(), WAIT);
    await new Promise((r) => setTimeout(r, 50));
    a.set("race", "read before the write", { tags: ["notices"], lifeSeconds: 60 });
    expect(a.get("race", ["notices"])).toBeUndefined();
  });

  it("drops figures on both instances when a change to an assessment commits, not when it rolls back", async () => {
    fill(a, "figures a", 1, [FIGURES_TAG]);
    fill(b, "figures b", 1, [FIGURES_TAG]);
    await db
      .$transaction(async (tx) => {
        await tx.assessment.updateMany({ where: { year: YEAR }, data: { criteriaMet: 19 } });
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300)); // a notification, were one sent, arrives in milliseconds
    expect(a.get("figures a")?.value).toBe(1);
    await putAssessment({ unitId: communeId, year: YEAR, status: "DRAFT", results: "all-met" });
    await vi.waitFor(() => {
      expect(a.get("figures a")).toBeUndefined();
      expect(b.get("figures b")).toBeUndefined();
    }, WAIT);
  });

  it("drops everything on a restore's notification", async () => {
    fill(b, "anything", 1, ["site"]);
    await db.$executeRaw`SELECT pg_notify(${TAGS_CHANNEL}, ${ALL_TAGS})`;
    await vi.waitFor(() => expect(b.get("anything")).toBeUndefined(), WAIT);
  });

  it("keeps an entry no longer than its life", async () => {
    fill(a, "short", 1, [], 1);
    expect(a.get("short")?.value).toBe(1);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(a.get("short")).toBeUndefined();
  });

  it("keeps at most its number of entries, the least recently used dropped first", () => {
    const small = new SharedTagCache({ databaseUrl: url, maxEntries: 2 });
    return listening(small).then(async () => {
      fill(small, "1", 1, []);
      fill(small, "2", 2, []);
      small.get("1");
      fill(small, "3", 3, []);
      expect(small.get("2")).toBeUndefined();
      expect(small.get("1")?.value).toBe(1);
      await small.stop();
    });
  });

  it("keeps nothing while its connection is lost, tells the others still, and keeps again once it listens again", async () => {
    fill(a, "before", 1, ["documents"]);
    fill(b, "other", 1, ["documents"]);
    await db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ntm-cache' AND pid <> pg_backend_pid() AND datname = current_database() AND backend_start = (SELECT max(backend_start) FROM pg_stat_activity WHERE application_name = 'ntm-cache')`;
    await vi.waitFor(() => expect([a.listening, b.listening].filter(Boolean).length, "one lost its connection").toBe(1), WAIT);
    const [lost, other] = a.listening ? [b, a] : [a, b];
    lost.set("during", 1, { lifeSeconds: 60 });
    expect(lost.get("during")).toBeUndefined();
    await lost.expire(["documents"]); // sent on a connection of its own
    await vi.waitFor(() => expect(other.get(other === a ? "before" : "other", [])).toBeUndefined(), WAIT);
    await listening(lost);
    fill(lost, "after", 2, []);
    expect(lost.get("after")?.value).toBe(2);
  });
});
