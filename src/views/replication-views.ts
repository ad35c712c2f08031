/**
 * Views of protocol runs for notebooks 03 and 04: sequence-diagram rows labelled with command ids,
 * and timeline rows (who waits, who is down, who holds which lock).
 */
import type { Trace } from "../sim/trace";
import { checkKeys } from "../validate";

/** A message as the sequence diagram draws it, labelled with its command. */
export interface ProtocolDiagramMessage {
  id: number; from: string; to: string; sendMs: number; deliverMs: number | null; fate: "delivered" | "lost" | "dropped" | "in-flight"; label: string;
}
/** A node event for the sequence diagram (a point, or an interval when endMs is set). */
export interface ProtocolDiagramEvent { node: string; startMs: number; endMs?: number | null; kind: string; label?: string }

function messageLabel(payload: any): string {
  if (payload === null || typeof payload !== "object") return String(payload);
  const detail = payload.id ?? payload.vote ?? payload.attempt;
  return detail === undefined ? payload.type : `${payload.type} ${detail}`;
}

/**
 * Rows for `sequenceDiagram(messages, events)`: every message labelled "cmd A1", "ack A1",
 * "lock 2", ...; every recorded event whose kind is in `pointKinds` as a point labelled with its
 * detail (command id, client or decision); crashes as shaded intervals. Only messages sent before
 * `untilMs` are kept.
 */
export function protocolDiagramRows(trace: Trace, options: { pointKinds?: string[]; untilMs?: number } = {}): { messages: ProtocolDiagramMessage[]; events: ProtocolDiagramEvent[] } {
  checkKeys("protocolDiagramRows options", options, ["pointKinds", "untilMs"]);
  const kinds = options.pointKinds ?? ["execute", "commit", "decide"];
  const until = options.untilMs ?? Infinity;
  const messages: ProtocolDiagramMessage[] = trace.messages().filter((m) => m.sendMs <= until).map((m) => ({
    id: m.id, from: m.from, to: m.to, sendMs: m.sendMs,
    deliverMs: m.fate === "delivered" ? m.deliverMs : m.fate === "crashed" ? m.dropMs : null,
    fate: m.fate === "delivered" ? "delivered" : m.fate === "lost" ? "lost" : m.fate === "in-flight" || m.fate === "held" ? "in-flight" : "dropped",
    label: messageLabel(m.payload),
  }));
  const events: ProtocolDiagramEvent[] = [];
  const down: Record<string, number> = {};
  const end = Math.min(until, trace.summary().endMs);
  for (const r of trace.rows()) {
    if (r.t > until || r.node === null) continue;
    if (r.kind === "crash") down[r.node] = r.t;
    else if (r.kind === "recover" && down[r.node] !== undefined) {
      events.push({ node: r.node, startMs: down[r.node], endMs: r.t, kind: "crash" });
      delete down[r.node];
    } else if (r.kind === "record" && r.label !== null && kinds.includes(r.label)) {
      const d = (r.detail ?? {}) as Record<string, unknown>;
      const text = d.id ?? d.decision ?? d.client;
      events.push({ node: r.node, startMs: r.t, kind: r.label, ...(text === undefined ? {} : { label: String(text) }) });
    }
  }
  for (const [node, t] of Object.entries(down)) events.push({ node, startMs: t, endMs: end, kind: "crash" });
  return { messages, events };
}

/** A row of timelineChart: a point `{ node, kind, t }` or an interval `{ node, kind, start, end }`. */
export type ProtocolTimelineRow = { node: string; kind: string; t?: number; start?: number; end?: number; label?: string };

/**
 * Timeline rows of a run: crash..recover as "down" intervals; for each pair of recorded events
 * (open, close) in `intervals`, an interval per node (e.g. issue..commit as "waiting for acks",
 * lock..unlock as "locked by A"); recorded events in `points` as points. Open intervals end at the
 * end of the run. Outage rows come last (drawn on top).
 */
export function protocolTimelineRows(trace: Trace, spec: {
  intervals?: { open: string; close: string; kind: string | ((detail: any) => string); closeMatches?: "same-node" }[];
  points?: Record<string, string>;
}): ProtocolTimelineRow[] {
  checkKeys("protocolTimelineRows spec", spec, ["intervals", "points"]);
  const rows: ProtocolTimelineRow[] = [];
  const end = trace.summary().endMs;
  const down: Record<string, number> = {};
  const open = new Map<string, { start: number; kind: string }>();
  for (const r of trace.rows()) {
    if (r.node === null) continue;
    if (r.kind === "crash") down[r.node] = r.t;
    else if (r.kind === "recover" && down[r.node] !== undefined) {
      rows.push({ node: r.node, kind: "down", start: down[r.node], end: r.t });
      delete down[r.node];
    }
    if (r.kind !== "record" || r.label === null) continue;
    (spec.intervals ?? []).forEach((iv, i) => {
      const key = `${i}/${r.node}`;
      if (r.label === iv.open && !open.has(key)) {
        open.set(key, { start: r.t, kind: typeof iv.kind === "function" ? iv.kind(r.detail) : iv.kind });
      } else if (r.label === iv.close && open.has(key)) {
        const o = open.get(key)!;
        rows.push({ node: r.node!, kind: o.kind, start: o.start, end: r.t });
        open.delete(key);
      }
    });
    const pointKind = spec.points?.[r.label];
    if (pointKind !== undefined) rows.push({ node: r.node, kind: pointKind, t: r.t });
  }
  for (const [key, o] of open) rows.push({ node: key.slice(key.indexOf("/") + 1), kind: o.kind, start: o.start, end });
  for (const [node, t] of Object.entries(down)) rows.push({ node, kind: "down", start: t, end });
  // Outages last, so a chart draws them on top of whatever the node was doing.
  return [...rows.filter((r) => r.kind !== "down"), ...rows.filter((r) => r.kind === "down")];
}
