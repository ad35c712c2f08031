/**
 * Closed forms and numerics for the expected number of cluster failures.
 *
 * - Steady state (alternating renewal theory): failures per unit time = N / (MTBF + MTTR), where MTBF
 *   is the mean up time; about N / MTBF when repairs are short. "A million nodes, MTBF 2 years" gives
 *   1e6 / (2 * 525,600 min) = 0.951 failures per minute (0.950 with one-day repairs).
 * - Fresh start: all nodes start new at time 0. With exponential lifetimes (memoryless) the rate is the
 *   steady-state rate from the start (apart from the tiny repair correction). With Weibull lifetimes it is
 *   not: shape > 1 (wear-out) gives FEWER failures in the first year than N / MTBF, shape < 1 (infant
 *   mortality) gives MORE. The expected count N * M(T) is computed from the renewal function M of the
 *   alternating process, E[failures by T] = sum_n P(L1 + (R1 + L2) + ... + (R_{n-1} + L_n) <= T),
 *   discretised on a grid; placing each grid mass at the left and right edges of its cell gives an
 *   upper and a lower bound whose midpoint is reported.
 */
import type { Distribution, DistributionLike } from "../random/distributions";
import { checkInteger } from "../validate";
import { MINUTES_PER_HOUR } from "./_units";
import { resolveCluster, type ClusterFailureOptions } from "./options";

/** Expected failures of a cluster over the horizon, by three formulas. */
export interface ExpectedClusterFailures {
  nodes: number;
  horizonHours: number;
  /** N * T / MTBF: the back-of-envelope figure. */
  naiveFailures: number;
  /** N * T / (MTBF + MTTR): steady-state alternating renewal. */
  steadyStateFailures: number;
  /** N * M(T) for nodes that all start fresh (midpoint of the bounds below). */
  freshStartFailures: number;
  freshStartLower: number;
  freshStartUpper: number;
  /** steadyStateFailures and freshStartFailures per minute. */
  steadyStatePerMinute: number;
  freshStartPerMinute: number;
  /** True when the repair law (lognormal) has no CDF here and the numerics used a constant repair at its mean. */
  repairApproximated: boolean;
}

/** Options of {@link expectedClusterFailures}: the cluster options plus the grid size. */
export interface ExpectedClusterOptions extends ClusterFailureOptions {
  /** Grid cells over the horizon for the renewal numerics (cost grows with its square). @defaultValue 2000 */
  gridCells?: number;
}

/**
 * Expected failures for the same options as {@link simulateClusterFailures} (the seed is ignored).
 *
 * @example
 * expectedClusterFailures({ nodes: 1e6, mtbfYears: 2, weibullShape: 1.5 }).freshStartPerMinute
 */
export function expectedClusterFailures(options: ExpectedClusterOptions = {}): ExpectedClusterFailures {
  const c = resolveCluster("expectedClusterFailures", options, ["gridCells"]);
  const n = checkInteger("gridCells", options.gridCells ?? 2000, 10, 20000);
  const T = c.horizonHours;
  const k = c.weibullShape;
  const lifeCdf = (x: number) => (x <= 0 ? 0 : 1 - Math.exp(-Math.pow(x / c.scaleHours, k)));
  const { cdf: repairCdfFn, approximated } = repairCdf(c.repairHours, c.mttrHours);
  const { lower, upper } = renewalBounds(T, n, lifeCdf, repairCdfFn);
  const minutes = T * MINUTES_PER_HOUR;
  const fresh = (c.nodes * (lower + upper)) / 2;
  const steady = (c.nodes * T) / (c.mtbfHours + c.mttrHours);
  return {
    nodes: c.nodes,
    horizonHours: T,
    naiveFailures: (c.nodes * T) / c.mtbfHours,
    steadyStateFailures: steady,
    freshStartFailures: fresh,
    freshStartLower: c.nodes * lower,
    freshStartUpper: c.nodes * upper,
    steadyStatePerMinute: steady / minutes,
    freshStartPerMinute: fresh / minutes,
    repairApproximated: approximated,
  };
}

/** The repair CDF in hours; laws without one here are replaced by a constant at their mean. */
function repairCdf(dist: DistributionLike, mean: number): { cdf: (x: number) => number; approximated: boolean } {
  const step = (v: number) => (x: number) => (x >= v ? 1 : 0);
  if (typeof dist === "number") return { cdf: step(dist), approximated: false };
  const d = dist as Distribution;
  switch (d.kind) {
    case "constant": return { cdf: step(d.value), approximated: false };
    case "exponential": return { cdf: (x) => (x <= 0 ? 0 : 1 - Math.exp(-x / d.mean)), approximated: false };
    case "uniform": {
      const w = d.max - d.min;
      return { cdf: (x) => (x < d.min ? 0 : x >= d.max ? 1 : w === 0 ? 1 : (x - d.min) / w), approximated: false };
    }
    case "weibull": return { cdf: (x) => (x <= 0 ? 0 : 1 - Math.exp(-Math.pow(x / d.scale, d.shape))), approximated: false };
    case "pareto": return { cdf: (x) => (x < d.scale ? 0 : 1 - Math.pow(d.scale / x, d.shape)), approximated: false };
    default: return { cdf: step(mean), approximated: true };
  }
}

/** Cell masses of a CDF on [0, (n + 1) h): p[j] = F((j + 1) h) - F(j h). */
function cellMasses(cdf: (x: number) => number, h: number, n: number): Float64Array {
  const p = new Float64Array(n + 1);
  let prev = cdf(0);
  for (let j = 0; j <= n; j++) {
    const next = cdf((j + 1) * h);
    p[j] = next - prev;
    prev = next;
  }
  // Mass at exactly 0 (a zero repair time) belongs to cell 0.
  p[0] += cdf(0);
  return p;
}

/** Discrete convolution of a and b, truncated to indices 0..n. */
function convolve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const ai = a[i];
    if (ai === 0) continue;
    for (let j = 0; i + j <= n; j++) out[i + j] += ai * b[j];
  }
  return out;
}

/** Mean failures per node by time T, bracketed by placing cell masses at left (upper) and right (lower) edges. */
function renewalBounds(
  T: number, n: number, lifeCdf: (x: number) => number, repairCdf: (x: number) => number,
): { lower: number; upper: number } {
  const h = T / n;
  const pL = cellMasses(lifeCdf, h, n);
  const pR = cellMasses(repairCdf, h, n);
  const count = (life: Float64Array, rep: Float64Array): number => {
    const cycle = convolve(rep, life, n);
    // Renewal mass u of the cycle law: u[0] = 1, u[m] = sum_{j>=0} cycle[j] u[m-j] (solved for u[m]).
    const u = new Float64Array(n + 1);
    const c0 = cycle[0];
    u[0] = 1 / (1 - c0);
    for (let m = 1; m <= n; m++) {
      let s = 0;
      for (let j = 1; j <= m; j++) s += cycle[j] * u[m - j];
      u[m] = s / (1 - c0);
    }
    // A first failure needs no cycle; later ones add whole cycles: failures = life * u.
    const failures = convolve(life, u, n);
    let total = 0;
    for (let m = 0; m <= n; m++) total += failures[m];
    return total;
  };
  const shift = (p: Float64Array) => {
    const q = new Float64Array(n + 1);
    for (let j = 0; j < n; j++) q[j + 1] = p[j];
    return q;
  };
  const upper = count(pL, pR);
  const lower = count(shift(pL), shift(pR));
  return { lower, upper };
}
