/**
 * The trace's storage, written by the world as the simulation runs: parallel typed-array columns of
 * events and of messages, so that recording an event writes a few numbers instead of allocating an
 * object. {@link Trace} (trace.ts) is the read-only view over it.
 */
import { F64Column, I32Column, StringTable } from "./columns";
import { DROP_REASONS, FATE_IN_FLIGHT } from "./trace-kinds";

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
  /** Ids of the copies that travel corrupted (their entry in `payloads` is the altered payload). */
  readonly corrupted = new Set<number>();
  readonly counts = { sent: 0, duplicated: 0, delivered: 0, dropped: 0, held: 0, timers: 0, crashes: 0, recoveries: 0, records: 0 };
  readonly drops = new Int32Array(DROP_REASONS.length);
  endMs = 0;

  constructor(readonly names: readonly string[]) {
    for (const c of [this.mFrom, this.mTo, this.mFate, this.mCopyOf, this.mLabel]) c.push(-1);
    this.mSend.push(NaN);
    this.mEnd.push(NaN);
  }

  /**
   * Appends an event: `kind` is a K_* code of trace-kinds.ts, `label` is a string-table id or -1,
   * `reason` an R_* code or -1. Message events store the receiver as `node` for deliver/drop/held and
   * the sender as `node` otherwise; `peer` is the other end, or -1. Returns the row's index.
   */
  event(kind: number, t: number, node: number, peer: number, msg: number, label: number, reason = -1): number {
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
