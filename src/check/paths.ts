/**
 * Paths of a check, rebuilt from the store's predecessor table by replaying the model from its
 * initial state: the states themselves are not kept during the search. Replaying also checks that
 * the model is deterministic (the same actions must lead to the same fingerprints).
 */
import { describeValue } from "../validate";
import { fingerprintInto } from "./fingerprint";
import type { Model } from "./pass";
import type { StateStore } from "./state-store";

/** A path through the state space: states[i + 1] = next(states[i], actions[i]). */
export interface CheckPath<S, A> {
  /** The states from the initial state on. */
  states: S[];
  /** The actions taken, one fewer than states; one more (closing the loop) when `loopsBackTo` is set. */
  actions: A[];
  /**
   * Set on a loop: the last action leads from the last state back to states[loopsBackTo], so the
   * path can go round forever. @defaultValue undefined (the path ends at its last state)
   */
  loopsBackTo?: number;
}

/** Replays `indices` (action numbers in each state's actions list) from `start`. */
export function replay<S, A>(model: Model<S, A>, start: S, indices: readonly number[]): CheckPath<S, A> {
  const states = [start];
  const actions: A[] = [];
  let s = start;
  for (const k of indices) {
    const list = model.actions(s);
    const a = list[k];
    const to = k < list.length ? model.next(s, a) : undefined;
    if (to === undefined) throw notDeterministic(`action number ${k} (${describeValue(a)}) is no longer enabled`);
    actions.push(a);
    states.push(to);
    s = to;
  }
  return { states, actions };
}

/**
 * The path from the initial state to the stored state `id`, checked against the store (and, when
 * given, by `check` on its last state: the reason the path was wanted must still hold).
 */
export function pathTo<S, A>(model: Model<S, A>, store: Pick<StateStore, "actionPath" | "find" | "has">, id: number, check?: (last: S) => boolean): CheckPath<S, A> {
  const path = replay(model, model.init, store.actionPath(id));
  const last = path.states[path.states.length - 1];
  const fp = new Int32Array(2);
  fingerprintInto(last, fp, 0);
  const found = store.find(fp[0], fp[1]);
  if (found >= 0 ? found !== id : !store.has(fp[0], fp[1])) throw notDeterministic("the same actions led to another state");
  if (check !== undefined && !check(last)) throw notDeterministic("the state the same actions led to is not the one found");
  return path;
}

function notDeterministic(what: string): Error {
  return new Error(`checkModel: replaying a path found by the search failed: ${what}; ` +
    "actions(state) and next(state, action) must be deterministic (the same state gives the same actions and the same next states)");
}
