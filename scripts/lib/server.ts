// How every command starts the portal's HTTP server: Next's own (`next start`, or `next dev`),
// for npm start, npm test and npm run bench. Per-request headers (the CSP nonce) come from
// proxy.ts, start-up work from instrumentation.ts.
import { resolve } from "node:path";

export function portalServerArgs(opts: { port: number; hostname?: string; dev?: boolean }): string[] {
  return [
    resolve("node_modules/next/dist/bin/next"),
    opts.dev ? "dev" : "start",
    "--port", String(opts.port),
    ...(opts.hostname ? ["--hostname", opts.hostname] : []),
  ];
}
