// The Content-Security-Policy of every page and when HSTS applies.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isHttpsRequest, newNonce } from "@/lib/security/headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

describe("contentSecurityPolicy", () => {
  const csp = directives(contentSecurityPolicy("abc123=="));
  it("runs scripts only with the response's nonce, or loaded by them", () => {
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp.get("script-src")).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
  it.each([
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["frame-ancestors", "'none'"],
    ["form-action", "'self'"],
    ["default-src", "'self'"],
  ])("sets %s to %s", (name, value) => {
    expect(csp.get(name)).toBe(value);
  });
  it("allows eval only in development (React's debugging needs it there)", () => {
    expect(directives(contentSecurityPolicy("n", { dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });
  it("upgrades insecure requests only when served over HTTPS", () => {
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect(directives(contentSecurityPolicy("n", { https: true })).has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, new each time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(new Set(Array.from({ length: 100 }, newNonce)).size).toBe(100);
  });
});

describe("isHttpsRequest", () => {
  it.each([
    ["a TLS-terminating proxy says https", "http://127.0.0.1:3000/", "https", true],
    ["the proxy's first value counts", "http://127.0.0.1:3000/", "https, http", true],
    ["plain http", "http://localhost:3000/", "http", false],
    ["no proxy, the URL's scheme", "https://ntm.gov.vn/", null, true],
  ])("%s", (_label, url, proto, expected) => {
    expect(isHttpsRequest(new URL(url), proto)).toBe(expected);
  });
});
