// Start-up work of the portal server (Next's documented hook, run once per server process).
// The shared cache (lib/cache/shared-cache-handler.mjs, Next's cache handler) starts listening to
// PostgreSQL for tag expirations now rather than at the first cached read: the server is ready
// with a coherent cache. On in production servers only — `next dev`, `next build`, tests and
// scripts keep nothing.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NODE_ENV !== "production") return;
  const { PHASE_PRODUCTION_BUILD } = await import("next/constants");
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD || !process.env.DATABASE_URL) return;
  const { processCache } = await import("./lib/cache/shared-cache-handler.mjs");
  processCache();
}
