/**
 * Majority quorums: how often a majority of n servers is up compared with all n (the binomial closed
 * form; notebook 05 simulates it with quorumAvailability), and why any two majorities share a server
 * (an exhaustive check over every pair of quorums).
 */
import { checkInteger, checkProbability } from "../validate";

/** P(at least `k` of `n` independent nodes are up), each up with probability `upProbability`. */
export function binomialAtLeast(n: number, k: number, upProbability: number): number {
  checkInteger("binomialAtLeast: n", n, 0, 1000);
  checkInteger("binomialAtLeast: k", k, 0, 1_000_000);
  checkProbability("binomialAtLeast: upProbability", upProbability);
  let total = 0;
  let coef = 1; // C(n, i), built up term by term
  for (let i = 0; i <= n; i++) {
    if (i > 0) coef = (coef * (n - i + 1)) / i;
    if (i >= k) total += coef * Math.pow(upProbability, i) * Math.pow(1 - upProbability, n - i);
  }
  return Math.min(1, total);
}

/** The size of a majority of `n` servers: floor(n / 2) + 1. */
export function majoritySize(n: number): number {
  checkInteger("majoritySize: n", n, 1, 1_000_000);
  return Math.floor(n / 2) + 1;
}

/** Exact P(a majority of `n` servers is up) when each is down independently with `downProbability`. */
export function majorityUpProbability(n: number, downProbability: number): number {
  checkProbability("majorityUpProbability: downProbability", downProbability);
  return binomialAtLeast(n, majoritySize(n), 1 - downProbability);
}

/** Exact P(all `n` servers are up) when each is down independently with `downProbability`. */
export function allUpProbability(n: number, downProbability: number): number {
  checkInteger("allUpProbability: n", n, 1, 1000);
  checkProbability("allUpProbability: downProbability", downProbability);
  return Math.pow(1 - downProbability, n);
}

/** One row of {@link quorumOverlap}: every pair of `quorum`-sized server sets of `servers` servers. */
export interface QuorumOverlapRow {
  servers: number;
  quorum: number;
  /** Pairs of quorums checked (unordered, including a quorum with itself). */
  pairs: number;
  /** The fewest servers any two quorums share (0 means two quorums can be disjoint). */
  minOverlap: number;
  /** True when every two quorums share at least one server. */
  alwaysIntersect: boolean;
  /** True when `quorum` is a majority of `servers` (more than half). */
  isMajority: boolean;
}

/**
 * Exhaustive check: for every cluster size up to `maxServers` and every quorum size, enumerates all
 * pairs of quorums (as bit masks) and reports the smallest overlap. Two quorums of size q always
 * intersect exactly when 2q > n, that is when q is a majority.
 * @param maxServers - largest cluster size, an integer in [1, 12]. @defaultValue 9
 */
export function quorumOverlap(maxServers = 9): QuorumOverlapRow[] {
  checkInteger("quorumOverlap: maxServers", maxServers, 1, 12);
  const rows: QuorumOverlapRow[] = [];
  for (let n = 1; n <= maxServers; n++) {
    const bySize: number[][] = Array.from({ length: n + 1 }, () => []);
    for (let mask = 0; mask < 1 << n; mask++) bySize[popcount(mask)].push(mask);
    for (let q = 1; q <= n; q++) {
      const sets = bySize[q];
      let minOverlap = q, pairs = 0;
      for (let i = 0; i < sets.length; i++) {
        for (let j = i; j < sets.length; j++) {
          pairs++;
          const o = popcount(sets[i] & sets[j]);
          if (o < minOverlap) minOverlap = o;
        }
      }
      rows.push({ servers: n, quorum: q, pairs, minOverlap, alwaysIntersect: minOverlap > 0, isMajority: q >= majoritySize(n) });
    }
  }
  return rows;
}

function popcount(x: number): number {
  let c = 0;
  while (x) {
    x &= x - 1;
    c++;
  }
  return c;
}
