// What a benchmark is: bench/<name>.ts exports one, bench/benchmarks.ts lists them all.

/** The figures of one run, printed as `key=value` in this order (p50_ms, p95_ms, rps, ratio, errors, n …). */
export type BenchFigures = Record<string, number | string>;

export interface BenchContext {
  /** a fresh copy of the prepared national-scale database, for this benchmark only (also in DATABASE_URL) */
  url: string;
  /** the data scale, appended to the printed line */
  scale: DataScale;
  /** progress and diagnostics: stderr, so stdout holds only the `bench …` lines */
  log(message: string): void;
  /** BENCH_PROFILE=1: the benchmark may print where its time goes */
  profile: boolean;
}

export interface DataScale {
  /** communes with a 2025 assessment */
  communes: number;
  /** assessments of every year */
  assessments: number;
}

export interface Benchmark {
  name: string;
  description: string;
  /**
   * the targets of the issue, e.g. { p50_ms: 30, p95_ms: 80 } (upper bounds) or { ratio: { min: 0.8 } }
   * (a lower bound); reported, never fatal
   */
  targets?: Record<string, number | { min: number }>;
  run(ctx: BenchContext): Promise<BenchFigures>;
}
