/**
 * Summary statistics for Monte Carlo results: proportions with Wilson intervals, means with
 * Student-t intervals, and quantiles. Every function validates its input and returns plain data
 * (numbers or tidy rows ready for a chart).
 */
import { checkInteger, checkKeys, fail } from "../validate";
import { checkConfidence, checkValues, quantileSorted } from "./internal";
import { zCritical } from "./normal";
import { studentTQuantile } from "./studentt";

/** A proportion with a confidence interval. */
export interface ProportionInterval {
  /** The observed proportion successes / n. */
  p: number;
  /** Lower end of the interval, in [0, 1]. */
  lo: number;
  /** Upper end of the interval, in [0, 1]. */
  hi: number;
}

/**
 * The Wilson score interval for a binomial proportion. Unlike the textbook p +- z*sqrt(p(1-p)/n),
 * it stays inside [0, 1] and is sensible when successes is 0 or n (0 of 20 runs failed gives
 * [0, 0.161] at 95%, not [0, 0]).
 *
 * @param successes - an integer in [0, n]
 * @param n - the number of trials, an integer >= 1
 * @param confidence - the confidence level in (0, 1). @defaultValue 0.95
 * @example wilson(3, 10) // { p: 0.3, lo: 0.1078, hi: 0.6032 }
 */
export function wilson(successes: number, n: number, confidence = 0.95): ProportionInterval {
  checkInteger("wilson(successes, n): n", n, 1);
  checkInteger("wilson(successes, n): successes", successes, 0, n);
  return wilsonUnchecked(successes, n, zCritical(confidence));
}

function wilsonUnchecked(successes: number, n: number, z: number): ProportionInterval {
  const p = successes / n;
  const z2n = (z * z) / n;
  const center = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  return {
    p,
    lo: successes === 0 ? 0 : Math.max(0, center - half),
    hi: successes === n ? 1 : Math.min(1, center + half),
  };
}

/** A sample mean with a confidence interval. */
export interface MeanInterval {
  /** The sample mean. */
  mean: number;
  /** Lower end of the interval for the true mean. */
  lo: number;
  /** Upper end of the interval for the true mean. */
  hi: number;
  /** The sample standard deviation (divisor n - 1); NaN when n = 1. */
  sd: number;
  /** The number of values. */
  n: number;
}

/**
 * The sample mean with a Student-t confidence interval: mean +- t(1 - alpha/2, n - 1) * sd / sqrt(n).
 * The t quantile (not the normal 1.96) keeps small samples honest: with n = 5 the 95% multiplier is
 * 2.776. For n above a few hundred the two agree to about three digits. With a single value the
 * spread is unknown: `sd`, `lo` and `hi` are NaN. When every value is equal, lo = hi = mean.
 *
 * @param values - finite numbers, at least one
 * @param confidence - the confidence level in (0, 1). @defaultValue 0.95
 */
export function meanCI(values: readonly number[], confidence = 0.95): MeanInterval {
  checkValues("meanCI(values)", values);
  checkConfidence(confidence);
  const n = values.length;
  let mean = 0;
  // Welford's update: stable for large n and values far from zero.
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const delta = values[i] - mean;
    mean += delta / (i + 1);
    m2 += delta * (values[i] - mean);
  }
  if (n === 1) return { mean, lo: NaN, hi: NaN, sd: NaN, n };
  const sd = Math.sqrt(m2 / (n - 1));
  const half = studentTQuantile(1 - (1 - confidence) / 2, n - 1) * (sd / Math.sqrt(n));
  return { mean, lo: mean - half, hi: mean + half, sd, n };
}

/**
 * The q-quantile of an already sorted array (ascending), by linear interpolation between order
 * statistics (R's type 7, also d3 and NumPy's default): q = 0 gives the minimum, q = 1 the maximum,
 * q = 0.5 the median.
 *
 * @param sorted - finite numbers in ascending order, at least one (checked: O(n))
 * @param q - a number in [0, 1]
 */
export function quantile(sorted: readonly number[], q: number): number {
  checkValues("quantile(sorted, q): sorted", sorted);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] < sorted[i - 1]) {
      fail("quantile(sorted, q): sorted", sorted, `sorted ascending (sorted[${i}] < sorted[${i - 1}]); use quantiles(values, qs) for unsorted data`);
    }
  }
  checkQ("quantile(sorted, q): q", q);
  return quantileSorted(sorted, q);
}

