// Uploads too large for the server to hold (security review): a 500 MB chunked body — no
// Content-Length to refuse it by — sent to the import API is refused as soon as the server knows
// (403 before a byte is read for who may not import, 413 at the limit for who may); the server's
// memory stays flat and it goes on serving. A same-origin check that cannot parse Origin answers 403.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { memoryOf, multipartAround, pidListeningOn, postChunked, sampleRss } from "../upload-abuse";
import { signIn } from "./build-manifest";

test.describe.configure({ timeout: 120_000 });

let pid: number;
test.beforeAll(({ baseURL }) => {
  const found = pidListeningOn(Number(new URL(baseURL!).port));
  expect(found, "the portal server's process").not.toBeNull();
  pid = found!;
});

async function cookieOf(request: APIRequestContext, email: string): Promise<string> {
  await signIn(request, email);
  return (await request.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** 500 MB chunked to the import API as `email`: the answer, and how much the server grew meanwhile. */
async function importChunked(request: APIRequestContext, baseURL: string, email: string) {
  const cookie = await cookieOf(request, email);
  const form = multipartAround({ mode: "dry-run" }, { field: "file", name: "so-lieu.xlsx" });
  const rss = sampleRss(pid);
  const answer = await postChunked(`${baseURL}/api/nhap-lieu`, { headers: { Cookie: cookie, Origin: baseURL, "Content-Type": form.contentType }, head: form.head, tail: form.tail, mb: 500 });
  return { ...answer, ...rss.stop() };
}

test("an editor's 500 MB chunked import is refused with 403 before its body is read, memory flat", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const r = await importChunked(request, baseURL!, "bientap@ntm.demo");
  await request.dispose();
  expect(r.status).toBe(403);
  expect(JSON.parse(r.body)).toEqual({ error: "Bạn không có quyền thực hiện thao tác này.", code: "FORBIDDEN" });
  expect(r.ms).toBeLessThan(2000);
  expect(r.sentMb).toBeLessThan(100);
  expect(r.grownMb).toBeLessThan(150);
});

test("a province officer's 500 MB chunked import is refused with 413 at the 20 MB limit, memory flat", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const r = await importChunked(request, baseURL!, "tinh@ntm.demo");
  await request.dispose();
  expect(r.status).toBe(413);
  expect(JSON.parse(r.body)).toMatchObject({ error: expect.stringMatching(/giới hạn là 20 MB/), code: "TOO_LARGE" });
  expect(r.ms).toBeLessThan(3000);
  expect(r.sentMb).toBeLessThan(120);
  expect(r.grownMb).toBeLessThan(150);
});

test("an import posted with Origin: null is refused with 403, not a server error", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await signIn(request, "tinh@ntm.demo");
  const res = await request.post("/api/nhap-lieu", { headers: { Origin: "null" }, multipart: { mode: "dry-run", file: { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("a") } } });
  expect(res.status()).toBe(403);
  expect(await res.json()).toEqual({ error: "Yêu cầu không đến từ trang của cổng thông tin.", code: "FORBIDDEN" });
  await request.dispose();
});

test("after all that the server still answers, and its memory is back within bounds", async ({ request }) => {
  const res = await request.get("/");
  expect(res.status()).toBe(200);
  expect(memoryOf(pid).rssMb).toBeLessThan(1500);
});
