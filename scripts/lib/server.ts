// How every command starts the portal's HTTP server: Next's own (`next start`, or `next dev`),
// for npm start, npm test and npm run bench. Per-request headers (the CSP nonce) come from
// proxy.ts, start-up work from instrumentation.ts.
import { resolve } from "node:path";

/** Next's command line, as npm installs it for `npx next` (never a path inside next/dist). */
export const NEXT_BIN = resolve("node_modules/.bin/next");

export function portalServerArgs(opts: { port: number; hostname?: string; dev?: boolean }): string[] {
  return [
    NEXT_BIN,
    opts.dev ? "dev" : "start",
    "--port", String(opts.port),
    ...(opts.hostname ? ["--hostname", opts.hostname] : []),
  ];
}
