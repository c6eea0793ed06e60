// The micro-cache in front of Next (scripts/lib/response-cache.ts), on a real HTTP server whose
// "Next" counts its renders: replays only what Next served from its own cache, to anonymous
// visitors, and never after a write.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ResponseCache, TTL_MS } from "@/scripts/lib/response-cache";

let renders = 0;
let version = 1;
/** resolves the render of /cham when released: a page rendered while a write runs */
let releaseSlow: (() => void) | null = null;
const cache = new ResponseCache();

function fakeNext(req: IncomingMessage, res: ServerResponse) {
  renders++;
  const url = req.url ?? "/";
  const send = () => {
    if (url === "/luu" || url.startsWith("/api/")) return res.end("ok");
    res.setHeader("Content-Type", url === "/du-lieu" ? "application/json" : "text/html; charset=utf-8");
    res.setHeader("x-nextjs-cache", url === "/dong" ? "MISS" : "HIT");
    if (url === "/cookie") res.setHeader("Set-Cookie", "a=1");
    res.writeHead(url === "/khong-co" ? 404 : 200);
    res.write(`<p>bản ${version}`);
    res.end(` của ${url}</p>`);
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
    if (key !== null) {
      if (cache.serve(key, res)) return;
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
  const res = await fetch(base + path, { headers });
  return { status: res.status, text: await res.text(), replayed: res.headers.get("x-portal-cache") === "HIT", type: res.headers.get("content-type") };
};

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
});
