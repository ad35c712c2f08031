/**
 * The trace: every send, delivery, drop, duplicate, timer, crash, recovery, fault and recorded state
 * change, stored in parallel typed-array columns. `rows()` and `messages()` turn it into tidy rows for
 * charts; `hash()` fingerprints it (same seed and options -> same hash, in any process).
 */
import { Hash53 } from "./columns";
import type { TraceLog } from "./trace-log";
import {
  DROP_REASONS, type DropReason, FATE_DELIVERED, FATE_DROPPED, K_DELIVER, K_DROP, K_HELD, K_RECORD, MESSAGE_FATES,
  type MessageFate, TRACE_KINDS, type TraceKind,
} from "./trace-kinds";

export { DROP_REASONS, type DropReason, MESSAGE_FATES, type MessageFate, TRACE_KINDS, type TraceKind } from "./trace-kinds";

/** One trace event as a tidy row. Fields that do not apply are null. */
export interface TraceRow {
  /** Position in the trace (0-based). */
  seq: number;
  /** Virtual time in ms. */
  t: number;
  kind: TraceKind;
  /** The node where the event happens (the sender for send/duplicate, the receiver for deliver/drop/held). */
  node: string | null;
  from: string | null;
  to: string | null;
  msgId: number | null;
  /** Message label (payload.type, or the payload if it is a string), timer tag, record kind, or fault label. */
  label: string | null;
  /** Drop reason, for kind "drop". */
  reason: DropReason | null;
  /** Detail given to ctx.record(kind, detail), or the groups of a partition. */
  detail: unknown;
}

/** One message copy as a row (feeds space-time diagrams). */
export interface MessageRow {
  /** Message id (1-based, in send order; a duplicate copy gets its own id). */
  id: number;
  from: string;
  to: string;
  sendMs: number;
  /** When the receiver handled it; null if it was not delivered. */
  deliverMs: number | null;
  /** When it was dropped; null if not dropped. */
  dropMs: number | null;
  fate: MessageFate;
  /** True for a copy made by the network's duplication. */
  duplicate: boolean;
  /** For a duplicate, the id of the original; otherwise null. */
  copyOf: number | null;
  /** True for a copy the network corrupted (network corruptRate): `payload` is what arrives, altered. */
  corrupted: boolean;
  label: string;
  payload: unknown;
}

/** One state change a node recorded with `ctx.record(kind, detail)`. */
export interface RecordRow<D = unknown> {
  /** Position in the trace (0-based). */
  seq: number;
  /** Virtual time in ms. */
  t: number;
  /** The node that recorded it. */
  node: string;
  /** The kind given to ctx.record. */
  kind: string;
  /** The detail given to ctx.record (a JSON copy; null when none was given). */
  detail: D;
}

/** Event and message counts. Conservation: sent + duplicated = delivered + dropped + inFlight. */
export interface TraceSummary {
  events: number;
  endMs: number;
  sent: number;
  duplicated: number;
  delivered: number;
  dropped: number;
  /** Copies not yet delivered or dropped (including held ones). */
  inFlight: number;
  /** Copies currently queued on held links (part of inFlight). */
  held: number;
  drops: Record<DropReason, number>;
  timers: number;
  crashes: number;
  recoveries: number;
  records: number;
}

/** A read-only view of a simulation's trace; it stays live while the world keeps running. */
export class Trace {
  private readonly log: TraceLog;

  /** @internal Made by the world; the log's type stays out of the public API. */
  constructor(log: object) {
    this.log = log as TraceLog;
  }

  /** Number of events recorded. */
  get length(): number {
    return this.log.kind.length;
  }

  /** The node names, in the order given to createWorld. */
  get nodes(): readonly string[] {
    return this.log.names;
  }

  /** One tidy row per event, in the order they happened. */
  rows(): TraceRow[] {
    const L = this.log, out: TraceRow[] = [];
    for (let i = 0; i < L.kind.length; i++) out.push(this.row(i));
    return out;
  }

