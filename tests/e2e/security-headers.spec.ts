// Security headers in a real browser against the production build: every page has a
// Content-Security-Policy with a nonce of its own, every script of the page carries it, the
// browser reports no violation while the pages work; uploaded files come back with a safe type.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { login } from "./helpers";

const PUBLIC_PAGES = ["/", "/tin-tuc", "/thong-bao", "/van-ban", "/so-lieu", "/ocop", "/gioi-thieu", "/tim-kiem?q=nong+thon+moi", "/dang-nhap"];
const STAFF_PAGES = ["/quan-ly/tong-quan", "/quan-ly/xa", "/quan-ly/nguoi-dung", "/quan-ly/tai-khoan"];

/** Records every CSP violation the page reports, from before its first script. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("__reportCsp", (v: string) => seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp(v: string): void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI} ${location.pathname}`);
    });
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

const nonceOf = (csp: string | undefined) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1];

test("every script of a page carries the nonce of its own response, and each response has a new one", async ({ request }) => {
  const article = /href="(\/tin-tuc\/[^"?]+)"/.exec(await (await request.get("/tin-tuc")).text())?.[1];
  expect(article).toBeTruthy();
  const seen = new Set<string>();
  // the article three times: whatever Next keeps of its data, each response has a nonce of its own
  for (const path of [...PUBLIC_PAGES, article!, article!, article!]) {
    const res = await request.get(path, { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(res.status(), path).toBe(200);
    const csp = res.headers()["content-security-policy"];
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    const nonce = nonceOf(csp)!;
    expect(seen.has(nonce), `${path}: nonce reused`).toBe(false);
    seen.add(nonce);
    const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
});

test("public pages work under the policy with no violation reported", async ({ page }) => {
  const violations = await watchViolations(page);
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  }
  // hydrated: the login button is enabled only once React runs in the page
  await page.goto("/dang-nhap");
  await expect(page.getByRole("button", { name: "Đăng nhập" })).toBeEnabled();
  await page.goto("/tin-tuc");
  await page.locator("main a[href^='/tin-tuc/']").first().click();
  await expect(page).toHaveURL(/\/tin-tuc\/.+/);
  expect(violations).toEqual([]);
});

test("markup injected into a page cannot run script, and the violation is reported", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/gioi-thieu");
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", `<img src="/khong-co.png" onerror="window.__pwned = 1">`));
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(violations.join("\n")).toMatch(/script-src/);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("staff pages, charts included, work under the policy with no violation reported", async ({ page }) => {
  const violations = await watchViolations(page);
  await login(page, "admin@ntm.demo");
  for (const path of STAFF_PAGES) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  }
  await page.goto("/quan-ly/tong-quan");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("the fixed headers are on pages, API responses and static files; HSTS only over HTTPS", async ({ request }) => {
  const home = await request.get("/");
  const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(await home.text())?.[1];
  for (const res of [home, await request.get("/api/v1/thong-ke"), await request.get(css!)]) {
    const h = res.headers();
    expect(h["x-content-type-options"], res.url()).toBe("nosniff");
    expect(h["referrer-policy"], res.url()).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"], res.url()).toContain("camera=()");
    expect(h["x-frame-options"], res.url()).toBe("DENY");
  }
  expect(home.headers()["strict-transport-security"]).toBeUndefined();
  const viaTls = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(viaTls.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  expect(viaTls.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});

/** Records bytes as a file uploaded by the admin (row and content), with the given recorded type. */
async function storeFile(bytes: Buffer, ext: string, mimeType: string, fileName: string): Promise<number> {
  const key = `e2e/${randomBytes(8).toString("hex")}.${ext}`;
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(
      `WITH f AS (INSERT INTO "StoredFile" ("storageKey", "fileName", "mimeType", size, sha256, "uploadedById")
                  SELECT $1, $2, $3, $4, 'e2e', id FROM "User" WHERE email = 'admin@ntm.demo' RETURNING id),
            c AS (INSERT INTO "StoredFileChunk" ("fileId", seq, bytes) SELECT id, 0, $5 FROM f)
       SELECT id FROM f`,
      [key, fileName, mimeType, bytes.length, bytes],
    );
    return rows[0].id;
  } finally {
    await client.end();
  }
}

test("uploaded files come back with a safe type: a PDF inline, anything else downloaded, never HTML", async ({ page }) => {
  const pdf = await storeFile(Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), "pdf", "application/pdf", "Thông báo kết luận.pdf");
  // a row whose recorded type says HTML (as a tampered or legacy row might): still never HTML
  const html = await storeFile(Buffer.from("<html><script>alert(1)</script></html>"), "html", "text/html", "trang.html");
  await login(page, "admin@ntm.demo");

  const a = (await page.request.get(`/api/tep/${pdf}`)).headers();
  expect(a["content-type"]).toBe("application/pdf");
  expect(a["content-disposition"]).toMatch(/^inline; filename="Thong bao ket luan.pdf"; filename\*=UTF-8''/);
  expect(a["x-content-type-options"]).toBe("nosniff");

  const b = (await page.request.get(`/api/tep/${html}`)).headers();
  expect(b["content-type"]).toBe("application/octet-stream");
  expect(b["content-disposition"]).toMatch(/^attachment;/);
  expect(b["x-content-type-options"]).toBe("nosniff");
  expect(b["content-security-policy"]).toContain("sandbox");
});
