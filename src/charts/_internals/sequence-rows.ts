/**
 * Validates the rows of a sequence diagram (the chart shape only; views/sequence-rows.ts turns a trace
 * into this shape) and says how each message is drawn: to the receiver's lane, stopped half way, or
 * still travelling.
 *
 * - messages `{ id, from, to, sendMs, deliverMs, dropMs?, fate, reason?, label? }`, fate one of
 *   SEQUENCE_FATES, and optionally `kind` (the message type, for colouring by kind): delivered and duplicate need `deliverMs`; lost and dropped reach the receiver's lane
 *   when `deliverMs` is set (dropped there), otherwise stop half way at `dropMs` (or after half the
 *   typical delay); in-flight ones stop half way;
 * - events `{ node, startMs, endMs?, kind, label? }`: an interval when `endMs` is set or the kind is
 *   crash/down (open to the end of the chart without `endMs`), a point otherwise.
 */
import { describeValue } from "../../validate";
import { checkField, Row } from "./rows";

/** How the diagram draws a message. */
export const SEQUENCE_FATES = ["delivered", "duplicate", "lost", "dropped", "in-flight", "corrupted"] as const;
/** A drawn message category. */
export type SequenceFate = (typeof SEQUENCE_FATES)[number];

/** A message ready for layout. `endMs`: when the arrow ends (null if unknown); `reaches`: the arrow ends on the receiver's lane. */
export interface NormalMessage {
  id: unknown; from: string; to: string; sendMs: number; endMs: number | null; fate: SequenceFate; reason: string; reaches: boolean; label?: string; kind?: string;
}

/** A node event ready for layout: an interval when `endMs` is set or open, a point otherwise. */
export interface NormalEvent {
  node: string; startMs: number; endMs: number | null; interval: boolean; kind: string; label?: string;
}

const NAME = "sequenceDiagram";

/** Validates message rows and maps each to its drawing. */
export function normalizeMessages(messages: Row[]): NormalMessage[] {
  const arg = { argName: "messages" };
  checkField(NAME, messages, "id", "key", arg);
  checkField(NAME, messages, "from", "key", arg);
  checkField(NAME, messages, "to", "key", arg);
  checkField(NAME, messages, "sendMs", "number", arg);
  checkField(NAME, messages, "deliverMs", "number", { ...arg, optional: true });
  checkField(NAME, messages, "dropMs", "number", { ...arg, optional: true });
  checkField(NAME, messages, "fate", "string", arg);
  checkField(NAME, messages, "reason", "string", { ...arg, optional: true });
  checkField(NAME, messages, "label", "string", { ...arg, optional: true });
  checkField(NAME, messages, "kind", "key", { ...arg, optional: true });
  return messages.map((m, i) => {
    const fate = m.fate as SequenceFate;
    if (!(SEQUENCE_FATES as readonly string[]).includes(fate)) {
      throw new RangeError(`${NAME}: messages[${i}].fate must be one of ${SEQUENCE_FATES.map((f) => JSON.stringify(f)).join(", ")}; got ${describeValue(fate)}` +
        " (for a trace, pass the rows of sequenceRows(trace), or use traceDiagram(trace))");
    }
    const sendMs = m.sendMs as number;
    const deliverMs = typeof m.deliverMs === "number" ? m.deliverMs : null;
    const dropMs = typeof m.dropMs === "number" ? m.dropMs : null;
    if ((fate === "delivered" || fate === "duplicate" || fate === "corrupted") && deliverMs === null) {
      throw new RangeError(`${NAME}: messages[${i}].deliverMs must be a finite number for fate ${JSON.stringify(fate)}; got ${describeValue(m.deliverMs)}`);
    }
    for (const [field, value] of [["deliverMs", deliverMs], ["dropMs", dropMs]] as const) {
      if (value !== null && value < sendMs) {
        throw new RangeError(`${NAME}: messages[${i}] must have sendMs <= ${field}; got sendMs=${sendMs}, ${field}=${value}`);
      }
    }
    let endMs: number | null = null;
    let reaches = false;
    if (fate !== "in-flight") {
      reaches = deliverMs !== null;
      endMs = reaches ? deliverMs : dropMs !== null && dropMs > sendMs ? dropMs : null;
    }
    const reason = typeof m.reason === "string" && m.reason !== "" ? m.reason : fate;
    const out: NormalMessage = { id: m.id, from: String(m.from), to: String(m.to), sendMs, endMs, fate, reason, reaches };
    if (typeof m.label === "string" && m.label !== "") out.label = m.label;
    if (m.kind !== undefined && m.kind !== null && m.kind !== "") out.kind = String(m.kind);
    return out;
  });
}

/** Validates event rows and marks each as an interval or a point. */
export function normalizeEvents(events: Row[]): NormalEvent[] {
  if (events.length === 0) return [];
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
