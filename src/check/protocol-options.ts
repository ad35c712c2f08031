/**
 * The options of {@link checkProtocol} (the nodes and their handlers, the network, a fault budget,
 * the properties) and their validation, once at the entry point.
 */
import type { NodeHandlers } from "../sim/context";
import { checkInteger, checkKeys, checkKnownName, checkNames, checkOneOf, fail } from "../validate";
import { DEFAULT_MAX_STATES, MAX_MAX_STATES } from "./options";
import type { ProtocolView } from "./protocol-view";

/** How many faults of each kind a schedule may contain (each fault is an action the checker may take anywhere). */
export interface FaultBudget {
  /** Messages the network may lose: any message in flight may be dropped. @defaultValue 0 */
  drops?: number;
  /** Messages the network may duplicate: any message in flight may get one more copy. @defaultValue 0 */
  duplicates?: number;
  /** Crashes: any up node (of `crashable`) may crash; its timers die, its volatile state is reset when it recovers. @defaultValue 0 */
  crashes?: number;
  /** Recoveries: a crashed node may recover (`state` becomes `{}`, `persistent` kept, onRecover runs). @defaultValue 0 */
  recoveries?: number;
  /**
   * Early timeouts: a timer normally fires only when no message is in flight (timeouts are long
   * compared to message delays); within this budget a timer may also fire while messages are still
   * travelling (a timeout that comes too early, or a message that is very late). @defaultValue 0
   */
  timeouts?: number;
  /** The nodes that may crash. @defaultValue every node */
  crashable?: string[];
}

/** A named predicate over a {@link ProtocolView}. */
export type ViewPredicate = (view: ProtocolView) => boolean;

/** Options for {@link checkProtocol}. */
export interface CheckProtocolOptions {
  /** Distinct node names (clients u1, u2, ..., servers s1, s2, ...). */
  nodes: string[];
  /** The protocol: the same handlers createWorld takes, by node name. A node without handlers absorbs messages. */
  handlers: Record<string, NodeHandlers<any, any>>;
  /**
   * "unordered": any message in flight may arrive next (messages in flight form a multiset);
   * "fifo": each link delivers in send order (a per-link queue). @defaultValue "unordered"
   */
  network?: "unordered" | "fifo";
  /** Faults the checker may add anywhere in a schedule. @defaultValue no faults */
  faults?: FaultBudget;
  /** Invariants by name: each must hold in every reachable state. @defaultValue {} */
  invariants?: Record<string, ViewPredicate>;
  /** Examples wanted, by name: some reachable state must satisfy each (the shortest schedule to one is returned). @defaultValue {} */
  sometimes?: Record<string, ViewPredicate>;
  /**
   * Whether the protocol has finished in a state. Given, every state where no message can be
   * delivered, no timer fire and no node recover, and `done` is false, is a counterexample of the
   * property "not stuck" (a deadlock). @defaultValue none (no deadlock check)
   */
  done?: ViewPredicate;
  /**
   * Record kinds (`ctx.record(kind, detail)`) kept in each node's state, in order, so that
   * properties can read them with `view.records(...kinds)` (history variables, as in TLA+).
   * @defaultValue [] (records only go to counterexample traces)
   */
  history?: string[];
  /**
   * Handlers may draw from ctx.rng (for example a random start delay, which does not matter when
   * time is abstracted): each handler call gets a fresh stream of a fixed seed, the draws are
   * counted in the result, and their alternatives are NOT explored. When false, a draw is an error.
   * @defaultValue false
   */
  allowRandom?: boolean;
  /**
   * Stop at the first violation (as TLC does): the properties not decided by then are reported
   * "unknown". false: check every property in the whole state space. @defaultValue true
   */
  stopAtViolation?: boolean;
  /** "bfs" (every counterexample is a shortest schedule) or "dfs". @defaultValue "bfs" */
  strategy?: "bfs" | "dfs";
  /** Stop with verdict "incomplete" once this many distinct states are stored. @defaultValue 5,000,000 */
  maxStates?: number;
  /** Do not look further than this many steps from the start. @defaultValue no bound */
  maxDepth?: number;
}

/** Options after validation. */
export interface CheckedProtocol {
  nodes: string[];
  handlers: (NodeHandlers | undefined)[];
  fifo: boolean;
  budget: [drops: number, duplicates: number, crashes: number, recoveries: number, timeouts: number];
  crashable: boolean[];
  invariants: [string, ViewPredicate][];
  sometimes: [string, ViewPredicate][];
  done: ViewPredicate | undefined;
  history: Set<string>;
  allowRandom: boolean;
  stopAtViolation: boolean;
  strategy: "bfs" | "dfs";
  maxStates: number;
  maxDepth: number | undefined;
}

