// `npm start` as README documents it, on a data directory of its own (NTM_DATA_DIR) and free
// ports, from the production build this run made: whichever way its web process ends — killed
// outright (as the OOM killer would), Ctrl-C, SIGTERM — npm start ends too, and takes its
// embedded PostgreSQL with it. Runs with the e2e suite because it needs the current `.next`.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { buildIsCurrent } from "../../scripts/lib/build";
import { freePort } from "../../scripts/lib/ports";


// one data directory for the file: the first start seeds it (~20 s), the others reuse it
const dataRoot = mkdtempSync(join(tmpdir(), "ntm-start-"));
const pgDir = join(dataRoot, "pg");

interface Proc {
  pid: number;
  ppid: number;
  pgrp: number;
  /** Z: a zombie, dead already (its new parent, PID 1 in a container, may never reap it) */
  state: string;
  cmdline: string[];
}

/** Every process of the machine, read from /proc. */
function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmdline = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0").filter(Boolean);
      out.push({ pid: Number(name), ppid: Number(ppid), pgrp: Number(pgrp), state, cmdline });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function descendants(pid: number): Proc[] {
  const all = processes();
  const found: Proc[] = [];
  const parents = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (parents.has(p.ppid) && !parents.has(p.pid)) {
        parents.add(p.pid);
        found.push(p);
        grew = true;
      }
    }
  }
  return found;
}

/** What is left of npm start's process group (a terminal's job): orphans keep their group. */
const leftOf = (s: Started) => processes().filter((p) => p.pgrp === s.npm.pid && p.state !== "Z").map((p) => `${p.pid} ${p.cmdline.join(" ")}`);

/** The PostgreSQL server of our data directory and its backends, wherever they run. */
function postgresOfDataDir(): Proc[] {
  const all = processes();
  const postmasters = all.filter((p) => p.cmdline.some((a, i) => (a === "-D" && p.cmdline[i + 1] === pgDir) || a === `-D${pgDir}`));
  const pids = new Set(postmasters.map((p) => p.pid));
  return [...postmasters, ...all.filter((p) => pids.has(p.ppid))];
}

interface Started {
  npm: ChildProcess;
  web: Proc;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

/** `npm start` in a process group of its own (as a terminal runs it), once it says it is ready. */
async function npmStart(): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, NTM_DATA_DIR: dataRoot, EMBEDDED_PG_PORT: String(await freePort()), PORT: String(await freePort()) };
  // the e2e run's own database, uploads and address are not this instance's
  for (const k of ["DATABASE_URL", "E2E_DATABASE_URL", "UPLOAD_DIR", "NEXTAUTH_URL"]) delete env[k];
  const npm = spawn("npm", ["start"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  startedGroup = npm.pid;
  let output = "";
  npm.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  npm.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => npm.once("exit", (code, signal) => resolve({ code, signal })));
  const ready = await Promise.race([
    new Promise<boolean>((resolve) => {
      const check = () => (/Nhấn Ctrl-C để dừng/.test(output) ? resolve(true) : setTimeout(check, 100));
      check();
    }),
    exited.then(() => false),
  ]);
  if (!ready) throw new Error(`npm start ended before it was ready:\n${output}`);
  // Next's server names its process "next-server (vX.Y.Z)"
  const web = descendants(npm.pid!).find((p) => p.cmdline.some((a) => a.startsWith("next-server")));
  if (!web) throw new Error(`no web process under npm start:\n${output}`);
  expect(postgresOfDataDir().length, "PostgreSQL runs while npm start does").toBeGreaterThan(0);
  return { npm, web, exited, output: () => output };
}

/** How npm start ended, or "still running" after `ms`. */
async function endWithin(s: Started, ms: number) {
  const started = Date.now();
  const timeout = new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), ms));
  const result = await Promise.race([s.exited, timeout]);
  return { result, seconds: (Date.now() - started) / 1000 };
}

let current: Started | undefined;
/** the process group of the last npm start, killed after each test even if it never got ready */
let startedGroup: number | undefined;

test.beforeAll(() => {
  // npm start would rebuild .next under the running e2e server; npm test builds before the suite
  expect(buildIsCurrent(), "the production build is older than the sources: run this through `npm test -- e2e`").toBe(true);
});

test.afterEach(async () => {
  // whatever a failed test left, npm gone or not: its process group (orphans keep it), PostgreSQL
  if (startedGroup) {
    try {
      process.kill(-startedGroup, "SIGKILL");
    } catch {
      // nothing left
    }
  }
  for (const p of postgresOfDataDir()) {
    try {
      process.kill(p.pid, "SIGKILL");
    } catch {
      // gone
    }
  }
  current = undefined;
  startedGroup = undefined;
});

test.afterAll(() => {
  rmSync(dataRoot, { recursive: true, force: true });
});

test("kill -9 of the web process: npm start exits non-zero within 5 s and leaves no PostgreSQL behind", async () => {
  test.setTimeout(180_000);
  current = await npmStart();
  process.kill(current.web.pid, "SIGKILL");
  const { result } = await endWithin(current, 5_000);
  expect(result, current.output()).not.toBe("still running");
  expect(result).not.toEqual({ code: 0, signal: null });
  expect(postgresOfDataDir()).toEqual([]);
  expect(existsSync(join(pgDir, "postmaster.pid"))).toBe(false);
  expect(leftOf(current)).toEqual([]);
});

test("Ctrl-C stops the web process and PostgreSQL, exit code 0", async () => {
  test.setTimeout(120_000);
  current = await npmStart();
  process.kill(-current.npm.pid!, "SIGINT"); // what a terminal does: the whole foreground group
  const { result } = await endWithin(current, 15_000);
  expect(result, current.output()).toEqual({ code: 0, signal: null });
  expect(postgresOfDataDir()).toEqual([]);
  expect(leftOf(current)).toEqual([]);
});

test("SIGTERM to npm start stops the web process and PostgreSQL, exit code 0", async () => {
  test.setTimeout(120_000);
  current = await npmStart();
  process.kill(current.npm.pid!, "SIGTERM");
  const { result } = await endWithin(current, 15_000);
  expect(result, current.output()).toEqual({ code: 0, signal: null });
  expect(postgresOfDataDir()).toEqual([]);
  expect(leftOf(current)).toEqual([]);
});
