// The authorisation matrix over EVERY route and server action of the build (issue 8): the lists come
// from the build's own manifests, so a new page or action is covered the day it is added.
// - every route, anonymous: public pages answer, staff pages send to the login page, APIs refuse;
// - every server action, anonymous, called as the browser calls it: refused, never a success;
// - every staff page × every demo role: answered (200) or refused (403/404), never a server error.
// No answer may be a 500. The number of cases is printed.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD } from "./helpers";

const routes = Object.values(JSON.parse(readFileSync(resolve(".next/app-path-routes-manifest.json"), "utf8")) as Record<string, string>)
  .filter((r) => !r.startsWith("/_") && !r.startsWith("/api/auth/"))
  .sort();

const SAMPLE: Record<string, string> = { id: "1", slug: "khong-co-trang-nay", report: "xa-dat-chuan", name: "tong-hop", communeId: "1", year: "2025", taskId: "1" };
/** Valid query strings, so a refusal is about who asks, not what is asked. */
const QUERY: Record<string, string> = { "/api/nhap-lieu/mau": "?nam=2025&don-vi=1", "/api/bao-cao/[report]": "?nam=2025" };
const concrete = (route: string) => route.replace(/\[(\w+)\]/g, (_, k: string) => SAMPLE[k] ?? "1") + (QUERY[route] ?? "");

async function signedIn(request: APIRequestContext, email: string) {
  const csrf = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, email, password: DEMO_PASSWORD, json: "true" } });
  expect(res.status(), `sign-in of ${email}`).toBeLessThan(400);
}

test("every route answers an anonymous visitor without a server error, and no staff page or private API opens", async ({ request }) => {
  let cases = 0;
  for (const route of routes) {
    const url = concrete(route);
    const res = await request.get(url, { maxRedirects: 0 });
    cases++;
    expect(res.status(), url).toBeLessThan(500);
    if (route.startsWith("/quan-ly")) {
      expect(res.status(), url).toBe(307);
      expect(res.headers().location, url).toContain("/dang-nhap");
    }
    if (["/api/bao-cao/[report]", "/api/nhap-lieu/mau"].includes(route)) expect([401, 403], url).toContain(res.status());
    if (route === "/api/nhap-lieu") expect(res.status(), url).toBe(405);
  }
  console.log(`route matrix, anonymous: ${cases} routes`);
  expect(cases).toBeGreaterThan(60);
});

test("every server action refuses an anonymous caller, whatever page it is posted to", async ({ request, baseURL }) => {
  const { encodeReply } = (await import("next/dist/compiled/react-server-dom-webpack/client.node.js" as string)) as { encodeReply(v: unknown): Promise<string | FormData> };
  const manifest = JSON.parse(readFileSync(resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  const sql = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await sql.connect();
  const since = (await sql.query<{ now: Date }>("SELECT now()")).rows[0].now;
  let cases = 0;
  for (const [id, action] of Object.entries(manifest.node)) {
    const page = Object.keys(action.workers)[0].replace(/^app/, "").replace(/\/\([^)]+\)/g, "").replace(/\/page$/, "") || "/";
    const body = await encodeReply([null, new FormData()]);
    const res = await fetch(new URL(concrete(page), baseURL), {
      method: "POST",
      redirect: "manual",
      headers: { "Next-Action": id, Accept: "text/x-component", Origin: baseURL! },
      body,
    });
    const text = await res.text();
    cases++;
    const label = `${action.filename} ${action.exportedName} at ${page}`;
    expect(res.status, label).toBeLessThan(500);
    expect(text, label).not.toMatch(/"ok":true/);
  }
  // and nothing was written on behalf of nobody
  const anonymousAudit = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditLog" WHERE "userId" IS NULL AND at >= $1`, [since]);
  await sql.end();
  expect(anonymousAudit.rows[0].n).toBe(0);
  console.log(`route matrix, anonymous server actions: ${cases} actions`);
  expect(cases).toBeGreaterThan(40);
});

test("every staff page, for every demo role, is answered or refused — never a server error", async ({ playwright, baseURL }) => {
  const staff = routes.filter((r) => r.startsWith("/quan-ly") && !r.includes("/api/"));
  const accounts = ["admin", "lanhdao", "tinh", "huyen", "xa", "so", "bientap"].map((a) => `${a}@ntm.demo`);
  let cases = 0;
  const seen = new Map<number, number>();
  for (const email of accounts) {
    const request = await playwright.request.newContext({ baseURL });
    await signedIn(request, email);
    for (const route of staff) {
      const url = concrete(route);
      const res = await request.get(url, { maxRedirects: 0 });
      cases++;
      seen.set(res.status(), (seen.get(res.status()) ?? 0) + 1);
      // a redirect only to another staff page (/quan-ly sends each role to its own start page)
      if (res.status() === 307) expect(res.headers().location, `${email} ${url}`).toMatch(/^\/quan-ly\//);
      else expect([200, 403, 404], `${email} ${url}`).toContain(res.status());
    }
    await request.dispose();
  }
  console.log(`route matrix, staff pages × roles: ${cases} cases (${[...seen].map(([s, n]) => `${s}: ${n}`).join(", ")})`);
  // the matrix is not all refusals: every role opens some pages and is refused others
  expect(seen.get(200)).toBeGreaterThan(staff.length);
  expect(seen.get(403)).toBeGreaterThan(0);
});
