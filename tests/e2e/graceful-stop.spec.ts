// Stopping the production server (`npm run start:prod`, README "Vận hành") while a 5 MB import
// upload is still arriving: SIGTERM closes the listening socket at once (a new connection is
// refused), the upload is read to its end and answered in full by the app, a request on the
// connection still open is told "not ready" (503, draining), and start:prod exits 0 once the
// server has stopped. Runs with the e2e suite because it needs the current `.next`.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { buildIsCurrent } from "../../scripts/lib/build";
import { freePort, waitForHttp } from "../../scripts/lib/ports";
import { dropDatabase } from "../../scripts/lib/postgres";
import { signIn } from "../../scripts/lib/sign-in";
import { reportFigure } from "../figures";
import { freshDatabase, PRODUCTION, runScript, startScript } from "../production";

const ADMIN = { email: "quantri.vanhanh@nongthonmoi.gov.vn", password: "Dong-lua-chin-2026" };
const UPLOAD_BYTES = 5 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;
/** 80 chunks 25 ms apart: the body takes about 2 s to arrive */
const CHUNK_GAP_MS = 25;

let database: { name: string; url: string } | undefined;
let server: ChildProcess | undefined;
const dataDir = mkdtempSync(join(tmpdir(), "ntm-stop-"));

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // start:prod serves the build as it is; npm test builds before the suite
  expect(buildIsCurrent(), "the production build is older than the sources: run this through `npm test -- e2e`").toBe(true);
  // a real installation: start:prod refuses the e2e database, whose demo accounts have a public password
  database = await freshDatabase(process.env.TEST_ADMIN_URL!, process.env.E2E_DATABASE_URL!);
  const seed = await runScript("scripts/seed.ts", ["--no-demo"], { DATABASE_URL: database.url });
  expect(seed.code, seed.stderr).toBe(0);
  const admin = await runScript("scripts/create-admin.ts", ["--email", ADMIN.email, "--name", "Quản trị vận hành"], { DATABASE_URL: database.url, ADMIN_PASSWORD: ADMIN.password });
  expect(admin.code, admin.stderr).toBe(0);
  // the password change asked at the first sign-in is another test's subject
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(`UPDATE "User" SET "mustChangePassword" = false WHERE email = $1`, [ADMIN.email]);
  await client.end();
});

test.afterAll(async () => {
  // whatever a failed test left: start:prod and the server under it
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      // nothing left
    }
  }
  if (database) await dropDatabase(process.env.TEST_ADMIN_URL!, database.name).catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
});

/** Whether a new TCP connection to the port is refused (the server no longer listens). */
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (err: NodeJS.ErrnoException) => resolve(err.code === "ECONNREFUSED"));
  });
}

interface Answer {
  status: number;
  body: string;
  reusedSocket: boolean;
}

/** Sends a request on `agent` and reads its whole answer; `writeBody` writes the body and ends it. */
function send(agent: http.Agent, port: number, opts: http.RequestOptions, writeBody: (req: http.ClientRequest) => Promise<void> | void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, agent, ...opts }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, body, reusedSocket: req.reusedSocket }));
      res.on("error", reject);
    });
    req.on("error", reject);
    Promise.resolve(writeBody(req)).catch(reject);
  });
}

