// Timing and percentiles shared by the benchmarks.
import { performance } from "node:perf_hooks";

/** Percentile by linear interpolation between closest ranks (p in 0–100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/** Milliseconds taken by `fn`. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** p50/p95 of latency samples in milliseconds, rounded for printing. */
export function latencyFigures(samples: readonly number[]) {
  return { p50_ms: round(percentile(samples, 50)), p95_ms: round(percentile(samples, 95)), n: samples.length };
}

export const round = (v: number, digits = 1) => Number(v.toFixed(digits));
