/**
 * The one walk over a trace that every view is built on: node outages (crash..recover) as intervals and
 * recorded state changes as rows, in the order they happened, up to a cut time.
 */
import { Trace, type RecordRow } from "../sim/trace";
import { checkNonNegative, fail } from "../validate";

/** One step of {@link foldTrace}: an outage of `node` (endMs null: still down at the cut), or a recorded state change. */
export type TraceStep =
  | { step: "down"; node: string; startMs: number; endMs: number | null }
  | { step: "record"; row: RecordRow };

/** Checks that `trace` is a Trace, naming the function that was given something else. */
export function checkTrace(fn: string, trace: unknown): Trace {
  if (!(trace instanceof Trace)) fail(`${fn}: trace`, trace, "a Trace (from world.run() or a result's .trace)");
  return trace;
}

/** Checks a cut time: undefined (no cut) or a number >= 0, in ms. */
export function checkUntil(fn: string, untilMs: unknown): number {
  return untilMs === undefined ? Infinity : checkNonNegative(`${fn}: untilMs`, untilMs);
}

/**
 * The outages and records of a trace that happen at or before `untilMs`, in trace order. An outage is
 * yielded when its node recovers; outages still open at the cut come last, in the order they began.
 * A crash of a node that is already down does not restart its outage.
 */
export function foldTrace(trace: Trace, untilMs = Infinity): TraceStep[] {
  const steps: TraceStep[] = [];
  const down = new Map<string, number>();
  for (const r of trace.rows()) {
    if (r.t > untilMs) break;
    if (r.node === null) continue;
    if (r.kind === "crash") {
      if (!down.has(r.node)) down.set(r.node, r.t);
    } else if (r.kind === "recover") {
      const startMs = down.get(r.node);
      if (startMs === undefined) continue;
      steps.push({ step: "down", node: r.node, startMs, endMs: r.t });
      down.delete(r.node);
    } else if (r.kind === "record") {
      steps.push({ step: "record", row: { seq: r.seq, t: r.t, node: r.node, kind: r.label ?? "record", detail: r.detail } });
    }
  }
  for (const [node, startMs] of down) steps.push({ step: "down", node, startMs, endMs: null });
  return steps;
}
