/**
 * Exhaustive exploration of tiny scenarios: every order in which the messages in flight can be
 * delivered (and, optionally, every choice of which ones are lost), with the outcome each reaches.
 * Independent of the event kernel: a scenario is a pure state plus the messages it has in flight.
 * A use of the model checker's core: its search finds the reachable states (by fingerprint, within
 * its maxStates bound), and the schedule counts are a fold over that state graph (explore-fold.ts).
 */
import { checkInteger, checkKeys, describeValue, fail } from "../validate";
import { foldSchedules, type ExploredState } from "./explore-fold";
import { DEFAULT_MAX_STATES } from "./options";
import { Pass, type Model } from "./pass";
import { search } from "./search";

/** Options for {@link explore}. */
export interface ExploreOptions<S, M> {
  /**
   * The starting state: plain data, as for {@link checkModel} (states that are equal as plain data,
   * or have the same `key`, are explored once: they must have the same future).
   */
  initial: S;
  /** The messages in flight in a state; an empty list means the scenario is over. */
  pending: (state: S) => readonly M[];
  /** Delivers one message: returns a NEW state (must not modify `state`). */
  deliver: (state: S, message: M) => S;
  /** The outcome of a finished scenario, as a label such as "50" or "diverged". */
  outcome: (state: S) => string;
  /**
   * Also explore losses: any schedule may stop after any delivery, and every message still in
   * flight at that point is lost. @defaultValue false
   */
  allowLoss?: boolean;
  /** Records the loss of one message (applied to each message still in flight when a schedule stops). @defaultValue state unchanged */
  lose?: (state: S, message: M) => S;
  /**
   * A key identifying equivalent states (same key: same future). Equal states are always explored
   * once and their schedule counts reused (which keeps counts exact); a key can merge more states than
   * equality does, for instance by leaving out a history that no longer matters.
   * @defaultValue none (states are merged when equal as plain data)
   */
  key?: (state: S) => string;
  /** Stop with an error once more schedules than this are counted. @defaultValue 1_000_000 */
  maxSchedules?: number;
}

/** One reachable outcome. */
export interface ExploreOutcome<M> {
  /** The outcome label. */
  outcome: string;
  /** How many schedules reach it. */
  schedules: number;
  /** One schedule reaching it: the messages in delivery order (the first found, depth first). */
  example: M[];
  /** The messages lost in that example schedule (empty unless `allowLoss`). */
  lost: M[];
}

/** The result of {@link explore}. */
export interface ExploreResult<M> {
  /** Each reachable outcome, sorted by outcome label. */
  outcomes: ExploreOutcome<M>[];
  /** The number of schedules explored (the sum of `schedules` over outcomes). */
  totalSchedules: number;
}

/** Longest schedule explored before suspecting a scenario that never ends. */
const MAX_DEPTH = 10_000;

/**
 * Enumerates every delivery order of the messages in flight (messages tried in the order `pending`
 * lists them) and counts the schedules reaching each outcome. A schedule is a sequence of deliveries
 * until nothing is in flight; with `allowLoss`, every prefix of such a sequence is also a schedule,
 * in which the remaining messages are lost. So two messages give 2 schedules without loss and 5 with
 * loss (both in either order, only one, or neither). The states are found once each by the search of
 * {@link checkModel}; the counts are exact (a fold over the graph of states, not a walk of schedules).
 *
 * @throws RangeError naming `maxSchedules` and the count reached when there are too many schedules,
 *   or checkModel's maxStates when there are more than 5,000,000 distinct states
 * @example
 * explore({ initial: { score: 0, inFlight: ["+10", "*5"] }, pending: (s) => s.inFlight,
 *   deliver: (s, m) => ({ score: m === "+10" ? s.score + 10 : s.score * 5, inFlight: s.inFlight.filter((x) => x !== m) }),
 *   outcome: (s) => String(s.score) })
 * // outcomes: [{ outcome: "10", schedules: 1, example: ["*5", "+10"] }, { outcome: "50", schedules: 1, example: ["+10", "*5"] }]
 */
