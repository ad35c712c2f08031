/**
 * Notebook 05's experiments on majorities and tickets: how often a majority of n servers is up
 * (simulated next to the closed form), how often the naive ticket protocol makes servers execute
 * different commands, and the same share under Paxos. The Paxos experiments are in 05-paxos-runs.ts.
 */
import { createRng, type Seed } from "../random/rng";
import { monteCarlo, runSeed } from "../stats/montecarlo";
import { wilson } from "../stats/stats";
import { checkInteger, checkKeys, checkProbability, fail } from "../validate";
import { runNaiveTicket } from "../protocols/naive-ticket";
import { allUpProbability, majoritySize, majorityUpProbability } from "../protocols/quorum";
import { ticketConfig, type TicketRunOptions, type TicketRunResult } from "../protocols/ticket-runs";
import { checkPaxosExperiment, checkTimes, paxosRuns, type PaxosRunsOptions } from "./05-paxos-runs";

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

/** Options of {@link naiveTicketConflicts}: the run options (without seed) plus how many runs. */
export interface NaiveTicketConflictOptions extends Omit<TicketRunOptions, "seed"> {
  /** Seed of the experiment; run i uses `runSeed(seed, i)`. */
  seed: Seed;
  /** Number of runs, an integer in [1, 1e6]. @defaultValue 1000 */
  runs?: number;
}

/** Per-run outcome of {@link naiveTicketConflicts}. */
export interface NaiveTicketConflictRow {
  seed: string;
  conflicting: boolean;
  decided: boolean;
  /** How many different commands the servers executed. */
  commands: number;
}

/**
 * Runs the naive ticket protocol many times with the same options and different seeds, and reports,
 * per run, whether the servers executed different commands.
 */
export function naiveTicketConflicts(options: NaiveTicketConflictOptions): NaiveTicketConflictRow[] {
  if (options === null || typeof options !== "object") fail("naiveTicketConflicts(options): options", options, "an object");
  const { runs = 1000, seed, ...rest } = options;
  checkInteger("naiveTicketConflicts: runs", runs, 1, 1_000_000);
  ticketConfig("naiveTicketConflicts", { seed, ...rest });
  return monteCarlo({
    runs, seed,
    run: (s) => {
      const r = runNaiveTicket({ ...rest, seed: s });
      return { seed: s, conflicting: r.conflicting, decided: r.decided, commands: new Set(r.log.executes.map((e) => e.command)).size };
    },
  });
}

/** The first seed (runSeed(seed, i), i = 0, 1, ...) whose run makes servers execute different commands, or null. */
export function findConflictingNaiveTicketRun(options: TicketRunOptions, maxTries = 1000): TicketRunResult | null {
  ticketConfig("findConflictingNaiveTicketRun", options);
  checkInteger("findConflictingNaiveTicketRun: maxTries", maxTries, 1, 1_000_000);
  for (let i = 0; i < maxTries; i++) {
    const run = runNaiveTicket({ ...options, seed: runSeed(options.seed, i) });
    if (run.conflicting) return run;
  }
  return null;
}

/** One row of {@link ticketConflictSweep}. */
export interface TicketConflictRow {
  protocol: "naive tickets" | "Paxos";
  startSpreadMs: number;
  /** Share of runs in which two servers executed different commands, with a 95% Wilson interval. */
  p: number;
  lo: number;
  hi: number;
  runs: number;
}

/**
 * For each start spread (clients start at uniform times in [0, spread] ms; `startSpreadsMs` defaults
 * to [0, 20, 50, 100, 200, 400]), the share of `runs` runs (default 300) in which servers executed
 * different commands, under the naive ticket protocol and under Paxos (the Paxos-only options
 * `nacks` and `adopt` apply to Paxos alone).
 */
export function ticketConflictSweep(options: Omit<PaxosRunsOptions, "startSpreadMs"> & { startSpreadsMs?: readonly number[] }): TicketConflictRow[] {
  if (options === null || typeof options !== "object") fail("ticketConflictSweep(options): options", options, "an object");
  const { startSpreadsMs = [0, 20, 50, 100, 200, 400], ...paxos } = options;
  checkTimes("ticketConflictSweep: startSpreadsMs", startSpreadsMs);
  const { runs, rest } = checkPaxosExperiment("ticketConflictSweep", paxos, 300);
  const { nacks: _nacks, adopt: _adopt, ...shared } = rest;
  const rows: TicketConflictRow[] = [];
  for (const startSpreadMs of startSpreadsMs) {
    const seed = `${options.seed}/spread/${startSpreadMs}`;
    const naive = naiveTicketConflicts({ ...shared, seed, runs, startSpreadMs }).filter((r) => r.conflicting).length;
    const unsafe = paxosRuns({ ...rest, seed, runs, startSpreadMs }).filter((r) => !r.safe).length;
    for (const [protocol, k] of [["naive tickets", naive], ["Paxos", unsafe]] as const) {
      const w = wilson(k, runs);
      rows.push({ protocol, startSpreadMs, p: k / runs, lo: w.lo, hi: w.hi, runs });
    }
  }
  return rows;
}