/**
 * Several quantiles of unsorted values: sorts a copy once, then interpolates like {@link quantile}.
 * Returns one number per entry of `qs`, in the same order.
 *
 * @param values - finite numbers, at least one (not modified)
 * @param qs - numbers in [0, 1]
 * @example quantiles(latenciesMs, [0.5, 0.99]) // [median, p99]
 */
export function quantiles(values: readonly number[], qs: readonly number[]): number[] {
  checkValues("quantiles(values, qs): values", values);
  if (!Array.isArray(qs)) fail("quantiles(values, qs): qs", qs, "an array of numbers in [0, 1]");
  qs.forEach((q, i) => checkQ(`quantiles(values, qs): qs[${i}]`, q));
  const sorted = Float64Array.from(values).sort();
  return qs.map((q) => quantileSorted(sorted, q));
}

/** One row of {@link proportionRows}: an outcome's count and share with a Wilson interval. */
export interface ProportionRow {
  /** The outcome label. */
  outcome: string;
  /** How many results had this outcome. */
  count: number;
  /** The total number of results. */
  n: number;
  /** count / n. */
  p: number;
  /** Lower end of the Wilson interval. */
  lo: number;
  /** Upper end of the Wilson interval. */
  hi: number;
}

/** Options of {@link proportionRows} and {@link summarizeOutcomes}. */
export interface ProportionRowsOptions {
  /** The confidence level of the Wilson intervals, in (0, 1). @defaultValue 0.95 */
  confidence?: number;
  /**
   * Outcomes that get a row even when no run had them (count 0, so a chart draws "0%" with its
   * interval instead of leaving the bar out), listed first in this order; other outcomes follow,
   * sorted. Distinct strings. @defaultValue [] (only the outcomes seen, sorted)
   */
  outcomes?: readonly string[];
}

/**
 * Counts each distinct label and attaches a Wilson interval to its share. Rows are sorted by
 * outcome (plain string order, so "10" sorts before "9"), after the `outcomes` listed in the
 * options, which always get a row. An empty list gives no rows (a share needs at least one run).
 *
 * @param labels - one outcome label per run
 * @param options - the confidence level (a number, for short) or {@link ProportionRowsOptions}
 * @example proportionRows(["ok", "lost", "ok"]) // [{ outcome: "lost", count: 1, n: 3, ... }, { outcome: "ok", count: 2, ... }]
 * @example proportionRows(["ok", "ok"], { outcomes: ["unsafe"] }) // [{ outcome: "unsafe", count: 0, n: 2, p: 0, lo: 0, hi: 0.66 }, { outcome: "ok", ... }]
 */
export function proportionRows(labels: readonly string[], options: number | ProportionRowsOptions = {}): ProportionRow[] {
  const where = "proportionRows(labels, options)";
  if (!Array.isArray(labels)) fail("proportionRows(labels): labels", labels, "an array of strings");
  const { confidence, outcomes: listed } = checkProportionOptions(where, options);
  const z = zCritical(confidence);
  const counts = new Map<string, number>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (typeof label !== "string") fail(`proportionRows(labels): labels[${i}]`, label, "a string");
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const n = labels.length;
  if (n === 0) return [];
  const seen = [...counts.keys()].filter((o) => !listed.includes(o)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...listed, ...seen].map((outcome) => {
    const count = counts.get(outcome) ?? 0;
    return { outcome, count, n, ...wilsonUnchecked(count, n, z) };
  });
}

/** Validates the options of proportionRows and summarizeOutcomes once (a bare number is the confidence level). */
export function checkProportionOptions(where: string, options: number | ProportionRowsOptions): { confidence: number; outcomes: string[] } {
  if (typeof options === "number") return { confidence: checkConfidence(options, `${where}: confidence`), outcomes: [] };
  if (options === null || typeof options !== "object") fail(`${where}: options`, options, "a confidence level or an options object { confidence?, outcomes? }");
  checkKeys(`${where} options`, options, ["confidence", "outcomes"]);
  const outcomes = options.outcomes ?? [];
  if (!Array.isArray(outcomes)) fail(`${where}: options.outcomes`, outcomes, "an array of distinct strings");
  outcomes.forEach((o, i) => {
    if (typeof o !== "string") fail(`${where}: options.outcomes[${i}]`, o, "a string");
    if (outcomes.indexOf(o) !== i) fail(`${where}: options.outcomes[${i}]`, o, "distinct from the outcomes before it");
  });
  return { confidence: checkConfidence(options.confidence ?? 0.95, `${where}: options.confidence`), outcomes: [...outcomes] };
}

function checkQ(name: string, q: unknown): number {
  if (typeof q !== "number" || !(q >= 0 && q <= 1)) fail(name, q, "a number in [0, 1]");
  return q;
}
