/**
 * The main search of a check: breadth first (a FIFO queue; the first state found where a property
 * hits is at the smallest depth, so its path is a shortest one) or depth first (a LIFO stack: all
 * successors of a state are pushed, the last one is expanded next). The states waiting are the
 * only state objects kept; everything found is in the pass's fingerprint store.
 */
import { describeValue } from "../validate";
import { fingerprintInto, forgetShared, shareParts } from "./fingerprint";
import { Frontier } from "./frontier";
import { Pass } from "./pass";

/** How many expansions check that `next` left its argument unchanged. */
const MUTATION_CHECKS = 1000;

/** Options of one search beyond the pass itself. */
export interface SearchOptions<S> {
  strategy: "bfs" | "dfs";
  /** Only states where this is true are stored and expanded. @defaultValue every state */
  admit?: (state: S) => boolean;
  /** Names `admit` in error messages. @defaultValue "the property" */
  admitLabel?: string;
  /** Stop at the first stored state where no action is enabled, recording it in `deadEnd`. */
  stopAtDeadEnd?: boolean;
  /**
   * @internal For `explore`, which folds the reachable state graph: called once per expanded state
   * (unless the search is stopping) with its id, the state, and per entry of `actions(state)` the id
   * of the state that action leads to (its own id for an action that changes nothing; -1 when it is
   * not enabled or not admitted). The pass must keep ids (`withIds`). @defaultValue none
   */
  onExpanded?: (id: number, state: S, successors: readonly number[]) => void;
}

/** What a search adds to its pass: the first dead end (when asked for), or -1. */
export interface SearchOutcome {
  deadEnd: number;
}

/**
 * Runs the search over `pass` from the model's initial state until the space is exhausted, every
 * watch has hit, a dead end is found (when asked for) or a limit is met.
 */
export function search<S, A>(pass: Pass<S, A>, options: SearchOptions<S>): SearchOutcome {
  const { actions, next } = pass.model;
  const { admit, stopAtDeadEnd = false, onExpanded } = options;
  const lifo = options.strategy === "dfs";
  const totals = pass.totals;
  const maxDepth = pass.maxDepth;
  const check = new Int32Array(2);
  let deadEnd = -1;

  const frontier = new Frontier<S>(lifo);
  let expansions = 0;

  forgetShared();
  const init = pass.model.init;
  let state: S = init;
  let action: A | undefined;
  try {
    pass.stage = options.admitLabel ?? "the initial state";
    if (admit === undefined || admit(init)) {
      pass.stage = "the initial state";
      if (pass.add(init, -1, 0, 0, 0)) frontier.push(init, pass.lastId, 0, pass.f1, pass.f2);
    }
    while (!pass.stop && frontier.length > 0) {
      state = frontier.take();
      const { id, depth, f1, f2 } = frontier;
      const verify = expansions++ < MUTATION_CHECKS;
      if (verify) fingerprintInto(state, check, 0);
      shareParts(state);
      pass.stage = "actions(state)";
      action = undefined;
      const list = actions(state);
      if (!Array.isArray(list)) throw new TypeError(`checkModel: actions(state) must return an array of actions; got ${describeValue(list)}`);
      let enabled = 0;
      const successors: number[] | undefined = onExpanded === undefined ? undefined : new Array<number>(list.length).fill(-1);
      for (let i = 0; i < list.length && !pass.stop; i++) {
        action = list[i];
        pass.stage = "next(state, action)";
        const to = next(state, action as A);
        if (to === undefined) continue;
        enabled++;
        totals.generated++;
        if (depth >= maxDepth) { pass.limit("maxDepth"); break; }
        if (admit !== undefined) {
          pass.stage = options.admitLabel ?? "the property";
          if (!admit(to)) continue;
        }
        pass.stage = "next(state, action)";
        if (pass.addSuccessor(to, id, i, depth + 1, frontier.length, f1, f2)) frontier.push(to, pass.lastId, depth + 1, pass.f1, pass.f2);
        if (successors !== undefined) successors[i] = pass.lastId;
      }
      if (verify) assertUnchanged(state, check, action);
      if (successors !== undefined && !pass.stop) {
        pass.stage = "onExpanded";
        (onExpanded as NonNullable<typeof onExpanded>)(id, state, successors);
      }
      if (enabled === 0 && stopAtDeadEnd && !pass.stop) { deadEnd = id; pass.stop = true; }
    }
  } catch (e) {
    // The frontier's typed array could not grow: out of memory for the states waiting.
    if (e instanceof RangeError && /allocation failed|Invalid typed array length/.test(e.message) && pass.stage !== "onProgress") pass.limit("memory");
    else throw withContext(e, pass.stage, action);
  } finally {
    forgetShared();
  }
  return { deadEnd };
}

/** Throws when `state` no longer has the fingerprint `before` (the model modified it). */
export function assertUnchanged<S, A>(state: S, before: Int32Array, action: A | undefined): void {
  const after = new Int32Array(2);
  fingerprintInto(state, after, 0);
  if (after[0] !== before[0] || after[1] !== before[1]) {
    throw new TypeError("checkModel: next(state, action) or actions(state) modified the state it was given" +
      (action === undefined ? "" : ` (action ${describeValue(action)})`) + "; return a new state instead");
  }
}

/** An error thrown by a model function, with what was running prefixed (errors of our own pass through). */
export function withContext(e: unknown, stage: string, action: unknown): unknown {
  if (!(e instanceof Error) || e.message.startsWith("checkModel")) return e;
  const what = stage === "next(state, action)" && action !== undefined ? `next(state, ${describeValue(action)})` : stage;
  const wrapped = new Error(`checkModel: ${what} threw: ${e.message}`);
  (wrapped as Error & { cause?: unknown }).cause = e;
  return wrapped;
}
