/**
 * A cluster of independent nodes, each an alternating up/down renewal process: up for a lifetime
 * (exponential or Weibull, mean mtbfYears), then down for a repair (repairHours), then up again as
 * good as new. Every node starts up and fresh at time 0.
 *
 * Speed: there is no event queue. Each node's timeline is walked in a tight loop, one node after the
 * other, drawing lifetimes from the stream "failures.lifetimes" and repairs from "failures.repairs";
 * a million nodes for a year take a fraction of a second (`npm run bench -- --only failure`).
 * Failure times are kept only when asked, in a growable Float64Array.
 */
import { createRng, type Rng } from "../random/rng";
import { checkInteger, fail } from "../validate";
import { HOURS_PER_DAY, MINUTES_PER_HOUR } from "./_units";
import { resolveCluster, type ClusterFailureOptions, type ResolvedCluster } from "./options";

/** What {@link simulateClusterFailures} measures. Times are in hours. */
export interface ClusterFailureResult {
  nodes: number;
  horizonHours: number;
  /** Number of node failures in [0, horizon). */
  failures: number;
  failuresPerMinute: number;
  failuresPerDay: number;
  /** Mean failures per node over the horizon. */
  failuresPerNode: number;
  /** Variance of the per-node failure count (1 - p for a single failure chance; about the mean for Poisson counts). */
  perNodeVariance: number;
  /** Standard error of `failures`: sqrt(nodes * perNodeVariance), for comparing with closed forms. */
  failuresStandardError: number;
  /** Time-averaged number of nodes down. */
  meanDownNodes: number;
  /** Fraction of node-time spent down. */
  unavailability: number;
  /** Sorted failure times in hours, only with recordFailureTimes. */
  failureTimesHours?: Float64Array;
  /** True when more failures happened than maxRecordedFailures; the recorded times then cover only the first nodes. */
  failureTimesTruncated?: boolean;
}

/** Options of {@link simulateClusterFailures}: the cluster options plus recording switches. */
export interface SimulateClusterOptions extends ClusterFailureOptions {
  /** Keep every failure time (sorted Float64Array in hours). @defaultValue false */
  recordFailureTimes?: boolean;
  /** Upper bound on the number of recorded failure times (memory bound: 8 bytes each). @defaultValue 20_000_000 */
  maxRecordedFailures?: number;
}

/** Draws one lifetime in hours (inverse transform of the exponential or Weibull law). */
function lifetimeDrawer(c: ResolvedCluster, rng: Rng): () => number {
  const scale = c.scaleHours;
  if (c.weibullShape === 1) return () => -scale * Math.log(1 - rng.next());
  const inv = 1 / c.weibullShape;
  return () => scale * Math.pow(-Math.log(1 - rng.next()), inv);
}

/** The two named streams of a cluster run. */
function streams(c: ResolvedCluster): { life: () => number; repair: () => number } {
  const lifeRng = createRng(c.seed, "failures.lifetimes");
  const repairRng = createRng(c.seed, "failures.repairs");
  const constant = c.constantRepair;
  const sample = c.repair;
  return {
    life: lifetimeDrawer(c, lifeRng),
    repair: constant !== null ? () => constant : () => sample(repairRng),
  };
}

/**
 * Simulates `nodes` independent nodes over `horizonYears` and counts failures.
 * Same options and seed -> identical result.
 *
 * @example
 * simulateClusterFailures({ nodes: 1e6, mtbfYears: 2, repairHours: 24 }).failuresPerMinute // about 0.95
 */
