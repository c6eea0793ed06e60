// The authorisation matrix over EVERY route and server action of the build (issue 8): the lists come
// from the build's own manifests, so a new page or action is covered the day it is added.
// - every route, anonymous: public pages answer, staff pages send to the login page, APIs refuse;
// - every server action, anonymous, called as the browser calls it: refused, never a success;
// - every staff page × every demo role: answered (200) or refused (403/404), never a server error.
// No answer may be a 500. The number of cases is printed.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { callAction, concrete, routes, serverActions, signIn } from "./build-manifest";
import { reportFigure } from "../figures";

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
  reportFigure(`authorisation matrix, HTTP: ${cases} routes, anonymous`);
  expect(cases).toBeGreaterThan(60);
});

test("every server action refuses an anonymous caller, whatever page it is posted to", async ({ baseURL }) => {
  const sql = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await sql.connect();
  const since = (await sql.query<{ now: Date }>("SELECT now()")).rows[0].now;
  let cases = 0;
  for (const action of serverActions) {
    const res = await callAction(baseURL!, action, [null, new FormData()]);
    cases++;
    const label = `${action.label} at ${action.page}`;
    expect(res.status, label).toBeLessThan(500);
    expect(res.text, label).not.toMatch(/"ok":true|"code":"INTERNAL"/);
  }
  // and nothing was written on behalf of nobody
  const anonymousAudit = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditLog" WHERE "userId" IS NULL AND at >= $1`, [since]);
  await sql.end();
  expect(anonymousAudit.rows[0].n).toBe(0);
  reportFigure(`authorisation matrix, HTTP: ${cases} server actions, anonymous: all refused`);
  expect(cases).toBeGreaterThan(40);
});

test("every staff page, for every demo role, is answered or refused — never a server error", async ({ playwright, baseURL }) => {
  // eight accounts × every staff page, one request at a time: sized to its ~350 requests
  test.setTimeout(180_000);
  const staff = routes.filter((r) => r.startsWith("/quan-ly") && !r.includes("/api/"));
  const accounts = ["admin", "admin.tinh", "lanhdao", "tinh", "huyen", "xa", "so", "bientap"].map((a) => `${a}@ntm.demo`);
  let cases = 0;
  const seen = new Map<number, number>();
  for (const email of accounts) {
    const request = await playwright.request.newContext({ baseURL });
    await signIn(request, email);
    for (const route of staff) {
      const url = concrete(route);
      const res = await request.get(url, { maxRedirects: 0 });
      cases++;
      seen.set(res.status(), (seen.get(res.status()) ?? 0) + 1);
      // a redirect only to another staff page (/quan-ly sends each role to its own start page)
      if (res.status() === 307) expect(res.headers().location, `${email} ${url}`).toMatch(/^\/quan-ly\//);
      else expect([200, 403, 404], `${email} ${url}`).toContain(res.status());
      // the portal's settings are national: its national admin only, not a province's
      if (route === "/quan-ly/cai-dat") expect(res.status(), `${email} ${url}`).toBe(email === "admin@ntm.demo" ? 200 : 403);
    }
    await request.dispose();
  }
  reportFigure(`authorisation matrix, HTTP: staff pages × roles, ${cases} cases (${[...seen].map(([s, n]) => `${s}: ${n}`).join(", ")})`);
  // the matrix is not all refusals: every role opens some pages and is refused others
  expect(seen.get(200)).toBeGreaterThan(staff.length);
  expect(seen.get(403)).toBeGreaterThan(0);
});
