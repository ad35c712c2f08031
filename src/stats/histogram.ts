/**
 * Distribution shapes as tidy rows: {@link histogram} (binned counts and densities) and
 * {@link ecdf} (the empirical cumulative distribution), ready for a bar or step chart.
 */
import { checkInteger, checkKeys, checkNumber, checkPositive, fail } from "../validate";
import { checkValues } from "./internal";

/** Options for {@link histogram}. Give `bins` or `binWidth`, not both. */
export interface HistogramOptions {
  /** The number of equal-width bins. @defaultValue Sturges' rule, ceil(log2(n)) + 1 */
  bins?: number;
  /** The width of each bin, in the values' unit; bins start at `min`. */
  binWidth?: number;
  /** The left edge of the first bin. @defaultValue the smallest value */
  min?: number;
  /** The right edge of the last bin. @defaultValue the largest value */
  max?: number;
}

/** One bin of a histogram: [x0, x1), the last bin also includes x1. */
export interface HistogramRow {
  /** Left edge of the bin. */
  x0: number;
  /** Right edge of the bin. */
  x1: number;
  /** How many values fall in the bin. */
  count: number;
  /** count / (number of values * bin width), so the bars integrate to the share of values in range. */
  density: number;
}

const MAX_BINS = 100_000;

/**
 * Bins values into equal-width bins. Each bin is [x0, x1) except the last, which also includes its
 * right edge, so with the default `min` and `max` every value is counted exactly once. Values
 * outside an explicit [min, max] are left out (the densities still divide by all values).
 * When all values are equal and no range, `bins` or `binWidth` is given, one bin of width 1 centred
 * on the value is returned. An empty array gives no rows unless `min` and `max` are both given.
 *
 * @param values - finite numbers
 * @param options - bins or binWidth, and optional range; see {@link HistogramOptions}
 * @throws RangeError when both `bins` and `binWidth` are given, max < min, or more than 100000 bins result
 * @example histogram(delaysMs, { binWidth: 5, min: 0 })
 */
export function histogram(values: readonly number[], options: HistogramOptions = {}): HistogramRow[] {
  const name = "histogram(values, options)";
  if (options === null || typeof options !== "object") fail(`${name}: options`, options, "an object");
  checkKeys(`${name} options`, options, ["bins", "binWidth", "min", "max"]);
  if (values.length > 0) checkValues(`${name}: values`, values);
  else if (!Array.isArray(values)) fail(`${name}: values`, values, "an array of finite numbers");
  const { bins, binWidth } = options;
  if (bins !== undefined && binWidth !== undefined) fail(`${name}: bins`, bins, "left out when binWidth is given");
  if (bins !== undefined) checkInteger(`${name}: bins`, bins, 1, MAX_BINS);
  if (binWidth !== undefined) checkPositive(`${name}: binWidth`, binWidth);
  let lo = options.min;
  let hi = options.max;
  if (lo !== undefined) checkNumber(`${name}: min`, lo);
  if (hi !== undefined) checkNumber(`${name}: max`, hi, lo ?? -Infinity);
  if (values.length === 0 && (lo === undefined || hi === undefined)) return [];
  if (lo === undefined) lo = minOf(values);
  if (hi === undefined) hi = Math.max(lo, maxOf(values));

  let count: number;
  let width: number;
  if (binWidth !== undefined) {
    width = binWidth;
    // Small tolerance so that (1.0 - 0) / 0.1 = 10.000000000000002 still means 10 bins.
    count = Math.max(1, Math.ceil((hi - lo) / width - 1e-9));
    if (count > MAX_BINS) fail(`${name}: binWidth`, binWidth, `large enough for at most ${MAX_BINS} bins over [${lo}, ${hi}]`);
  } else {
    count = bins ?? Math.ceil(Math.log2(Math.max(values.length, 1))) + 1;
    if (hi === lo) {
      if (options.min === undefined && options.max === undefined) { lo -= 0.5; hi += 0.5; count = bins ?? 1; }
      else if (options.max === undefined) hi = lo + 1;
      else count = 1;
    }
    width = (hi - lo) / count;
  }
  const last = binWidth !== undefined ? lo + count * width : hi;
  const counts = new Array<number>(count).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo || v > last) continue;
    let k = width > 0 ? Math.floor((v - lo) / width) : 0;
    if (k >= count) k = count - 1;
    counts[k]++;
  }
  const n = values.length;
  const start = lo;
  return counts.map((c, k) => {
    const x0 = start + k * width;
    const x1 = k === count - 1 ? last : start + (k + 1) * width;
    return { x0, x1, count: c, density: n > 0 && width > 0 ? c / (n * width) : 0 };
  });
}

/** Options for {@link ecdf}. */
export interface EcdfOptions {
  /** Keep at most this many points (evenly spaced in rank, always the first and the last). @defaultValue all points */
  maxPoints?: number;
}

/** One step of an empirical CDF: the share of values <= x. */
export interface EcdfRow {
  /** A distinct value. */
  x: number;
  /** The share of values less than or equal to x, in (0, 1]. */
  p: number;
}

/**
 * The empirical cumulative distribution: one row per distinct value, with the share of values at or
 * below it. Plot it as a step chart (`interpolate: "step-after"`). Large samples can be thinned with
 * `maxPoints`; the last row always has p = 1.
 *
 * @param values - finite numbers, at least one (not modified)
 * @param options - see {@link EcdfOptions}
 * @example ecdf(latenciesMs, { maxPoints: 500 })
 */
export function ecdf(values: readonly number[], options: EcdfOptions = {}): EcdfRow[] {
  checkValues("ecdf(values): values", values);
  if (options === null || typeof options !== "object") fail("ecdf(values, options): options", options, "an object");
  checkKeys("ecdf(values, options) options", options, ["maxPoints"]);
  const maxPoints = options.maxPoints === undefined ? Infinity : checkInteger("ecdf(values, options): maxPoints", options.maxPoints, 2);
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const rows: EcdfRow[] = [];
  for (let i = 0; i < n; i++) {
    if (i + 1 < n && sorted[i + 1] === sorted[i]) continue;
    rows.push({ x: sorted[i], p: (i + 1) / n });
  }
  if (rows.length <= maxPoints) return rows;
  const thinned: EcdfRow[] = [];
  const step = (rows.length - 1) / (maxPoints - 1);
  for (let k = 0; k < maxPoints; k++) thinned.push(rows[Math.round(k * step)]);
  return thinned;
}

function minOf(values: readonly number[]): number {
  let m = Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] < m) m = values[i];
  return m;
}

function maxOf(values: readonly number[]): number {
  let m = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > m) m = values[i];
  return m;
}
