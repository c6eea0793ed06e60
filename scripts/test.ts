// npm test — every suite on throw-away databases, never the demo one:
//   unit (vitest) · integration (vitest, real PostgreSQL) · end-to-end (Playwright, Chromium).
// An embedded PostgreSQL is started in .test-data/ unless DATABASE_URL names a server, in which
// case fresh databases are created there and dropped afterwards. Ends with "N passed, N failed".
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { isDatabaseEmpty, seedDatabase } from "../prisma/seed.ts";
import { buildIsCurrent } from "./lib/build.ts";
import { ensureChromium, ensureNginx } from "./lib/debian-tools.ts";
import { applyMigrations } from "./lib/migrations.ts";
import { freePort, waitForHttp } from "./lib/ports.ts";
import { portalServer } from "./lib/server.ts";
import {
  dropDatabase,
  ensureAppDatabase,
  externalServer,
  startEmbeddedPostgres,
  type DatabaseServer,
} from "./lib/postgres.ts";

const OUT = resolve(".test-data");
const SUITES = ["typecheck", "unit", "integration", "e2e"];
const args = process.argv.slice(2).filter((a) => !a.startsWith("-"));
/** suites named on the command line, e.g. `npm test -- unit e2e` (none: all) */
const only = args.filter((a) => SUITES.includes(a));
/** any other word filters the test files by name, e.g. `npm test -- integration scope` */
const fileNames = args.filter((a) => !SUITES.includes(a));
/** `--security` (npm run check:security): only the tests that prove the portal's security, and their report. */
const securityOnly = process.argv.includes("--security");
const wants = (suite: string) => (only.length === 0 && !(securityOnly && suite === "typecheck")) || only.includes(suite);
const SECURITY_FILES: Record<string, string[]> = {
  unit: ["sanitize", "security-headers", "auth-rules", "file-download", "correction-rules", "http-guards", "upload-content", "upload-storage", "import-zip-limits"],
  integration: [
    "assessment-authz", "programme-authz", "scope", "auth-hardening", "assessment-concurrency", "import-fault", "backup", "audit-log", "corrections",
    "national-scope", "file-scope", "public-figures", "database-roles", "import-limits", "visits",
  ],
  e2e: ["route-matrix", "action-corpus", "bad-input-corpus", "security-headers", "auth", "account", "login-address-limit", "audit-log", "corrections", "file-scope", "upload-abuse", "npm-start"],
};
const fileFilter = (suite: string) => (securityOnly ? SECURITY_FILES[suite] : fileNames);
/** Where the tests write the figures they prove (tests/figures.ts). */
const FIGURES = resolve(`.test-data/figures-${process.pid}.txt`);
/** This run's reports: several runs may share .test-data (one per suite, say) without mixing them. */
const REPORTS = `${OUT}/reports-${process.pid}`;

interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  error?: string;
}
const results: SuiteResult[] = [];
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: "1", TEST_FIGURES_FILE: FIGURES };

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = baseEnv): number {
  return spawnSync(cmd, args, { stdio: "inherit", env }).status ?? 1;
}

function vitestCounts(file: string): { passed: number; failed: number } {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const r = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests };
}

function playwrightCounts(file: string): { passed: number; failed: number } {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const r = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected };
}

function vitest(project: string, env: NodeJS.ProcessEnv): void {
  const out = `${REPORTS}/${project}.json`;
  rmSync(out, { force: true });
  const code = run(process.execPath, [
    resolve("node_modules/vitest/vitest.mjs"), "run", "--project", project,
    "--reporter=default", "--reporter=json", `--outputFile=${out}`, ...(fileNames.length ? ["--passWithNoTests"] : []), ...fileFilter(project),
  ], env);
  const counts = vitestCounts(out);
  results.push({ name: project, ...counts, error: code !== 0 && counts.failed === 0 ? `vitest exited with ${code}` : undefined });
}

async function prepareDatabase(server: DatabaseServer, name: string, demo: boolean): Promise<string> {
  await dropDatabase(server.adminUrl, name);
  // the app's own role, not the superuser: the tests prove the portal runs without more
  const url = await ensureAppDatabase(server, name);
  await applyMigrations(url);
  if (await isDatabaseEmpty(url)) await seedDatabase(url, { demo });
  return url;
}

