/**
 * Notebook 05's experiments on Paxos: many seeded runs with the same options, progress as more and
 * more servers are down, and dueling proposers with and without backoff.
 */
import { ecdf } from "../stats/histogram";
import { monteCarlo } from "../stats/montecarlo";
import { quantile, wilson } from "../stats/stats";
import type { Seed } from "../random/rng";
import { checkInteger, checkNonNegative, fail } from "../validate";
import { paxosConfig, runPaxos, type PaxosOptions } from "../protocols/paxos";
import { checkConsensusSafety } from "../properties/consensus";

/** Options of {@link paxosRuns}: Paxos options without the seed, plus the experiment's seed and runs. */
export interface PaxosRunsOptions extends Omit<PaxosOptions, "seed"> {
  /** Seed of the experiment; run i uses runSeed(seed, i). */
  seed: Seed;
  /** Number of runs, an integer in [1, 1e6]. @defaultValue 500 */
  runs?: number;
}

/** One run of {@link paxosRuns}. */
export interface PaxosRunRow {
  seed: string;
  decided: boolean;
  /** Attempts (all clients together) until the first decision, or null if none. */
  attempts: number | null;
  /** Time of the first decision in ms, or null. */
  decisionMs: number | null;
  safe: boolean;
}

/**
 * @internal Validates the options of a Paxos experiment once, with errors naming `fn`: `runs` (an
 * integer in [1, 1e6]) and every Paxos option. Returns the runs and the Paxos options without the seed.
 */
export function checkPaxosExperiment<O extends PaxosRunsOptions>(fn: string, options: O, defaultRuns: number): { runs: number; rest: Omit<O, "runs" | "seed"> } {
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  const { runs = defaultRuns, seed, ...rest } = options;
  checkInteger(`${fn}: runs`, runs, 1, 1_000_000);
  paxosConfig(fn, { ...rest, seed });
  return { runs, rest };
}

/** @internal Each entry of a list of times in ms is >= 0 (errors name `name[i]`). */
export function checkTimes(name: string, value: unknown): readonly number[] {
  if (!Array.isArray(value) || value.length === 0) fail(name, value, "a non-empty array of times in ms");
  value.forEach((v, i) => checkNonNegative(`${name}[${i}]`, v));
  return value;
}

/**
 * Runs Paxos `runs` times with the same options and reports each run's attempts and time to the first
 * decision, and whether it was safe.
 * @example paxosRuns({ seed: 42, runs: 200, clients: 3, nacks: true, backoffMs: 40 })
 */
export function paxosRuns(options: PaxosRunsOptions): PaxosRunRow[] {
  const { runs, rest } = checkPaxosExperiment("paxosRuns", options, 500);
  return monteCarlo({
    runs, seed: options.seed,
    run: (s) => {
      const r = runPaxos({ ...rest, seed: s });
      return { seed: s, decided: r.decided, attempts: r.attemptsToDecide, decisionMs: r.firstDecisionMs, safe: checkConsensusSafety(r.log, r.servers.length).ok };
    },
  });
}

/** One row of {@link paxosProgressByDown}. */
export interface PaxosProgressRow {
  servers: number;
  down: number;
  runs: number;
  decided: number;
  /** Share of runs in which some client heard a majority of successes, with a 95% Wilson interval. */
  p: number;
  lo: number;
  hi: number;
}

/**
 * For each number of crashed servers d = 0..n, crashes servers s1..sd at time 0 (they never come back)
 * and counts how often Paxos decides within `untilMs`. With d >= n/2 no majority answers, so no
 * client can ever decide. `runs` defaults to 100 per d; `servers` to 5.
 */
export function paxosProgressByDown(options: PaxosRunsOptions): PaxosProgressRow[] {
  if (options === null || typeof options !== "object") fail("paxosProgressByDown(options): options", options, "an object");
  if (options.faults !== undefined) throw new TypeError("paxosProgressByDown: faults are set by the experiment; do not pass them");
  const { runs, rest } = checkPaxosExperiment("paxosProgressByDown", { ...options, servers: options.servers ?? 5 }, 100);
  const n = rest.servers ?? 5;
  const rows: PaxosProgressRow[] = [];
  for (let down = 0; down <= n; down++) {
    const crashes = Array.from({ length: down }, (_, i) => ({ at: 0, crash: `s${i + 1}` }));
    const results = paxosRuns({ ...rest, servers: n, seed: `${options.seed}/down/${down}`, runs, faults: crashes });
    const decided = results.filter((r) => r.decided).length;
    const w = wilson(decided, runs);
    rows.push({ servers: n, down, runs, decided, p: decided / runs, lo: w.lo, hi: w.hi });
  }
  return rows;
}

/** What {@link duelingProposers} returns: ECDF rows per setting and a summary per setting. */
export interface DuelResult {
  /** Rows `{ x: attempts, p, series }` for ecdfChart. */
  ecdf: { x: number; p: number; series: string }[];
  summary: { series: string; median: number; p90: number; max: number; undecided: number; runs: number }[];
}

/**
 * Dueling proposers: `clients` clients start together and servers answer expired tickets with nacks,
 * so a client whose ticket was overtaken restarts at once. For each backoff (0 = none; `backoffsMs`
 * defaults to [0, 40]) runs Paxos `runs` times and collects the attempts (all clients together) until
 * the first decision; runs that never decide are counted in `undecided`.
 */
export function duelingProposers(options: Omit<PaxosRunsOptions, "backoffMs"> & { backoffsMs?: readonly number[] }): DuelResult {
  if (options === null || typeof options !== "object") fail("duelingProposers(options): options", options, "an object");
  const { backoffsMs = [0, 40], ...paxos } = options;
  checkTimes("duelingProposers: backoffsMs", backoffsMs);
  const { runs } = checkPaxosExperiment("duelingProposers", { nacks: true, startSpreadMs: 0, ...paxos }, 500);
  const out: DuelResult = { ecdf: [], summary: [] };
  for (const backoffMs of backoffsMs) {
    const series = backoffMs === 0 ? "no backoff" : `random backoff up to ${backoffMs} ms`;
    const rows = paxosRuns({ nacks: true, startSpreadMs: 0, ...paxos, runs, backoffMs });
    const attempts = rows.filter((r) => r.attempts !== null).map((r) => r.attempts as number).sort((a, b) => a - b);
    if (attempts.length > 0) for (const e of ecdf(attempts)) out.ecdf.push({ ...e, series });
    out.summary.push({
      series, runs: rows.length, undecided: rows.length - attempts.length,
      median: attempts.length ? quantile(attempts, 0.5) : NaN, p90: attempts.length ? quantile(attempts, 0.9) : NaN,
      max: attempts.length ? attempts[attempts.length - 1] : NaN,
    });
  }
  return out;
}
