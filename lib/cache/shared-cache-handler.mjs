// The portal's one data cache, kept coherent across every instance that runs on one PostgreSQL.
// Next.js loads this file as its cache handler (next.config.js `cacheHandler`, the documented
// extension point): every cached read (`unstable_cache` in lib/cache/cached-read.ts — articles,
// notices, documents, lists, home and dashboard figures) goes through `get`/`set`, and every
// `updateTag`/`revalidatePath` through `revalidateTag`. Plain JavaScript: Next imports it at run
// time, outside its bundles.
//
// - Entries live in this process's memory (at most MAX_ENTRIES, least recently used dropped
//   first; each no longer than the life its read asked for).
// - Tag expirations travel through PostgreSQL: `revalidateTag` sends the tags on channel
//   TAGS_CHANNEL (pg_notify), and every instance — this one included — listens. A commit that
//   changes a table the figures come from notifies FIGURES_CHANNEL by trigger (the
//   *_dashboard_figures_notify migration), which expires the tag "figures": the CLI import, a
//   restore or a hand edit of those tables reach every instance too.
// - An entry is valid only if it was read after the last expiration of each of its tags, as
//   this instance heard of it: the time of a read is when its miss was seen (before the database
//   was asked), and the time of an expiration is when its notification arrived (after the
//   writer's commit), so no clock but this process's is compared.
// - While not listening (starting, connection lost), nothing is kept and nothing is served: every
//   read goes to the database. On (re)connecting, everything kept before is dropped.
import pg from "pg";

export const TAGS_CHANNEL = "ntm_cache_tags";
export const FIGURES_CHANNEL = "ntm_figures";
/** the tag the figures' reads carry; FIGURES_CHANNEL expires it */
export const FIGURES_TAG = "figures";
/** a TAGS_CHANNEL payload that expires everything (a restore) */
export const ALL_TAGS = "*";
const MAX_ENTRIES = 2_000;
const RECONNECT_MS = 1_000;
/** a miss older than this is forgotten (its read failed or was never stored) */
const MISS_MEMORY_MS = 60_000;

/**
 * A cache whose entries are dropped when a tag they carry is expired on any instance. One per
 * process in the server (see `processCache`); tests make several to play several instances.
 */
export class SharedTagCache {
  /** @param {{ databaseUrl?: string, log?: (level: string, msg: string) => void, maxEntries?: number }} options */
  constructor({ databaseUrl, log = () => {}, maxEntries = MAX_ENTRIES } = {}) {
    this.databaseUrl = databaseUrl;
    this.log = log;
    this.maxEntries = maxEntries;
    /** @type {Map<string, { value: unknown, at: number, tags: string[], lifeMs: number }>} */
    this.entries = new Map();
    /** @type {Map<string, number>} tag → when this instance heard it expired */
    this.expired = new Map();
    /** @type {Map<string, number>} key → when its miss was seen */
    this.misses = new Map();
    this.listening = false;
    this.stopped = false;
    /** @type {pg.Client | null} */
    this.client = null;
    this.retry = null;
    if (databaseUrl) this.connect();
  }

