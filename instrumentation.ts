// Start-up work of the portal server (Next's documented hook, run once per server process).
// The dashboards' figure cache listens to PostgreSQL for committed changes
// (lib/dashboard/figure-cache.ts): on in production servers only — `next dev`, `next build`,
// tests and scripts compute every time.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NODE_ENV !== "production") return;
  const { PHASE_PRODUCTION_BUILD } = await import("next/constants");
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD || !process.env.DATABASE_URL) return;
  const { startFigureCache } = await import("./lib/dashboard/figure-cache");
  startFigureCache(process.env.DATABASE_URL);
}
