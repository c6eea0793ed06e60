// The micro-cache in front of Next (scripts/lib/response-cache.ts), on a real HTTP server whose
// "Next" counts its renders: replays only what Next served from its own cache, to anonymous
// visitors, and never after a write; each replay with a nonce of its own, gzipped when asked.
import { createHash } from "node:crypto";
import { createServer, get as httpGet, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { acceptsGzip, ResponseCache, TTL_MS } from "@/scripts/lib/response-cache";

let renders = 0;
let version = 1;
/** resolves the render of /cham when released: a page rendered while a write runs */
let releaseSlow: (() => void) | null = null;
const P = "PLACEHOLDERplaceholder0=";
/** a page as the build prerendered it: no placeholder, trusted by its bytes */
const BUILT = `<p>Giới thiệu</p><script src="/_next/a.js"></script>`;
const cache = new ResponseCache({ placeholder: P, trustedPages: new Set([createHash("sha256").update(BUILT).digest("hex")]) });
let served = 0;

function fakeNext(req: IncomingMessage, res: ServerResponse) {
  renders++;
  const url = req.url ?? "/";
  const send = () => {
    if (url === "/luu" || url.startsWith("/api/")) return res.end("ok");
    res.setHeader("Content-Type", url === "/du-lieu" ? "application/json" : "text/html; charset=utf-8");
    res.setHeader("x-nextjs-cache", url === "/dong" ? "MISS" : "HIT");
    if (url === "/cookie") res.setHeader("Set-Cookie", "a=1");
    res.writeHead(url === "/khong-co" ? 404 : 200);
    if (url === "/gioi-thieu") return res.end(BUILT);
    res.write(`<p>bản ${version}`);
    res.end(` của ${url}</p>${url === "/script" ? `<script nonce="${P}">x()</script>` : ""}`);
  };
  if (url === "/cham") releaseSlow = send;
  else send();
}

let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    cache.watchWrites(req, res);
    if (req.method === "POST" && req.url === "/luu") version++;
    const key = cache.keyOf(req);
    const nonce = `nonce-of-response-${String(++served).padStart(6, "0")}`;
    if (key !== null) {
      if (cache.serve(key, req, res, { nonce, csp: `script-src 'nonce-${nonce}'` })) return;
      cache.capture(key, res);
    }
    fakeNext(req, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  cache.purge();
  renders = 0;
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  // fetch asks for gzip and inflates it: the identity form unless asked otherwise
  const res = await fetch(base + path, { headers: { "accept-encoding": "identity", ...headers } });
  return { status: res.status, text: await res.text(), replayed: res.headers.get("x-portal-cache") === "HIT", type: res.headers.get("content-type") };
};

/** The raw answer: headers and body bytes as sent, not inflated. */
function getRaw(path: string, headers: Record<string, string>): Promise<{ headers: IncomingMessage["headers"]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(base + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

describe("response cache", () => {
  it("replays a page Next served from its cache, with its status, type and bytes, without rendering it again", async () => {
    const first = await get("/tin-tuc/a");
    const second = await get("/tin-tuc/a");
    expect(first).toMatchObject({ status: 200, text: "<p>bản 1 của /tin-tuc/a</p>", replayed: false });
    expect(second).toEqual({ ...first, replayed: true });
    expect(renders).toBe(1);
    expect(cache.hits).toBeGreaterThan(0);
  });

  it("keys by the whole address, query string included", async () => {
    await get("/tin-tuc?trang=1");
    expect((await get("/tin-tuc?trang=2")).text).toContain("trang=2");
    expect(renders).toBe(2);
  });

  it("keeps nothing Next rendered afresh, nothing but HTML, no error page and nothing that sets a cookie", async () => {
    for (const path of ["/dong", "/du-lieu", "/khong-co", "/cookie"]) {
      await get(path);
      await get(path);
    }
    expect(renders).toBe(8);
  });

  it("sends signed-in users, React Server Component requests and staff pages to Next", async () => {
    await get("/a");
    await get("/a", { cookie: "next-auth.session-token=x" });
    await get("/a", { rsc: "1" });
    await get("/quan-ly/a");
    await get("/quan-ly/a");
    expect(renders).toBe(5);
  });

  it("forgets everything when a write starts and ends: the next visitor sees the new version", async () => {
    await get("/a");
    await fetch(`${base}/luu`, { method: "POST" });
    expect((await get("/a")).text).toBe("<p>bản 2 của /a</p>");
    expect(renders).toBe(3);
  });

  it("keeps through the view-count beacon, which changes nothing a page shows", async () => {
    await get("/a");
    await fetch(`${base}/api/luot-xem`, { method: "POST", body: "{}" });
    expect((await get("/a")).replayed).toBe(true);
  });

  it("does not keep a page whose render ran across a write", async () => {
    const slow = get("/cham");
    await expect.poll(() => releaseSlow).not.toBeNull();
    await fetch(`${base}/luu`, { method: "POST" });
    releaseSlow!();
    releaseSlow = null;
    await slow;
    const again = get("/cham");
    await expect.poll(() => releaseSlow).not.toBeNull();
    releaseSlow!();
    releaseSlow = null;
    expect((await again).replayed).toBe(false);
    expect(renders).toBe(3); // /cham, the write, /cham again
  });

  it("holds at most 500 pages, the oldest going first, and counts what it holds", async () => {
    for (let i = 0; i < 510; i++) await get(`/a?q=${i}`);
    expect(cache.size.entries).toBe(500);
    expect((await get("/a?q=509")).replayed).toBe(true);
    expect((await get("/a?q=0")).replayed).toBe(false);
    cache.purge();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it(`lets a page go after ${TTL_MS} ms`, async () => {
    await get("/a");
    await new Promise((r) => setTimeout(r, TTL_MS + 50));
    expect((await get("/a")).replayed).toBe(false);
    expect(renders).toBe(2);
  });

  it("gzips a replay for a client that accepts it, with the policy and nonce of that response", async () => {
    await get("/script");
    const a = await getRaw("/script", { "accept-encoding": "gzip, deflate, br, zstd" });
    const b = await getRaw("/script", { "accept-encoding": "gzip" });
    expect(a.headers["x-portal-cache"]).toBe("HIT");
    expect(a.headers["content-encoding"]).toBe("gzip");
    expect(a.headers.vary).toMatch(/Accept-Encoding/);
    const nonceOf = (h: IncomingMessage["headers"]) => /'nonce-([^']+)'/.exec(String(h["content-security-policy"]))![1];
    expect(gunzipSync(a.body).toString()).toBe(`<p>bản ${version} của /script</p><script nonce="${nonceOf(a.headers)}">x()</script>`);
    expect(gunzipSync(b.body).toString()).toContain(`nonce="${nonceOf(b.headers)}"`);
    expect(nonceOf(a.headers)).not.toBe(nonceOf(b.headers));
    expect(Number(a.headers["content-length"])).toBe(a.body.length);
    expect(renders).toBe(1);
  });

  it("sends the plain page to a client that does not accept gzip", async () => {
    await get("/script");
    const plain = await getRaw("/script", { "accept-encoding": "gzip;q=0, br" });
    expect(plain.headers["x-portal-cache"]).toBe("HIT");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toMatch(/^<p>bản \d+ của \/script<\/p><script nonce="nonce-of-response-\d{6}">/);
  });

  it("puts each replay's nonce on the scripts of a page the build prerendered, and never the placeholder", async () => {
    await get("/gioi-thieu");
    const replay = await getRaw("/gioi-thieu", { "accept-encoding": "gzip" });
    expect(replay.headers["x-portal-cache"]).toBe("HIT");
    const text = gunzipSync(replay.body).toString();
    expect(text).toMatch(/<script nonce="nonce-of-response-\d{6}" src="\/_next\/a.js">/);
    expect(text).not.toContain(P);
  });
});

describe("acceptsGzip", () => {
  it.each([
    ["gzip, deflate, br, zstd", true],
    ["br;q=1.0, gzip;q=0.8, *;q=0.1", true],
    ["GZIP", true],
    ["x-gzip", true],
    ["*", true],
    ["gzip;q=0", false],
    ["*;q=0.5, gzip;q=0", false],
    ["br, identity", false],
    ["identity", false],
    ["", false],
  ])("%j → %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
  it("answers no header with no", () => expect(acceptsGzip(undefined)).toBe(false));
});
