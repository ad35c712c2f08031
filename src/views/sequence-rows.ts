/**
 * A trace as the rows of a sequence diagram (the chart shape of charts/sequence.ts): every message an
 * arrow labelled with its payload, every recorded state change a labelled point, every outage a shaded
 * interval. This is where the engine's message fates meet the chart's drawing categories.
 */
import { TIMER_KIND, type SequenceEvent, type SequenceFate, type SequenceMessage } from "../charts/sequence";
import type { MessageFate, MessageRow, Trace } from "../sim/trace";
import { clientsFirst } from "../charts/_internals/sequence-layout";
import { checkKeys, fail } from "../validate";
import { payloadLabel, recordLabel } from "./labels";
import { checkTrace, checkUntil, foldTrace } from "./trace-fold";

/** Options of {@link sequenceRows} (and of traceDiagram). */
export interface SequenceRowsOptions {
  /** The text on a message's arrow; undefined for none. @defaultValue payloadLabel(m.payload), e.g. `ok(4, 0, ⊥)` */
  messageLabel?: (message: MessageRow) => string | undefined;
  /** Kinds of recorded state changes drawn as points (e.g. ["execute"]). @defaultValue every recorded kind */
  pointKinds?: readonly string[];
  /** Keep what happened up to this time, in ms: later messages are dropped, messages still travelling at the cut are in flight. @defaultValue no cut */
  untilMs?: number;
  /** Draw only these nodes' lanes and the messages between them (e.g. one client and the servers). @defaultValue every node */
  onlyNodes?: readonly string[];
  /**
   * Mark each timer that fires (a retransmission timeout, a backoff ending) on the lane of its node,
   * at the time it fires: an event of kind "timer" labelled with the timer's tag (e.g. "timeout"),
   * drawn by sequenceDiagram as a clock. Timers cancelled before they fire leave no mark. @defaultValue false
   */
  timers?: boolean;
}

/** A message row of {@link sequenceRows}: the chart shape plus the message's `kind` (its payload type, as in trace.messages()). */
export interface SequenceRowMessage extends SequenceMessage {
  id: number;
  deliverMs: number | null;
  dropMs: number | null;
  reason: MessageFate;
  kind: string;
}

/** The rows of {@link sequenceRows}, for `sequenceDiagram(messages, events, { nodes })`. */
export interface SequenceRows {
  /** Lanes: the world's nodes (or `onlyNodes`), clients `u*` first, servers `s*` last, otherwise in the order given to createWorld. */
  nodes: string[];
  messages: SequenceRowMessage[];
  events: SequenceEvent[];
}

/**
 * How each engine fate is drawn: the chart's category, and where the arrow ends (at the receiver, half
 * way at the drop time, or nowhere yet). Typed against the engine's MessageFate, so a new fate in
 * src/sim/trace.ts fails to compile here until it is given a drawing.
 */
const DRAWN: Record<MessageFate, { fate: SequenceFate; ends: "receiver" | "on the way" | "open" }> = {
  delivered: { fate: "delivered", ends: "receiver" },
  lost: { fate: "lost", ends: "on the way" },
  partition: { fate: "dropped", ends: "on the way" },
  "held-then-partition": { fate: "dropped", ends: "on the way" },
  intervention: { fate: "dropped", ends: "on the way" },
  crashed: { fate: "dropped", ends: "receiver" },
  "held-then-crashed": { fate: "dropped", ends: "receiver" },
  "in-flight": { fate: "in-flight", ends: "open" },
  held: { fate: "in-flight", ends: "open" },
};

/** Longest label drawn; longer ones are cut with an ellipsis. */
const MAX_LABEL = 28;
const cut = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

