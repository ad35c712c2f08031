/**
 * Experiments on Paxos: many seeded runs with the same options (for dueling proposers with and
 * without backoff), and progress as more and more servers are down.
 */
import { ecdf } from "../stats/histogram";
import { monteCarlo } from "../stats/montecarlo";
import { quantile, wilson } from "../stats/stats";
import type { Seed } from "../random/rng";
import { checkInteger } from "../validate";
import { runPaxos, type PaxosOptions } from "../protocols/paxos";
import { checkConsensusSafety } from "../properties/consensus";
import { naiveTicketConflicts } from "../protocols/naive-ticket";

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
 * Runs Paxos `runs` times with the same options and reports each run's attempts and time to the first
 * decision, and whether it was safe.
 * @example paxosRuns({ seed: 42, runs: 200, clients: 3, nacks: true, backoffMs: 40 })
 */
export function paxosRuns(options: PaxosRunsOptions): PaxosRunRow[] {
  const { runs = 500, seed, ...rest } = options;
  checkInteger("paxosRuns: runs", runs, 1, 1_000_000);
  runPaxos({ ...rest, seed, untilMs: 1 }); // validates the options once, up front
  return monteCarlo({
    runs, seed,
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
 * client can ever decide.
 */
export function paxosProgressByDown(options: PaxosRunsOptions): PaxosProgressRow[] {
  const { runs = 100, seed, faults, ...rest } = options;
  if (faults !== undefined) throw new TypeError("paxosProgressByDown: faults are set by the experiment; do not pass them");
  const n = checkInteger("paxosProgressByDown: servers", rest.servers ?? 5, 1, 15);
  const rows: PaxosProgressRow[] = [];
  for (let down = 0; down <= n; down++) {
    const crashes = Array.from({ length: down }, (_, i) => ({ at: 0, crash: `s${i + 1}` }));
    const results = paxosRuns({ ...rest, servers: n, seed: `${seed}/down/${down}`, runs, faults: crashes });
    const decided = results.filter((r) => r.decided).length;
    const w = wilson(decided, runs);
    rows.push({ servers: n, down, runs, decided, p: decided / runs, lo: w.lo, hi: w.hi });
  }
  return rows;
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
 * For each start spread (clients start at uniform times in [0, spread] ms), the share of runs in which
 * servers executed different commands, under the naive ticket protocol and under Paxos.
 */
export function ticketConflictSweep(options: Omit<PaxosRunsOptions, "startSpreadMs"> & { startSpreadsMs?: readonly number[] }): TicketConflictRow[] {
  const { startSpreadsMs = [0, 20, 50, 100, 200, 400], runs = 300, seed, ...rest } = options;
  checkInteger("ticketConflictSweep: runs", runs, 1, 1_000_000);
  const rows: TicketConflictRow[] = [];
  for (const startSpreadMs of startSpreadsMs) {
    const naive = naiveTicketConflicts({ ...rest, seed: `${seed}/spread/${startSpreadMs}`, runs, startSpreadMs }).filter((r) => r.conflicting).length;
    const paxos = paxosRuns({ ...rest, seed: `${seed}/spread/${startSpreadMs}`, runs, startSpreadMs }).filter((r) => !r.safe).length;
    for (const [protocol, k] of [["naive tickets", naive], ["Paxos", paxos]] as const) {
      const w = wilson(k, runs);
      rows.push({ protocol, startSpreadMs, p: k / runs, lo: w.lo, hi: w.hi, runs });
    }
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
 * so a client whose ticket was overtaken restarts at once. For each backoff (0 = none) runs Paxos
 * `runs` times and collects the attempts (all clients together) until the first decision; runs that
 * never decide are counted in `undecided`.
 */
export function duelingProposers(options: Omit<PaxosRunsOptions, "backoffMs"> & { backoffsMs?: readonly number[] }): DuelResult {
  const { backoffsMs = [0, 40], ...rest } = options;
  const out: DuelResult = { ecdf: [], summary: [] };
  for (const backoffMs of backoffsMs) {
    const series = backoffMs === 0 ? "no backoff" : `random backoff up to ${backoffMs} ms`;
    const rows = paxosRuns({ nacks: true, startSpreadMs: 0, ...rest, backoffMs });
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
