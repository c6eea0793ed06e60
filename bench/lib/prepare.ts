// The benchmarks' PostgreSQL and data. An embedded server in .bench-data/pg (fast mode: no fsync)
// unless DATABASE_URL names a server. The national-scale database (the normal demo seed plus
// `npm run demo:national`: every xã of 1/3/2025, assessments 2019–2025) is prepared once and kept
// as a template database named after a hash of everything that shapes it; each benchmark then
// gets its own copy (CREATE DATABASE … TEMPLATE), so runs start from identical data.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { isDatabaseEmpty, seedDatabase } from "../../prisma/seed.ts";
import { seedNationalDemo } from "../../scripts/demo-national.ts";
import { applyMigrations } from "../../scripts/lib/migrations.ts";
import { freePort } from "../../scripts/lib/ports.ts";
import {
  createDatabaseIfMissing,
  databaseUrl,
  dropDatabase,
  externalServer,
  startEmbeddedPostgres,
  withClient,
  type DatabaseServer,
} from "../../scripts/lib/postgres.ts";
import type { DataScale } from "./types.ts";

export const BENCH_DIR = resolve(".bench-data");
const CLUSTER_DIR = join(BENCH_DIR, "pg");
const TEMPLATE_PREFIX = "ntm_bench_tpl_";
const BUILD_PREFIX = "ntm_bench_build_";
export const RUN_PREFIX = "ntm_bench_run_";

/** Everything the prepared data is made from: change one file and the cache is rebuilt. */
const CACHE_INPUTS = [
  "prisma/migrations",
  "prisma/seed.ts",
  "prisma/seed",
  "prisma/data",
  "lib/criteria/rules.ts",
  "scripts/demo-national.ts",
  "bench/lib/prepare.ts",
];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => filesUnder(join(path, d.name)));
}

/** 16 hex digits of a sha256 over the paths and contents of CACHE_INPUTS. */
export function cacheKey(root = process.cwd()): string {
  const hash = createHash("sha256");
  for (const file of CACHE_INPUTS.flatMap((p) => filesUnder(resolve(root, p)))) {
    hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

/** DATABASE_URL's server, or the embedded one of .bench-data/pg (started fresh if it will not start). */
export async function startBenchServer(log: (m: string) => void): Promise<DatabaseServer> {
  if (process.env.DATABASE_URL) return externalServer(process.env.DATABASE_URL);
  const start = async () => startEmbeddedPostgres({ dataDir: CLUSTER_DIR, port: await freePort(), fast: true, quiet: true });
  try {
    return await start();
  } catch (err) {
    if (existsSync(join(CLUSTER_DIR, "postmaster.pid"))) {
      throw new Error(`the cluster in ${relative(process.cwd(), CLUSTER_DIR)} is in use (another \`npm run bench\`?): ${err instanceof Error ? err.message : err}`);
    }
    // e.g. a cluster of another PostgreSQL version, or one left broken by a crash (fsync is off)
    log(`bench: the cached cluster did not start (${err instanceof Error ? err.message : err}); starting afresh`);
    rmSync(CLUSTER_DIR, { recursive: true, force: true });
    return start();
  }
}

async function databasesLike(server: DatabaseServer, prefix: string): Promise<string[]> {
  return withClient(server.adminUrl, async (c) =>
    (await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname`, [prefix])).rows.map(
      (r) => r.datname,
    ),
  );
}

/** Drops a database unless someone is connected to it (a concurrent run on a shared server). */
async function dropIfUnused(server: DatabaseServer, name: string) {
  await withClient(server.adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}"`)).catch(() => {});
}

export interface PreparedData {
  template: string;
  rebuilt: boolean;
  seconds: number;
}

/**
 * The template database of the national-scale data for the current sources: reused when present,
 * otherwise built (≈ 2 minutes) under a temporary name and renamed when complete, so an
 * interrupted build is never mistaken for a finished one.
 */
export async function prepareNationalData(server: DatabaseServer, opts: { rebuild: boolean; log: (m: string) => void }): Promise<PreparedData> {
  const started = Date.now();
  const template = `${TEMPLATE_PREFIX}${cacheKey()}`;
  // leftovers of interrupted runs, and caches of older sources
  for (const name of await databasesLike(server, BUILD_PREFIX)) await dropIfUnused(server, name);
  for (const name of await databasesLike(server, RUN_PREFIX)) await dropIfUnused(server, name);
  for (const name of await databasesLike(server, TEMPLATE_PREFIX)) if (name !== template) await dropIfUnused(server, name);

  const existing = await databasesLike(server, template);
  if (existing.includes(template) && !opts.rebuild) return { template, rebuilt: false, seconds: (Date.now() - started) / 1000 };

  opts.log(`bench: preparing national-scale data (${opts.rebuild ? "--rebuild" : "no cache for these sources"}): seed, demo:national, VACUUM…`);
  const build = `${BUILD_PREFIX}${process.pid}`;
  await dropDatabase(server.adminUrl, build);
  await createDatabaseIfMissing(server.adminUrl, build);
  const url = databaseUrl(server.adminUrl, build);
  await applyMigrations(url);
  if (!(await isDatabaseEmpty(url))) throw new Error(`${build} is not empty`);
  const seed = await seedDatabase(url, { demo: true });
  opts.log(`bench:   seed ${seed.seconds.toFixed(1)} s`);
  const national = await seedNationalDemo(url);
  opts.log(`bench:   demo:national ${national.assessments} assessments of ${national.communes} more communes, ${national.seconds.toFixed(1)} s`);
  // set hint bits and the visibility map once, so that no benchmark pays for them
  await withClient(url, (c) => c.query("VACUUM (FREEZE, ANALYZE)"));
  await dropDatabase(server.adminUrl, template);
  await withClient(server.adminUrl, (c) => c.query(`ALTER DATABASE "${build}" RENAME TO "${template}"`));
  return { template, rebuilt: true, seconds: (Date.now() - started) / 1000 };
}

export async function dataScale(server: DatabaseServer, template: string): Promise<DataScale> {
  return withClient(databaseUrl(server.adminUrl, template), async (c) => {
    const { rows } = await c.query<DataScale>(
      `SELECT count(DISTINCT "unitId") FILTER (WHERE year = 2025)::int AS communes, count(*)::int AS assessments FROM "Assessment"`,
    );
    return rows[0];
  });
}

/** A fresh copy of the template; FILE_COPY (PostgreSQL ≥ 15) copies the files instead of logging every page. */
export async function copyDatabase(server: DatabaseServer, template: string, name: string): Promise<string> {
  await withClient(server.adminUrl, async (c) => {
    const version = Number((await c.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0].v);
    await c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"${version >= 150000 ? " STRATEGY FILE_COPY" : ""}`);
  });
  return databaseUrl(server.adminUrl, name);
}
