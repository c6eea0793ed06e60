// Visitor statistics without personal data (the footer's "Thống kê truy cập"). The method:
//
// - A visit is the first page a browser tab opens on the portal: the page's script remembers it
//   in the tab's sessionStorage (kept in the browser, never sent as an identifier) and says so in
//   its beacon (POST /api/luot-xem).
// - The server turns the request's address into a salted hash, in memory only:
//   the salt is random, made when the server starts and replaced at every midnight in Vietnam
//   (old hashes are dropped with it), so a hash cannot be linked to a person nor across days.
//   The hash serves to bound what one visitor can count (at most NEW_VISITS_PER_WINDOW visits
//   in VISIT_WINDOW_MS, one view of a given page in VIEW_REPEAT_MS, BEACONS_PER_MINUTE beacons),
//   and to count who is online ("Đang truy cập": distinct hashes seen in the last 5 minutes;
//   pages send a beacon every 2 minutes while visible). The browser's name is not used: a client
//   could change it at every request and count as a new visitor each time. People behind one
//   address (an office) share a hash: they count as one online, at most 10 visits per 10 minutes,
//   and their views of one page as one per 10 minutes — the price of keeping no identifier.
// - The database keeps only a number per day (VisitDay: day, count): "Hôm nay" is today's count,
//   "Trong tuần" the sum since Monday, "Tổng truy cập" the sum of all days. No address, cookie
//   or identifier is ever stored.
//
// Memory is per server process: with several instances, "online" counts each one's visitors.

export const ONLINE_WINDOW_MS = 5 * 60_000;
export const HEARTBEAT_MS = 2 * 60_000;
export const VISIT_WINDOW_MS = 10 * 60_000;
export const NEW_VISITS_PER_WINDOW = 10;
export const VIEW_REPEAT_MS = 10 * 60_000;
/** beacons allowed per visitor hash and minute (page views and heartbeats of everyone sharing it) */
export const BEACONS_PER_MINUTE = 120;
/** memory bound of each table below */
export const MAX_TRACKED = 50_000;

export interface VisitStats {
  online: number;
  today: number;
  week: number;
  total: number;
}

/** Monday of the week of a calendar date (UTC midnight), the Vietnamese week. */
export function weekStart(day: Date): Date {
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(day.getTime() - weekday * 86_400_000);
}

/**
 * A bounded map of key → last time, oldest forgotten first: who was seen when, by hash only.
 * Insertion order is kept fresh (touching a key moves it to the end), so the first keys are the
 * stalest.
 */
export class RecentKeys {
  private readonly seen = new Map<string, number>();

  constructor(private readonly maxAgeMs: number, private readonly maxSize = MAX_TRACKED) {}

  /** Records `key` at `now`; true when it had not been seen within maxAgeMs. */
  touch(key: string, now: number): boolean {
    const last = this.seen.get(key);
    this.seen.delete(key);
    this.seen.set(key, now);
    this.prune(now);
    return last === undefined || now - last > this.maxAgeMs;
  }

  /** Whether `key` was seen within maxAgeMs, without recording it. */
  has(key: string, now: number): boolean {
    const last = this.seen.get(key);
    return last !== undefined && now - last <= this.maxAgeMs;
  }

  /** Keys seen within maxAgeMs. */
  count(now: number): number {
    this.prune(now);
    return this.seen.size;
  }

  clear(): void {
    this.seen.clear();
  }

  private prune(now: number) {
    for (const [key, at] of this.seen) {
      if (now - at <= this.maxAgeMs && this.seen.size <= this.maxSize) break;
      this.seen.delete(key);
    }
  }
}

/** At most `limit` events per key in each fixed window of `windowMs`. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly limit: number, private readonly windowMs = 60_000, private readonly maxSize = MAX_TRACKED) {}

  allow(key: string, now: number): boolean {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      this.windows.delete(key);
      w = { start: now, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > this.maxSize) this.windows.delete(this.windows.keys().next().value!);
    }
    w.count++;
    return w.count <= this.limit;
  }

  clear(): void {
    this.windows.clear();
  }
}

/** What a page asks to count: "article:<slug>", "notice:<slug>" or "document:<slug>". */
export type ViewKey = { type: "article" | "notice" | "document"; slug: string };

export function parseViewKey(raw: unknown): ViewKey | null {
  if (typeof raw !== "string") return null;
  const m = /^(article|notice|document):([a-z0-9-]{1,200})$/.exec(raw);
  return m ? { type: m[1] as ViewKey["type"], slug: m[2] } : null;
}
