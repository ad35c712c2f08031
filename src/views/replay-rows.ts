/**
 * A trace as the rows of a step-through replay (the chart shape of charts/replay.ts): every send,
 * delivery, drop, crash, recovery and recorded state change is one step with a caption, and after every
 * step each node's state is derived from what the trace shows of that node so far (its records, the
 * messages it sent and received), by a function the caller gives.
 */
import type { ReplayMessage, ReplayRows, ReplayStateLine, ReplayStep } from "../charts/replay";
import { REPLAY_MAX_STEPS } from "../charts/_internals/replay-rows";
import type { MessageRow, RecordRow, Trace, TraceRow } from "../sim/trace";
import { clientsFirst } from "../charts/_internals/sequence-layout";
import { checkKeys, fail } from "../validate";
import { payloadLabel, recordLabel } from "./labels";
import { checkTrace, checkUntil } from "./trace-fold";

/** What the trace shows of one node up to and including the current step. */
export interface ReplaySeen {
  /** The node's records (`ctx.record(kind, detail)`), in order. */
  records: RecordRow[];
  /** The messages it sent. */
  sent: MessageRow[];
  /** The messages delivered to it. */
  received: MessageRow[];
}

/** A node's state as text: one string, or one string per line (at most 4 lines are drawn well); null or [] for none. */
export type ReplayStateFn = (node: string, seen: ReplaySeen) => string | readonly string[] | null | undefined;

/** Options of {@link replayRows}. */
export interface ReplayRowsOptions {
  /** Each node's state after each step. @defaultValue the node's last record, e.g. `execute(0)` */
  state?: ReplayStateFn;
  /** The text of a message in captions and on its arrow. @defaultValue payloadLabel(m.payload), e.g. `ack(0)` */
  messageLabel?: (message: MessageRow) => string;
  /** Kinds of records that are steps (others still feed `state`). @defaultValue every kind */
  recordKinds?: readonly string[];
  /** Timer firings are steps too ("u1's timer fires (timeout)"). @defaultValue false */
  timers?: boolean;
  /** Keep the steps up to this time, in ms. @defaultValue no cut */
  untilMs?: number;
  /** Only these nodes' steps and the messages between them. @defaultValue every node */
  onlyNodes?: readonly string[];
}

const FN = "replayRows(trace, options)";
const MAX_LABEL = 28;
const cut = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);
const defaultState: ReplayStateFn = (_node, seen) => {
  const last = seen.records[seen.records.length - 1];
  return last === undefined ? null : recordLabel(last.kind, last.detail);
};

function dropText(reason: string | null, to: string): string {
  if (reason === "loss") return "is lost";
  if (reason === "crashed" || reason === "held-then-crashed") return `is dropped: ${to} is down`;
  if (reason === "partition" || reason === "held-then-partition") return "is dropped by the partition";
  return `is dropped (${reason ?? "dropped"})`;
}

/**
 * The rows of a step-through replay of `trace` (for `replayChart(rows)`): at most
 * {@link REPLAY_MAX_STEPS} steps, else an error says at what time to cut with `untilMs`.
 * @example const rows = replayRows(run.trace, { untilMs: 40, state: (node, seen) => `${seen.records.length} records` });
 *   await show(replayChart(rows));
 */
