/**
 * Options of the two-phase protocol (runTwoPhase): the documented defaults and their validation,
 * done once at the entry point.
 */
import { exponential, type DistributionLike } from "../random/distributions";
import { type Seed } from "../random/rng";
import { checkSharedOptions } from "./shared-options";
import { type FaultEvent, type LinkOptions } from "../sim/options";
import { checkNonNegative, checkOneOf, checkPositive, fail } from "../validate";
import { clientNames, serverNames } from "./replica-logs";

/** Options of runTwoPhase. */
export interface TwoPhaseOptions {
  /** Seed of every random stream of the run. */
  seed: Seed;
  /** Number of clients, named u1, u2, ... @defaultValue 2 */
  clients?: number;
  /** Number of servers, named s1, s2, ... @defaultValue 3 */
  servers?: number;
  /** Commands each client commits, one after another (u1 commits c1, c2, ..., then u2's follow). @defaultValue 1 */
  commandsPerClient?: number;
  /** One-way message delay in ms. @defaultValue exponential(5) */
  delayMs?: DistributionLike;
  /** "fixed": wait exactly backoffMs after a failed attempt; "random": uniform in [0, 2 backoffMs). @defaultValue "random" */
  backoff?: "fixed" | "random";
  /** Mean wait after a failed attempt, in ms. @defaultValue 20 */
  backoffMs?: number;
  /** "parallel": ask every server at once; "sequential": one server at a time, the next after a grant. @defaultValue "parallel" */
  lockRequests?: "parallel" | "sequential";
  /**
   * The order in which each client asks the servers for their locks: "same" (every client asks s1,
   * s2, ... in that order), "rotated" (client i starts at server i), or your own function
   * `(client, servers) => servers in the order this client asks them` (called once per client, when
   * the options are checked; it must return every server once). @defaultValue "same"
   */
  lockOrder?: "same" | "rotated" | LockOrder;
  /** What a locked server does with a request: "refuse" it or queue it ("wait"). @defaultValue "refuse" */
  onConflict?: "refuse" | "wait";
  /** A client gives up an attempt (releases and backs off) if its locks are not all granted within this many ms. @defaultValue Infinity (never) */
  lockTimeoutMs?: number;
  /** Phase 2 resends the command to servers that have not acknowledged after this many ms. @defaultValue 100 */
  resendMs?: number;
  /** Client i (0-based) starts at i * clientGapMs. @defaultValue 0 */
  clientGapMs?: number;
  /** The run stops at this virtual time in ms (or earlier, when nothing is left to do). @defaultValue 10000 */
  untilMs?: number;
  /** Fault schedule passed to the world. @defaultValue [] */
  faults?: FaultEvent[];
  /** Per-link network overrides keyed "u1->s1" or "u1<->s1". @defaultValue {} */
  links?: Record<string, LinkOptions>;
}

/**
 * A lock order of your own: the servers in the order client `client` ("u1", "u2", ...) asks them for
 * their locks; `servers` is ["s1", "s2", ...].
 * @example const backwards: LockOrder = (client, servers) => [...servers].reverse();
 */
export type LockOrder = (client: string, servers: readonly string[]) => string[];

/** @internal Validated options with defaults filled in. */
export interface CheckedTwoPhaseOptions {
  seed: Seed; clients: number; servers: number; commandsPerClient: number; delayMs: DistributionLike;
  backoff: "fixed" | "random"; backoffMs: number; sequential: boolean; queueing: boolean;
  /** Per client (0-based), the servers in the order it asks them for their locks. */
  lockOrders: string[][];
  lockTimeoutMs: number; resendMs: number; clientGapMs: number; untilMs: number;
  faults: FaultEvent[]; links: Record<string, LinkOptions>;
}

const KEYS = ["seed", "clients", "servers", "commandsPerClient", "delayMs", "backoff", "backoffMs", "lockRequests",
  "lockOrder", "onConflict", "lockTimeoutMs", "resendMs", "clientGapMs", "untilMs", "faults", "links"] as const;

/** @internal Validates the options of `fn` once and fills in the documented defaults. */
export function checkTwoPhaseOptions(fn: string, options: TwoPhaseOptions): CheckedTwoPhaseOptions {
  const shared = checkSharedOptions(fn, options, KEYS);
  return {
    ...shared,
    delayMs: options.delayMs ?? exponential(5),
    backoff: checkOneOf(`${fn}: backoff`, options.backoff ?? "random", ["fixed", "random"]),
    backoffMs: checkNonNegative(`${fn}: backoffMs`, options.backoffMs ?? 20),
    sequential: checkOneOf(`${fn}: lockRequests`, options.lockRequests ?? "parallel", ["parallel", "sequential"]) === "sequential",
    lockOrders: lockOrders(fn, options.lockOrder ?? "same", shared.clients, shared.servers),
    queueing: checkOneOf(`${fn}: onConflict`, options.onConflict ?? "refuse", ["refuse", "wait"]) === "wait",
    lockTimeoutMs: options.lockTimeoutMs === undefined || options.lockTimeoutMs === Infinity
      ? Infinity : checkPositive(`${fn}: lockTimeoutMs`, options.lockTimeoutMs),
    resendMs: checkPositive(`${fn}: resendMs`, options.resendMs ?? 100),
    clientGapMs: checkNonNegative(`${fn}: clientGapMs`, options.clientGapMs ?? 0),
    untilMs: checkPositive(`${fn}: untilMs`, options.untilMs ?? 10000),
  };
}

/** Each client's lock order: "same", "rotated", or the caller's function, whose answers are checked here. */
function lockOrders(fn: string, lockOrder: unknown, clients: number, servers: number): string[][] {
  const names = serverNames(servers);
  if (typeof lockOrder !== "function") {
    const rotated = checkOneOf(`${fn}: lockOrder`, lockOrder, ["same", "rotated"]) === "rotated";
    return clientNames(clients).map((_, i) => names.map((_, k) => names[(k + (rotated ? i : 0)) % servers]));
  }
  return clientNames(clients).map((client) => {
    const call = `${fn}: lockOrder(${JSON.stringify(client)}, ${JSON.stringify(names)})`;
    let order: unknown;
    try {
      order = (lockOrder as LockOrder)(client, names.slice());
    } catch (e) {
      throw new Error(`${call} threw: ${e instanceof Error ? e.message : String(e)}`);
    }
    const isOrder = Array.isArray(order) && order.length === servers && names.every((s) => (order as unknown[]).includes(s));
    if (!isOrder) fail(call, order, `an array with every server once (${names.join(", ")} in some order)`);
    return (order as string[]).slice();
  });
}
