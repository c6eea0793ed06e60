// The dashboards' figures, kept in memory by the portal server between two changes of the data
// they are read from. A dashboard page reads ~20 queries' worth of figures (a third of its time);
// leaders open the same few pages again and again while the data changes now and then.
// - On only in production servers, started by instrumentation.ts (npm start, the e2e and bench
//   servers): tests, scripts and `next dev` compute every time.
// - An entry is dropped the moment the data has changed: when PostgreSQL notifies a commit that
//   changed a table the figures come from (the *_dashboard_figures_notify migration), delivered
//   within milliseconds, before whoever saved asks for the next page. A request as such drops
//   nothing: an anonymous POST would otherwise make every leader's next page slow. While the
//   server is not listening, nothing is kept.
// - Entries also expire after a minute, and at most MAX_ENTRIES are kept (oldest dropped first).
// The state lives on globalThis: instrumentation.ts and the pages Next.js compiled load this file
// as separate modules.
import pg from "pg";
import { log as serverLog } from "@/lib/ops/log";

/** the channel of the *_dashboard_figures_notify migration */
export const FIGURES_CHANNEL = "ntm_figures";
const TTL_MS = 60_000;
const MAX_ENTRIES = 300;
const STATE = Symbol.for("ntm.figureCache");

interface Entry {
  at: number;
  value: Promise<unknown>;
}

interface FigureCacheState {
  /** false while not listening for changes: every read is computed, nothing is kept */
  listening: boolean;
  entries: Map<string, Entry>;
}

const stateOf = () => (globalThis as { [STATE]?: FigureCacheState })[STATE];

/** The figures of `key`: kept ones while the data has not changed, else `compute()` (kept). */
export function cachedFigures<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const state = stateOf();
  if (!state?.listening) return compute();
  const now = Date.now();
  const kept = state.entries.get(key);
  if (kept && now - kept.at < TTL_MS) return kept.value as Promise<T>;
  const entry: Entry = { at: now, value: compute() };
  state.entries.delete(key);
  state.entries.set(key, entry);
  if (state.entries.size > MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value!);
  // a failure is not kept; a concurrent request asking meanwhile shares it, as it shares a success
  entry.value.catch(() => {
    if (state.entries.get(key) === entry) state.entries.delete(key);
  });
  return entry.value as Promise<T>;
}

export interface FigureCache {
  /** whether it listens for changes, so keeps figures */
  readonly listening: boolean;
  stop(): Promise<void>;
}

/**
 * Turns the cache on for this process: listens on `databaseUrl` for changes (reconnecting
 * after a lost connection, with nothing kept until it listens again).
 */
export function startFigureCache(databaseUrl: string, log: (message: string) => void = (message) => serverLog.warn(message)): FigureCache {
  const state: FigureCacheState = { listening: false, entries: new Map() };
  (globalThis as { [STATE]?: FigureCacheState })[STATE] = state;
  const invalidate = () => state.entries.clear();
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  const lost = (c: pg.Client, why: string) => {
    if (client !== c) return; // an earlier connection's last word
    client = null;
    state.listening = false;
    invalidate();
    if (stopped) return;
    log(`figure cache: not listening for changes (${why}); dashboards are computed on every request until it listens again`);
    retry = setTimeout(connect, 2_000);
    retry.unref();
  };
  const connect = () => {
    const c = new pg.Client({ connectionString: databaseUrl, application_name: "ntm-figure-cache" });
    client = c;
    c.on("notification", invalidate);
    c.on("error", (err) => lost(c, err.message));
    c.on("end", () => lost(c, "connection closed"));
    c.connect()
      .then(() => c.query(`LISTEN ${FIGURES_CHANNEL}`))
      .then(() => {
        if (client !== c) return;
        invalidate(); // whatever changed while not listening
        state.listening = true;
      })
      .catch((err: Error) => lost(c, err.message));
  };
  connect();

  return {
    get listening() {
      return state.listening;
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      state.listening = false;
      invalidate();
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
