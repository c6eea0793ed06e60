// Start-up work of the portal server (Next's documented hook, run once per server process).
// - SIGTERM / SIGINT mark the process draining: /api/ready answers 503 on connections still open
//   while Next's own listeners stop the server (no new connection, requests in flight answered).
// - The shared cache (lib/cache/shared-cache-handler.mjs, Next's cache handler) starts listening
//   to PostgreSQL for tag expirations now rather than at the first cached read, and /api/ready
//   waits for it. On in production servers only — `next dev`, `next build`, tests and scripts
//   keep nothing.
// - onRequestError: an error Next caught while rendering, acting or routing is logged as JSON with
//   the request's id (lib/ops/log.ts).
import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { PHASE_PRODUCTION_BUILD } = await import("next/constants");
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { log } = await import("./lib/ops/log");
  const { markDrainingOnStopSignals, registerReadinessCheck } = await import("./lib/ops/readiness");
  markDrainingOnStopSignals((signal) => log.info({ signal }, "stopping: no new connections, answering the requests in flight"));
  if (process.env.NODE_ENV !== "production" || !process.env.DATABASE_URL) return;
  const { processCache } = await import("./lib/cache/shared-cache-handler.mjs");
  const cache = processCache();
  // an instance that does not hear other instances' writes would serve what they changed
  registerReadinessCheck("cache", () => cache.listening);
}

export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("./lib/ops/log");
  const { REQUEST_ID_HEADER } = await import("./lib/ops/request-id");
  const requestId = request.headers[REQUEST_ID_HEADER];
  log.error(
    {
      err,
      // Next shows this digest on the error page: it finds the line
      digest: (err as { digest?: unknown }).digest,
      requestId: typeof requestId === "string" ? requestId : undefined,
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
    },
    "request failed",
  );
};
