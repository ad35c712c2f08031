/**
 * Experiments on Paxos: many seeded runs with the same options (for dueling proposers with and
 * without backoff), and progress as more and more servers are down.
 */
import { monteCarlo, wilson } from "../experiments";
import type { Seed } from "../random";
import { checkInteger } from "../validate";
import { runPaxos, type PaxosOptions } from "./paxos";
import { checkConsensusSafety } from "./paxos-safety";

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