async function main() {
  mkdirSync(REPORTS, { recursive: true });
  rmSync(FIGURES, { force: true });
  const started = Date.now();
  let server: DatabaseServer | undefined;
  let app: ChildProcess | undefined;
  const runId = `${process.pid}`;
  const dbNames: string[] = [];
  const pgDir = `${OUT}/pg-${runId}`;
  try {
    if (wants("typecheck")) {
      const code = run(process.execPath, [resolve("node_modules/typescript/bin/tsc"), "--noEmit", "-p", "."]);
      results.push({ name: "typecheck", passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });
    }
    if (wants("unit")) vitest("unit", baseEnv);

    if (wants("integration") || wants("e2e")) {
      ensureNginx();
      if (process.env.DATABASE_URL) {
        server = externalServer(process.env.DATABASE_URL);
      } else {
        server = await startEmbeddedPostgres({ dataDir: pgDir, port: await freePort(), fast: true, quiet: true });
      }
    }

    if (wants("integration") && server) {
      const name = `ntm_test_${runId}`;
      dbNames.push(name);
      const url = await prepareDatabase(server, name, true);
      vitest("integration", { ...baseEnv, DATABASE_URL: url, TEST_ADMIN_URL: server.adminUrl });
    }

    if (wants("e2e") && server) {
      const chromium = ensureChromium();
      const name = `ntm_e2e_${runId}`;
      dbNames.push(name);
      const url = await prepareDatabase(server, name, true);
      // built as README says an operator builds: `npm run build` (scripts/build.ts)
      if (!buildIsCurrent()) {
        if (run("npm", ["run", "build"]) !== 0) throw new Error("npm run build failed");
      }
      const port = await freePort();
      const env = {
        ...baseEnv,
        DATABASE_URL: url,
        NEXTAUTH_SECRET: "e2e-secret-not-for-production",
        NEXTAUTH_URL: `http://localhost:${port}`,
      };
      const portal = portalServer({ port });
      app = spawn(process.execPath, portal.args, { stdio: ["ignore", "ignore", "inherit"], env: { ...env, ...portal.env } });
      await waitForHttp(`http://localhost:${port}/`, 60_000);
      const out = `${REPORTS}/e2e.json`;
      rmSync(out, { force: true });
      const code = run(process.execPath, [resolve("node_modules/@playwright/test/cli.js"), "test", ...(fileNames.length ? ["--pass-with-no-tests"] : []), ...fileFilter("e2e")], {
        ...env,
        BASE_URL: `http://localhost:${port}`,
        CHROMIUM_PATH: chromium,
        E2E_DATABASE_URL: url,
        // for the tests that need a database of their own (a production start refuses the demo one)
        TEST_ADMIN_URL: server.adminUrl,
        PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      });
      const counts = playwrightCounts(out);
      results.push({ name: "e2e", ...counts, error: code !== 0 && counts.failed === 0 ? `playwright exited with ${code}` : undefined });
    }
  } catch (err) {
    results.push({ name: "harness", passed: 0, failed: 1, error: err instanceof Error ? err.message : String(err) });
  } finally {
    if (app && app.exitCode === null && app.signalCode === null) {
      app.kill("SIGTERM");
      await new Promise((r) => app!.once("exit", r));
    }
    if (server) {
      if (server.embedded) {
        await server.stop().catch(() => {});
        rmSync(pgDir, { recursive: true, force: true });
      } else {
        for (const n of dbNames) await dropDatabase(server.adminUrl, n).catch(() => {});
      }
    }
  }

  const passed = results.reduce((s, r) => s + r.passed, 0);
  const failed = results.reduce((s, r) => s + r.failed + (r.error ? 1 : 0), 0);
  if (existsSync(FIGURES)) {
    console.log("\n── Số liệu các kiểm thử chứng minh (phân quyền, dữ liệu xấu, đồng thời, sự cố, sao lưu) ──");
    for (const line of readFileSync(FIGURES, "utf8").trim().split("\n").sort()) console.log(`  ${line}`);
  }
  console.log("\n── Kết quả kiểm thử ──");
  for (const r of results) console.log(`  ${r.name.padEnd(12)} ${r.passed} passed, ${r.failed} failed${r.error ? ` (${r.error})` : ""}`);
  console.log(`  thời gian   ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  rmSync(REPORTS, { recursive: true, force: true });
  rmSync(FIGURES, { force: true });
  process.exit(failed > 0 || results.length === 0 ? 1 : 0);
}

await main();