export function replayRows(trace: Trace, options: ReplayRowsOptions = {}): ReplayRows {
  checkTrace(FN, trace);
  if (options === null || typeof options !== "object") fail(`${FN}: options`, options, "an object");
  checkKeys(`${FN} options`, options, ["state", "messageLabel", "recordKinds", "timers", "untilMs", "onlyNodes"]);
  const only = options.onlyNodes;
  if (only !== undefined && (!Array.isArray(only) || only.length === 0 || !only.every((n) => trace.nodes.includes(n)))) {
    fail(`${FN}: onlyNodes`, only, `a non-empty array of node names of the trace (${trace.nodes.join(", ")})`);
  }
  const keep = (node: string | null) => node !== null && (only === undefined || only.includes(node));
  const untilMs = checkUntil(FN, options.untilMs);
  const state = options.state ?? defaultState;
  if (typeof state !== "function") fail(`${FN}: state`, state, "a function (node, seen) => string | string[]");
  const label = options.messageLabel ?? ((m: MessageRow) => payloadLabel(m.payload));
  if (typeof label !== "function") fail(`${FN}: messageLabel`, label, "a function (message) => string");
  const recordKinds = options.recordKinds === undefined ? null : new Set(options.recordKinds);
  if (options.timers !== undefined && typeof options.timers !== "boolean") fail(`${FN}: timers`, options.timers, "true or false");

  const all = trace.messages();
  const message = (row: TraceRow) => all[(row.msgId as number) - 1];
  const nodes = clientsFirst(trace.nodes.filter(keep));
  const seen = new Map<string, ReplaySeen>(nodes.map((n) => [n, { records: [], sent: [], received: [] }]));
  const steps: ReplayStep[] = [];
  const rows: ReplayRows = { nodes, steps, messages: [], marks: [], outages: [], states: [] };
  const sendStep = new Map<number, ReplayMessage>();
  const open = new Map<string, ReplayStateLine[]>(nodes.map((n) => [n, []]));
  const step = (row: TraceRow, node: string, text: string) => {
    steps.push({ step: steps.length + 1, t: row.t, node, text, ...(row.msgId === null ? {} : { messageId: row.msgId }) });
    if (steps.length > REPLAY_MAX_STEPS) {
      fail(`${FN}: the run`, `${steps.length}+ steps`, `at most ${REPLAY_MAX_STEPS} steps: cut it with untilMs (step ${REPLAY_MAX_STEPS} is at ${row.t} ms) or onlyNodes`);
    }
  };
  updateStates(rows.states, open, seen, state, 1, false); // before the first step
  for (const row of trace.rows()) {
    if (row.t > untilMs) break;
    const k = row.kind;
    const before = steps.length + 1; // the number of the step this row makes, if it makes one
    if (k === "send" || k === "duplicate" || k === "deliver" || k === "drop") {
      const m = message(row);
      if (!keep(m.from) || !keep(m.to)) continue;
      const text = cut(label(m));
      if (k === "send" || k === "duplicate") {
        step(row, m.from, k === "send" ? `${m.from} sends ${text} to ${m.to}` : `the network duplicates ${text} (${m.from} → ${m.to})`);
        seen.get(m.from)!.sent.push(m);
        const r: ReplayMessage = {
          id: m.id, from: m.from, to: m.to, sendMs: m.sendMs, deliverMs: null, dropMs: null, label: text, kind: m.label.split(/[ (]/)[0],
          fate: "in-flight", reason: m.fate, sendStep: before, endStep: null,
        };
        sendStep.set(m.id, r);
        rows.messages.push(r);
      } else {
        const r = sendStep.get(m.id);
        if (r === undefined) continue; // sent before a cut of onlyNodes: never the case, as sends come first
        if (k === "deliver") {
          step(row, m.to, `${m.to} receives ${text} from ${m.from}`);
          seen.get(m.to)!.received.push(m);
          r.deliverMs = row.t;
          r.fate = m.duplicate ? "duplicate" : "delivered";
        } else {
          step(row, row.node as string, `${text} from ${m.from} to ${m.to} ${dropText(row.reason, m.to)}`);
          if (row.reason === "crashed" || row.reason === "held-then-crashed") r.deliverMs = row.t;
          else r.dropMs = row.t;
          r.fate = row.reason === "loss" ? "lost" : "dropped";
        }
        r.endStep = before;
      }
    } else if (!keep(row.node)) {
      continue;
    } else if (k === "record") {
      const rec: RecordRow = { seq: row.seq, t: row.t, node: row.node as string, kind: row.label ?? "record", detail: row.detail };
      seen.get(rec.node)!.records.push(rec);
      if (recordKinds !== null && !recordKinds.has(rec.kind)) continue;
      step(row, rec.node, `${rec.node}: ${recordLabel(rec.kind, rec.detail)}`);
      rows.marks.push({ step: before, node: rec.node, t: row.t, kind: rec.kind });
    } else if (k === "crash" || k === "recover") {
      const node = row.node as string;
      const outage = rows.outages.find((o) => o.node === node && o.endStep === null);
      if (k === "crash" && outage === undefined) {
        step(row, node, `${node} crashes`);
        rows.outages.push({ node, startStep: before, startMs: row.t, endStep: null, endMs: null });
      } else if (k === "recover" && outage !== undefined) {
        step(row, node, `${node} recovers`);
        outage.endStep = before;
        outage.endMs = row.t;
      }
    } else if (k === "timer" && options.timers === true) {
      step(row, row.node as string, `${row.node}'s timer fires${row.label ? ` (${row.label})` : ""}`);
    }
    if (steps.length === before) updateStates(rows.states, open, seen, state, before, true);
  }
  if (steps.length === 0) fail(`${FN}: the run`, "no steps", `at least one send, delivery, drop, crash, recovery or record${untilMs < Infinity ? ` up to untilMs = ${untilMs}` : ""}`);
  return rows;
}

/** After step `at`: each node's state lines; a line that changed closes its segment and opens a new one. */
function updateStates(
  out: ReplayStateLine[], open: Map<string, ReplayStateLine[]>, seen: Map<string, ReplaySeen>, state: ReplayStateFn, at: number, changed: boolean,
): void {
  for (const [node, lines] of open) {
    const value = state(node, seen.get(node) as ReplaySeen);
    const texts = value === null || value === undefined ? [] : typeof value === "string" ? [value] : [...value].map(String);
    const width = Math.max(lines.length, texts.length);
    for (let i = 0; i < width; i++) {
      const text = texts[i];
      const current = lines[i];
      if (current !== undefined && current.text === text) continue;
      if (current !== undefined && current.fromStep === at && text !== undefined && text !== "") {
        Object.assign(current, { text, changed }); // the state before step 1 changed at step 1
        continue;
      }
      if (current !== undefined) current.toStep = at;
      if (text === undefined || text === "") {
        if (current !== undefined) delete lines[i];
        continue;
      }
      const line: ReplayStateLine = { node, line: i, fromStep: at, toStep: null, text, changed };
      out.push(line);
      lines[i] = line;
    }
  }
}
