// Bulk inserts for seeding and demo data: one INSERT … SELECT FROM unnest(…) per chunk, which
// loads tens of thousands of rows a second without a row-by-row round trip.
import type pg from "pg";

export type Sql = pg.ClientBase;

export interface Column {
  name: string;
  /** PostgreSQL type of one value, e.g. int, text, date, numeric, boolean, jsonb, "UnitLevel" */
  type: string;
}

export async function insertRows<R extends Record<string, unknown> = Record<string, unknown>>(
  sql: Sql,
  table: string,
  columns: Column[],
  rows: unknown[][],
  opts: { returning?: string; chunk?: number } = {},
): Promise<R[]> {
  const out: R[] = [];
  const chunk = opts.chunk ?? 5000;
  const cols = columns.map((c) => `"${c.name}"`).join(", ");
  const unnest = columns
    .map((c, i) => {
      const t = /^[a-z ]+$/.test(c.type) ? c.type : `"${c.type}"`;
      return `$${i + 1}::${t}[]`;
    })
    .join(", ");
  const returning = opts.returning ? ` RETURNING ${opts.returning}` : "";
  const text = `INSERT INTO "${table}" (${cols}) SELECT * FROM unnest(${unnest})${returning}`;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const params = columns.map((c, i) =>
      part.map((r) => {
        const v = r[i];
        return c.type === "jsonb" && v != null ? JSON.stringify(v) : v;
      }),
    );
    const res = await sql.query(text, params);
    if (opts.returning) out.push(...(res.rows as R[]));
  }
  return out;
}

/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same demo data. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof createRandom>;
