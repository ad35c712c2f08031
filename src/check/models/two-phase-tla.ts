/**
 * Two-phase commit as Gray and Lamport specify it in "Consensus on Transaction Commit" (the TLA+
 * module TwoPhase): a transaction manager (TM) and resource managers (RMs) 0..n-1 that exchange
 * messages through a set `msgs` that only grows (a message, once sent, can be received any number
 * of times; none is lost). Written as a checkModel model, one action per TLA+ action.
 *
 * With 3 RMs the model has 288 distinct states, the count TLC and Stateright report; in general
 * 6^n + 4^n + 2^n (the TM still in "init": 4 choices per RM; aborted: 6; committed: 2).
 */
import { checkInteger } from "../../validate";
import type { CheckModelOptions, PropertySpec } from "../options";

/** An RM's state: TLA+ rmState[rm]. */
export type RmState = "working" | "prepared" | "committed" | "aborted";

/** A state of the TwoPhase specification. */
export interface TwoPhaseState {
  /** rmState[rm] for each RM. */
  readonly rmState: readonly RmState[];
  /** The TM's state: "init" until it decides. */
  readonly tmState: "init" | "committed" | "aborted";
  /** tmPrepared[rm]: the TM has received rm's Prepared message (the set tmPrepared). */
  readonly tmPrepared: readonly boolean[];
  /** The set msgs: Prepared messages by sender, and whether Commit and Abort were sent. */
  readonly msgs: { readonly prepared: readonly boolean[]; readonly commit: boolean; readonly abort: boolean };
}

/** An action of the specification; `rm` is the RM's index. */
export type TwoPhaseAction =
  | { type: "TMCommit" } | { type: "TMAbort" }
  | { type: "TMRcvPrepared"; rm: number } | { type: "RMPrepare"; rm: number } | { type: "RMChooseToAbort"; rm: number }
  | { type: "RMRcvCommitMsg"; rm: number } | { type: "RMRcvAbortMsg"; rm: number };

// States are built by these two functions, so that every state has the same shape (one object
// literal each): the checker hashes such objects much faster than the varied ones spreads make.
const state = (rmState: readonly RmState[], tmState: TwoPhaseState["tmState"], tmPrepared: readonly boolean[], msgs: TwoPhaseState["msgs"]): TwoPhaseState =>
  ({ rmState, tmState, tmPrepared, msgs });
const messages = (prepared: readonly boolean[], commit: boolean, abort: boolean): TwoPhaseState["msgs"] => ({ prepared, commit, abort });

/** TPInit: every RM working, the TM in "init", nothing prepared, no message. */
export function twoPhaseInit(rms: number): TwoPhaseState {
  const none = Array.from({ length: rms }, () => false);
  return state(Array.from({ length: rms }, (): RmState => "working"), "init", none, messages(none, false, false));
}

/** Every action of the specification with `rms` RMs (TPNext's disjuncts), in the spec's order. */
export function twoPhaseActions(rms: number): TwoPhaseAction[] {
  const list: TwoPhaseAction[] = [{ type: "TMCommit" }, { type: "TMAbort" }];
  for (let rm = 0; rm < rms; rm++) {
    list.push({ type: "TMRcvPrepared", rm }, { type: "RMPrepare", rm }, { type: "RMChooseToAbort", rm },
      { type: "RMRcvCommitMsg", rm }, { type: "RMRcvAbortMsg", rm });
  }
  return list;
}

/** `list` with entry `rm` set to `value` (TLA+'s [list EXCEPT ![rm] = value]). */
const except = <T>(list: readonly T[], rm: number, value: T): T[] => {
  const copy = list.slice();
  copy[rm] = value;
  return copy;
};

/** The state after `action`, or undefined when the action is not enabled (its guard is false). */
export function twoPhaseNext(s: TwoPhaseState, action: TwoPhaseAction): TwoPhaseState | undefined {
  const { rmState, tmState, tmPrepared, msgs } = s;
  switch (action.type) {
    // The TM: receives a Prepared message; commits once every RM is prepared; may abort any time before.
    case "TMRcvPrepared":
      if (tmState !== "init" || !msgs.prepared[action.rm]) return undefined;
      return state(rmState, tmState, except(tmPrepared, action.rm, true), msgs);
    case "TMCommit":
      if (tmState !== "init" || tmPrepared.includes(false)) return undefined;
      return state(rmState, "committed", tmPrepared, messages(msgs.prepared, true, msgs.abort));
    case "TMAbort":
      if (tmState !== "init") return undefined;
      return state(rmState, "aborted", tmPrepared, messages(msgs.prepared, msgs.commit, true));
    // An RM: prepares (sending Prepared) or aborts on its own while working; obeys Commit and Abort.
    case "RMPrepare":
      if (rmState[action.rm] !== "working") return undefined;
      return state(except(rmState, action.rm, "prepared"), tmState, tmPrepared, messages(except(msgs.prepared, action.rm, true), msgs.commit, msgs.abort));
    case "RMChooseToAbort":
      if (rmState[action.rm] !== "working") return undefined;
      return state(except(rmState, action.rm, "aborted"), tmState, tmPrepared, msgs);
    case "RMRcvCommitMsg":
      if (!msgs.commit) return undefined;
      return state(except(rmState, action.rm, "committed"), tmState, tmPrepared, msgs);
    case "RMRcvAbortMsg":
      if (!msgs.abort) return undefined;
      return state(except(rmState, action.rm, "aborted"), tmState, tmPrepared, msgs);
  }
}

/**
 * The properties checked: TPConsistent (no RM committed while another aborted) always holds; a
 * state where every RM committed and one where every RM aborted are each reachable.
 */
export const TWO_PHASE_PROPERTIES: readonly PropertySpec<TwoPhaseState>[] = [
  { name: "consistent", always: (s) => !(s.rmState.includes("committed") && s.rmState.includes("aborted")) },
  { name: "all committed", sometimes: (s) => s.rmState.every((r) => r === "committed") },
  { name: "all aborted", sometimes: (s) => s.rmState.every((r) => r === "aborted") },
];

/**
 * The TwoPhase specification with `rms` resource managers, as options for checkModel (add
 * strategy, limits or threads; more properties only with threads: 1, since worker threads check
 * the properties of the model their module returns).
 *
 * @example checkModel(twoPhaseModel(3)).distinctStates // 288
 */
export function twoPhaseModel(rms: number): CheckModelOptions<TwoPhaseState, TwoPhaseAction> {
  checkInteger("twoPhaseModel: rms", rms, 1, 20);
  const all = twoPhaseActions(rms);
  return {
    init: twoPhaseInit(rms), actions: () => all, next: twoPhaseNext, properties: TWO_PHASE_PROPERTIES,
    // Where worker threads load the same model (threads: "auto" or more than 1).
    modelModule: { path: __filename, export: "twoPhaseModel", args: [rms] },
  };
}
