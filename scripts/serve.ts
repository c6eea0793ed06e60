// The portal's HTTP server (npm start, npm test, npm run bench; `-- --dev` for next dev): Next.js
// behind a thin layer, in the order a request meets it:
// - a URL with a NUL byte or escapes that do not decode: 400;
// - the connection's address appended to X-Forwarded-For, as a proxy would (sign-in limits);
// - a multipart server-action body Next cannot parse: 400, not 500 (lib/security/multipart-guard.ts);
// - HSTS over HTTPS, and a nonce of its own for every response;
// - a one-second micro-cache of the public pages Next serves from its cache, each replayed with
//   its nonce, gzipped from bytes compressed once, emptied by every write (scripts/lib/response-cache.ts);
// - a Content-Security-Policy naming that nonce on every HTML response while cached pages
//   stay cached (lib/security/nonce-stream.ts), gzip after the nonce is in place (Next's own
//   compression is off in next.config.js);
// - the server-rendered 404 page where Next would send an empty shell (scripts/lib/not-found-rescue.ts);
// - the dashboards' figures kept between two changes of their data, dropped by PostgreSQL's
//   notice of a change committed anywhere (lib/dashboard/figure-cache.ts) — never by a request
//   as such, which anyone could send.
//   node --import tsx scripts/serve.ts --port 3000 [--hostname 127.0.0.1] [--dev]
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { contentSecurityPolicy, HSTS, isHttpsRequest, newNonce } from "../lib/security/headers.ts";
import { guardMultipartAction } from "../lib/security/multipart-guard.ts";
import { rescueNotFoundShell } from "./lib/not-found-rescue.ts";
import { ResponseCache } from "./lib/response-cache.ts";
import { startFigureCache } from "../lib/dashboard/figure-cache.ts";
import { applyNonce, prerenderedPageHashes, withPlaceholderPolicy } from "../lib/security/nonce-stream.ts";

const { values } = parseArgs({ options: { port: { type: "string", default: process.env.PORT ?? "3000" }, hostname: { type: "string" }, dev: { type: "boolean", default: false } } });
const dev = values.dev ?? false;
const port = Number(values.port);
// as `next start` / `next dev` do, before Next is loaded
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
const { default: next } = await import("next");
// the compression middleware Next itself uses (a compiled copy of `compression`)
const compression = createRequire(import.meta.url)("next/dist/compiled/compression") as () => (req: unknown, res: unknown, next: () => void) => void;

const app = next({ dev, dir: process.cwd(), hostname: values.hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

// Secret for the life of this process, as is Next's cache of rendered pages: never sent.
const placeholder = newNonce();
const trustedPages = dev ? new Set<string>() : prerenderedPageHashes(".next");
const compress = compression();
// dashboards' figures kept while their data is unchanged (dev: none, so a change of code shows)
const figureCache = dev || !process.env.DATABASE_URL ? null : startFigureCache(process.env.DATABASE_URL);
// public pages Next serves from its cache, replayed for a second without entering Next (dev: none)
const pageCache = dev ? null : new ResponseCache({ placeholder, trustedPages });

/** A path whose percent-escapes decode (invalid UTF-8 such as %ED%A0%80 would reach Next as a 500). */
function decodablePath(url: string): boolean {
  try {
    decodeURIComponent(url.split("?")[0]);
    return true;
  } catch {
    return false;
  }
}

const server = createServer((req, res) => {
  // a NUL byte has no place in a URL, and PostgreSQL text cannot hold one; a path that does not
  // decode names no page: refuse both here, once, with a 400 rather than a server error
  if (/%00|\u0000/i.test(req.url ?? "") || !decodablePath(req.url ?? "/")) {
    res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Địa chỉ không hợp lệ.");
    return;
  }
  // as a reverse proxy does: the address of this connection goes last in X-Forwarded-For, the
  // only entry a client cannot write (lib/users/login-rules.ts clientAddress)
  const peer = req.socket.remoteAddress;
  if (peer) req.headers["x-forwarded-for"] = req.headers["x-forwarded-for"] ? `${req.headers["x-forwarded-for"]}, ${peer}` : peer;
  guardMultipartAction(req, res);
  pageCache?.watchWrites(req, res);
  const cacheKey = pageCache?.keyOf(req) ?? null;
  const https = isHttpsRequest(new URL(req.url ?? "/", "http://localhost"), (req.headers["x-forwarded-proto"] as string | undefined) ?? null);
  if (https) res.setHeader("Strict-Transport-Security", HSTS);
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev, https });
  if (cacheKey !== null && pageCache!.serve(cacheKey, req, res, { nonce, csp })) return;
  withPlaceholderPolicy(req.headers, contentSecurityPolicy(placeholder, { dev, https }));
  compress(req, res, () => {
    applyNonce(res, { placeholder, nonce, csp, trustedPages });
    if (cacheKey !== null) pageCache!.capture(cacheKey, res);
    // a page's notFound() answers with an empty shell: the server-rendered 404 page instead
    if (req.method === "GET" && !req.headers.rsc) rescueNotFoundShell(res, () => handle(req, res, { pathname: "/_not-found", query: {} } as Parameters<typeof handle>[2]));
    void handle(req, res).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
});
if (dev) server.on("upgrade", (req, socket, head) => void app.getUpgradeHandler()(req, socket, head));
// as `next start`: connections kept alive a little longer than a typical proxy's idle timeout
server.keepAliveTimeout = 65_000;
server.listen(port, values.hostname, () => {
  console.log(`✓ Ready on http://${values.hostname ?? "localhost"}:${port}`);
});

const stop = () => {
  void figureCache?.stop();
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
