// Every cached read of the portal goes through here (issue 15, "one cache story"):
//
// - cachedRead: Next's data cache (unstable_cache) under a key and tags. Next hands entries to
//   the portal's cache handler (lib/cache/shared-cache-handler.mjs, next.config.js
//   `cacheHandler`), which keeps them in memory and drops them when a tag they carry is expired on
//   ANY instance: an editor's write calls updateTag (lib/cache/expire.ts), sent to every instance
//   through PostgreSQL; a commit that changes the tables the figures come from expires the tag
//   "figures" by trigger, so the CLI import and other instances' saves reach every instance too.
// - figuresRead: a figures query (dashboards, public statistics, home) cached that way.
// - Every page renders per request (its CSP nonce: proxy.ts), reading cached data. View counts
//   come from a client beacon (POST /api/luot-xem), never from the render.
//
// Scheduled content (status SCHEDULED, publishedAt in the future) must appear at its time and
// not before, and a cache cannot know the clock. Each read applies the visibility filter with
// the time of the read, and every read is keyed by the visibility epoch of its kind
// (publicClock): the latest scheduled time that has passed. When a scheduled time passes, the key
// changes and the data is read afresh: pages show scheduled content at its time, no delay.
// CACHE_CEILING_SECONDS bounds every entry's life, for changes made outside the portal's writes
// (a content table edited by hand): worst-case staleness after such a change is the ceiling.
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { CACHE_TAGS } from "@/lib/cache/tags";
import { FIGURES_TAG } from "@/lib/cache/shared-cache-handler.mjs";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export const CACHE_CEILING_SECONDS = 3_600;

/** `next build` prerenders static pages with no database: reads must not happen then. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD;
}

// The data cache stores JSON: Dates are tagged on the way in and revived on the way out, so a
// hit and a miss return the same types.
function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : v;
  });
}

function decode<T>(text: string): T {
  return JSON.parse(text, (_key, v) => (v && typeof v === "object" && typeof v.$date === "string" && Object.keys(v).length === 1 ? new Date(v.$date) : v)) as T;
}

export interface CacheOptions {
  tags: string[];
  /** seconds this entry may live; the page that uses it lives no longer (default: the ceiling) */
  revalidate?: number;
}

/**
 * A read served from Next's data cache under `key` (name and arguments). Outside a Next server
 * (tests, scripts) there is no cache: the read runs directly.
 */
export async function cachedRead<T>(key: readonly unknown[], read: () => Promise<T>, opts: CacheOptions): Promise<T> {
  if (!process.env.NEXT_RUNTIME) return read();
  const cached = unstable_cache(async () => encode(await read()), ["public", JSON.stringify(key)], {
    tags: opts.tags,
    revalidate: Math.max(1, Math.min(opts.revalidate ?? CACHE_CEILING_SECONDS, CACHE_CEILING_SECONDS)),
  });
  return decode<T>(await cached());
}

/**
 * A figures query, cached under its name and arguments (JSON: plain values and Dates) and dropped
 * by any change to the tables figures come from (the tag "figures").
 */
export function figuresRead<A extends unknown[], T>(name: string, read: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  return (...args) => cachedRead(["figures", name, ...args], () => read(...args), { tags: [FIGURES_TAG] });
}

/** Seconds from `now` until `at` (at least 1), bounded by the ceiling; the ceiling when `at` is null. */
export function secondsUntil(at: Date | null, now = new Date()): number {
  if (!at) return CACHE_CEILING_SECONDS;
  return Math.max(1, Math.min(CACHE_CEILING_SECONDS, Math.ceil((at.getTime() - now.getTime()) / 1000)));
}

/** The next midnight in Vietnam (UTC+7, no daylight saving): when "today" changes for task deadlines. */
export function nextVietnamMidnight(now = new Date()): Date {
  const VN = 7 * 3600_000;
  const local = now.getTime() + VN;
  return new Date(Math.floor(local / 86_400_000) * 86_400_000 + 86_400_000 - VN);
}

export type ContentKind = "articles" | "notices" | "documents";

/**
 * Times of the scheduled rows of one kind (ascending): those to come, and those passed within
 * twice the ceiling. Keeping the recently passed ones makes the epoch the same whether this list
 * was read before or after a time passed: a list entry keyed by an older epoch is then either
 * unreachable or older than the ceiling, never served as current. React's cache: one read per
 * render, however many reads of the page ask.
 */
const readScheduledTimes = cache(function readScheduledTimes(kind: ContentKind): Promise<Date[]> {
  return cachedRead(
    ["scheduled-times", kind],
    async () => {
      // publishedAt is a timestamp without time zone holding UTC (Prisma's convention)
      const since = Prisma.sql`(now() AT TIME ZONE 'UTC' - ${`${2 * CACHE_CEILING_SECONDS} seconds`}::interval)`;
      const rows =
        kind === "articles"
          ? await db.$queryRaw<{ at: Date }[]>`SELECT "publishedAt" AS at FROM "Article" WHERE status = 'SCHEDULED' AND "publishedAt" > ${since} ORDER BY 1 LIMIT 1000`
          : kind === "notices"
            ? await db.$queryRaw<{ at: Date }[]>`SELECT "publishedAt" AS at FROM "Notice" WHERE status = 'SCHEDULED' AND "publishedAt" > ${since} ORDER BY 1 LIMIT 1000`
            : await db.$queryRaw<{ at: Date }[]>`SELECT "publishedAt" AS at FROM "Document" WHERE status = 'SCHEDULED' AND "publishedAt" > ${since} ORDER BY 1 LIMIT 1000`;
      return rows.map((r) => r.at);
    },
    { tags: [CACHE_TAGS[kind]] },
  );
});

export interface PublicClock {
  /** the latest scheduled time that has passed ("0" if none): part of the key of list reads */
  epoch: string;
  /** the next scheduled time: cached detail pages live until then */
  nextChangeAt: Date | null;
}

/** Where the publication schedule of one kind of content stands now (see the header of this file). */
export async function publicClock(kind: ContentKind, now = new Date()): Promise<PublicClock> {
  const times = await readScheduledTimes(kind);
  const passed = times.filter((t) => t <= now);
  return { epoch: passed.at(-1)?.toISOString() ?? "0", nextChangeAt: times.find((t) => t > now) ?? null };
}

/**
 * A read of public content of one kind: cached under `key` plus the kind's visibility epoch, so
 * that a scheduled row appears at its time (a new epoch is a new entry, read afresh); the entry
 * — and any cached page using it — lives until the kind's next scheduled time, or `until`.
 */
export async function publicRead<T>(kind: ContentKind, key: readonly unknown[], read: () => Promise<T>, opts: { tags: string[]; until?: Date }): Promise<T> {
  const now = new Date();
  const { epoch, nextChangeAt } = await publicClock(kind, now);
  const end = opts.until && (!nextChangeAt || opts.until < nextChangeAt) ? opts.until : nextChangeAt;
  return cachedRead([...key, epoch], read, { tags: opts.tags, revalidate: secondsUntil(end, now) });
}
