/**
 * Notebook 00 scenarios: how often a cluster sees a failure as it grows, what the gaps between
 * failures look like, and a small cluster's failure/repair timeline, as tidy rows for charts.
 * The simulation itself is src/failures/cluster.ts; this file sweeps it and shapes its output.
 */
import { clusterFailureTimes, clusterTimeline, simulateClusterFailures } from "../failures/cluster";
import { expectedClusterFailures } from "../failures/renewal";
import type { ClusterFailureOptions } from "../failures/options";
import { normalQuantile } from "../stats/normal";
import { deriveSeed, type Seed } from "../random/rng";
import { checkInteger, checkKeys, checkNumber, checkPositive, fail } from "../validate";

const MINUTES_PER_YEAR = 525600;
const MINUTES_PER_DAY = 1440;

/** Options of {@link failureScalingSweep}. */
export interface FailureScalingOptions {
  /** Cluster sizes to simulate, integers in [1, 1e8]. @defaultValue [100, 1000, 10000, 100000, 1000000] */
  nodeCounts?: number[];
  /** Mean up time of one node, in years. @defaultValue 2 */
  mtbfYears?: number;
  /** Weibull shapes of the lifetime law, one series each (1 = exponential). @defaultValue [1] */
  weibullShapes?: number[];
  /** Repair time of a node, in hours. @defaultValue 24 */
  repairHours?: number;
  /** Simulated time span, in years. @defaultValue 1 */
  horizonYears?: number;
  /** Confidence level of the interval around each simulated rate. @defaultValue 0.95 */
  confidence?: number;
  /** Seed; each (size, shape) cell runs with deriveSeed(seed, "scaling", nodes, shape). @defaultValue 42 */
  seed?: Seed;
}

/** One simulated cluster: its failure rate with an interval, and the closed forms. */
export interface FailureScalingRow {
  nodes: number;
  /** "exponential" or "Weibull k=<shape>", the series name. */
  lifetime: string;
  weibullShape: number;
  failures: number;
  failuresPerMinute: number;
  /** Interval on failuresPerMinute: failures +- z * standard error, lower end kept above 0. */
  lo: number;
  hi: number;
  failuresPerDay: number;
  /** The back-of-envelope closed form N / MTBF, per minute and per day. */
  closedFormPerMinute: number;
  closedFormPerDay: number;
  /** Expected rate for nodes that all start new at time 0 (renewal numerics; differs from N / MTBF for Weibull). */
  freshStartPerMinute: number;
}

/** The series name of a lifetime law. */
export function lifetimeLabel(weibullShape: number): string {
  return weibullShape === 1 ? "exponential" : `Weibull k=${weibullShape}`;
}

/**
 * Simulates one cluster per (size, lifetime law) for `horizonYears` and returns failures per minute
 * and per day against the closed form N / MTBF. Same options -> same rows.
 *
 * @example failureScalingSweep({ nodeCounts: [1e3, 1e6], weibullShapes: [1, 0.7] })
 */
export function failureScalingSweep(options: FailureScalingOptions = {}): FailureScalingRow[] {
  checkKeys("failureScalingSweep options", options,
    ["nodeCounts", "mtbfYears", "weibullShapes", "repairHours", "horizonYears", "confidence", "seed"]);
  const nodeCounts = checkList("nodeCounts", options.nodeCounts ?? [100, 1000, 10000, 100000, 1000000]);
  nodeCounts.forEach((n, i) => checkInteger(`nodeCounts[${i}]`, n, 1, 1e8));
  const shapes = checkList("weibullShapes", options.weibullShapes ?? [1]);
  shapes.forEach((k, i) => checkNumber(`weibullShapes[${i}]`, k, 0.05, 100));
  const mtbfYears = checkPositive("mtbfYears", options.mtbfYears ?? 2);
  const repairHours = checkNumber("repairHours", options.repairHours ?? 24, 0, 1e7);
  const horizonYears = checkNumber("horizonYears", options.horizonYears ?? 1, 1e-9, 1000);
  const confidence = checkNumber("confidence", options.confidence ?? 0.95, 0.5, 0.9999);
  const seed = options.seed ?? 42;
  const z = normalQuantile(0.5 + confidence / 2);
  const minutes = horizonYears * MINUTES_PER_YEAR;
  const rows: FailureScalingRow[] = [];
  for (const k of shapes) {
    const base = { mtbfYears, weibullShape: k, repairHours, horizonYears };
    const perNode = expectedClusterFailures({ ...base, nodes: 1 }).freshStartFailures;
    for (const n of nodeCounts) {
      const r = simulateClusterFailures({ ...base, nodes: n, seed: deriveSeed(seed, "scaling", n, k) });
      const half = z * r.failuresStandardError;
      const closed = n / (mtbfYears * MINUTES_PER_YEAR);
      rows.push({
        nodes: n, lifetime: lifetimeLabel(k), weibullShape: k, failures: r.failures,
        failuresPerMinute: r.failuresPerMinute,
        lo: Math.max(r.failures - half, Math.min(r.failures, 1) / 2) / minutes,
        hi: (r.failures + half) / minutes,
        failuresPerDay: r.failuresPerDay,
        closedFormPerMinute: closed, closedFormPerDay: closed * MINUTES_PER_DAY,
        freshStartPerMinute: (perNode * n) / minutes,
      });
    }
  }
  return rows;
}

