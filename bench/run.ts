// npm run bench — every benchmark; `npm run bench -- <name> …` runs the named ones;
// `-- --list` lists them; `-- --rebuild` rebuilds the cached national-scale data.
// Each benchmark prints exactly one line on stdout, `bench <name> key=value …` (p50_ms, p95_ms,
// rps, ratio, errors where relevant, n, then the data scale), so runs can be compared; progress
// and diagnostics go to stderr. Never touches .data/ (npm start) or .test-data/ (npm test): the
// data lives in .bench-data/, or on the server of DATABASE_URL.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { dropDatabase, type DatabaseServer } from "../scripts/lib/postgres.ts";
import { BENCHMARKS } from "./benchmarks.ts";
import { BENCH_DIR, copyDatabase, dataScale, prepareNationalData, RUN_PREFIX, startBenchServer } from "./lib/prepare.ts";
import type { Benchmark, BenchFigures, DataScale } from "./lib/types.ts";
import type { WorkerMessage } from "./lib/worker.ts";

process.title = "ntm-bench";
const args = process.argv.slice(2);
const log = (m: string) => process.stderr.write(`${m}\n`);

function selected(): Benchmark[] {
  const names = args.filter((a) => !a.startsWith("-"));
  const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length) {
    log(`bench: unknown benchmark ${unknown.join(", ")}; known: ${BENCHMARKS.map((b) => b.name).join(", ")}`);
    process.exit(2);
  }
  return names.length ? BENCHMARKS.filter((b) => names.includes(b.name)) : BENCHMARKS;
}

function formatLine(name: string, figures: BenchFigures, scale: DataScale): string {
  const pairs = { ...figures, communes: scale.communes, assessments: scale.assessments };
  return `bench ${name} ${Object.entries(pairs).map(([k, v]) => `${k}=${v}`).join(" ")}`;
}

function targetVerdict(b: Benchmark, figures: BenchFigures): string | null {
  if (!b.targets) return null;
  const parts = Object.entries(b.targets).map(([k, limit]) => {
    // a figure the run could not measure (no successful request) meets no target
    if (figures[k] === null || figures[k] === undefined || !Number.isFinite(Number(figures[k]))) return `${k} not measured MISSED`;
    const v = Number(figures[k]);
    if (typeof limit === "number") return `${k} ${v} ≤ ${limit} ${v <= limit ? "met" : "MISSED"}`;
    return `${k} ${v} ≥ ${limit.min} ${v >= limit.min ? "met" : "MISSED"}`;
  });
  return `bench: ${b.name} targets: ${parts.join(", ")}`;
}

let worker: ChildProcess | undefined;

function runInWorker(b: Benchmark, url: string, scale: DataScale): Promise<WorkerMessage> {
  return new Promise((resolvePromise) => {
    let message: WorkerMessage | undefined;
    worker = spawn(process.execPath, ["--import", "tsx", resolve("bench/lib/worker.ts"), b.name], {
      // the worker's stdout goes to stderr: stdout carries only the `bench …` lines
      stdio: ["ignore", 2, 2, "ipc"],
      env: {
        ...process.env,
        DATABASE_URL: url,
        BENCH_SCALE: JSON.stringify(scale),
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    worker.on("message", (m) => (message = m as WorkerMessage));
    worker.on("exit", (code, signal) => {
      worker = undefined;
      resolvePromise(message ?? { ok: false, error: `worker exited with ${signal ?? code} before reporting` });
    });
  });
}

async function main(): Promise<number> {
  if (args.includes("--list")) {
    for (const b of BENCHMARKS) console.log(`${b.name.padEnd(20)} ${b.description}`);
    return 0;
  }
  const benchmarks = selected();
  mkdirSync(BENCH_DIR, { recursive: true });
  let server: DatabaseServer | undefined;
  let current: string | undefined;
  let failed = 0;
  let stopping = false;
  // connections dropped by the shutdown below must not end the process before the server stops
  process.on("uncaughtException", (err) => {
    if (stopping) return;
    log(`bench: ${err.stack ?? err.message}`);
    process.exit(1);
  });
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`bench: ${signal}, stopping`);
    worker?.kill("SIGTERM");
    if (server && current) await dropDatabase(server.adminUrl, current).catch(() => {});
    await server?.stop().catch(() => {});
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  try {
    server = await startBenchServer(log);
    const where = server.embedded ? ".bench-data/pg (embedded, fsync off)" : "the server of DATABASE_URL";
    const prepared = await prepareNationalData(server, { rebuild: args.includes("--rebuild"), log });
    log(
      prepared.rebuilt
        ? `bench: national-scale data REBUILT in ${prepared.seconds.toFixed(0)} s, cached as ${prepared.template} in ${where}`
        : `bench: national-scale data from cache ${prepared.template} in ${where}`,
    );
    const scale = await dataScale(server, prepared.template);
    for (const [i, b] of benchmarks.entries()) {
      current = `${RUN_PREFIX}${process.pid}_${i}`;
      const url = await copyDatabase(server, prepared.template, current);
      log(`bench: ${b.name} — ${b.description}`);
      const result = await runInWorker(b, url, scale);
      await dropDatabase(server.adminUrl, current);
      current = undefined;
      if (result.ok) {
        console.log(formatLine(b.name, result.figures, scale));
        const verdict = targetVerdict(b, result.figures);
        if (verdict) log(verdict);
      } else {
        failed++;
        console.log(`bench ${b.name} failed=1`);
        log(`bench: ${b.name} failed: ${result.error}`);
      }
    }
  } finally {
    if (server && current) await dropDatabase(server.adminUrl, current).catch(() => {});
    await server?.stop().catch(() => {});
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