export function simulateClusterFailures(options: SimulateClusterOptions = {}): ClusterFailureResult {
  const c = resolveCluster("simulateClusterFailures", options, ["recordFailureTimes", "maxRecordedFailures"]);
  const record = options.recordFailureTimes ?? false;
  if (typeof record !== "boolean") fail("recordFailureTimes", record, "true or false");
  const maxRecorded = checkInteger("maxRecordedFailures", options.maxRecordedFailures ?? 20_000_000, 0, 2e8);
  const { life, repair } = streams(c);
  const H = c.horizonHours;
  let times = record ? new Float64Array(1024) : new Float64Array(0);
  let recorded = 0;
  let truncated = false;
  let failures = 0;
  let sumSquares = 0;
  let downHours = 0;
  for (let node = 0; node < c.nodes; node++) {
    let t = life();
    let k = 0;
    while (t < H) {
      k++;
      if (record) {
        if (recorded < maxRecorded) {
          if (recorded === times.length) {
            const grown = new Float64Array(Math.min(times.length * 2, maxRecorded));
            grown.set(times);
            times = grown;
          }
          times[recorded++] = t;
        } else truncated = true;
      }
      const up = t + repair();
      downHours += (up < H ? up : H) - t;
      t = up + life();
    }
    failures += k;
    sumSquares += k * k;
  }
  const n = c.nodes;
  const mean = failures / n;
  const variance = n > 1 ? (sumSquares - n * mean * mean) / (n - 1) : 0;
  const result: ClusterFailureResult = {
    nodes: n,
    horizonHours: H,
    failures,
    failuresPerMinute: failures / (H * MINUTES_PER_HOUR),
    failuresPerDay: failures / (H / HOURS_PER_DAY),
    failuresPerNode: mean,
    perNodeVariance: Math.max(0, variance),
    failuresStandardError: Math.sqrt(n * Math.max(0, variance)),
    meanDownNodes: downHours / H,
    unavailability: downHours / (H * n),
  };
  if (record) {
    const kept = times.slice(0, recorded);
    kept.sort();
    result.failureTimesHours = kept;
    result.failureTimesTruncated = truncated;
  }
  return result;
}

/** Inter-failure times of the whole cluster, for a histogram against the exponential density. */
export interface ClusterFailureTimes {
  /** Sorted failure times in hours. */
  timesHours: Float64Array;
  /** Gaps between consecutive cluster failures, in minutes (length = failures - 1). */
  gapsMinutes: Float64Array;
  /** Observed failures per minute; the exponential density to draw is rate * exp(-rate * gap). */
  ratePerMinute: number;
  /** Mean gap in minutes. */
  meanGapMinutes: number;
}

/**
 * Runs {@link simulateClusterFailures} with recorded failure times and returns the gaps between
 * consecutive failures of the cluster. With many independent nodes the merged failure stream is
 * close to a Poisson process, so the gaps are close to exponential whatever each node's own law.
 */
export function clusterFailureTimes(options: ClusterFailureOptions = {}): ClusterFailureTimes {
  const r = simulateClusterFailures({ ...options, recordFailureTimes: true });
  const times = r.failureTimesHours as Float64Array;
  if (r.failureTimesTruncated) fail("nodes", r.nodes, "a cluster with at most 20,000,000 failures in the horizon");
  const gaps = new Float64Array(Math.max(0, times.length - 1));
  for (let i = 1; i < times.length; i++) gaps[i - 1] = (times[i] - times[i - 1]) * MINUTES_PER_HOUR;
  const meanGap = gaps.length > 0 ? ((times[times.length - 1] - times[0]) * MINUTES_PER_HOUR) / gaps.length : NaN;
  return { timesHours: times, gapsMinutes: gaps, ratePerMinute: r.failuresPerMinute, meanGapMinutes: meanGap };
}

/** One row of a timeline chart. Times in hours; failures and repairs are instants (start = end). */
export interface ClusterTimelineRow {
  node: number;
  start: number;
  end: number;
  kind: "up" | "down" | "failure" | "repair";
}

/**
 * The up/down timeline of a small cluster (at most 1000 nodes; default 8), as tidy rows for a chart.
 * Uses the same streams in the same order as {@link simulateClusterFailures}, so the same options
 * give the same failures.
 */
export function clusterTimeline(options: ClusterFailureOptions = {}): ClusterTimelineRow[] {
  const c = resolveCluster("clusterTimeline", options, [], { nodes: 8, maxNodes: 1000 });
  const { life, repair } = streams(c);
  const H = c.horizonHours;
  const rows: ClusterTimelineRow[] = [];
  for (let node = 0; node < c.nodes; node++) {
    let start = 0;
    let t = life();
    while (t < H) {
      rows.push({ node, start, end: t, kind: "up" }, { node, start: t, end: t, kind: "failure" });
      const up = t + repair();
      rows.push({ node, start: t, end: Math.min(up, H), kind: "down" });
      if (up < H) rows.push({ node, start: up, end: up, kind: "repair" });
      start = up;
      t = up + life();
    }
    if (start < H) rows.push({ node, start, end: H, kind: "up" });
  }
  return rows;
}