  /** The i-th event as a row. */
  row(i: number): TraceRow {
    const L = this.log, names = L.names, S = L.strings.values;
    const code = L.kind.data[i], kind = TRACE_KINDS[code];
    const node = L.node.data[i], peer = L.peer.data[i], msg = L.msg.data[i];
    const label = L.label.data[i], reason = L.reason.data[i];
    const receiverSide = code === K_DELIVER || code === K_DROP || code === K_HELD;
    const a = node >= 0 ? names[node] : null, b = peer >= 0 ? names[peer] : null;
    const detail = L.details.get(i);
    return {
      seq: i, t: L.time.data[i], kind, node: a,
      from: b === null ? null : receiverSide ? b : a,
      to: b === null ? null : receiverSide ? a : b,
      msgId: msg > 0 ? msg : null,
      label: label >= 0 ? S[label] : null,
      reason: reason >= 0 ? DROP_REASONS[reason] : null,
      detail: detail === undefined ? null : JSON.parse(detail),
    };
  }

  /**
   * The state changes nodes recorded with `ctx.record`, in the order they happened: all of them, or
   * only those of the given kinds. This is the one way results leave a protocol run: logs, latencies,
   * lock times and outcomes are all derived from these rows.
   * @example trace.records<{ command: string }>("execute").map((r) => `${r.node} ${r.detail.command}`)
   */
  records<D = unknown>(...kinds: string[]): RecordRow<D>[] {
    const L = this.log, S = L.strings.values, out: RecordRow<D>[] = [];
    const want = kinds.length === 0 ? null : new Set(kinds);
    for (let i = 0; i < L.kind.length; i++) {
      if (L.kind.data[i] !== K_RECORD) continue;
      const kind = S[L.label.data[i]];
      if (want !== null && !want.has(kind)) continue;
      const detail = L.details.get(i);
      out.push({ seq: i, t: L.time.data[i], node: L.names[L.node.data[i]], kind, detail: (detail === undefined ? null : JSON.parse(detail)) as D });
    }
    return out;
  }

  /** One row per message copy, in id order. */
  messages(): MessageRow[] {
    const L = this.log, names = L.names, S = L.strings.values, out: MessageRow[] = [];
    for (let id = 1; id < L.mFrom.length; id++) {
      const fate = L.mFate.data[id], end = L.mEnd.data[id], copyOf = L.mCopyOf.data[id];
      out.push({
        id, from: names[L.mFrom.data[id]], to: names[L.mTo.data[id]], sendMs: L.mSend.data[id],
        deliverMs: fate === FATE_DELIVERED ? end : null,
        dropMs: fate >= FATE_DROPPED ? end : null,
        fate: MESSAGE_FATES[fate], duplicate: copyOf > 0, copyOf: copyOf > 0 ? copyOf : null, corrupted: L.corrupted.has(id),
        label: S[L.mLabel.data[id]], payload: L.payloads[id],
      });
    }
    return out;
  }

  /** Counts of events and message fates. */
  summary(): TraceSummary {
    const L = this.log, c = L.counts;
    const drops = {} as Record<DropReason, number>;
    DROP_REASONS.forEach((r, i) => (drops[r] = L.drops[i]));
    return {
      events: L.kind.length, endMs: L.endMs, sent: c.sent, duplicated: c.duplicated, delivered: c.delivered,
      dropped: c.dropped, inFlight: c.sent + c.duplicated - c.delivered - c.dropped, held: c.held, drops,
      timers: c.timers, crashes: c.crashes, recoveries: c.recoveries, records: c.records,
    };
  }

  /** A stable 53-bit fingerprint (14 hex digits) of every event: kind, time, nodes, message, label, detail. */
  hash(): string {
    const L = this.log, S = L.strings.values, h = new Hash53();
    for (const name of L.names) h.str(name);
    for (let i = 0; i < L.kind.length; i++) {
      h.int(L.kind.data[i]).num(L.time.data[i]).int(L.node.data[i]).int(L.peer.data[i]).int(L.msg.data[i])
        .int(L.reason.data[i]);
      const label = L.label.data[i];
      h.str(label >= 0 ? S[label] : "");
      const d = L.details.get(i);
      if (d !== undefined) h.str(d);
    }
    return h.hex();
  }
}
