// Counting visits and content views (the beacon of POST /api/luot-xem). See lib/visits/rules.ts
// for the method: salted hashes in memory only, a number per day in the database.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { todayInVietnam } from "@/lib/format";
import {
  BEACONS_PER_MINUTE,
  NEW_VISITS_PER_WINDOW,
  ONLINE_WINDOW_MS,
  RateLimiter,
  RecentKeys,
  VIEW_REPEAT_MS,
  VISIT_WINDOW_MS,
  weekStart,
  type ViewKey,
  type VisitStats,
} from "./rules";

interface Memory {
  salt: Buffer;
  /** the Vietnam day the salt was made for (ms of its UTC-midnight date) */
  saltDay: number;
  online: RecentKeys;
  views: RecentKeys;
  visits: RateLimiter;
  beacons: RateLimiter;
  /** the last statistics read, answered without database work to a rate-limited beacon */
  lastStats: Omit<VisitStats, "online"> | null;
}

// one per server process; kept on globalThis so that every bundle of the app shares it
const g = globalThis as unknown as { ntmVisitMemory?: Memory };

function memory(now: Date): Memory {
  const day = todayInVietnam(now).getTime();
  const m = (g.ntmVisitMemory ??= {
    salt: randomBytes(32),
    saltDay: day,
    online: new RecentKeys(ONLINE_WINDOW_MS),
    views: new RecentKeys(VIEW_REPEAT_MS),
    visits: new RateLimiter(NEW_VISITS_PER_WINDOW, VISIT_WINDOW_MS),
    beacons: new RateLimiter(BEACONS_PER_MINUTE),
    lastStats: null,
  });
  if (m.saltDay !== day) {
    // a new day: a new salt, and yesterday's hashes are forgotten
    m.salt = randomBytes(32);
    m.saltDay = day;
    for (const t of [m.online, m.views, m.visits, m.beacons]) t.clear();
  }
  return m;
}

/** The visitor's hash for today: the address never leaves this function. */
export function visitorKey(client: { address: string }, now = new Date()): string {
  return createHash("sha256").update(memory(now).salt).update(client.address).digest("base64url").slice(0, 22);
}

export interface BeaconInput {
  /** the client's address as the sign-in limits read it; only hashed */
  address: string;
  /** the first page of a browser tab (the page's script says so) */
  newVisit: boolean;
  /** the article, notice or document the page shows */
  view?: ViewKey | null;
}

export type BeaconResult =
  | { ok: true; stats: VisitStats; views: number | null }
  /** nothing counted and no database work; the statistics last read, if any */
  | { ok: false; reason: "rate-limited"; stats: VisitStats | null };

export async function recordBeacon(input: BeaconInput, now = new Date()): Promise<BeaconResult> {
  const key = visitorKey(input, now);
  const m = memory(now);
  const t = now.getTime();
  if (!m.beacons.allow(key, t)) {
    return { ok: false, reason: "rate-limited", stats: m.lastStats && { online: m.online.count(t), ...m.lastStats } };
  }
  m.online.touch(key, t);
  if (input.newVisit && m.visits.allow(key, t)) await countVisit(now);
  let views: number | null = null;
  if (input.view) {
    const fresh = m.views.touch(`${key}|${input.view.type}|${input.view.slug}`, t);
    views = await countView(input.view, fresh, now);
  }
  return { ok: true, stats: await visitStats(now), views };
}

async function countVisit(now: Date): Promise<void> {
  const day = todayInVietnam(now).toISOString().slice(0, 10);
  await db.$executeRaw`
    INSERT INTO "VisitDay" (day, count) VALUES (${day}::date, 1)
    ON CONFLICT (day) DO UPDATE SET count = "VisitDay".count + 1`;
}

/**
 * The view count of a public article, notice or document, incremented when `increment`. Plain
 * SQL: a view is not an edit (updatedAt and the optimistic-concurrency version stay as they are)
 * and expires no cache (pages show the count of their render; the beacon's answer updates it).
 */
async function countView(view: ViewKey, increment: boolean, now: Date): Promise<number | null> {
  const at = now.toISOString();
  const by = increment ? 1 : 0;
  let rows: { viewCount: number }[];
  switch (view.type) {
    case "article":
      rows = await db.$queryRaw`
        UPDATE "Article" SET "viewCount" = "viewCount" + ${by}
         WHERE slug = ${view.slug} AND status IN ('PUBLISHED', 'SCHEDULED') AND "publishedAt" <= (${at}::timestamptz AT TIME ZONE 'UTC')
        RETURNING "viewCount"`;
      break;
    case "notice":
      rows = await db.$queryRaw`
        UPDATE "Notice" SET "viewCount" = "viewCount" + ${by}
         WHERE slug = ${view.slug} AND status IN ('PUBLISHED', 'SCHEDULED') AND "publishedAt" <= (${at}::timestamptz AT TIME ZONE 'UTC')
        RETURNING "viewCount"`;
      break;
    case "document":
      rows = await db.$queryRaw`
        UPDATE "Document" SET "viewCount" = "viewCount" + ${by}
         WHERE slug = ${view.slug} AND status IN ('PUBLISHED', 'SCHEDULED') AND "publishedAt" <= (${at}::timestamptz AT TIME ZONE 'UTC')
        RETURNING "viewCount"`;
      break;
  }
  return rows[0]?.viewCount ?? null;
}

/** Online now (this process's memory), today, this week (since Monday) and all time (VisitDay). */
export async function visitStats(now = new Date()): Promise<VisitStats> {
  const today = todayInVietnam(now);
  const [row] = await db.$queryRaw<{ today: number; week: number; total: number }[]>`
    SELECT coalesce(sum(count) FILTER (WHERE day = ${today.toISOString().slice(0, 10)}::date), 0)::int AS today,
           coalesce(sum(count) FILTER (WHERE day >= ${weekStart(today).toISOString().slice(0, 10)}::date), 0)::int AS week,
           coalesce(sum(count), 0)::int AS total
      FROM "VisitDay"`;
  const m = memory(now);
  m.lastStats = row;
  return { online: m.online.count(now.getTime()), ...row };
}
