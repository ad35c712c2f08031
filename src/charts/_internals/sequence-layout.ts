/**
 * Geometry of a sequence diagram, computed from normalized trace rows before any spec is built: lane
 * index per node, arrow end points, where lost messages stop, and the time domain.
 */
import { checkRows, Row } from "./rows";
import { normalizeEvents, normalizeMessages, SEQUENCE_FATES, SequenceFate } from "./sequence-rows";

/** The computed layout. */
export interface SequenceLayout {
  nodes: string[];
  tMin: number;
  tMax: number;
  arrows: Row[];
  intervals: Row[];
  marks: Row[];
  fates: SequenceFate[];
  kinds: string[];
  /** Message kinds in order of first appearance. */
  messageKinds: string[];
}

const NAME = "sequenceDiagram";

/** Validates the rows and computes the layout (see {@link SequenceLayout}). */
export function layoutSequence(messagesIn: unknown, eventsIn: unknown, nodesIn: readonly string[] | undefined): SequenceLayout {
  const messages = normalizeMessages(checkRows(NAME, messagesIn, "messages"));
  const noEvents = eventsIn === undefined || eventsIn === null || (Array.isArray(eventsIn) && eventsIn.length === 0);
  const events = noEvents ? [] : normalizeEvents(checkRows(NAME, eventsIn, "events"));

  const seen: string[] = [];
  const see = (n: string) => {
    if (!seen.includes(n)) seen.push(n);
  };
  messages.forEach((m) => (see(m.from), see(m.to)));
  events.forEach((e) => see(e.node));
  const nodes = nodesIn ? [...nodesIn].map(String) : clientsFirst(seen);
  for (const node of seen) {
    if (!nodes.includes(node)) {
      throw new RangeError(`${NAME}: node ${JSON.stringify(node)} appears in the trace but not in options.nodes (${nodes.map((n) => JSON.stringify(n)).join(", ")})`);
    }
  }
  const lane = (n: string) => nodes.indexOf(n);

  const delays = messages.filter((m) => m.reaches && m.endMs !== null).map((m) => (m.endMs as number) - m.sendMs);
  const times = [
    ...messages.flatMap((m) => [m.sendMs, ...(m.endMs !== null ? [m.endMs] : [])]),
    ...events.flatMap((e) => [e.startMs, ...(e.endMs !== null ? [e.endMs] : [])]),
  ];
  const tLow = Math.min(...times);
  const tMin = tLow >= 0 ? 0 : tLow;
  let tMax = Math.max(...times);
  const typicalDelay = delays.length > 0 ? median(delays) : Math.max(tMax - tMin, 1) / 10;

  const arrows = messages.map((m) => {
    const x1 = lane(m.from);
    const target = lane(m.to);
    const y2 = m.reaches ? (m.endMs as number) : m.endMs ?? m.sendMs + typicalDelay / 2;
    const x2 = m.reaches ? target : x1 + (target - x1) / 2;
    tMax = Math.max(tMax, y2);
    const end = m.fate === "lost" || m.fate === "dropped" ? "cross" : m.fate === "in-flight" ? "none" : "arrow";
    const row: Row = {
      id: m.id, from: m.from, to: m.to, sendMs: m.sendMs, endMs: m.endMs, fate: m.fate, reason: m.reason,
      x1, y1: m.sendMs, x2, y2, midX: (x1 + x2) / 2, midY: (m.sendMs + y2) / 2, end,
    };
    if (m.label !== undefined) row.label = m.label;
    row.kind = m.kind ?? (m.label !== undefined ? m.label.split(/[ (]/)[0] : "message");
    return row;
  });
  if (tMax <= tMin) tMax = tMin + 1;

  const intervals: Row[] = [];
  const marks: Row[] = [];
  for (const e of events) {
    const at = lane(e.node);
    const base: Row = { node: e.node, lane: at, kind: e.kind, startMs: e.startMs };
    if (e.label !== undefined) base.label = e.label;
    if (e.interval) {
      intervals.push({ ...base, endMs: e.endMs ?? tMax, open: e.endMs === null, x1: at - 0.3, x2: at + 0.3 });
    } else {
      marks.push(base);
    }
  }
  const fates = SEQUENCE_FATES.filter((f) => messages.some((m) => m.fate === f));
  const kinds = [...new Set(events.map((e) => e.kind))];
  const messageKinds = [...new Set(arrows.map((a) => a.kind as string))];
  return { nodes, tMin, tMax, arrows, intervals, marks, fates, kinds, messageKinds };
}

/**
 * Lanes with the clients on the left and the servers on the right, so that requests all run the same
 * way: names `u1, u2, ...` first, then other names, then `s1, s2, ...`, each group in its given order.
 */
export function clientsFirst(nodes: readonly string[]): string[] {
  const group = (n: string) => (/^u\d/.test(n) ? 0 : /^s\d/.test(n) ? 2 : 1);
  return nodes.map((n, i) => ({ n, i })).sort((a, b) => group(a.n) - group(b.n) || a.i - b.i).map((e) => e.n);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
