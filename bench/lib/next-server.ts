// The production app, served as `npm start` serves it (next start, proxy.ts), on the benchmark's database, for benchmarks that measure pages and APIs over HTTP
// on loopback. Builds first when the sources changed.
import { spawn, spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { buildIsCurrent, recordBuild } from "../../scripts/lib/build.ts";
import { freePort, waitForHttp } from "../../scripts/lib/ports.ts";
import { portalServerArgs } from "../../scripts/lib/server.ts";
import type { BenchContext } from "./types.ts";

export interface RunningApp {
  baseUrl: string;
  stop(): Promise<void>;
}

const nextBin = resolve("node_modules/next/dist/bin/next");

export async function startApp(ctx: BenchContext, opts: { hostname?: string } = {}): Promise<RunningApp> {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (!buildIsCurrent()) {
    ctx.log("bench: building the app (next build)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: ["ignore", 2, 2], env: { ...env, NODE_ENV: "production" } });
    if (build.status !== 0) throw new Error("next build failed");
    recordBuild();
  }
  const port = await freePort();
  const baseUrl = `http://${opts.hostname ?? "localhost"}:${port}`;
  const child = spawn(process.execPath, portalServerArgs({ port, hostname: opts.hostname }), {
    stdio: ["ignore", "ignore", 2],
    env: { ...env, DATABASE_URL: ctx.url, NEXTAUTH_SECRET: "bench-secret-not-for-production", NEXTAUTH_URL: baseUrl },
  });
  // the server must not outlive the benchmark, whatever ends it
  process.once("exit", () => child.kill("SIGKILL"));
  await waitForHttp(`${baseUrl}/dang-nhap`, 60_000);
  return {
    baseUrl,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

function cookiesOf(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair.indexOf("=");
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
}

/** Signs in through next-auth's credentials endpoint and returns the Cookie header of the session. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  cookiesOf(res, jar);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in of ${email} failed (${res.status})`);
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/**
 * Latencies in ms of `n` sequential GETs after `warmup` unmeasured ones; any non-200 counts as an
 * error. `before` (untimed) runs before each one.
 */
export async function timeGets(url: string, opts: { n: number; warmup: number; cookie?: string; before?: () => Promise<void> }) {
  const samples: number[] = [];
  let errors = 0;
  for (let i = 0; i < opts.warmup + opts.n; i++) {
    await opts.before?.();
    const start = performance.now();
    const res = await fetch(url, { headers: opts.cookie ? { Cookie: opts.cookie } : {}, redirect: "manual" });
    await res.arrayBuffer();
    const ms = performance.now() - start;
    if (res.status !== 200) errors++;
    if (i >= opts.warmup) samples.push(ms);
  }
  return { samples, errors };
}
