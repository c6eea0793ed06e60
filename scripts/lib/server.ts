// How every command starts the portal's HTTP server (scripts/serve.ts): npm start, npm test,
// npm run bench. `next start` itself would serve pages without their CSP nonce.
import { resolve } from "node:path";

export function portalServerArgs(opts: { port: number; hostname?: string; dev?: boolean }): string[] {
  return [
    "--import", "tsx",
    resolve("scripts/serve.ts"),
    "--port", String(opts.port),
    ...(opts.hostname ? ["--hostname", opts.hostname] : []),
    ...(opts.dev ? ["--dev"] : []),
  ];
}
