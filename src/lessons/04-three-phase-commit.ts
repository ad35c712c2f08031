/**
 * Experiments of notebook 04's three-phase-commit section: two-phase and three-phase commit under
 * the same coordinator crash, at a random moment, with the coordinator back at `recoverAtMs`.
 * Each seeded run draws the crash moment once and runs both protocols with it (paired runs).
 */
import { createRng, type Seed } from "../random/rng";
import { type DistributionLike, uniform } from "../random/distributions";
import { meanCI, wilson } from "../stats/stats";
import { monteCarlo } from "../stats/montecarlo";
import { checkInteger, checkKeys, checkPositive, fail } from "../validate";
import type { Trace } from "../sim/trace";
import { runTwoPhaseCommit } from "../protocols/two-phase-commit";
import { runThreePhaseCommit } from "../protocols/three-phase-commit";

/** One run of {@link coordinatorCrashRuns}: one protocol, one crash moment. */
export interface CoordinatorCrashRun {
  protocol: "2PC" | "3PC";
  /** When the coordinator crashed, ms. */
  crashMs: number;
  /** "inconsistent" (some committed, some aborted), else "blocked" (some participant held its locks until the coordinator recovered), else the decision. */
  outcome: "committed" | "aborted" | "blocked" | "inconsistent";
  /** The longest time a participant held its locks, ms. */
  longestLockMs: number;
}

/** Options of {@link coordinatorCrashRuns}. */
export interface CoordinatorCrashOptions {
  seed: Seed;
  /** Seeded runs (each runs both protocols). */
  runs: number;
  /** The crash moment is uniform in [0, crashWindowMs). @defaultValue 30 */
  crashWindowMs?: number;
  /** The coordinator recovers at this time, ms. @defaultValue 450 */
  recoverAtMs?: number;
  /** @defaultValue 3 */
  participants?: number;
  /** One-way delay, ms; bounded, as three-phase commit's timing assumption wants. @defaultValue uniform(1, 9) */
  delayMs?: DistributionLike;
}

/** Whether some participant that locked decided only at or after `recoverAtMs` (or never). */
function blockedUntil(trace: Trace, lockHeldMs: Record<string, number>, recoverAtMs: number): boolean {
  return trace.records("lock").some((r) => r.t + lockHeldMs[r.node] >= recoverAtMs);
}

/**
 * Runs two-phase and three-phase commit (all votes yes) with the coordinator u1 crashing at a random
 * moment and recovering at `recoverAtMs`; the run lasts until 100 ms after the recovery.
 * @example coordinatorCrashRuns({ seed: 42, runs: 100 }).filter((r) => r.protocol === "3PC" && r.outcome === "blocked").length // 0
 */
export function coordinatorCrashRuns(options: CoordinatorCrashOptions): CoordinatorCrashRun[] {
  const fn = "coordinatorCrashRuns";
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, ["seed", "runs", "crashWindowMs", "recoverAtMs", "participants", "delayMs"]);
  const windowMs = checkPositive(`${fn}: crashWindowMs`, options.crashWindowMs ?? 30);
  const recoverAtMs = checkPositive(`${fn}: recoverAtMs`, options.recoverAtMs ?? 450);
  if (recoverAtMs <= windowMs) fail(`${fn}: recoverAtMs`, recoverAtMs, `more than crashWindowMs (${windowMs})`);
  const participants = checkInteger(`${fn}: participants`, options.participants ?? 3, 1, 100);
  const delayMs = options.delayMs ?? uniform(1, 9);
  const pairs = monteCarlo({
    runs: options.runs, seed: options.seed,
    run: (seed): CoordinatorCrashRun[] => {
      const crashMs = createRng(seed, "crash").next() * windowMs;
      const common = { seed, participants, delayMs, untilMs: recoverAtMs + 100, faults: [{ at: crashMs, crash: "u1" }, { at: recoverAtMs, recover: "u1" }] };
      const two = runTwoPhaseCommit(common), three = runThreePhaseCommit(common);
      return [
        { protocol: "2PC", crashMs, outcome: outcomeOf(two.atomic, blockedUntil(two.trace, two.lockHeldMs, recoverAtMs), two.states), longestLockMs: Math.max(...Object.values(two.lockHeldMs)) },
        { protocol: "3PC", crashMs, outcome: outcomeOf(three.atomic, blockedUntil(three.trace, three.lockHeldMs, recoverAtMs), three.states), longestLockMs: Math.max(...Object.values(three.lockHeldMs)) },
      ];
    },
  });
  return pairs.flat();
}

function outcomeOf(atomic: boolean, blocked: boolean, states: Record<string, string>): CoordinatorCrashRun["outcome"] {
  if (!atomic) return "inconsistent";
  if (blocked) return "blocked";
  return Object.values(states).every((s) => s === "committed") ? "committed" : "aborted";
}

/** Rows for outcomeChart: per protocol and outcome, the share of runs with a 95% Wilson interval (outcome named "2PC: blocked", ...). */
export function coordinatorCrashOutcomes(runs: readonly CoordinatorCrashRun[]): { outcome: string; protocol: string; p: number; lo: number; hi: number; n: number }[] {
  const rows = [];
  for (const protocol of ["2PC", "3PC"] as const) {
    const mine = runs.filter((r) => r.protocol === protocol);
    if (mine.length === 0) continue;
    for (const outcome of ["committed", "aborted", "blocked", "inconsistent"] as const) {
      const w = wilson(mine.filter((r) => r.outcome === outcome).length, mine.length);
      rows.push({ outcome: `${protocol}: ${outcome}`, protocol, p: w.p, lo: w.lo, hi: w.hi, n: mine.length });
    }
  }
  return rows;
}

/** Rows for sweepChart: per protocol and crash-moment bin of `binMs`, the mean longest lock time with a 95% Student-t interval (clipped at 0). */
export function coordinatorCrashBlocking(runs: readonly CoordinatorCrashRun[], binMs: number): { protocol: string; crashMs: number; lockMs: number; lo: number; hi: number; n: number }[] {
  checkPositive("coordinatorCrashBlocking(runs, binMs): binMs", binMs);
  const rows = [];
  for (const protocol of ["2PC", "3PC"]) {
    const bins = new Map<number, number[]>();
    for (const r of runs) if (r.protocol === protocol) {
      const b = Math.floor(r.crashMs / binMs);
      bins.set(b, [...(bins.get(b) ?? []), r.longestLockMs]);
    }
    for (const [b, values] of [...bins].sort((x, y) => x[0] - y[0])) {
      const m = meanCI(values);
      // a time is never negative: the interval is clipped at 0
      const [lo, hi] = values.length > 1 ? [Math.max(0, m.lo), m.hi] : [m.mean, m.mean];
      rows.push({ protocol, crashMs: (b + 0.5) * binMs, lockMs: m.mean, lo, hi, n: values.length });
    }
  }
  return rows;
}