function messageRow(m: MessageRow, untilMs: number, label: string | undefined): SequenceRowMessage {
  const drawn = DRAWN[m.fate];
  const endMs = m.deliverMs ?? m.dropMs;
  const row: SequenceRowMessage = {
    id: m.id, from: m.from, to: m.to, sendMs: m.sendMs, deliverMs: null, dropMs: null,
    fate: drawn.fate, reason: m.fate, kind: m.label,
  };
  if (endMs !== null && endMs > untilMs) row.fate = "in-flight";
  else if (drawn.ends === "receiver") row.deliverMs = endMs;
  else if (drawn.ends === "on the way") row.dropMs = endMs;
  if (row.fate === "delivered" && m.duplicate) row.fate = "duplicate";
  if (row.fate === "delivered" || row.fate === "duplicate") if (m.corrupted) row.fate = "corrupted";
  if (label !== undefined && label !== "") row.label = cut(label);
  return row;
}

/**
 * The rows of a sequence diagram of `trace`: each message copy (sent by `untilMs`) with its drawn fate
 * and its label (by default the payload as `type(field values)`: `propose(4, c2)`, `ok(4, 0, ⊥)`,
 * `cmd(A1)`); each recorded state change of a kind in `pointKinds` as a point labelled
 * `kind(detail values)` (`execute(c1)`); each crash..recover as a "crash" interval (still open at the
 * end or the cut: no `endMs`, drawn to the end of the chart).
 * @example const rows = sequenceRows(run.trace, { pointKinds: ["execute"] });
 *   await show(sequenceDiagram(rows.messages, rows.events, { nodes: rows.nodes }));
 */
export function sequenceRows(trace: Trace, options: SequenceRowsOptions = {}): SequenceRows {
  const fn = "sequenceRows(trace, options)";
  checkTrace(fn, trace);
  if (options === null || typeof options !== "object") fail(`${fn}: options`, options, "an object");
  checkKeys(`${fn} options`, options, ["messageLabel", "pointKinds", "untilMs", "onlyNodes", "timers"]);
  if (options.timers !== undefined && typeof options.timers !== "boolean") fail(`${fn}: timers`, options.timers, "true or false");
  const only = options.onlyNodes;
  if (only !== undefined && (!Array.isArray(only) || only.length === 0 || !only.every((n) => trace.nodes.includes(n)))) {
    fail(`${fn}: onlyNodes`, only, `a non-empty array of node names of the trace (${trace.nodes.join(", ")})`);
  }
  const keep = (node: string) => only === undefined || only.includes(node);
  const untilMs = checkUntil(fn, options.untilMs);
  const label = options.messageLabel ?? ((m: MessageRow) => payloadLabel(m.payload));
  if (typeof label !== "function") fail(`${fn}: messageLabel`, label, "a function (message) => string | undefined");
  const kinds = options.pointKinds === undefined ? null : new Set(options.pointKinds);
  const messages = trace.messages().filter((m) => m.sendMs <= untilMs && keep(m.from) && keep(m.to)).map((m) => messageRow(m, untilMs, label(m)));
  const events: SequenceEvent[] = [];
  for (const s of foldTrace(trace, untilMs)) {
    if (!keep(s.step === "down" ? s.node : s.row.node)) continue;
    if (s.step === "down") {
      events.push({ node: s.node, startMs: s.startMs, ...(s.endMs === null ? {} : { endMs: s.endMs }), kind: "crash" });
    } else if (kinds === null || kinds.has(s.row.kind)) {
      events.push({ node: s.row.node, startMs: s.row.t, kind: s.row.kind, label: cut(recordLabel(s.row.kind, s.row.detail)) });
    }
  }
  if (options.timers === true) {
    for (const row of trace.rows()) {
      if (row.t > untilMs) break;
      if (row.kind === "timer" && row.node !== null && keep(row.node)) {
        events.push({ node: row.node, startMs: row.t, kind: TIMER_KIND, label: cut(row.label ? String(row.label) : "timer") });
      }
    }
  }
  return { nodes: clientsFirst(trace.nodes.filter(keep)), messages, events };
}
