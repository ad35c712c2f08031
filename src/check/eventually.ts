/**
 * Checking an `eventually` property P: a counterexample is a path from the initial state on which P
 * never holds and that either ends (a dead end: no action enabled) or loops. Both live in the
 * region of states reachable through states where P is false, so the check is one pass over that
 * region: breadth first, stopping at the first dead end (a shortest one); when there is none,
 * a depth-first walk of the region finds a loop (an edge back to a state on the walk's stack) and
 * reports it with a shortest path to the loop's first state.
 */
import { fingerprintInto } from "./fingerprint";
import type { Limit, Model, Totals } from "./pass";
import { Pass } from "./pass";
import type { CheckPath } from "./paths";
import { pathTo, replay } from "./paths";
import { search } from "./search";
import type { StateStore } from "./state-store";

/** The outcome of checking one eventually property. */
export interface EventuallyOutcome<S, A> {
  /** A counterexample, or undefined when none was found. */
  path: CheckPath<S, A> | undefined;
  /** The limit that cut the region, or null when it was explored in full. */
  limitReached: Limit | null;
  peakStoredBytes: number;
}

/** Checks `eventually(name, test)` over the model within the limits. */
export function checkEventually<S, A>(model: Model<S, A>, name: string, test: (state: S) => boolean,
  maxStates: number, maxDepth: number, totals: Totals): EventuallyOutcome<S, A> {
  const label = `property ${JSON.stringify(name)}`;
  const holds = (state: S): boolean => {
    const v: unknown = test(state);
    if (typeof v !== "boolean") throw new TypeError(`checkModel: ${label} must return true or false; got ${String(v)}`);
    return v;
  };
  const pass = new Pass<S, A>(model, [], maxStates, maxDepth, `eventually ${JSON.stringify(name)}`, totals);
  const { deadEnd } = search(pass, { strategy: "bfs", admit: (s) => !holds(s), admitLabel: label, stopAtDeadEnd: true });
  const done = (path: CheckPath<S, A> | undefined): EventuallyOutcome<S, A> =>
    ({ path, limitReached: pass.limitReached, peakStoredBytes: pass.store.peakBytes });
  if (deadEnd >= 0) return done(pathTo(model, pass.store, deadEnd));
  if (pass.store.size === 0 || pass.limitReached === "maxStates" || pass.limitReached === "memory") return done(undefined);
  return done(findLoop(model, pass.store, holds));
}

/**
 * A loop among the stored states (all of them states where P is false): an iterative depth-first
 * walk that follows only edges to stored states; an edge to a state on the walk's stack closes one.
 */
function findLoop<S, A>(model: Model<S, A>, store: StateStore, holds: (state: S) => boolean): CheckPath<S, A> | undefined {
  const ON_STACK = 1, DONE = 2;
  const color = new Uint8Array(store.size);
  const fp = new Int32Array(2);
  const idOf = (s: S): number => { fingerprintInto(s, fp, 0); return store.find(fp[0], fp[1]); };
  // The walk's stack: per frame the state, its id, its actions and the next action number to try.
  const states: S[] = [model.init];
  const ids: number[] = [idOf(model.init)];
  const lists: (readonly A[])[] = [model.actions(model.init)];
  const nextIndex: number[] = [0];
  color[ids[0]] = ON_STACK;
  while (states.length > 0) {
    const top = states.length - 1;
    const state = states[top], list = lists[top];
    if (nextIndex[top] >= list.length) {
      color[ids[top]] = DONE;
      states.pop(); ids.pop(); lists.pop(); nextIndex.pop();
      continue;
    }
    const i = nextIndex[top]++;
    const to = model.next(state, list[i]);
    if (to === undefined || holds(to)) continue;
    const id = idOf(to);
    if (id < 0 || color[id] === DONE) continue; // beyond maxDepth, or fully explored already
    if (color[id] === ON_STACK) {
      // The loop: from the frame of `id` up to the top, then action i back to `id`.
      const from = ids.indexOf(id);
      const stem = pathTo(model, store, id);
      const round = replay(model, states[from], nextIndex.slice(from, top + 1).map((k) => k - 1));
      return {
        states: [...stem.states, ...round.states.slice(1, -1)],
        actions: [...stem.actions, ...round.actions],
        loopsBackTo: stem.states.length - 1,
      };
    }
    color[id] = ON_STACK;
    states.push(to); ids.push(id); lists.push(model.actions(to)); nextIndex.push(0);
  }
  return undefined;
}
