// Response headers that depend on the request: the Content-Security-Policy with a fresh nonce
// for every page, and HSTS when the request came over HTTPS. proxy.ts applies them; the headers that never change (nosniff, Referrer-Policy,
// Permissions-Policy…) are in next.config.js. Pure, so the policy is unit-tested.

/** 128 random bits, base64: unguessable, new for every response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy of every HTML page. Scripts run only with this response's nonce (Next.js puts it on
 * its own scripts when it renders the page) or when loaded by such a script ('strict-dynamic');
 * no plugin, no <base>, no framing, forms post only here. Styles allow 'unsafe-inline': charts
 * and the server-rendered HTML use style attributes, which a nonce cannot cover, and a report's
 * print stylesheet is inline; an injected style cannot run code.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean; https?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // articles may show images of other sites over HTTPS (lib/content/sanitize.ts allows them)
    "img-src 'self' blob: data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** One year, subdomains included; sent only over HTTPS (browsers ignore it over HTTP anyway). */
export const HSTS = "max-age=31536000; includeSubDomains";

/** Whether the request reached us over HTTPS: directly, or through a proxy that terminated TLS. */
export function isHttpsRequest(url: URL, forwardedProto: string | null): boolean {
  const proto = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return proto ? proto === "https" : url.protocol === "https:";
}
