// What the build itself says exists: every route and every server action, so the security tests
// cover a new page or action the day it is added.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { expect } from "@playwright/test";
import { DEMO_PASSWORD } from "./helpers";

export const routes = Object.values(JSON.parse(readFileSync(resolve(".next/app-path-routes-manifest.json"), "utf8")) as Record<string, string>)
  .filter((r) => !r.startsWith("/_") && !r.startsWith("/api/auth/"))
  .sort();

const SAMPLE: Record<string, string> = { id: "1", slug: "khong-co-trang-nay", report: "xa-dat-chuan", name: "tong-hop", communeId: "1", year: "2025", taskId: "1" };
/** Valid query strings, so a refusal is about who asks, not what is asked. */
const QUERY: Record<string, string> = { "/api/nhap-lieu/mau": "?nam=2025&don-vi=1", "/api/bao-cao/[report]": "?nam=2025" };
/** A route template with its dynamic segments filled. */
export const concrete = (route: string) => route.replace(/\[(\w+)\]/g, (_, k: string) => SAMPLE[k] ?? "1") + (QUERY[route] ?? "");

export interface ServerAction {
  id: string;
  /** e.g. "lib/news/actions.ts saveArticleAction" */
  label: string;
  /** a page the action is posted to, as the browser would */
  page: string;
}

export const serverActions: ServerAction[] = Object.entries(
  (JSON.parse(readFileSync(resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  }).node,
).map(([id, a]) => ({
  id,
  label: `${a.filename} ${a.exportedName}`,
  page: concrete(Object.keys(a.workers)[0].replace(/^app/, "").replace(/\/\([^)]+\)/g, "").replace(/\/page$/, "") || "/"),
}));

/** Connection resets met by callAction, each followed by a retry that was answered. */
export const connectionResets: string[] = [];

/**
 * Calls a server action as the browser does (React's reply encoding, Next-Action header). A
 * connection reset before any answer is retried once, on a new connection, as a browser retries
 * a request whose reused connection was reset; a second failure is thrown, naming the call.
 */
export async function callAction(baseURL: string, action: ServerAction, args: unknown[], cookie = ""): Promise<{ status: number; text: string; redirect: string | null }> {
  const { encodeReply } = (await import("next/dist/compiled/react-server-dom-webpack/client.node.js" as string)) as { encodeReply(v: unknown): Promise<string | FormData> };
  const body = await encodeReply(args);
  const post = () =>
    fetch(new URL(action.page, baseURL), {
      method: "POST",
      redirect: "manual",
      headers: { "Next-Action": action.id, Accept: "text/x-component", Origin: baseURL, ...(cookie ? { Cookie: cookie } : {}) },
      body,
    });
  let res: Response;
  try {
    res = await post();
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code !== "ECONNRESET") throw err;
    res = await post().catch((again: unknown) => {
      throw new Error(`${action.label} on ${action.page}: the connection was reset twice`, { cause: again });
    });
    connectionResets.push(action.label);
  }
  return { status: res.status, text: await res.text(), redirect: res.headers.get("x-action-redirect") ?? res.headers.get("location") };
}

export async function signIn(request: APIRequestContext, email: string) {
  const csrf = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, email, password: DEMO_PASSWORD, json: "true" } });
  expect(res.status(), `sign-in of ${email}`).toBeLessThan(400);
}
