// A corpus of bad inputs (issue 8) thrown at every query parameter and path segment of the public
// pages and APIs, and of the leadership's pages and downloads, and as the bodies of the POST APIs
// (the import upload, the view beacon): SQL and HTML injection, path traversal, control
// characters, Unicode oddities, numbers out of range, very long values.
// None may cause a server error, and no HTML page may echo markup unescaped.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { BAD_INPUTS as CORPUS } from "./bad-inputs";
import { signIn } from "./build-manifest";
import { reportFigure } from "../figures";

/** path template → the parameters to fill with each bad value (":seg" = a path segment). */
const PUBLIC: [string, string[]][] = [
  ["/tim-kiem", ["q", "trang"]],
  ["/tin-tuc", ["trang", "chuyen_muc"]],
  ["/thong-bao", ["trang"]],
  ["/van-ban", ["trang", "loai", "q"]],
  ["/so-lieu", ["nam", "tinh", "huyen", "giai_doan", "xem"]],
  ["/ocop", ["trang", "sao", "nhom"]],
  ["/api/v1/thong-ke", ["nam", "tinh", "huyen", "dinh_dang"]],
  ["/api/bang/:seg?cong_khai=1", ["nam", "tinh", "dinh_dang"]],
  ["/tin-tuc/:seg", []],
  ["/thong-bao/:seg", []],
  ["/van-ban/:seg", []],
  ["/ocop/:seg", []],
  ["/api/tep/:seg", []],
  ["/khao-sat/:seg/2025", []],
];
const STAFF: [string, string[]][] = [
  ["/quan-ly/tong-quan", ["nam", "tinh", "huyen", "giai_doan", "xem"]],
  ["/quan-ly/xa", ["nam", "tinh", "trang"]],
  ["/quan-ly/xa/:seg", ["nam"]],
  ["/quan-ly/nhat-ky", ["nguoi", "don-vi", "doi-tuong", "tu", "den", "trang"]],
  ["/quan-ly/bao-cao/:seg", ["nam", "tinh", "huyen"]],
  ["/api/bao-cao/xa-dat-chuan", ["nam", "tinh", "huyen"]],
  ["/api/nhap-lieu/mau", ["nam", "don-vi", "dinh-dang"]],
  ["/quan-ly/nhap-lieu", ["nam"]],
];

/** Percent-encoded; a lone surrogate, which UTF-8 cannot encode, goes as the invalid bytes %ED%A0%80. */
function enc(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
}

function urls(template: string, params: string[], value: string): string[] {
  const fill = (t: string, seg: string) => t.replace(":seg", enc(seg));
  const out: string[] = [];
  if (template.includes(":seg")) out.push(fill(template, value));
  const base = fill(template, template.startsWith("/api/bang") ? "tong-hop" : template.includes("bao-cao") ? "xa-dat-chuan" : "1");
  for (const p of params) out.push(`${base}${base.includes("?") ? "&" : "?"}${p}=${enc(value)}`);
  return out;
}

async function throwCorpus(request: APIRequestContext, targets: [string, string[]][]) {
  let cases = 0;
  for (const [template, params] of targets) {
    for (const value of CORPUS) {
      for (const url of urls(template, params, value)) {
        const res = await request.get(url, { maxRedirects: 0 });
        cases++;
        expect(res.status(), url.slice(0, 200)).toBeLessThan(500);
        if ((res.headers()["content-type"] ?? "").includes("text/html")) {
          const body = await res.text();
          expect(body, url.slice(0, 200)).not.toContain("<script>alert(1)</script>");
          expect(body, url.slice(0, 200)).not.toContain("<img src=x onerror");
        }
      }
    }
  }
  return cases;
}

// ~600 requests each: minutes on a busy 2-core machine, not the default 30 s
test.describe.configure({ timeout: 240_000 });

test("the public pages and APIs take every bad input without a server error or echoed markup", async ({ request }) => {
  const cases = await throwCorpus(request, PUBLIC);
  reportFigure(`bad inputs, public pages and APIs: ${cases} requests (${CORPUS.length} values)`);
  expect(cases).toBeGreaterThan(500);
});

test("the leadership's and officers' pages and downloads take every bad input without a server error", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await signIn(request, "tinh@ntm.demo");
  const cases = await throwCorpus(request, STAFF);
  await request.dispose();
  reportFigure(`bad inputs, staff pages and downloads: ${cases} requests (${CORPUS.length} values)`);
  expect(cases).toBeGreaterThan(500);
});

test("the POST APIs (import upload, view beacon) take every bad body without a server error", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
  await signIn(request, "tinh@ntm.demo");
  let cases = 0;
  const check = async (label: string, res: Awaited<ReturnType<APIRequestContext["post"]>>) => {
    cases++;
    expect(res.status(), label).toBeLessThan(500);
    expect(await res.text(), label).not.toContain('"code":"INTERNAL"');
  };
  for (const value of CORPUS) {
    const label = JSON.stringify(value.slice(0, 40));
    const bytes = Buffer.from(value);
    // the import: every field bad, then a real dry run of a file that is not a spreadsheet
    await check(`import fields ${label}`, await request.post("/api/nhap-lieu", { multipart: { mode: value, fingerprint: value, file: { name: `${value}.xlsx`, mimeType: "application/octet-stream", buffer: bytes } } }));
    for (const ext of ["xlsx", "csv"]) {
      await check(`import ${ext} ${label}`, await request.post("/api/nhap-lieu", { multipart: { mode: "dry-run", file: { name: `${value}.${ext}`, mimeType: "text/csv", buffer: bytes } } }));
    }
    await check(`import raw ${label}`, await request.post("/api/nhap-lieu", { headers: { "Content-Type": "multipart/form-data; boundary=x" }, data: bytes }));
    // the beacon
    await check(`beacon raw ${label}`, await request.post("/api/luot-xem", { headers: { "Content-Type": "application/json" }, data: bytes }));
    await check(`beacon json ${label}`, await request.post("/api/luot-xem", { data: { visit: value, view: value } }));
    await check(`beacon view ${label}`, await request.post("/api/luot-xem", { data: { visit: false, view: `article:${value}` } }));
  }
  await request.dispose();
  reportFigure(`bad inputs, POST APIs (import upload, view beacon): ${cases} requests (${CORPUS.length} values)`);
  expect(cases).toBeGreaterThan(100);
});