function checkList(name: string, value: unknown): number[] {
  if (!Array.isArray(value) || value.length === 0) fail(name, value, "a non-empty array of numbers");
  return value as number[];
}

/** Options of {@link interFailureGaps}: a cluster plus the histogram range. */
export interface InterFailureGapOptions extends ClusterFailureOptions {
  /** Right edge of the histogram, in minutes; longer gaps are counted but not drawn. @defaultValue 6 * the mean gap */
  maxGapMinutes?: number;
  /** Number of histogram bins. @defaultValue 40 */
  bins?: number;
}

/** The gaps between a cluster's consecutive failures, binned, with the exponential density to compare. */
export interface InterFailureGaps {
  /** Histogram rows { x0, x1, count, density } in minutes; density divides by all gaps. */
  bins: { x0: number; x1: number; count: number; density: number }[];
  /** The exponential density rate * exp(-rate * x) at the bin midpoints and 0, rows { x, density }. */
  curve: { x: number; density: number }[];
  gaps: number;
  meanGapMinutes: number;
  ratePerMinute: number;
  /** Standard deviation / mean of the gaps: 1 for an exponential law. */
  coefficientOfVariation: number;
  /** Share of gaps shorter than the mean gap: 1 - 1/e = 0.632 for an exponential law. */
  shareBelowMean: number;
}

/**
 * Simulates a cluster with recorded failure times and bins the gaps between consecutive failures.
 * The rate of the exponential curve is the cluster's own observed rate (failures / horizon).
 *
 * @example interFailureGaps({ nodes: 1e6, mtbfYears: 2 }).coefficientOfVariation // about 1
 */
export function interFailureGaps(options: InterFailureGapOptions = {}): InterFailureGaps {
  const { maxGapMinutes, bins: binsOption, ...cluster } = options;
  const t = clusterFailureTimes(cluster);
  const gaps = t.gapsMinutes;
  const nBins = checkInteger("bins", binsOption ?? 40, 1, 10000);
  if (gaps.length < 2) fail("nodes", cluster.nodes, "a cluster large enough for at least 3 failures in the horizon");
  let sum = 0, sumSq = 0;
  for (let i = 0; i < gaps.length; i++) { sum += gaps[i]; sumSq += gaps[i] * gaps[i]; }
  const mean = sum / gaps.length;
  const sd = Math.sqrt(Math.max(0, sumSq / gaps.length - mean * mean));
  const right = maxGapMinutes === undefined ? 6 * mean : checkPositive("maxGapMinutes", maxGapMinutes);
  const width = right / nBins;
  const counts = new Float64Array(nBins);
  let below = 0;
  for (let i = 0; i < gaps.length; i++) {
    const g = gaps[i];
    if (g < mean) below++;
    if (g <= right) counts[Math.min(nBins - 1, Math.floor(g / width))]++;
  }
  const rate = t.ratePerMinute;
  const bins = Array.from(counts, (count, k) => ({ x0: k * width, x1: (k + 1) * width, count, density: count / (gaps.length * width) }));
  const curve = [{ x: 0, density: rate }, ...bins.map((b) => {
    const x = (b.x0 + b.x1) / 2;
    return { x, density: rate * Math.exp(-rate * x) };
  })];
  return {
    bins, curve, gaps: gaps.length, meanGapMinutes: mean, ratePerMinute: rate,
    coefficientOfVariation: sd / mean, shareBelowMean: below / gaps.length,
  };
}

/** Rows for timelineChart: a node's down intervals and its failure and repair instants, in days. */
export interface FailureTimelineRow {
  node: string;
  kind: "down" | "failure" | "repair";
  start?: number;
  end?: number;
  t?: number;
}

/**
 * A small cluster's failures and repairs (clusterTimeline, converted to days and to the
 * `{ node, kind, t }` / `{ node, kind, start, end }` rows of timelineChart). Returns the lane names
 * too, so nodes that never fail still get a lane, and the simulated horizon in days, so the chart's
 * time axis can run to it (`timelineChart(rows, { nodes, domain: [0, horizonDays] })`) rather than
 * end at the last failure.
 *
 * @example const { rows, nodes, horizonDays } = failureTimelineRows({ nodes: 10, horizonYears: 2 });
 */
export function failureTimelineRows(options: ClusterFailureOptions = {}): { rows: FailureTimelineRow[]; nodes: string[]; horizonDays: number } {
  const raw = clusterTimeline(options);
  const count = options.nodes ?? 8;
  const label = (i: number) => `node ${i}`;
  const rows: FailureTimelineRow[] = [];
  for (const r of raw) {
    const node = label(r.node);
    if (r.kind === "down") rows.push({ node, kind: "down", start: r.start / 24, end: r.end / 24 });
    else if (r.kind !== "up") rows.push({ node, kind: r.kind, t: r.start / 24 });
  }
  // clusterTimeline has validated horizonYears; a year is 365 days there (HOURS_PER_YEAR = 8760).
  const horizonDays = ((options.horizonYears ?? 1) * MINUTES_PER_YEAR) / MINUTES_PER_DAY;
  return { rows, nodes: Array.from({ length: count }, (_, i) => label(i)), horizonDays };
}
