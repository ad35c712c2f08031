/**
 * The trace's storage, written by the world as the simulation runs: parallel typed-array columns of
 * events and of messages, so that recording an event writes a few numbers instead of allocating an
 * object. {@link Trace} (trace.ts) is the read-only view over it.
 */
import { F64Column, I32Column, StringTable } from "./columns";

/** Kinds of trace events, in the order of their numeric codes. */
export const TRACE_KINDS = ["send", "deliver", "drop", "duplicate", "held", "timer", "crash", "recover",
  "record", "partition", "heal", "block", "unblock", "hold", "release"] as const;
/** A trace event kind. `held`: a message reached a held link and was queued; `hold`: a link was put on hold. */
export type TraceKind = (typeof TRACE_KINDS)[number];

/** Why a message was dropped. `held-then-*`: it was queued on a held link and dropped at release. */
export const DROP_REASONS = ["loss", "partition", "crashed", "held-then-partition", "held-then-crashed", "intervention"] as const;
/** A drop reason. */
export type DropReason = (typeof DROP_REASONS)[number];

/** Internal fate codes: 0 in flight, 1 held, 2 delivered, 3 + drop reason code. */
export const FATE_IN_FLIGHT = 0, FATE_HELD = 1, FATE_DELIVERED = 2, FATE_DROPPED = 3;

/** Internal columns written by the world. */
export class TraceLog {
  readonly strings = new StringTable();
  // events
  readonly kind = new I32Column();
  readonly time = new F64Column();
  readonly node = new I32Column();
  readonly peer = new I32Column();
  readonly msg = new I32Column();
  readonly label = new I32Column();
  readonly reason = new I32Column();
  readonly details = new Map<number, string>();
  // messages, indexed by id (index 0 unused)
  readonly mFrom = new I32Column();
  readonly mTo = new I32Column();
  readonly mSend = new F64Column();
  readonly mEnd = new F64Column();
  readonly mFate = new I32Column();
  readonly mCopyOf = new I32Column();
  readonly mLabel = new I32Column();
  readonly payloads: unknown[] = [undefined];
  readonly counts = { sent: 0, duplicated: 0, delivered: 0, dropped: 0, held: 0, timers: 0, crashes: 0, recoveries: 0, records: 0 };
  readonly drops = new Int32Array(DROP_REASONS.length);
  endMs = 0;
  /** Events that happened, kept as rows or not. */
  events = 0;

  /** @param keepEvents false for trace "counts": events are counted, not kept as rows */
  constructor(readonly names: readonly string[], readonly keepEvents = true) {
    for (const c of [this.mFrom, this.mTo, this.mFate, this.mCopyOf, this.mLabel]) c.push(-1);
    this.mSend.push(NaN);
    this.mEnd.push(NaN);
  }

  /** Empties the log, as if new (the columns keep their capacity). */
  reset(): void {
    // String ids never show (rows, messages and hash() use the strings), so the table is kept for
    // the next run unless it grew large (labels that differ from run to run).
    if (this.strings.values.length > 1024) this.strings.clear();
    this.kind.length = this.time.length = this.node.length = this.peer.length = 0;
    this.msg.length = this.label.length = this.reason.length = 0;
    if (this.details.size > 0) this.details.clear();
    this.events = 0;
    // message columns keep their unused entry 0
    this.mFrom.length = this.mTo.length = this.mSend.length = this.mEnd.length = 1;
    this.mFate.length = this.mCopyOf.length = this.mLabel.length = 1;
    if (this.payloads.length > 1) this.payloads.length = 1;
    const c = this.counts;
    c.sent = c.duplicated = c.delivered = c.dropped = c.held = c.timers = c.crashes = c.recoveries = c.records = 0;
    this.drops.fill(0);
    this.endMs = 0;
  }

  /**
   * Appends an event: `kind` indexes TRACE_KINDS, `label` is a string-table id or -1, `reason` indexes
   * DROP_REASONS or is -1. Message events store the receiver as `node` for deliver/drop/held and the
   * sender as `node` otherwise; `peer` is the other end, or -1. Returns the row's index, or -1 when
   * rows are not kept.
   */
  event(kind: number, t: number, node: number, peer: number, msg: number, label: number, reason = -1): number {
    this.events++;
    if (!this.keepEvents) return -1;
    this.reason.push(reason);
    this.time.push(t);
    this.node.push(node);
    this.peer.push(peer);
    this.msg.push(msg);
    this.label.push(label);
    return this.kind.push(kind);
  }

  /** Appends a message copy and returns its id. */
  message(from: number, to: number, t: number, label: number, copyOf: number, payload: unknown): number {
    this.mFrom.push(from);
    this.mTo.push(to);
    this.mSend.push(t);
    this.mEnd.push(NaN);
    this.mFate.push(FATE_IN_FLIGHT);
    this.mCopyOf.push(copyOf);
    this.mLabel.push(label);
    this.payloads.push(payload);
    return this.mFrom.length - 1;
  }
}
