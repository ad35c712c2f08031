/**
 * Normalizes trace rows for the sequence diagram. Two input shapes are accepted:
 * - the documented chart shape: messages `{ id, from, to, sendMs, deliverMs, fate, label? }` with fate
 *   delivered | duplicate | lost | dropped, events `{ node, startMs, endMs?, kind, label? }`;
 * - the engine's rows as they come: `trace.messages()` (fate delivered | lost | partition | crashed |
 *   held-then-partition | held-then-crashed | intervention | in-flight | held, `duplicate`, `dropMs`)
 *   and `trace.rows()` (`{ seq, t, kind, node, label, detail }`: crash/recover pairs become down
 *   intervals, `record` events become labelled points, other kinds are ignored).
 */
import { describeValue } from "../validate";
import { checkField, Row } from "../charts/_internals/rows";
import { MESSAGE_FATES, type MessageFate } from "../sim/trace-kinds";

/** How the diagram draws a message. */
export const SEQUENCE_FATES = ["delivered", "duplicate", "lost", "dropped", "in-flight"] as const;
/** A drawn message category. */
export type SequenceFate = (typeof SEQUENCE_FATES)[number];

const CHART_FATES = ["delivered", "duplicate", "lost", "dropped"] as const;
/** Fates accepted on input: the chart shape's, then the engine's (trace.messages()) not already listed. */
export const INPUT_FATES: readonly ((typeof CHART_FATES)[number] | MessageFate)[] =
  [...CHART_FATES, ...MESSAGE_FATES.filter((f) => !(CHART_FATES as readonly string[]).includes(f))];

/** A message ready for layout. `endMs`: when it arrived or was dropped (null if unknown); `reaches`: the arrow ends on the receiver's lane. */
export interface NormalMessage {
  id: unknown; from: string; to: string; sendMs: number; endMs: number | null; fate: SequenceFate; reason: string; reaches: boolean; label?: string;
}

/** A node event ready for layout: an interval when `endMs` is set or open, a point otherwise. */
export interface NormalEvent {
  node: string; startMs: number; endMs: number | null; interval: boolean; kind: string; label?: string;
}

const NAME = "sequenceDiagram";
const AT_RECEIVER = ["crashed", "held-then-crashed"];

/** Validates message rows (either shape) and maps each to a drawn category. */
export function normalizeMessages(messages: Row[]): NormalMessage[] {
  const arg = { argName: "messages" };
  checkField(NAME, messages, "id", "key", arg);
  checkField(NAME, messages, "from", "key", arg);
  checkField(NAME, messages, "to", "key", arg);
  checkField(NAME, messages, "sendMs", "number", arg);
  checkField(NAME, messages, "deliverMs", "number", { ...arg, optional: true });
  checkField(NAME, messages, "dropMs", "number", { ...arg, optional: true });
  checkField(NAME, messages, "fate", "string", arg);
  checkField(NAME, messages, "label", "string", { ...arg, optional: true });
  return messages.map((m, i) => {
    const input = m.fate as string;
    if (!(INPUT_FATES as readonly string[]).includes(input)) {
      throw new RangeError(`${NAME}: messages[${i}].fate must be one of ${INPUT_FATES.map((f) => JSON.stringify(f)).join(", ")}; got ${describeValue(input)}`);
    }
    const sendMs = m.sendMs as number;
    const deliverMs = typeof m.deliverMs === "number" ? m.deliverMs : null;
    const dropMs = typeof m.dropMs === "number" ? m.dropMs : null;
    if ((input === "delivered" || input === "duplicate") && deliverMs === null) {
      throw new RangeError(`${NAME}: messages[${i}].deliverMs must be a finite number for fate ${JSON.stringify(input)}; got ${describeValue(m.deliverMs)}`);
    }
    for (const [field, value] of [["deliverMs", deliverMs], ["dropMs", dropMs]] as const) {
      if (value !== null && value < sendMs) {
        throw new RangeError(`${NAME}: messages[${i}] must have sendMs <= ${field}; got sendMs=${sendMs}, ${field}=${value}`);
      }
    }
    let fate: SequenceFate;
    let endMs: number | null;
    let reaches: boolean;
    if (input === "delivered" || input === "duplicate") {
      fate = input === "duplicate" || m.duplicate === true ? "duplicate" : "delivered";
      endMs = deliverMs;
      reaches = true;
    } else if (input === "lost") {
      fate = "lost";
      endMs = dropMs !== null && dropMs > sendMs ? dropMs : null;
      reaches = false;
    } else if (input === "in-flight" || input === "held") {
      fate = "in-flight";
      endMs = null;
      reaches = false;
    } else {
      fate = "dropped";
      endMs = deliverMs ?? dropMs;
      reaches = endMs !== null && (input === "dropped" || AT_RECEIVER.includes(input));
      if (!reaches && endMs !== null && endMs <= sendMs) endMs = null;
    }
    const out: NormalMessage = { id: m.id, from: String(m.from), to: String(m.to), sendMs, endMs, fate, reason: input, reaches };
    if (typeof m.label === "string" && m.label !== "") out.label = m.label;
    return out;
  });
}