export function explore<S, M>(options: ExploreOptions<S, M>): ExploreResult<M> {
  const fn = "explore";
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, ["initial", "pending", "deliver", "outcome", "allowLoss", "lose", "key", "maxSchedules"]);
  for (const f of ["pending", "deliver", "outcome"] as const) {
    if (typeof options[f] !== "function") fail(`${fn}: ${f}`, options[f], "a function");
  }
  for (const f of ["lose", "key"] as const) {
    if (options[f] !== undefined && typeof options[f] !== "function") fail(`${fn}: ${f}`, options[f], "a function");
  }
  const allowLoss = options.allowLoss ?? false;
  if (typeof allowLoss !== "boolean") fail(`${fn}: allowLoss`, allowLoss, "true or false");
  const maxSchedules = checkInteger(`${fn}: maxSchedules`, options.maxSchedules ?? 1_000_000, 1);
  const { initial, pending, deliver, outcome, lose, key } = options;

  const tooMany = (count: number): never => {
    throw new RangeError(`${fn}: more than maxSchedules = ${maxSchedules} schedules (reached ${count}); ` +
      "shrink the scenario or raise maxSchedules");
  };
  const inFlight = (s: S): readonly M[] => {
    const list = pending(s);
    if (!Array.isArray(list)) fail(`${fn}: pending(state)`, list, "an array of messages");
    return list;
  };
  const label = (s: S): string => {
    const v: unknown = outcome(s);
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    return fail(`${fn}: outcome(state)`, v, "a string label");
  };
  const stop = (s: S, lost: readonly M[]): S => (lose === undefined ? s : lost.reduce(lose, s));
  const next = (s: S, m: M): S => {
    // At the root, check that deliver does not modify its argument (a common mistake).
    const before = s === initial ? snapshot(s) : undefined;
    const to = deliver(s, m);
    if (before !== undefined && snapshot(s) !== before) {
      throw new TypeError(`${fn}: deliver(state, message) modified the state it was given (message ${describeValue(m)}); return a new state instead`);
    }
    if (to === undefined) fail(`${fn}: deliver(state, ${describeValue(m)})`, to, "a new state");
    return to;
  };

  // The checker's search finds every reachable state once; each expansion records the state's
  // messages, where each delivery leads, and its outcome if a schedule may end there.
  const graph: ExploredState<M>[] = [];
  const model: Model<S, M> = { init: initial, actions: inFlight, next };
  const pass = new Pass<S, M>(model, [], DEFAULT_MAX_STATES, MAX_DEPTH, fn, { generated: 0, startedMs: performance.now(), onProgress: undefined }, true);
  pass.identity = key;
  try {
    search(pass, {
      strategy: "dfs",
      onExpanded: (id, s, successors) => {
        const messages = inFlight(s);
        const ending = messages.length === 0 ? label(s) : allowLoss ? label(stop(s, messages)) : undefined;
        graph[id] = { messages, successors, ending };
      },
    });
  } catch (e) {
    throw modelError(e);
  }
  if (pass.limitReached === "maxDepth") fail(`${fn}: schedule length`, MAX_DEPTH, `at most ${MAX_DEPTH} deliveries (does every delivery send another message?)`);
  if (pass.limitReached !== null) {
    throw new RangeError(`${fn}: more than ${pass.store.size} distinct states (checkModel's ${pass.limitReached} limit); shrink the scenario or pass a key function that merges equivalent states`);
  }
  const tallies = foldSchedules(graph, 0, maxSchedules, tooMany, fn, MAX_DEPTH);
  const outcomes = [...tallies].map(([o, t]) => ({ outcome: o, schedules: t.schedules, example: t.example, lost: t.lost }))
    .sort((a, b) => (a.outcome < b.outcome ? -1 : a.outcome > b.outcome ? 1 : 0));
  return { outcomes, totalSchedules: outcomes.reduce((acc, o) => acc + o.schedules, 0) };
}

/**
 * An error from the scenario's own functions as they threw it: the search prefixes the name of the
 * model function that threw ("checkModel: next(state, ...) threw: ...") and keeps the original as
 * its cause. The checker's own errors (a state that is not plain data, ...) pass through.
 */
function modelError(e: unknown): unknown {
  const cause = (e as { cause?: unknown } | null)?.cause;
  return e instanceof Error && / threw: /.test(e.message) && e.message.startsWith("checkModel: ") && cause !== undefined ? cause : e;
}

/** JSON text of a state for the mutation check, or undefined when it cannot be serialized. */
function snapshot(state: unknown): string | undefined {
  try {
    return JSON.stringify(state);
  } catch {
    return undefined;
  }
}
