/**
 * Experiments of notebook 04 (the two-phase protocol and two-phase commit): lock contention sweeps,
 * availability when every server must answer, livelock and deadlock set-ups, commit probability.
 * The protocol's invariants (one lock holder, ...) are checked by properties/two-phase-invariants.ts.
 */
import { createRng, type Seed } from "../random/rng";
import { type DistributionLike } from "../random/distributions";
import { meanCI, wilson } from "../stats/stats";
import { sweep } from "../stats/sweep";
import { checkInteger, checkKeys, checkList, checkOneOf, checkProbability, fail } from "../validate";
import type { Trace } from "../sim/trace";
import { runTwoPhase, type TwoPhaseOptions, type TwoPhaseResult } from "../protocols/two-phase";
import { runTwoPhaseCommit } from "../protocols/two-phase-commit";

/** One row of {@link twoPhaseContentionSweep}: means over runs with 95% Student-t intervals. */
export interface ContentionRow {
  clients: number; servers: number; backoff: string;
  /** Lock attempts (phase-1 rounds) per committed command; 1 means no retries. */
  attemptsPerCommit: number; attemptsLo: number; attemptsHi: number;
  /** Mean ms from a command's first lock request until it executed everywhere and was acknowledged. */
  waitMs: number; waitLo: number; waitHi: number;
  /** Committed commands per second of virtual time (all clients together). */
  throughputPerS: number; throughputLo: number; throughputHi: number;
  /** Runs in which some command was not committed by untilMs. */
  unfinishedRuns: number;
  runs: number;
}

/** Options of {@link twoPhaseContentionSweep}. */
export interface ContentionSweepOptions {
  seed: Seed;
  /** Runs per grid cell. */
  runs: number;
  clients: number[];
  /** @defaultValue [3] */ servers?: number[];
  /** @defaultValue ["fixed", "random"] */ backoffs?: ("fixed" | "random")[];
  /** @defaultValue 5 */ commandsPerClient?: number;
  /** @defaultValue exponential(5) (the protocol's default) */ delayMs?: DistributionLike;
  /** @defaultValue 20 */ backoffMs?: number;
  /** @defaultValue 20000 */ untilMs?: number;
}

const ci = (values: number[]) => {
  const m = meanCI(values);
  return values.length > 1 ? [m.mean, m.lo, m.hi] : [m.mean, m.mean, m.mean];
};

/**
 * Runs the two-phase protocol with k clients competing for n servers' locks (every client commits
 * `commandsPerClient` commands back to back) in every cell of clients x servers x backoff.
 */
export function twoPhaseContentionSweep(options: ContentionSweepOptions): ContentionRow[] {
  checkKeys("twoPhaseContentionSweep options", options, ["seed", "runs", "clients", "servers", "backoffs", "commandsPerClient", "delayMs", "backoffMs", "untilMs"]);
  const clients = checkList("twoPhaseContentionSweep options.clients", options.clients, (n, v) => checkInteger(n, v, 1, 1000));
  const servers = checkList("twoPhaseContentionSweep options.servers", options.servers ?? [3], (n, v) => checkInteger(n, v, 1, 1000));
  const backoffs = checkList("twoPhaseContentionSweep options.backoffs", options.backoffs ?? ["fixed", "random"],
    (n, v) => checkOneOf(n, v, ["fixed", "random"] as const));
  return sweep({
    grid: { clients, servers, backoff: backoffs },
    runs: options.runs, seed: options.seed,
    run: (p, seed): TwoPhaseResult => runTwoPhase({
      seed, clients: p.clients as number, servers: p.servers as number, backoff: p.backoff as "fixed" | "random",
      commandsPerClient: options.commandsPerClient ?? 5, delayMs: options.delayMs, backoffMs: options.backoffMs ?? 20,
      untilMs: options.untilMs ?? 20000,
    }),
    summarize: (results) => {
      const done = results.filter((r) => r.committed > 0);
      const [a, aLo, aHi] = ci(done.map((r) => r.attemptsPerCommit));
      const [w, wLo, wHi] = ci(done.map((r) => r.waitsMs.reduce((x, y) => x + y, 0) / r.waitsMs.length));
      const [t, tLo, tHi] = ci(results.map((r) => r.throughputPerS));
      return {
        attemptsPerCommit: a, attemptsLo: aLo, attemptsHi: aHi, waitMs: w, waitLo: wLo, waitHi: wHi,
        throughputPerS: t, throughputLo: tLo, throughputHi: tHi,
        unfinishedRuns: results.filter((r) => r.outcome !== "done").length, runs: results.length,
      };
    },
  });
}

/** One row of {@link twoPhaseAvailabilitySweep}. */
export interface AvailabilityRow {
  servers: number;
  /** Share of runs in which the client's command committed, with a 95% Wilson interval. */
  p: number; lo: number; hi: number; n: number;
  /** (1 - downProbability)^servers: every server must be up. */
  closedForm: number;
}

/**
 * Availability of the two-phase protocol: in each run every server is down from the start with
 * probability `downProbability` (independently) and stays down; one client tries to commit one
 * command (lock timeout 50 ms, so it keeps retrying) for `untilMs` (default 200 ms). Available = the command committed.
 */