const FN = "checkProtocol";
const KEYS = ["nodes", "handlers", "network", "faults", "invariants", "sometimes", "done", "history", "allowRandom", "stopAtViolation", "strategy", "maxStates", "maxDepth"];
const HANDLER_KEYS = ["init", "onMessage", "onTimer", "onRecover"];
/** The largest budget of one fault kind (each fault multiplies the states). */
export const MAX_FAULT_BUDGET = 100;
/** The names checkProtocol gives its own properties (a property of the caller may not use them). */
export const RESERVED_NAMES = ["not stuck", "handlers do not throw"];

/** Validates the options of checkProtocol, naming the option, the value and the valid range. */
export function checkProtocolOptions(options: CheckProtocolOptions): CheckedProtocol {
  if (options === null || typeof options !== "object") fail(`${FN}(options): options`, options, "an object");
  checkKeys(`${FN} options`, options, KEYS);
  const nodes = checkNames(`${FN}: nodes`, options.nodes).slice();
  const given = options.handlers;
  if (given === null || typeof given !== "object" || Array.isArray(given)) fail(`${FN}: handlers`, given, "an object mapping node names to handlers");
  const handlers: (NodeHandlers | undefined)[] = nodes.map(() => undefined);
  for (const [name, h] of Object.entries(given)) {
    const i = nodes.indexOf(checkKnownName(`${FN}: handlers key`, name, nodes));
    if (h === null || typeof h !== "object") fail(`${FN}: handlers.${name}`, h, "an object with init/onMessage/onTimer/onRecover");
    checkKeys(`${FN}: handlers.${name}`, h, HANDLER_KEYS);
    for (const k of HANDLER_KEYS) {
      const fn = (h as Record<string, unknown>)[k];
      if (fn !== undefined && typeof fn !== "function") fail(`${FN}: handlers.${name}.${k}`, fn, "a function");
    }
    handlers[i] = h;
  }
  const network = checkOneOf(`${FN}: network`, options.network ?? "unordered", ["unordered", "fifo"]);
  const f = options.faults ?? {};
  if (f === null || typeof f !== "object" || Array.isArray(f)) fail(`${FN}: faults`, f, "a fault budget such as { drops: 1, crashes: 1 }");
  checkKeys(`${FN}: faults`, f, ["drops", "duplicates", "crashes", "recoveries", "timeouts", "crashable"]);
  const count = (k: "drops" | "duplicates" | "crashes" | "recoveries" | "timeouts") => checkInteger(`${FN}: faults.${k}`, f[k] ?? 0, 0, MAX_FAULT_BUDGET);
  const budget: CheckedProtocol["budget"] = [count("drops"), count("duplicates"), count("crashes"), count("recoveries"), count("timeouts")];
  let crashable = nodes.map(() => true);
  if (f.crashable !== undefined) {
    if (!Array.isArray(f.crashable)) fail(`${FN}: faults.crashable`, f.crashable, "an array of node names");
    const names = f.crashable.map((n, i) => checkKnownName(`${FN}: faults.crashable[${i}]`, n, nodes));
    crashable = nodes.map((n) => names.includes(n));
  }
  const seen = new Set(RESERVED_NAMES);
  const predicates = (key: "invariants" | "sometimes"): [string, ViewPredicate][] => {
    const o = options[key] ?? {};
    if (o === null || typeof o !== "object" || Array.isArray(o)) fail(`${FN}: ${key}`, o, `an object of named predicates such as { agreement: (view) => ... }`);
    return Object.entries(o).map(([name, p]) => {
      if (seen.has(name)) fail(`${FN}: ${key} name`, name, `a name not used by another property (nor "not stuck", "handlers do not throw")`);
      seen.add(name);
      if (typeof p !== "function") fail(`${FN}: ${key}[${JSON.stringify(name)}]`, p, "a function (view) => boolean");
      return [name, p];
    });
  };
  const invariants = predicates("invariants");
  const sometimes = predicates("sometimes");
  if (options.done !== undefined && typeof options.done !== "function") fail(`${FN}: done`, options.done, "a function (view) => boolean");
  const history = options.history ?? [];
  if (!Array.isArray(history) || history.some((k) => typeof k !== "string")) fail(`${FN}: history`, history, "an array of record kinds (strings)");
  const allowRandom = options.allowRandom ?? false;
  if (typeof allowRandom !== "boolean") fail(`${FN}: allowRandom`, allowRandom, "true or false");
  const stopAtViolation = options.stopAtViolation ?? true;
  if (typeof stopAtViolation !== "boolean") fail(`${FN}: stopAtViolation`, stopAtViolation, "true or false");
  return {
    nodes, handlers, fifo: network === "fifo", budget, crashable, invariants, sometimes, done: options.done,
    history: new Set(history), allowRandom, stopAtViolation,
    strategy: checkOneOf(`${FN}: strategy`, options.strategy ?? "bfs", ["bfs", "dfs"]),
    maxStates: checkInteger(`${FN}: maxStates`, options.maxStates ?? DEFAULT_MAX_STATES, 1, MAX_MAX_STATES),
    maxDepth: options.maxDepth === undefined ? undefined : checkInteger(`${FN}: maxDepth`, options.maxDepth, 0, 1_000_000_000),
  };
}
