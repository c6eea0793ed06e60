// The bad-input corpus (issue 8) thrown at EVERY server action of the build, by every role: each
// action is posted, as the browser posts it, a form whose every field (every field name the
// portal's forms use) and every upload (a file named with the bad value) carries one bad value.
// - no answer is a server error, and no action fails unexpectedly ("INTERNAL");
// - no action succeeds, and nothing is written: no audit entry, no stored file, for the users
//   who sent the corpus (copies of the demo accounts, so other tests running at the same time
//   cannot blur the count).
// The outcomes per role are printed: the matrix shows who is refused and who is told what is wrong.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { reportFigure } from "../figures";
import { BAD_INPUTS } from "./bad-inputs";
import { callAction, connectionResets, serverActions, signIn } from "./build-manifest";

const ROLES = ["admin", "lanhdao", "tinh", "huyen", "xa", "so", "bientap"];
/** No input, so nothing to reject: signing out everywhere would end the session under test. */
const NO_INPUT = new Set(["signOutEverywhereAction"]);
/** Read-only: renders the editor's text through the sanitiser, so it rightly answers ok. */
const READ_ONLY = new Set(["previewRichTextAction"]);
/** An answer that says nothing was kept (the survey's reply to a filled-in honeypot field). */
const NOTHING_STORED = /"stored":false/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f));
}
const sources = [...sourceFiles("components"), ...sourceFiles("app"), ...sourceFiles("lib")].map((f) => readFileSync(f, "utf8"));
/** Every field name the portal's forms use, and the dynamic ones of the entry screen. */
const FIELDS = [...new Set(sources.flatMap((s) => [...s.matchAll(/name="([A-Za-z_][\w.-]*)"/g)].map((m) => m[1])))].concat(["v_1", "t_1"]);
/** Every upload field the actions read. */
const FILES = [...new Set(sources.flatMap((s) => [...s.matchAll(/formFile\(form, "(\w+)"\)/g)].map((m) => m[1])))];

function badForm(value: string): FormData {
  const form = new FormData();
  for (const name of FIELDS) form.append(name, value);
  for (const name of FILES) form.append(name, new File(["<script>alert(1)</script>"], `${value}.pdf`, { type: "application/pdf" }));
  return form;
}

function outcome(res: { status: number; text: string; redirect: string | null }): string {
  if (res.status >= 500) return `HTTP ${res.status}`;
  if (res.redirect) return "redirect";
  if (/"ok":true/.test(res.text)) return "ok";
  return /"code":"(\w+)"/.exec(res.text)?.[1] ?? `HTTP ${res.status}`;
}

test.describe.configure({ timeout: 600_000 });

test("every server action, by every role, takes every bad input without an error, a success or a write", async ({ playwright, baseURL }) => {
  expect(FIELDS.length).toBeGreaterThan(50);
  expect(FILES.length).toBeGreaterThan(2);
  const sql = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await sql.connect();
  const copies = await sql.query<{ id: number; email: string }>(
    `INSERT INTO "User" (email, name, "passwordHash", role, "unitId", "organisationId", "isDemo", "mustChangePassword")
     SELECT 'corpus-' || email, name, "passwordHash", role, "unitId", "organisationId", "isDemo", false FROM "User" WHERE email = ANY($1)
     ON CONFLICT (email) DO UPDATE SET active = true RETURNING id, email`,
    [ROLES.map((r) => `${r}@ntm.demo`)],
  );
  expect(copies.rows).toHaveLength(ROLES.length);
  const since = (await sql.query<{ now: Date }>("SELECT now()")).rows[0].now;

  const actions = serverActions.filter((a) => !NO_INPUT.has(a.label.split(" ")[1]));
  const matrix = new Map<string, Map<string, number>>();
  const failures: string[] = [];
  let cases = 0;
  for (const role of ROLES) {
    const request = await playwright.request.newContext({ baseURL });
    await signIn(request, `corpus-${role}@ntm.demo`);
    const cookie = (await request.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    await request.dispose();
    const tally = new Map<string, number>();
    matrix.set(role, tally);
    for (const action of actions) {
      for (const value of BAD_INPUTS) {
        const res = await callAction(baseURL!, action, [null, badForm(value)], cookie);
        cases++;
        const answer = outcome(res);
        const seen = answer === "ok" && NOTHING_STORED.test(res.text) ? "ok, nothing stored" : answer === "ok" && READ_ONLY.has(action.label.split(" ")[1]) ? "ok, read only" : answer;
        tally.set(seen, (tally.get(seen) ?? 0) + 1);
        const label = `${role} ${action.label} ${JSON.stringify(value.slice(0, 40))}`;
        // every failure is listed at the end, so one run shows them all
        if (res.status >= 500 || seen === "INTERNAL") failures.push(`${label}: ${seen}`);
        else if (res.text.includes("<script>alert(1)</script>")) failures.push(`${label}: markup echoed`);
        else if (seen === "ok" || seen === "redirect") failures.push(`${label}: accepted`);
      }
    }
  }
  const ids = copies.rows.map((r) => r.id);
  const written = await sql.query<{ audit: number; files: number }>(
    `SELECT (SELECT count(*) FROM "AuditLog" WHERE "userId" = ANY($1) AND at >= $2)::int AS audit,
            (SELECT count(*) FROM "StoredFile" WHERE "uploadedById" = ANY($1))::int AS files`,
    [ids, since],
  );
  await sql.end();
  expect(failures).toEqual([]);
  expect(written.rows[0]).toEqual({ audit: 0, files: 0 });
  // every role is told what is wrong with its input; roles without the right are refused before that
  for (const tally of matrix.values()) expect(tally.get("VALIDATION") ?? 0).toBeGreaterThan(0);
  expect([...matrix.values()].some((t) => (t.get("FORBIDDEN") ?? 0) > 0)).toBe(true);
  for (const [role, tally] of matrix) reportFigure(`bad inputs, server actions, outcomes for ${role}@: ${[...tally].sort().map(([k, n]) => `${k}: ${n}`).join(", ")}`);
  reportFigure(`bad inputs, server actions: connections reset before an answer (each call then answered on a new one): ${connectionResets.length}${connectionResets.length ? ` (${connectionResets.join(", ")})` : ""}`);
  reportFigure(`bad inputs, server actions: ${cases} calls (${actions.length} actions × ${BAD_INPUTS.length} values × ${ROLES.length} roles, ${FIELDS.length} fields and ${FILES.length} uploads each)`);
});
