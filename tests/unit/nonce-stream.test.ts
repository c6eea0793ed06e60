// The per-response nonce of pages Next.js rendered once with the process's secret placeholder:
// replaced wherever it shows (split across writes too), never sent; pages prerendered by the
// build are trusted by their bytes only.
import { createHash } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addNonceToScripts, applyNonce, SameLengthReplacer } from "@/lib/security/nonce-stream";

const P = "PLACEHOLDERplaceholder0=";
const N = "fresh-nonce-of-response";
const NONCE = N.padEnd(P.length, "X");

describe("SameLengthReplacer", () => {
  const text = `<script nonce="${P}" src="/a.js"></script><link nonce="${P}">tail${P}`;
  const expected = text.split(P).join(NONCE);
  it.each(Array.from({ length: text.length + 1 }, (_, i) => i))("gives the same bytes when the stream is cut at %i", (cut) => {
    const r = new SameLengthReplacer(Buffer.from(P), Buffer.from(NONCE));
    const out = Buffer.concat([r.push(Buffer.from(text.slice(0, cut))), r.push(Buffer.from(text.slice(cut))), r.end()]).toString();
    expect(out).toBe(expected);
  });
  it("cuts into single bytes", () => {
    const r = new SameLengthReplacer(Buffer.from(P), Buffer.from(NONCE));
    const out = Buffer.concat([...Buffer.from(text)].map((b) => r.push(Buffer.from([b]))).concat(r.end())).toString();
    expect(out).toBe(expected);
  });
  it("refuses a nonce of another length (the content length would change)", () => {
    expect(() => new SameLengthReplacer(Buffer.from(P), Buffer.from("short"))).toThrow();
  });
});

describe("addNonceToScripts", () => {
  it("puts the nonce on every script tag that has none", () => {
    expect(addNonceToScripts(Buffer.from(`<script src="/a.js" async></script><script>x()</script><script nonce="k">y</script><scripts>`), "n1").toString()).toBe(
      `<script nonce="n1" src="/a.js" async></script><script nonce="n1">x()</script><script nonce="k">y</script><scripts>`,
    );
  });
});

describe("applyNonce on a real HTTP response", () => {
  const BUILD_PAGE = `<html><head><script src="/_next/static/a.js" async></script></head><body>Giới thiệu<script>self.__next_f.push([1,"x"])</script></body></html>`;
  const trustedPages = new Set([createHash("sha256").update(BUILD_PAGE).digest("hex")]);
  const pages: Record<string, (res: ServerResponse) => void> = {
    // a page rendered with the placeholder, streamed in pieces that split it
    "/rendered": (res) => {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Link", `</a.css>; rel=preload; as="style"; nonce="${P}"`);
      const html = `<html><head><script src="/a.js" nonce="${P}"></script></head><body><p>Tin tức</p><script nonce="${P}">self.__next_f.push([1,"a"])</script></body></html>`;
      const cut = html.indexOf(P, 60) + 7;
      res.write(html.slice(0, 20));
      res.write(html.slice(20, cut));
      res.end(html.slice(cut));
    },
    // the bytes of a page prerendered by the build (no placeholder): trusted
    "/build-page": (res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": String(Buffer.byteLength(BUILD_PAGE)) });
      res.end(BUILD_PAGE);
    },
    // any other HTML without the placeholder (say, a script that stored content smuggled in): not trusted
    "/stranger": (res) => {
      res.setHeader("Content-Type", "text/html");
      res.end(`<html><body><script>alert(document.cookie)</script></body></html>`);
    },
    "/rsc": (res) => {
      res.setHeader("Content-Type", "text/x-component");
      res.write(`0:{"nonce":"${P.slice(0, 5)}`);
      res.end(`${P.slice(5)}"}`);
    },
    "/json": (res) => {
      res.setHeader("Content-Type", "application/json");
      res.end(`{"ok":true}`);
    },
  };
  let base = "";
  const server = createServer((req, res) => {
    applyNonce(res, { placeholder: P, nonce: NONCE, csp: `script-src 'nonce-${NONCE}' 'strict-dynamic'`, trustedPages });
    pages[req.url ?? ""]?.(res);
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("replaces the placeholder in the body and the headers of a rendered page, and sends the policy", async () => {
    const res = await fetch(`${base}/rendered`);
    const body = await res.text();
    expect(res.headers.get("content-security-policy")).toBe(`script-src 'nonce-${NONCE}' 'strict-dynamic'`);
    expect(res.headers.get("link")).toContain(`nonce="${NONCE}"`);
    expect(body).not.toContain(P);
    expect(body.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${NONCE}"`, `nonce="${NONCE}"`]);
    expect(body).toContain("<p>Tin tức</p>");
  });

  it("puts the nonce on the scripts of a page the build prerendered, recognised by its bytes", async () => {
    const res = await fetch(`${base}/build-page`);
    const body = await res.text();
    expect(res.headers.get("content-security-policy")).toContain(NONCE);
    expect((body.match(/<script nonce="[^"]+"/g) ?? []).length).toBe(2);
    expect(body).toContain("Giới thiệu");
  });

  it("leaves any other page without the placeholder as it is: under the policy its scripts do not run", async () => {
    const res = await fetch(`${base}/stranger`);
    expect(res.headers.get("content-security-policy")).toContain(NONCE);
    expect(await res.text()).toBe(`<html><body><script>alert(document.cookie)</script></body></html>`);
  });

  it("hides the placeholder in RSC payloads too, without a policy", async () => {
    const res = await fetch(`${base}/rsc`);
    expect(await res.text()).toBe(`0:{"nonce":"${NONCE}"}`);
    expect(res.headers.get("content-security-policy")).toBeNull();
  });

  it("passes other responses through untouched", async () => {
    const res = await fetch(`${base}/json`);
    expect(await res.text()).toBe(`{"ok":true}`);
    expect(res.headers.get("content-security-policy")).toBeNull();
  });
});