  connect() {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: "ntm-cache" });
    this.client = client;
    client.on("notification", (n) => this.heard(n.channel, n.payload ?? ""));
    client.on("error", (err) => this.lost(client, err.message));
    client.on("end", () => this.lost(client, "connection closed"));
    client
      .connect()
      .then(() => client.query(`LISTEN ${TAGS_CHANNEL}; LISTEN ${FIGURES_CHANNEL}`))
      .then(() => {
        if (this.client !== client) return;
        this.clear(); // whatever changed while not listening
        this.listening = true;
        this.log("info", "shared cache: listening for tag expirations");
      })
      .catch((err) => this.lost(client, err.message));
  }

  /** @param {pg.Client} client @param {string} why */
  lost(client, why) {
    if (this.client !== client) return; // an earlier connection's last word
    this.client = null;
    this.listening = false;
    this.clear();
    client.end().catch(() => {});
    if (this.stopped) return;
    this.log("warn", `shared cache: not listening (${why}); every read goes to the database until it listens again`);
    this.retry = setTimeout(() => this.connect(), RECONNECT_MS);
    this.retry.unref?.();
  }

  clear() {
    this.entries.clear();
    this.misses.clear();
  }

  /** @param {string} channel @param {string} payload */
  heard(channel, payload) {
    if (channel === FIGURES_CHANNEL) return this.expireHere([FIGURES_TAG]);
    if (payload === ALL_TAGS) return this.clear();
    this.expireHere(payload.split("\n").filter(Boolean));
  }

  /** @param {string[]} tags */
  expireHere(tags) {
    const now = Date.now();
    for (const tag of tags) this.expired.set(tag, now);
  }

  /**
   * The value kept under `key`, or undefined. `tags`: the tags the reader asks to be checked as
   * well (Next's implicit tags of the page, which `revalidatePath` expires).
   * @param {string} key @param {string[]} [tags]
   */
  get(key, tags = []) {
    if (!this.listening) return undefined;
    const now = Date.now();
    const entry = this.entries.get(key);
    if (entry && now - entry.at <= entry.lifeMs && !this.expiredSince(entry.at, entry.tags) && !this.expiredSince(entry.at, tags)) {
      this.entries.delete(key); // most recently used last
      this.entries.set(key, entry);
      return entry;
    }
    if (entry) this.entries.delete(key);
    const missed = this.misses.get(key);
    if (missed === undefined || now - missed > MISS_MEMORY_MS) this.misses.set(key, now);
    return undefined;
  }

  /** @param {string} key @param {unknown} value @param {{ tags?: string[], lifeSeconds: number }} options */
  set(key, value, { tags = [], lifeSeconds }) {
    const at = this.misses.get(key) ?? Date.now();
    this.misses.delete(key);
    if (!this.listening || this.expiredSince(at, tags)) return; // read before a change it missed
    this.entries.delete(key);
    this.entries.set(key, { value, at, tags, lifeMs: lifeSeconds * 1000 });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value);
    if (this.misses.size > this.maxEntries * 4) this.misses.clear();
  }

  /** @param {number} at @param {string[]} tags */
  expiredSince(at, tags) {
    for (const tag of tags) if ((this.expired.get(tag) ?? 0) >= at) return true;
    return false;
  }

  /**
   * Expires `tags` here at once and on every instance through PostgreSQL. Sent on the listening
   * connection; when it is down, on a connection of its own (the other instances must hear).
   * @param {string[]} tags
   */
  async expire(tags) {
    if (tags.length === 0) return;
    this.expireHere(tags);
    if (!this.databaseUrl) return;
    const payload = tags.join("\n");
    const listening = this.listening ? this.client : null;
    if (listening) {
      await listening.query("SELECT pg_notify($1, $2)", [TAGS_CHANNEL, payload]);
      return;
    }
    const once = new pg.Client({ connectionString: this.databaseUrl, application_name: "ntm-cache-notify" });
    try {
      await once.connect();
      await once.query("SELECT pg_notify($1, $2)", [TAGS_CHANNEL, payload]);
    } finally {
      await once.end().catch(() => {});
    }
  }

  async stop() {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.listening = false;
    this.clear();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}

const PROCESS_CACHE = Symbol.for("ntm.sharedCache");

/**
 * This process's cache: listening on DATABASE_URL in a production server; a cache that keeps
 * nothing during `next build`, in `next dev` and without a database.
 * @returns {SharedTagCache}
 */
export function processCache() {
  const holder = /** @type {Record<symbol, SharedTagCache | undefined>} */ (/** @type {unknown} */ (globalThis));
  let cache = holder[PROCESS_CACHE];
  if (!cache) {
    const serving = process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build";
    cache = new SharedTagCache({ databaseUrl: serving ? process.env.DATABASE_URL : undefined, log: logLine });
    holder[PROCESS_CACHE] = cache;
  }
  return cache;
}

/** @param {string} level @param {string} msg */
function logLine(level, msg) {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg })}\n`);
}

/**
 * Next.js's cache handler interface (get, set, revalidateTag, resetRequestCache). Next makes one
 * per request; they all share the process's cache.
 */
export default class CacheHandler {
  constructor() {
    this.cache = processCache();
  }

  /** @param {string} key @param {{ tags?: string[], softTags?: string[] }} [ctx] */
  async get(key, ctx) {
    const entry = this.cache.get(key, [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])]);
    return entry ? { lastModified: entry.at, value: entry.value } : null;
  }

  /** @param {string} key @param {any} data @param {{ tags?: string[], revalidate?: number | false }} [ctx] */
  async set(key, data, ctx) {
    if (!data) return;
    // `unstable_cache` says how long its entry may live; anything else (nothing here: every page
    // renders per request) is kept for a minute at most
    const revalidate = typeof data.revalidate === "number" ? data.revalidate : typeof ctx?.revalidate === "number" ? ctx.revalidate : 60;
    this.cache.set(key, data, { tags: ctx?.tags ?? [], lifeSeconds: Math.max(1, revalidate) });
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    await this.cache.expire(Array.isArray(tags) ? tags : [tags]);
  }

  resetRequestCache() {}
}
