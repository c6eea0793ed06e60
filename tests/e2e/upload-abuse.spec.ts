// Uploads too large for the server to hold (security review): a 500 MB chunked body — no
// Content-Length to refuse it by — sent to the import API is refused as soon as the server knows
// (403 before a byte is read for who may not import, 413 at the limit for who may), and one sent
// to a server action is refused with 413, not 500; the server's memory stays flat and it goes on
// serving. A same-origin check that cannot parse Origin answers 403.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { memoryOf, multipartAround, pidListeningOn, postChunked, sampleRss } from "../upload-abuse";
import { serverActions, signIn } from "./build-manifest";

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

test("a server action's body over its limit is refused with 413, not 500: chunked or declared, staff page or public", async ({ playwright, baseURL }) => {
  const save = serverActions.find((a) => a.label === "lib/news/actions.ts saveArticleAction")!;
  expect(save).toBeTruthy();
  const request = await playwright.request.newContext({ baseURL });
  const cookie = await cookieOf(request, "bientap@ntm.demo");
  await request.dispose();
  const form = multipartAround({ title: "Tin thử" }, { field: "cover", name: "anh.png" });
  const headers = { Cookie: cookie, Origin: baseURL!, "Next-Action": save.id, Accept: "text/x-component", "Content-Type": form.contentType };
  // Next answers a request its proxy has seen only once the whole body has arrived (it reads the
  // rest and throws it away): the refusal is as quick as the client is to send, memory stays flat
  for (const [label, page, mb, declaredLength] of [
    ["500 MB chunked, staff page", save.page, 500, undefined],
    ["100 MB chunked, public page", "/", 100, undefined],
    ["declared 30 MB, staff page", save.page, 30, 30 * 2 ** 20 + form.head.length + form.tail.length],
  ] as const) {
    const rss = sampleRss(pid);
    const r = await postChunked(new URL(page, baseURL).href, { headers, head: form.head, tail: form.tail, mb, declaredLength });
    const { grownMb } = rss.stop();
    expect(r.status, label).toBe(413);
    expect(JSON.parse(r.body), label).toMatchObject({ error: expect.stringMatching(/quá lớn/), code: "TOO_LARGE" });
    expect(grownMb, label).toBeLessThan(150);
  }
});

test("a chunked server-action body within the limit still reaches the action", async ({ playwright, baseURL }) => {
  const save = serverActions.find((a) => a.label === "lib/news/actions.ts saveArticleAction")!;
  const request = await playwright.request.newContext({ baseURL });
  const cookie = await cookieOf(request, "bientap@ntm.demo");
  await request.dispose();
  const { encodeReply } = (await import("next/dist/compiled/react-server-dom-webpack/client.node.js" as string)) as { encodeReply(v: unknown): Promise<string | FormData> };
  const form = new FormData();
  form.set("title", ""); // refused by the action's schema: nothing is written
  const encoded = new Response(await encodeReply([null, form]));
  const r = await postChunked(new URL(save.page, baseURL).href, {
    headers: { Cookie: cookie, Origin: baseURL!, "Next-Action": save.id, Accept: "text/x-component", "Content-Type": encoded.headers.get("content-type")! },
    head: new Uint8Array(await encoded.arrayBuffer()),
    mb: 0,
  });
  expect(r.status).toBe(200);
  expect(r.body).toContain('"code":"VALIDATION"');
});

test("after all that the server still answers, and its memory is back within bounds", async ({ request }) => {
  const res = await request.get("/");
  expect(res.status()).toBe(200);
  expect(memoryOf(pid).rssMb).toBeLessThan(1500);
});
