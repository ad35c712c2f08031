/**
 * checkProtocol: every schedule of a protocol written as engine handlers, checked state by state
 * (the actor-level layer over {@link checkModel}, in the style of Stateright's actor models and
 * DSLabs). The handlers are the very objects a protocol passes to createWorld.
 *
 * A state is every node's state, persistent state, pending timers and up/down flag, the messages in
 * flight (a multiset, or per-link queues with network "fifo") and the fault budget left. A step
 * delivers one message in flight, fires one pending timer of an up node, or, within the budget,
 * drops or duplicates a message in flight, crashes or recovers a node. Time is abstracted: any
 * enabled step may come next (ctx.now is 0 in every handler; timer delays do not matter).
 */
import type { Trace } from "../sim/trace";
import { checkModel, type CheckFigures } from "./check-model";
import type { PropertySpec } from "./options";
import { checkProtocolOptions, type CheckProtocolOptions } from "./protocol-options";
import { ProtocolSteps, type ProtocolAction, type ProtocolState } from "./protocol-state";
import { replaySchedule } from "./protocol-trace";
import { viewMaker } from "./protocol-view-maker";

/** What a check found for one property. */
export interface ProtocolPropertyResult {
  name: string;
  /** "always": an invariant (or "not stuck", "handlers do not throw"); "sometimes": an example wanted. */
  kind: "always" | "sometimes";
  /** As in {@link PropertyResult}: holds, violated, or unknown when a limit cut the search. */
  status: "holds" | "violated" | "unknown";
  /** The counterexample (always) or the example (sometimes), as a trace; a shortest one with "bfs". */
  trace?: Trace;
  /** The same schedule, one line per step ("u1 -> s1: cmd 0", "drop s1 -> u1: ack 0", "crash s1"). */
  schedule?: string[];
}

/** The result of {@link checkProtocol}. */
export interface CheckProtocolResult extends CheckFigures {
  /** "violated" if any property is; else "incomplete" if a limit cut the search; else "holds". */
  verdict: "holds" | "violated" | "incomplete";
  /** Built-in "handlers do not throw", the invariants, "not stuck" (when `done` is given), then the sometimes properties. */
  properties: ProtocolPropertyResult[];
  /** The first violated property's schedule (trace and lines), or null. */
  counterexample: { property: string; trace: Trace; schedule: string[] } | null;
  /** The error of a handler that threw (naming the node, the message or timer, and the schedule), or null. */
  error: string | null;
  /** Handler calls that drew from ctx.rng (only with allowRandom; their alternatives were not explored). */
  randomDraws: number;
}

const THROWS = "handlers do not throw";
const STUCK = "not stuck";

/**
 * Checks a protocol in every schedule (breadth first: every counterexample is a shortest one).
 *
 * @throws RangeError or TypeError naming the option for bad options; Error when a handler breaks the
 *   rules of a check (draws randomness without allowRandom, reads the clock, changes a payload, is not
 *   deterministic), naming the node, the handler and the schedule that led there
 * @example
 * const { nodes, handlers } = clientServerNodes({ protocol: "ack", commands: 1 });
 * checkProtocol({ nodes, handlers, faults: { drops: 1 }, history: ["execute"],
 *   invariants: { "no duplicate execution": (v) => v.records("execute").length <= 1 } }).schedule
 */
export function checkProtocol(options: CheckProtocolOptions): CheckProtocolResult {
  const o = checkProtocolOptions(options);
  const steps = new ProtocolSteps(o);
  const view = viewMaker(o.nodes, o.fifo, o.history);
  const ok = (s: ProtocolState) => s.error === undefined;
  // With stopAtViolation, the first violation ends the search: every property not yet decided is
  // then decided at once (a forced answer, reported as "unknown").
  let stopping = false;
  const forced = new Set<string>();
  const always = (name: string, test: (s: ProtocolState) => boolean) => ({ name, always: (s: ProtocolState) => {
    if (forced.has(name)) return false;
    if (!test(s)) { stopping ||= o.stopAtViolation; return false; }
    if (stopping) { forced.add(name); return false; }
    return true;
  } });
  const sometimes = (name: string, test: (s: ProtocolState) => boolean) => ({ name, sometimes: (s: ProtocolState) => {
    if (forced.has(name)) return true;
    if (test(s)) return true;
    if (stopping) { forced.add(name); return true; }
    return false;
  } });
  const properties: PropertySpec<ProtocolState>[] = [
    always(THROWS, ok),
    ...o.invariants.map(([name, p]) => always(name, (s) => !ok(s) || p(view(s)))),
    ...(o.done ? [always(STUCK, (s) => !ok(s) || steps.canProgress(s) || (o.done as (v: ReturnType<typeof view>) => boolean)(view(s)))] : []),
    ...o.sometimes.map(([name, p]) => sometimes(name, (s) => ok(s) && p(view(s)))),
  ];
  const r = checkModel<ProtocolState, ProtocolAction>({
    init: steps.initial(), actions: (s) => steps.actions(s), next: (s, a) => steps.next(s, a),
    properties, strategy: o.strategy, maxStates: o.maxStates, ...(o.maxDepth === undefined ? {} : { maxDepth: o.maxDepth }),
  });
  let error: string | null = null;
  let counterexample: CheckProtocolResult["counterexample"] = null;
  const results: ProtocolPropertyResult[] = r.properties.map((p) => {
    const kind = p.kind === "sometimes" ? "sometimes" : "always";
    if (forced.has(p.name)) return { name: p.name, kind, status: "unknown" };
    const out: ProtocolPropertyResult = { name: p.name, kind, status: p.status };
    if (p.path) {
      const { trace, schedule } = replaySchedule(steps, p.path.states, p.path.actions);
      out.trace = trace;
      out.schedule = schedule;
      if (p.name === THROWS) {
        const last = p.path.states[p.path.states.length - 1];
        error = `${last.error}; schedule: ${schedule.length === 0 ? "(the nodes' init)" : schedule.map((l, i) => `${i + 1}. ${l}`).join(", ")}`;
        if (last.fatal) throw new Error(error);
      }
      if (p.status === "violated" && counterexample === null) counterexample = { property: p.name, trace, schedule };
    }
    return out;
  });
  return {
    verdict: r.verdict, properties: results, counterexample, error, distinctStates: r.distinctStates, generatedStates: r.generatedStates,
    maxDepth: r.maxDepth, elapsedMs: r.elapsedMs, peakStoredBytes: r.peakStoredBytes, limitReached: r.limitReached, randomDraws: steps.randomDraws,
  };
}
