// The repository's commands run as an operator types them (`npm run start:prod`, `npm run
// db:seed`, …), each with only the environment given, never the test's own database; and fresh
// databases for them. Shared by the integration test of a real installation and the e2e test of
// the production server's stop.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import { createDatabaseIfMissing, databaseUrl } from "../scripts/lib/postgres";

export const ROOT = resolve(".");

export type Env = Record<string, string | undefined>;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Everything a production start needs, right (tests break one thing at a time). */
export const PRODUCTION = {
  DEMO_MODE: "0",
  NEXTAUTH_SECRET: "k9QxV3mZ7pL2sT8wR4nB6yH1cF5gJ0dA", // 32 characters
  NEXTAUTH_URL: "https://nongthonmoi.example.gov.vn",
};

/**
 * Starts one of the repository's scripts as `npm run …` does (node --import tsx), output piped;
 * `detached`: in a process group of its own, which a test can kill whole (its server included).
 */
export function startScript(script: string, args: string[], env: Env, cwd = ROOT, opts: { detached?: boolean } = {}): ChildProcess {
  const clean = Object.fromEntries(
    Object.entries({ PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: "1", ...env }).filter(([, v]) => v !== undefined),
  ) as NodeJS.ProcessEnv;
  return spawn(process.execPath, ["--import", "tsx", join(ROOT, script), ...args], { cwd, env: clean, stdio: ["ignore", "pipe", "pipe"], detached: opts.detached });
}

/** Runs a script to its end (killed after 150 s). */
export function runScript(script: string, args: string[], env: Env, cwd = ROOT): Promise<Run> {
  return new Promise((done, fail) => {
    const child = startScript(script, args, env, cwd);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 150_000);
    child.on("error", fail);
    child.on("exit", (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/**
 * An empty database on the server of `appUrl`, made by `adminUrl`'s superuser and owned by the
 * role the portal connects as (that of `appUrl`). The caller drops it (dropDatabase).
 */
export async function freshDatabase(adminUrl: string, appUrl: string): Promise<{ name: string; url: string }> {
  const name = `ntm_test_prod_${randomBytes(4).toString("hex")}`;
  await createDatabaseIfMissing(adminUrl, name, decodeURIComponent(new URL(appUrl).username));
  return { name, url: databaseUrl(appUrl, name) };
}