test("SIGTERM mid-upload: the upload is answered in full, new connections are refused, start:prod exits 0", async () => {
  test.setTimeout(180_000);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  server = startScript("scripts/start-prod.ts", [], { ...PRODUCTION, DATABASE_URL: database!.url, PORT: String(port), NTM_DATA_DIR: dataDir }, undefined, { detached: true });
  let output = "";
  server.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  server.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => server!.once("exit", (code, signal) => resolve({ code, signal })));
  await Promise.race([waitForHttp(`${baseUrl}/api/health`, 90_000), exited.then((e) => Promise.reject(new Error(`start:prod ended (${JSON.stringify(e)}):\n${output}`)))]);
  // ready once the database answers in time (the first query of a process also starts Prisma's client)
  await expect.poll(async () => (await fetch(`${baseUrl}/api/ready`)).status, { message: output, timeout: 15_000 }).toBe(200);

  const cookie = await signIn(baseUrl, ADMIN.email, ADMIN.password);
  // one connection, kept open: the request after the upload goes on it
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const boundary = "----ntm-graceful-stop";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\ndry-run\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ca-nuoc.xlsx"\r\n` +
      "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n",
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const file = Buffer.alloc(UPLOAD_BYTES, "x"); // not a workbook: the dry run reports it as such

  let sent = 0;
  let uploadEnded = false;
  let signalledAt = 0;
  const signalled = new Promise<void>((resolve) => {
    void (async () => {
      while (sent < UPLOAD_BYTES * 0.3) await sleep(10);
      signalledAt = performance.now();
      server!.kill("SIGTERM");
      resolve();
    })();
  });
  const upload = send(
    agent,
    port,
    {
      method: "POST",
      path: "/api/nhap-lieu",
      headers: { Cookie: cookie, Origin: baseUrl, "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": head.length + UPLOAD_BYTES + tail.length },
    },
    async (req) => {
      req.write(head);
      for (let at = 0; at < UPLOAD_BYTES; at += CHUNK_BYTES) {
        req.write(file.subarray(at, at + CHUNK_BYTES));
        sent = at + CHUNK_BYTES;
        await sleep(CHUNK_GAP_MS);
      }
      req.end(tail);
      uploadEnded = true;
    },
  );

  await signalled;
  // the listening socket closes as soon as the server hears the signal, while the upload goes on
  let refused = false;
  while (!refused && !uploadEnded && performance.now() - signalledAt < 5_000) {
    refused = await connectionRefused(port);
    if (!refused) await sleep(20);
  }
  const refusedAfterMs = performance.now() - signalledAt;
  expect(refused, "a new connection is refused before the upload has ended").toBe(true);
  expect(uploadEnded).toBe(false);

  // the app's own answer to the whole body: a dry-run report, the file read to its last byte
  const answer = await upload;
  const answeredAfterMs = performance.now() - signalledAt;
  expect(answer.status, answer.body).toBe(200);
  const events = answer.body.trim().split("\n").map((l) => JSON.parse(l) as { type: string });
  expect(events[0]).toEqual({ type: "progress", stage: "read", done: 0, total: UPLOAD_BYTES });
  expect(events.at(-1)).toMatchObject({ type: "report", report: { fileName: "ca-nuoc.xlsx" } });
  expect(answer.body).toContain("Tệp có đuôi .xlsx nhưng không phải là tệp Excel hợp lệ");

  // the connection is still open: the server says it is stopping
  const ready = await send(agent, port, { method: "GET", path: "/api/ready" }, (req) => void req.end());
  expect(ready.reusedSocket).toBe(true);
  expect(ready.status).toBe(503);
  expect(JSON.parse(ready.body)).toEqual({ status: "draining", message: "Máy chủ đang dừng (tín hiệu SIGTERM): không nhận yêu cầu mới." });
  agent.destroy();

  const exit = await Promise.race([exited, sleep(20_000).then(() => "still running" as const)]);
  const stoppedAfterMs = performance.now() - signalledAt;
  expect(exit, output).toEqual({ code: 0, signal: null });
  expect(await connectionRefused(port)).toBe(true);
  // the stop is in the JSON log, and the password given at sign-in and the session cookie are not
  expect(output).toContain('"signal":"SIGTERM","msg":"stopping: no new connections, answering the requests in flight"');
  expect(output).not.toContain(ADMIN.password);
  expect(output).not.toContain(cookie.split("; ").find((c) => c.includes("session-token"))!.split("=")[1]);
  reportFigure(
    `Dừng máy chủ (SIGTERM giữa lúc tải lên 5 MB): từ chối kết nối mới sau ${Math.round(refusedAfterMs)} ms, trả lời đủ tệp tải lên sau ${Math.round(answeredAfterMs)} ms, start:prod thoát mã 0 sau ${Math.round(stoppedAfterMs)} ms`,
  );
});
