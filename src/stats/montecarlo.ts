/**
 * Monte Carlo: run a seeded function many times, each run with its own derived seed, and summarize
 * the outcomes as proportions with Wilson intervals.
 */
import { deriveSeed, type Seed } from "../random/rng";
import { checkKeys, describeValue, fail } from "../validate";
import { checkRunOptions, type CheckedRunOptions, type ProgressCallback } from "./internal";
import { proportionRows, type ProportionRow } from "./stats";

export type { ProgressCallback };

/** Options for {@link monteCarlo}. */
export interface MonteCarloOptions<T> {
  /** How many runs, an integer in [1, 10_000_000]. */
  runs: number;
  /** The experiment's seed; run i gets `runSeed(seed, i)`. */
  seed: Seed;
  /** One run: must depend only on its seed and index (create its rng with `createRng(seed)`). */
  run: (seed: string, index: number) => T;
  /** Called every `progressEvery` runs and once at the end. @defaultValue none */
  onProgress?: ProgressCallback;
  /** Runs between progress calls. @defaultValue about 1% of runs (at least 1) */
  progressEvery?: number;
}

/**
 * The seed of run `index` of an experiment: `deriveSeed(seed, "run", index)`, e.g. `"42/run/17"`.
 * It depends only on the experiment seed and the index, so run 17 is the same whether you do 100
 * or 100000 runs, serially or in parallel; print it to reproduce one run.
 */
export function runSeed(seed: Seed, index: number): string {
  return deriveSeed(seed, "run", index);
}

/**
 * Runs `run(runSeed(seed, i), i)` for i = 0 .. runs-1 and returns the results in index order.
 *
 * @example
 * const lost = monteCarlo({ runs: 1000, seed: SEED, run: (s) => createRng(s).next() < 0.1 });
 */
export function monteCarlo<T>(options: MonteCarloOptions<T>): T[] {
  const { runs, seed, run, onProgress, progressEvery } = checkMonteCarloOptions("monteCarlo", options);
  const results = new Array<T>(runs);
  let nextReport = Math.min(runs, progressEvery);
  for (let i = 0; i < runs; i++) {
    results[i] = run(runSeed(seed, i), i);
    if (onProgress !== undefined && i + 1 >= nextReport) {
      onProgress(i + 1, runs);
      nextReport = Math.min(runs, nextReport + progressEvery);
    }
  }
  return results;
}

function checkMonteCarloOptions<T>(fn: string, options: MonteCarloOptions<T>): CheckedRunOptions & { run: MonteCarloOptions<T>["run"] } {
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, ["runs", "seed", "run", "onProgress", "progressEvery"]);
  if (typeof options.run !== "function") fail(`${fn}: run`, options.run, "a function (seed, index) => result");
  return { ...checkRunOptions(fn, options), run: options.run };
}

/**
 * Counts the outcomes of Monte Carlo results and gives each a share with a Wilson interval.
 * `key` is a property name of the results or a function; its value is turned into a string label
 * (`true` becomes "true"). Without `key`, each result itself is the outcome. Rows are sorted by outcome.
 *
 * @param results - results of {@link monteCarlo}
 * @param key - a property name, or a function from a result to its outcome. @defaultValue the result itself
 * @param confidence - the confidence level in (0, 1). @defaultValue 0.95
 * @example summarizeOutcomes(results, "outcome") // [{ outcome: "agreed", count: 912, n: 1000, p: 0.912, lo, hi }, ...]
 */
export function summarizeOutcomes<T>(
  results: readonly T[],
  key?: keyof T | ((result: T) => unknown),
  confidence = 0.95,
): ProportionRow[] {
  if (!Array.isArray(results)) fail("summarizeOutcomes(results, key): results", results, "an array of results");
  const get = key === undefined
    ? (r: T) => r
    : typeof key === "function"
    ? key
    : typeof key === "string" || typeof key === "number" || typeof key === "symbol"
      ? (r: T) => (r as Record<PropertyKey, unknown>)[key as PropertyKey]
      : fail("summarizeOutcomes(results, key): key", key, "a property name or a function");
  const labels = results.map((r, i) => {
    const v = get(r);
    if (v === undefined) fail(`summarizeOutcomes: outcome of results[${i}]`, v, `defined (result was ${describeValue(r)})`);
    return typeof v === "string" ? v : String(v);
  });
  return proportionRows(labels, confidence);
}
