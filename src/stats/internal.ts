/**
 * Validation and helpers shared inside src/stats. Not exported from src/index.ts.
 * @internal
 */
import type { Seed } from "../random/rng";
import { checkInteger, checkNumber, checkSeed, fail } from "../validate";

/** The largest number of runs any Monte Carlo entry point accepts. */
export const MAX_RUNS = 10_000_000;

/** Validates a confidence level: a number strictly between 0 and 1. @internal */
export function checkConfidence(confidence: unknown, name = "confidence"): number {
  const c = checkNumber(name, confidence);
  if (!(c > 0 && c < 1)) fail(name, confidence, "a number in (0, 1), such as 0.95");
  return c;
}

/** Throws unless `values` is a non-empty array of finite numbers; names the first bad index. @internal */
export function checkValues(name: string, values: unknown): asserts values is readonly number[] {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) fail(name, values, "an array of finite numbers");
  const list = values as ArrayLike<unknown>;
  if (list.length === 0) fail(name, values, "a non-empty array of finite numbers");
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v !== "number" || !Number.isFinite(v)) checkNumber(`${name}[${i}]`, v);
  }
}

/** Type-7 quantile of sorted, validated data. @internal */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  if (i >= sorted.length - 1) return sorted[sorted.length - 1];
  const frac = h - i;
  return frac === 0 ? sorted[i] : sorted[i] + frac * (sorted[i + 1] - sorted[i]);
}

/** Validates the options shared by monteCarlo and sweep: runs and seed. @internal */
export function checkRunOptions(fn: string, options: { runs: number; seed: Seed }): { runs: number; seed: Seed } {
  const runs = checkInteger(`${fn}: runs`, options.runs, 1, MAX_RUNS);
  const seed: Seed = checkSeed(`${fn}: seed`, options.seed);
  return { runs, seed };
}
