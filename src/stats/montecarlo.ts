/**
 * Monte Carlo: run a seeded function many times, each run with its own derived seed, and summarize
 * the outcomes as proportions with Wilson intervals.
 */
import { deriveSeed, type Seed } from "../random/rng";
import { checkKeys, checkPositive, describeValue, fail } from "../validate";
import { checkRunOptions } from "./internal";
import { checkProgressMode, startProgress, type Progress, type ProgressMode } from "./progress";
import { formatCount } from "./progress-line";
import { checkProportionOptions, proportionRows, type ProportionRow, type ProportionRowsOptions } from "./stats";

/** Options for {@link monteCarlo}. */
export interface MonteCarloOptions<T> {
  /** How many runs, an integer in [1, 10_000_000]. */
  runs: number;
  /** The experiment's seed; run i gets `runSeed(seed, i)`. */
  seed: Seed;
  /** One run: must depend only on its seed and index (create its rng with `createRng(seed)`). */
  run: (seed: string, index: number) => T;
  /**
   * A progress line (`monteCarlo 5,000,000 runs: 1,234,000/5,000,000 (24%), 46,512 runs/s, 81 s left`)
   * once the runs take more than about 1 s, and `5,000,000 runs in 107 s` at the end: "auto" in a
   * notebook only, true also in a plain Node script (on stdout), false never.
   * @defaultValue "auto"
   */
  progress?: ProgressMode;
  /**
   * Stop after about this many seconds and return the runs done so far, marked `partial`: the first
   * results of the full experiment (run i has the same seed), as many as this machine managed.
   * @defaultValue none: every run
   */
  maxSeconds?: number;
}

/**
 * What {@link monteCarlo} returns: the results in run order. `partial` (not enumerable, so printing or
 * comparing the array ignores it) is true when `maxSeconds` stopped the runs early; then `length` is
 * the number of runs done.
 */
export type MonteCarloResults<T> = T[] & { readonly partial: boolean };

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
 * Long work shows a progress line in a notebook (see `progress`); an interrupted cell (Kernel >
 * Interrupt) says how far it got; `maxSeconds` stops early and keeps what was done.
 *
 * @example
 * const lost = monteCarlo({ runs: 1000, seed: SEED, run: (s) => createRng(s).next() < 0.1 });
 * const some = monteCarlo({ runs: 5_000_000, seed: SEED, run, maxSeconds: 30 }); // some.partial, some.length
 */
export function monteCarlo<T>(options: MonteCarloOptions<T>): MonteCarloResults<T> {
  const fn = "monteCarlo";
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, ["runs", "seed", "run", "progress", "maxSeconds"]);
  const { runs, seed } = checkRunOptions(fn, options);
  const { run } = options;
  if (typeof run !== "function") fail(`${fn}: run`, run, "a function (seed, index) => result");
  const progress = checkProgressMode(`${fn}: progress`, options.progress);
  const maxSeconds = options.maxSeconds === undefined ? undefined : checkPositive(`${fn}: maxSeconds`, options.maxSeconds);
  const p = startProgress({
    label: `${fn} ${formatCount(runs)} runs`, total: runs, unit: "runs", progress, maxSeconds,
    interruptHint: "to keep partial results, pass maxSeconds",
  });
  const results = p.run(() => runInto(new Array<T>(runs), runs, seed, run, p, 0));
  p.done();
  return markPartial(results, results.length < runs);
}

/**
 * The loop of monteCarlo (and of sweep's cells): runs `runs` seeded runs into `results`, ticking `p`
 * with `offset` + the runs done; stops early when `p` expires (then `results` is cut to the runs done).
 * Call it inside `p.run`. @internal
 */
export function runInto<T>(results: T[], runs: number, seed: Seed, run: (seed: string, index: number) => T, p: Progress, offset: number): T[] {
  let i = 0;
  while (i < runs) {
    results[i] = run(runSeed(seed, i), i);
    i++;
    p.tick(offset + i);
    if (p.expired) break;
  }
  if (i < runs) results.length = i;
  return results;
}

function markPartial<T>(results: T[], partial: boolean): MonteCarloResults<T> {
  return Object.defineProperty(results, "partial", { value: partial, enumerable: false }) as MonteCarloResults<T>;
}

/**
 * Counts the outcomes of Monte Carlo results and gives each a share with a Wilson interval.
 * `key` is a property name of the results or a function; its value is turned into a string label
 * (`true` becomes "true"). Without `key`, each result itself is the outcome. Rows are sorted by
 * outcome, after the `outcomes` listed in the options, which get a row even when no result had them
 * (so "unsafe: 0 of 200" is a row, and a bar, rather than missing).
 *
 * @param results - results of {@link monteCarlo}
 * @param key - a property name, or a function from a result to its outcome. @defaultValue the result itself
 * @param options - the confidence level in (0, 1) (a number, for short; @defaultValue 0.95) or {@link ProportionRowsOptions}
 * @example summarizeOutcomes(results, "outcome") // [{ outcome: "agreed", count: 912, n: 1000, p: 0.912, lo, hi }, ...]
 * @example summarizeOutcomes(fuzz, (r) => (r.safe ? "safe" : "unsafe"), { outcomes: ["unsafe", "safe"] })
 */
export function summarizeOutcomes<T>(
  results: readonly T[],
  key?: keyof T | ((result: T) => unknown),
  options: number | ProportionRowsOptions = {},
): ProportionRow[] {
  if (!Array.isArray(results)) fail("summarizeOutcomes(results, key): results", results, "an array of results");
  checkProportionOptions("summarizeOutcomes(results, key, options)", options);
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
  return proportionRows(labels, options);
}