/** Validates event rows (either shape) and turns engine rows into intervals and points. */
export function normalizeEvents(events: Row[]): NormalEvent[] {
  if (events.length === 0) return [];
  const engineShape = events.every((e) => !("startMs" in e) && "t" in e && "kind" in e);
  if (engineShape) return fromTraceRows(events);
  const arg = { argName: "events" };
  checkField(NAME, events, "node", "key", arg);
  checkField(NAME, events, "startMs", "number", arg);
  checkField(NAME, events, "endMs", "number", { ...arg, optional: true });
  checkField(NAME, events, "kind", "string", arg);
  checkField(NAME, events, "label", "string", { ...arg, optional: true });
  return events.map((e, i) => {
    const startMs = e.startMs as number;
    const endMs = typeof e.endMs === "number" ? e.endMs : null;
    if (endMs !== null && endMs < startMs) {
      throw new RangeError(`${NAME}: events[${i}] must have startMs <= endMs; got startMs=${startMs}, endMs=${endMs}`);
    }
    const kind = e.kind as string;
    const out: NormalEvent = { node: String(e.node), startMs, endMs, interval: endMs !== null || kind === "crash" || kind === "down", kind };
    if (typeof e.label === "string" && e.label !== "") out.label = e.label;
    return out;
  });
}

function fromTraceRows(rows: Row[]): NormalEvent[] {
  checkField(NAME, rows, "t", "number", { argName: "events" });
  checkField(NAME, rows, "kind", "string", { argName: "events" });
  const out: NormalEvent[] = [];
  const down = new Map<string, NormalEvent>();
  for (const row of rows) {
    if (typeof row.node !== "string") continue;
    const t = row.t as number;
    if (row.kind === "crash") {
      if (down.has(row.node)) continue;
      const interval: NormalEvent = { node: row.node, startMs: t, endMs: null, interval: true, kind: "crash" };
      down.set(row.node, interval);
      out.push(interval);
    } else if (row.kind === "recover") {
      const interval = down.get(row.node);
      if (interval) interval.endMs = t;
      down.delete(row.node);
    } else if (row.kind === "record") {
      const kind = typeof row.label === "string" && row.label !== "" ? row.label : "record";
      const detail = row.detail === null || row.detail === undefined ? "" : ` ${formatDetail(row.detail)}`;
      const text = `${kind}${detail}`;
      out.push({ node: row.node, startMs: t, endMs: null, interval: false, kind, label: text.length > 28 ? `${text.slice(0, 27)}…` : text });
    }
  }
  return out;
}

/** A short text for a record detail: `{ seq: 3, cmd: "x" }` -> `seq=3 cmd=x`; other values as JSON. */
function formatDetail(detail: unknown): string {
  if (detail !== null && typeof detail === "object" && !Array.isArray(detail)) {
    return Object.entries(detail as Record<string, unknown>)
      .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
      .join(" ");
  }
  return typeof detail === "string" ? detail : JSON.stringify(detail);
}
