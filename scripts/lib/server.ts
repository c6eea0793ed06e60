// How every command starts the portal's HTTP server: Next's own — the standalone build's server.js
// (npm start, npm run start:prod, npm test, npm run bench) or `next dev`. Per-request headers (the
// CSP nonce) come from proxy.ts, start-up work from instrumentation.ts.
import { resolve } from "node:path";

/** Next's command line, as npm installs it for `npx next` (node_modules/.bin, never a path inside the package). */
export const NEXT_BIN = resolve("node_modules/.bin/next");

export interface PortalServer {
  /** node's arguments */
  args: string[];
  /** what to add to the environment */
  env: Record<string, string>;
}

/**
 * The production build's own server (.next/standalone/server.js, scripts/lib/build.ts), or
 * `next dev`. The standalone server reads its port and address from PORT and HOSTNAME.
 */
export function portalServer(opts: { port: number; hostname?: string; dev?: boolean }): PortalServer {
  if (opts.dev) return { args: [NEXT_BIN, "dev", "--port", String(opts.port), ...(opts.hostname ? ["--hostname", opts.hostname] : [])], env: {} };
  // no address given: every interface, as `next start` did (npm start, the test server)
  return { args: [resolve(".next/standalone/server.js")], env: { PORT: String(opts.port), HOSTNAME: opts.hostname ?? "0.0.0.0" } };
}