export function twoPhaseAvailabilitySweep(options: { seed: Seed; runs: number; servers: number[]; downProbability: number; untilMs?: number }): AvailabilityRow[] {
  checkKeys("twoPhaseAvailabilitySweep options", options, ["seed", "runs", "servers", "downProbability", "untilMs"]);
  const q = checkProbability("twoPhaseAvailabilitySweep: downProbability", options.downProbability);
  return sweep({
    grid: { servers: options.servers }, runs: options.runs, seed: options.seed,
    run: (p, seed) => {
      const n = p.servers as number;
      const rng = createRng(seed, "down");
      const faults = [];
      for (let i = 1; i <= n; i++) if (rng.next() < q) faults.push({ at: 0, crash: `s${i}` });
      return runTwoPhase({ seed, clients: 1, servers: n, faults, lockTimeoutMs: 50, untilMs: options.untilMs ?? 200 }).committed === 1;
    },
    summarize: (ok, p) => {
      const w = wilson(ok.filter(Boolean).length, ok.length);
      return { p: w.p, lo: w.lo, hi: w.hi, n: ok.length, closedForm: Math.pow(1 - q, p.servers as number) };
    },
  });
}

/**
 * The livelock set-up: two clients u1 and u2, two servers; u1 is close to s1 (2 ms) and far from s2
 * (8 ms), u2 the other way round, every delay constant. Both start at once, so u1 always gets s1 and
 * u2 always gets s2; with fixed backoff they retry in lockstep forever.
 */
export function twoPhaseLivelock(options: { seed: Seed; backoff: "fixed" | "random"; backoffMs?: number; untilMs?: number }): TwoPhaseResult {
  checkKeys("twoPhaseLivelock options", options, ["seed", "backoff", "backoffMs", "untilMs"]);
  return runTwoPhase({
    seed: options.seed, clients: 2, servers: 2, backoff: options.backoff, backoffMs: options.backoffMs ?? 20,
    untilMs: options.untilMs ?? 1000, delayMs: 8, links: { "u1<->s1": { delayMs: 2 }, "u2<->s2": { delayMs: 2 } },
  });
}

/**
 * The deadlock set-up: servers queue lock requests instead of refusing them ("wait"), clients take
 * the locks one at a time and never release on conflict. With lockOrder "rotated" client u1 asks s1
 * then s2 and u2 asks s2 then s1, so each ends up holding one lock and waiting for the other forever;
 * with "same" (every client asks s1 first) nobody can hold s2 while waiting for s1, so no deadlock.
 */
export function twoPhaseDeadlock(options: { seed: Seed; lockOrder: "same" | "rotated"; clients?: number; servers?: number; untilMs?: number }): TwoPhaseResult {
  checkKeys("twoPhaseDeadlock options", options, ["seed", "lockOrder", "clients", "servers", "untilMs"]);
  const opts: TwoPhaseOptions = {
    seed: options.seed, clients: options.clients ?? 2, servers: options.servers ?? 2, onConflict: "wait",
    lockRequests: "sequential", lockOrder: options.lockOrder, delayMs: 5, untilMs: options.untilMs ?? 1000,
  };
  return runTwoPhase(opts);
}

/** One row of {@link twoPhaseCommitSweep}. */
export interface CommitRow {
  participants: number;
  /** Share of transactions that committed, with a 95% Wilson interval. */
  p: number; lo: number; hi: number; n: number;
  /** (1 - noVoteRate)^participants: every vote must be yes. */
  closedForm: number;
  /** Runs in which some participant ended in a state other than the decision (expected 0). */
  nonAtomicRuns: number;
}

/** Commit probability of two-phase commit against the number of participants, each voting no with probability noVoteRate. */
export function twoPhaseCommitSweep(options: { seed: Seed; runs: number; participants: number[]; noVoteRate: number }): CommitRow[] {
  checkKeys("twoPhaseCommitSweep options", options, ["seed", "runs", "participants", "noVoteRate"]);
  const q = checkProbability("twoPhaseCommitSweep: noVoteRate", options.noVoteRate);
  checkInteger("twoPhaseCommitSweep: runs", options.runs, 1);
  return sweep({
    grid: { participants: options.participants }, runs: options.runs, seed: options.seed,
    run: (p, seed) => {
      const r = runTwoPhaseCommit({ seed, participants: p.participants as number, noVoteRate: q });
      return { committed: r.decision === "commit", atomic: r.atomic };
    },
    summarize: (rs, p) => {
      const w = wilson(rs.filter((r) => r.committed).length, rs.length);
      return { p: w.p, lo: w.lo, hi: w.hi, n: rs.length, closedForm: Math.pow(1 - q, p.participants as number), nonAtomicRuns: rs.filter((r) => !r.atomic).length };
    },
  });
}

/** The command whose executions on the servers lie furthest apart in time: between them the servers' states differ. */
export interface ExecutionGap {
  id: string;
  /** The first server to execute the command, and when (ms). */
  firstServer: string; firstMs: number;
  /** The last server to execute it, and when (ms). */
  lastServer: string; lastMs: number;
  /** lastMs - firstMs. */
  gapMs: number;
}

/**
 * Reads a run's "execute" records ({ id }) and returns the command with the widest gap between its first
 * and its last execution, or null when nothing was executed. (A server that never executes it is not counted.)
 * @example widestExecutionGap(runTwoPhase({ seed: 1, clients: 2, servers: 3 }).trace)?.gapMs
 */
export function widestExecutionGap(trace: Trace): ExecutionGap | null {
  if (trace === null || typeof trace !== "object" || typeof trace.records !== "function") fail("widestExecutionGap(trace)", trace, "a Trace");
  const byId = new Map<string, { node: string; t: number }[]>();
  for (const r of trace.records<{ id: string }>("execute")) byId.set(r.detail.id, [...(byId.get(r.detail.id) ?? []), { node: r.node, t: r.t }]);
  let best: ExecutionGap | null = null;
  for (const [id, ex] of byId) {
    const first = ex[0], last = ex[ex.length - 1]; // records are in time order
    if (best === null || last.t - first.t > best.gapMs) {
      best = { id, firstServer: first.node, firstMs: first.t, lastServer: last.node, lastMs: last.t, gapMs: last.t - first.t };
    }
  }
  return best;
}
