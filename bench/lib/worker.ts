// Runs one benchmark in its own process (started by bench/run.ts): DATABASE_URL names the
// benchmark's fresh database before anything opens a connection, and no module state (the
// application's Prisma client, warmed-up code) carries over from one benchmark to the next.
import { BENCHMARKS } from "../benchmarks.ts";
import type { BenchContext, BenchFigures } from "./types.ts";

export type WorkerMessage = { ok: true; figures: BenchFigures } | { ok: false; error: string };

const name = process.argv[2];
process.title = `ntm-bench-${name}`;
const benchmark = BENCHMARKS.find((b) => b.name === name);

async function main(): Promise<WorkerMessage> {
  if (!benchmark) return { ok: false, error: `no benchmark named ${name}` };
  const ctx: BenchContext = {
    url: process.env.DATABASE_URL!,
    scale: JSON.parse(process.env.BENCH_SCALE ?? "{}"),
    log: (m) => process.stderr.write(`${m}\n`),
    profile: process.env.BENCH_PROFILE === "1",
  };
  try {
    return { ok: true, figures: await benchmark.run(ctx) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

const message = await main();
// the application's connection pool would keep the process alive: leave once the result is sent
process.send!(message, () => process.exit(0));
