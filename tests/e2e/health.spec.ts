// The probes a load balancer or a service manager asks (README "Vận hành"): /api/health says the
// process answers, /api/ready says whether to send it requests — 503 as soon as its database does
// not answer SELECT 1, within about a second whether the database refuses or stays silent. And the
// request id: kept when sane, replaced otherwise, on the response and in the JSON log lines of the
// request (an error Next caught included), which quote no secret.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { expect, test } from "@playwright/test";
import { freePort, waitForHttp } from "../../scripts/lib/ports";
import { portalServer } from "../../scripts/lib/server";

const packageVersion = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;

test("/api/health: 200 with the version and the build, not cached, no session needed", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toBe("no-store");
  expect(await res.json()).toEqual({ status: "ok", version: packageVersion, buildId: readFileSync(".next/BUILD_ID", "utf8").trim() });
});

test("/api/ready: 200 while the database answers, not cached", async ({ request }) => {
  const res = await request.get("/api/ready");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toBe("no-store");
  expect(await res.json()).toEqual({ status: "ready", checks: { database: "ok", cache: "ok" } });
});

test("x-request-id: a sane incoming id is kept, any other replaced by a UUID, on pages and API answers", async ({ request }) => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  for (const path of ["/", "/api/auth/csrf", "/quan-ly"]) {
    const kept = await request.get(path, { headers: { "x-request-id": "lb-7.e2e_kept" }, maxRedirects: 0 });
    expect(kept.headers()["x-request-id"], path).toBe("lb-7.e2e_kept");
    const replaced = await request.get(path, { headers: { "x-request-id": 'x","level":"fatal' }, maxRedirects: 0 });
    expect(replaced.headers()["x-request-id"], path).toMatch(UUID);
    const none = await request.get(path, { maxRedirects: 0 });
    expect(none.headers()["x-request-id"], path).toMatch(UUID);
  }
});

/** The server of this build on a database address of the test's choosing, its stdout kept. */
async function startServer(databaseUrl: string) {
  const port = await freePort();
  const env = { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: "info" };
  const portal = portalServer({ port, hostname: "127.0.0.1" });
  const child = spawn(process.execPath, portal.args, { env: { ...env, ...portal.env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  child.stdout!.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr!.resume();
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/api/health`, 60_000);
  return { child, baseUrl, stdout: () => stdout };
}

/** The JSON lines of a server's stdout (Next's own banner lines are not JSON). */
function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
}

let server: ChildProcess | undefined;
let fakeDatabase: Server | undefined;
test.afterEach(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill("SIGKILL");
    await new Promise((r) => server!.once("exit", r));
  }
  server = undefined;
  fakeDatabase?.close();
  fakeDatabase = undefined;
});

test("a server whose database refuses, then stays silent: alive, not ready within ~1 s, errors logged as JSON with the request id", async () => {
  test.setTimeout(120_000);
  const dbPort = await freePort(); // nothing listens there: connections are refused
  const started = await startServer(`postgresql://ntm:mat-khau-csdl@127.0.0.1:${dbPort}/ntm`);
  server = started.child;

  expect((await fetch(`${started.baseUrl}/api/health`)).status).toBe(200);

  // the first query also loads Prisma's query compiler, which can take a second on a busy machine
  await (await fetch(`${started.baseUrl}/api/ready`)).arrayBuffer();
  let t = performance.now();
  const refused = await fetch(`${started.baseUrl}/api/ready`);
  const refusedMs = performance.now() - t;
  expect(refused.status).toBe(503);
  expect(refused.headers.get("cache-control")).toBe("no-store");
  expect(await refused.json()).toEqual({ status: "not-ready", checks: { database: "failed", cache: "failed" }, message: "Chưa sẵn sàng: database, cache không trả lời." });

  // a database that accepts the connection and never answers
  const held: Socket[] = [];
  fakeDatabase = createServer((socket) => void held.push(socket));
  await new Promise<void>((listening) => fakeDatabase!.listen(dbPort, "127.0.0.1", listening));
  t = performance.now();
  const silent = await fetch(`${started.baseUrl}/api/ready`);
  const silentMs = performance.now() - t;
  expect(silent.status).toBe(503);
  expect(await silent.json()).toMatchObject({ status: "not-ready", checks: { database: "timeout" } });
  expect(silentMs).toBeGreaterThanOrEqual(950);
  expect(silentMs).toBeLessThan(3_000);
  for (const s of held) s.destroy();
  fakeDatabase.close();
  console.log(`/api/ready without a database: 503 in ${Math.round(refusedMs)} ms (refused), ${Math.round(silentMs)} ms (silent)`);

  // a page that needs the database fails; Next's onRequestError logs it with the request's id
  const page = await fetch(`${started.baseUrl}/`, { headers: { "x-request-id": "e2e-render-error-1" } });
  expect(page.status).toBe(500);
  expect(page.headers.get("x-request-id")).toBe("e2e-render-error-1");
  await expect.poll(() => jsonLines(started.stdout()).some((l) => l.msg === "request failed" && l.requestId === "e2e-render-error-1")).toBe(true);

  const lines = jsonLines(started.stdout());
  for (const line of lines) {
    expect(typeof line.time).toBe("string");
    expect(typeof line.level).toBe("string");
    expect(typeof line.msg).toBe("string");
  }
  expect(lines).toContainEqual(expect.objectContaining({ level: "info", msg: "request", requestId: "e2e-render-error-1", method: "GET", path: "/", client: "127.0.0.1" }));
  expect(lines).toContainEqual(
    expect.objectContaining({ level: "error", msg: "request failed", requestId: "e2e-render-error-1", path: "/", routeType: "render", digest: expect.any(String) }),
  );
  expect(lines).toContainEqual(expect.objectContaining({ level: "warn", msg: "not ready", checks: { database: "failed", cache: "failed" } }));
  expect(started.stdout()).not.toContain("mat-khau-csdl");
});
