/**
 * Notebook 05's duel that never ends: two Paxos proposers with constant, asymmetric delays and no
 * randomness (u1 is 1 ms from s1 and 2 ms from s3, u2 the other way round, both 3 ms from s2; servers
 * answer expired tickets with nacks, a nacked client retries at once). Each client's new ticket reaches
 * a majority just before the other's proposal, so the two knock each other out in a fixed pattern for
 * as long as the run lasts. A random backoff before each retry breaks the pattern.
 */
import { createWorld } from "../sim/world";
import type { Trace } from "../sim/trace";
import type { Seed } from "../random/rng";
import { monteCarlo } from "../stats/montecarlo";
import { checkInteger, checkKeys, checkNonNegative, checkPositive, checkSeed, fail } from "../validate";
import { paxosNodes } from "../protocols/paxos";

/** Options of {@link perpetualDuel}. */
export interface PerpetualDuelOptions {
  /** Seed of the run (it matters only when backoffMs > 0: nothing else is random). */
  seed: Seed;
  /** A nacked client waits a uniform random time in [0, backoffMs) before retrying; 0 retries at once. @defaultValue 0 */
  backoffMs?: number;
  /** The run stops at this virtual time in ms. @defaultValue 300 */
  untilMs?: number;
}

/** One duel: its trace, the attempts (both clients) within the horizon and the first decision. */
export interface PerpetualDuelRun {
  trace: Trace;
  /** Attempts started by both clients together until the first decision, or until untilMs if none. */
  attempts: number;
  decided: boolean;
  /** Time of the first decision in ms, or null. */
  firstDecisionMs: number | null;
}

/** The constant one-way delays of the duel, in ms. */
export const DUEL_LINKS = {
  "u1<->s1": { delayMs: 1 }, "u1<->s2": { delayMs: 3 }, "u1<->s3": { delayMs: 2 },
  "u2<->s1": { delayMs: 2 }, "u2<->s2": { delayMs: 3 }, "u2<->s3": { delayMs: 1 },
} as const;

function checkDuel(fn: string, options: PerpetualDuelOptions): Required<PerpetualDuelOptions> {
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, ["seed", "backoffMs", "untilMs", ...(fn === "perpetualDuelRuns" ? ["runs"] : [])]);
  return {
    seed: checkSeed(`${fn}: seed`, options.seed),
    backoffMs: checkNonNegative(`${fn}: backoffMs`, options.backoffMs ?? 0),
    untilMs: checkPositive(`${fn}: untilMs`, options.untilMs ?? 300),
  };
}

function duel(o: Required<PerpetualDuelOptions>): PerpetualDuelRun {
  const protocol = paxosNodes({ clients: 2, servers: 3, nacks: true, startSpreadMs: 0, backoffMs: o.backoffMs, maxAttempts: 1_000_000, timeoutMs: 1000 });
  const trace = createWorld({ seed: o.seed, ...protocol, network: { delayMs: 1, links: { ...DUEL_LINKS } }, maxEvents: 2_000_000 }).run({ untilMs: o.untilMs });
  const first = trace.records("decide")[0];
  const attempts = trace.records("attempt").filter((a) => first === undefined || a.t <= first.t).length;
  return { trace, attempts, decided: first !== undefined, firstDecisionMs: first?.t ?? null };
}

/**
 * Runs the duel once. Without backoff it never decides: the attempts grow with untilMs.
 * @example perpetualDuel({ seed: 42 }).decided // false
 */
export function perpetualDuel(options: PerpetualDuelOptions): PerpetualDuelRun {
  return duel(checkDuel("perpetualDuel", options));
}

/** One run of {@link perpetualDuelRuns}. */
export interface PerpetualDuelRow { seed: string; attempts: number; decided: boolean; firstDecisionMs: number | null }

/**
 * The duel `runs` times (run i with seed "<seed>/run/<i>"), each with the same backoff; `runs` is an
 * integer in [1, 1e5], default 200.
 * @example perpetualDuelRuns({ seed: 42, backoffMs: 10 }).every((r) => r.decided)
 */
export function perpetualDuelRuns(options: PerpetualDuelOptions & { runs?: number }): PerpetualDuelRow[] {
  const o = checkDuel("perpetualDuelRuns", options);
  const runs = checkInteger("perpetualDuelRuns: runs", options.runs ?? 200, 1, 100_000);
  return monteCarlo({ runs, seed: o.seed, run: (seed) => {
    const r = duel({ ...o, seed });
    return { seed, attempts: r.attempts, decided: r.decided, firstDecisionMs: r.firstDecisionMs };
  } });
}
