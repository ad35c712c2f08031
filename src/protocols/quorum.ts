/**
 * Majority quorums: how often a majority of n servers is up compared with all n (simulated and exact),
 * and why any two majorities share a server (an exhaustive check over every pair of quorums).
 */
import { createRng, type Seed } from "../random/rng";
import { wilson } from "../stats/stats";
import { checkInteger, checkKeys, checkProbability, fail } from "../validate";

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

/** Options of {@link quorumAvailability}. */
export interface QuorumAvailabilityOptions {
  /** Seed of the simulated snapshots. */
  seed: Seed;
  /** Cluster sizes to try (integers in [1, 201]). @defaultValue [1, 3, 5, 7, 9, 11] */
  servers?: readonly number[];
  /** Probabilities that one server is down at a random moment, each in [0, 1]. @defaultValue [0.01, 0.05, 0.1, 0.2, 0.3] */
  downProbabilities?: readonly number[];
  /** Random snapshots of the cluster per (size, probability) cell. @defaultValue 20000 */
  trials?: number;
}

/** One row of {@link quorumAvailability}: a rule ("majority" or "all") in one cell, simulated and exact. */
export interface QuorumAvailabilityRow {
  servers: number;
  downProbability: number;
  rule: "majority" | "all";
  /** Share of snapshots in which the rule's quorum was up. */
  simulated: number;
  /** 95% Wilson interval of `simulated`. */
  lo: number;
  hi: number;
  /** The binomial closed form. */
  exact: number;
  trials: number;
}

/**
 * Takes `trials` random snapshots of clusters of each size, each server down independently with the
 * given probability, and counts how often a majority is up and how often all servers are up; each
 * row carries the exact binomial tail next to the simulated share.
 * @example quorumAvailability({ seed: 42, servers: [3, 5], downProbabilities: [0.1] })
 */
export function quorumAvailability(options: QuorumAvailabilityOptions): QuorumAvailabilityRow[] {
  if (options === null || typeof options !== "object") fail("quorumAvailability(options): options", options, "an object");
  checkKeys("quorumAvailability options", options, ["seed", "servers", "downProbabilities", "trials"]);
  const sizes = options.servers ?? [1, 3, 5, 7, 9, 11];
  const probs = options.downProbabilities ?? [0.01, 0.05, 0.1, 0.2, 0.3];
  const trials = checkInteger("quorumAvailability: trials", options.trials ?? 20000, 1, 10_000_000);
  if (!Array.isArray(sizes) || sizes.length === 0) fail("quorumAvailability: servers", sizes, "a non-empty array of integers");
  if (!Array.isArray(probs) || probs.length === 0) fail("quorumAvailability: downProbabilities", probs, "a non-empty array of numbers in [0, 1]");
  sizes.forEach((n, i) => checkInteger(`quorumAvailability: servers[${i}]`, n, 1, 201));
  probs.forEach((p, i) => checkProbability(`quorumAvailability: downProbabilities[${i}]`, p));
  const rows: QuorumAvailabilityRow[] = [];
  for (const n of sizes) {
    for (const p of probs) {
      const rng = createRng(options.seed, `quorum/${n}/${p}`);
      const need = majoritySize(n);
      let majority = 0, all = 0;
      for (let t = 0; t < trials; t++) {
        let up = 0;
        for (let s = 0; s < n; s++) if (rng.next() >= p) up++;
        if (up >= need) majority++;
        if (up === n) all++;
      }
      const cell = { servers: n, downProbability: p, trials };
      const mi = wilson(majority, trials), ai = wilson(all, trials);
      rows.push({ ...cell, rule: "majority", simulated: majority / trials, lo: mi.lo, hi: mi.hi, exact: majorityUpProbability(n, p) });
      rows.push({ ...cell, rule: "all", simulated: all / trials, lo: ai.lo, hi: ai.hi, exact: allUpProbability(n, p) });
    }
  }
  return rows;
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
