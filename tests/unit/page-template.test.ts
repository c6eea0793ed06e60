// A cached page sent with a nonce of each response's own, plain or gzipped from bytes compressed
// once (scripts/lib/page-template.ts): what a browser inflates is exactly the page with that
// nonce, wherever the nonces sit and whatever the page holds.
import { randomBytes } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { PageTemplate } from "@/scripts/lib/page-template";

const P = "PLACEHOLDERplaceholder0=";
const nonce = () => Buffer.from(randomBytes(16).toString("base64"));
const withNonce = (page: string, n: Buffer) => Buffer.from(page.split(P).join(n.toString()));

/** pseudo-HTML with repeated markup, as a page has, and the placeholder at the given places */
function page(parts: number, opts: { text?: (i: number) => string } = {}): string {
  const text = opts.text ?? ((i) => `<div class="mx-auto max-w-6xl px-4">Nông thôn mới ${i} — xã đạt chuẩn</div>`);
  return Array.from({ length: parts }, (_, i) => `<script nonce="${P}" src="/_next/static/chunks/${i}.js"></script>${text(i).repeat(1 + (i % 7))}`).join("");
}

const cases: [string, string][] = [
  ["a page without a nonce", "<p>Không có script</p>".repeat(50)],
  ["nonces at the very start and end, and two side by side", `${P}<p>giữa</p>${P}${P}<p>cuối</p>${P}`],
  ["only a nonce", P],
  ["a typical page", page(28)],
  ["a page far longer than deflate's 32 KB window", page(400)],
  ["a page holding zero bytes", page(10, { text: (i) => `<p>a\u0000b ${i}</p>` })],
  ["a page holding pieces of the placeholder", page(20, { text: (i) => `<p>${P.slice(0, 11)} ${P.slice(5)} ${i}</p>` })],
  ["random bytes between the nonces", Array.from({ length: 8 }, () => randomBytes(3000).toString("latin1")).join(P)],
];

describe("PageTemplate", () => {
  it.each(cases)("%s: plain and gzip give the page with each response's nonce", (_, text) => {
    const template = PageTemplate.of(Buffer.from(text, "latin1"), Buffer.from(P));
    for (let i = 0; i < 5; i++) {
      const n = nonce();
      const expected = Buffer.from(text.split(P).join(n.toString()), "latin1");
      expect(template.plain(n).equals(expected)).toBe(true);
      expect(gunzipSync(template.gzip(n)).equals(expected)).toBe(true);
    }
  });

  it("never sends the placeholder, and keeps it out of its own bytes", () => {
    const text = page(28);
    const template = PageTemplate.of(Buffer.from(text), Buffer.from(P));
    const n = nonce();
    expect(template.plain(n).includes(P)).toBe(false);
    expect(gunzipSync(template.gzip(n)).includes(P)).toBe(false);
    expect(JSON.stringify(template).includes(P)).toBe(false);
  });

  it("compresses as well as compressing the whole page, but for some bytes per nonce", () => {
    const text = withNonce(page(400), nonce());
    const template = PageTemplate.of(Buffer.from(page(400)), Buffer.from(P));
    const whole = gzipSync(text).length;
    const ours = template.gzip(nonce()).length;
    // each nonce: its 24 bytes stored as they are, a 5-byte block header, a sync flush
    expect(ours).toBeLessThan(whole + 400 * 48);
    expect(ours).toBeLessThan(text.length / 4);
  });

  it("gives each response a copy: one response's nonce never shows in another's bytes", () => {
    const template = PageTemplate.of(Buffer.from(page(5)), Buffer.from(P));
    const [a, b] = [nonce(), nonce()];
    const first = template.gzip(a);
    template.gzip(b);
    expect(gunzipSync(first).includes(a)).toBe(true);
    expect(gunzipSync(first).includes(b)).toBe(false);
  });

  it("refuses a nonce of another length (the holes have the placeholder's)", () => {
    const template = PageTemplate.of(Buffer.from(page(2)), Buffer.from(P));
    expect(() => template.plain(Buffer.from("short"))).toThrow();
    expect(() => template.gzip(Buffer.from(P + "x"))).toThrow();
  });
});
