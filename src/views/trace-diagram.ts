/**
 * A space-time diagram straight from a trace, with readable labels for recorded state changes.
 */
import { sequenceDiagram, type SequenceDiagramOptions, type SequenceEvent } from "../charts/sequence";
import { type Chart } from "../charts/chart";
import { Trace as TraceClass, type Trace } from "../sim/trace";
import { fail } from "../validate";

/** A recorded detail as short text: `{ cmd: 0 }` -> "cmd 0", `{ op: "+10", score: 10 }` -> "op +10, score 10". */
export function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return "";
  if (typeof detail !== "object" || Array.isArray(detail)) return typeof detail === "string" ? detail : JSON.stringify(detail);
  return Object.entries(detail as Record<string, unknown>)
    .map(([k, v]) => `${k} ${typeof v === "string" ? v : JSON.stringify(v)}`).join(", ");
}

/**
 * The node events of a trace for {@link sequenceDiagram}: each `record` becomes a labelled point
 * ("execute cmd 0"), each crash..recover a shaded interval.
 */
export function traceEvents(trace: Trace): SequenceEvent[] {
  const out: SequenceEvent[] = [];
  const down = new Map<string, number>();
  for (const r of trace.rows()) {
    if (r.node === null) continue;
    if (r.kind === "record") out.push({ node: r.node, startMs: r.t, kind: r.label ?? "record", label: `${r.label ?? ""} ${detailText(r.detail)}`.trim() });
    else if (r.kind === "crash") down.set(r.node, r.t);
    else if (r.kind === "recover" && down.has(r.node)) {
      out.push({ node: r.node, startMs: down.get(r.node)!, endMs: r.t, kind: "crash" });
      down.delete(r.node);
    }
  }
  for (const [node, t] of down) out.push({ node, startMs: t, kind: "crash" });
  return out;
}

/**
 * The space-time diagram of a trace: `sequenceDiagram(trace.messages(), traceEvents(trace), options)`.
 * Lanes default to the world's node order.
 * @example await show(traceDiagram(world.trace, { title: "A lost ACK" }).name("01-lost-ack"))
 */
export function traceDiagram(trace: Trace, options: SequenceDiagramOptions = {}): Chart {
  if (!(trace instanceof TraceClass)) fail("traceDiagram(trace, options): trace", trace, "a Trace (from world.run() or a result's .trace)");
  return sequenceDiagram(trace.messages(), traceEvents(trace), { nodes: trace.nodes, ...options });
}
