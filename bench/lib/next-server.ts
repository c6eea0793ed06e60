// The production app, served as `npm start` serves it (the standalone build's server.js, proxy.ts), on the benchmark's database, for benchmarks that measure pages and APIs over HTTP
// on loopback. Builds first when the sources changed.
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { buildIsCurrent, buildPortal } from "../../scripts/lib/build.ts";
import { freePort, waitForHttp } from "../../scripts/lib/ports.ts";
import { portalServer } from "../../scripts/lib/server.ts";
import type { BenchContext } from "./types.ts";

export interface RunningApp {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startApp(ctx: BenchContext, opts: { hostname?: string } = {}): Promise<RunningApp> {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (!buildIsCurrent()) {
    ctx.log("bench: building the app (next build)…");
    if (buildPortal({ env: { ...env, NODE_ENV: "production" }, quiet: true }) !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  const baseUrl = `http://${opts.hostname ?? "localhost"}:${port}`;
  const portal = portalServer({ port, hostname: opts.hostname });
  const child = spawn(process.execPath, portal.args, {
    stdio: ["ignore", "ignore", 2],
    env: { ...env, ...portal.env, DATABASE_URL: ctx.url, NEXTAUTH_SECRET: "bench-secret-not-for-production", NEXTAUTH_URL: baseUrl },
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
