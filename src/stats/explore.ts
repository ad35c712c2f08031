/**
 * Exhaustive exploration of tiny scenarios: every order in which the messages in flight can be
 * delivered (and, optionally, every choice of which ones are lost), with the outcome each reaches.
 * Independent of the event kernel: a scenario is a pure state plus the messages it has in flight.
 */
import { checkInteger, checkKeys, describeValue, fail } from "../validate";

/** Options for {@link explore}. */
export interface ExploreOptions<S, M> {
  /** The starting state. */
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
   * A key identifying equivalent states (same key: same future). With it, each distinct state is
   * explored once and its schedule counts are reused, which keeps counts exact and is much faster
   * when different orders converge. @defaultValue none (walk every schedule)
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

interface Tally<M> { schedules: number; example: M[]; lost: M[] }
type Tallies<M> = Map<string, Tally<M>>;

/**
 * Enumerates every delivery order of the messages in flight (depth first, messages tried in the
 * order `pending` lists them) and counts the schedules reaching each outcome. A schedule is a
 * sequence of deliveries until nothing is in flight; with `allowLoss`, every prefix of such a
 * sequence is also a schedule, in which the remaining messages are lost. So two messages give
 * 2 schedules without loss and 5 with loss (both in either order, only one, or neither).
 *
 * @throws RangeError naming `maxSchedules` and the count reached when the space is too large
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

  let total = 0;
  const tooMany = (count: number): never => {
    throw new RangeError(`${fn}: more than maxSchedules = ${maxSchedules} schedules (reached ${count}); ` +
      "shrink the scenario, pass a key function so equal states are explored once, or raise maxSchedules");
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
  const step = (s: S, m: M, depth: number): S => {
    if (depth >= MAX_DEPTH) fail(`${fn}: schedule length`, depth, `at most ${MAX_DEPTH} deliveries (does every delivery send another message?)`);
    if (depth > 0) return deliver(s, m);
    // At the root, check once that deliver does not modify its argument (a common mistake).
    const before = snapshot(s);
    const next = deliver(s, m);
    if (before !== undefined && snapshot(s) !== before) {
      throw new TypeError(`${fn}: deliver(state, message) modified the state it was given (message ${describeValue(m)}); return a new state instead`);
    }
    return next;
  };

  // Without a key: walk every schedule, recording outcomes as they are reached.
  const found: Tallies<M> = new Map();
  const path: M[] = [];
  const walk = (s: S, depth: number): void => {
    const msgs = inFlight(s);
    if (msgs.length === 0 || allowLoss) {
      if (++total > maxSchedules) tooMany(total);
      const o = label(msgs.length === 0 ? s : stop(s, msgs));
      const t = found.get(o);
      if (t === undefined) found.set(o, { schedules: 1, example: path.slice(), lost: msgs.slice() });
      else t.schedules++;
    }
    for (const m of msgs) {
      path.push(m);
      walk(step(s, m, depth), depth + 1);
      path.pop();
    }
  };

  // With a key: count each distinct state's schedules once; examples are suffixes from that state.
  const memo = new Map<string, Tallies<M>>();
  const count = (s: S, depth: number): Tallies<M> => {
    const k = key!(s);
    const cached = memo.get(k);
    if (cached !== undefined) return cached;
    const msgs = inFlight(s);
    const out: Tallies<M> = new Map();
    let sum = 0;
    if (msgs.length === 0 || allowLoss) {
      out.set(label(msgs.length === 0 ? s : stop(s, msgs)), { schedules: 1, example: [], lost: msgs.slice() });
      sum = 1;
    }
    for (const m of msgs) {
      for (const [o, t] of count(step(s, m, depth), depth + 1)) {
        sum += t.schedules;
        if (sum > maxSchedules) tooMany(sum);
        const mine = out.get(o);
        if (mine === undefined) out.set(o, { schedules: t.schedules, example: [m, ...t.example], lost: t.lost });
        else mine.schedules += t.schedules;
      }
    }
    memo.set(k, out);
    return out;
  };

  const tallies = key === undefined ? (walk(initial, 0), found) : count(initial, 0);
  const outcomes = [...tallies].map(([o, t]) => ({ outcome: o, schedules: t.schedules, example: t.example, lost: t.lost }))
    .sort((a, b) => (a.outcome < b.outcome ? -1 : a.outcome > b.outcome ? 1 : 0));
  total = outcomes.reduce((acc, o) => acc + o.schedules, 0);
  return { outcomes, totalSchedules: total };
}

/** JSON text of a state for the mutation check, or undefined when it cannot be serialized. */
function snapshot(state: unknown): string | undefined {
  try {
    return JSON.stringify(state);
  } catch {
    return undefined;
  }
}
