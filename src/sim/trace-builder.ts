/**
 * @internal A trace written event by event by something other than a running world: the model
 * checker's counterexamples (src/check/protocol-trace.ts) replay a schedule step by step and write
 * each step here, so that the result is an ordinary {@link Trace} that the views draw. The events
 * and their codes are exactly the ones the world writes (trace-kinds.ts); times are whatever the
 * writer passes (the checker uses the step number).
 */
import { payloadLabel } from "./network";
import { Trace } from "./trace";
import {
  FATE_DELIVERED, FATE_DROPPED, K_CRASH, K_DELIVER, K_DROP, K_DUPLICATE, K_RECORD, K_RECOVER, K_SEND, K_TIMER,
  R_CRASHED, R_INTERVENTION, R_LOSS,
} from "./trace-kinds";
import { TraceLog } from "./trace-log";

/** Why a message left the network without being handled, as the checker sees it. */
export type BuiltDrop = "loss" | "crashed" | "intervention";
const REASON: Record<BuiltDrop, number> = { loss: R_LOSS, crashed: R_CRASHED, intervention: R_INTERVENTION };

/** @internal Writes a trace one event at a time; nodes are indices into `names`. */
export class TraceBuilder {
  private readonly log: TraceLog;
  constructor(readonly names: readonly string[]) {
    this.log = new TraceLog(names);
  }

  /** A message sent at time t; returns its id. */
  send(t: number, from: number, to: number, payload: unknown): number {
    const log = this.log, label = log.strings.id(payloadLabel(payload));
    const id = log.message(from, to, t, label, 0, payload);
    log.counts.sent++;
    log.event(K_SEND, t, from, to, id, label);
    return id;
  }

  /** The network made a second copy of message `id`; returns the copy's id. */
  duplicate(t: number, id: number): number {
    const log = this.log, from = log.mFrom.data[id], to = log.mTo.data[id], label = log.mLabel.data[id];
    const copy = log.message(from, to, t, label, id, log.payloads[id]);
    log.counts.duplicated++;
    log.event(K_DUPLICATE, t, from, to, copy, label);
    return copy;
  }

  /** Message `id` reached its (up) receiver, which handles it now. */
  deliver(t: number, id: number): void {
    const log = this.log;
    log.mFate.data[id] = FATE_DELIVERED;
    log.mEnd.data[id] = t;
    log.counts.delivered++;
    log.event(K_DELIVER, t, log.mTo.data[id], log.mFrom.data[id], id, log.mLabel.data[id]);
  }

  /** Message `id` was dropped. */
  drop(t: number, id: number, why: BuiltDrop): void {
    const log = this.log, reason = REASON[why];
    log.mFate.data[id] = FATE_DROPPED + reason;
    log.mEnd.data[id] = t;
    log.counts.dropped++;
    log.drops[reason]++;
    log.event(K_DROP, t, log.mTo.data[id], log.mFrom.data[id], id, log.mLabel.data[id], reason);
  }

  timer(t: number, node: number, tag: unknown): void {
    this.log.counts.timers++;
    this.log.event(K_TIMER, t, node, -1, 0, this.log.strings.id(tag === undefined ? "" : String(tag)));
  }

  crash(t: number, node: number): void {
    this.log.counts.crashes++;
    this.log.event(K_CRASH, t, node, -1, 0, -1);
  }

  recover(t: number, node: number): void {
    this.log.counts.recoveries++;
    this.log.event(K_RECOVER, t, node, -1, 0, -1);
  }

  record(t: number, node: number, kind: string, detail: unknown): void {
    const log = this.log;
    log.counts.records++;
    const e = log.event(K_RECORD, t, node, -1, 0, log.strings.id(kind));
    if (detail !== undefined) log.details.set(e, JSON.stringify(detail));
  }

  /** The finished trace; its end time is `endMs`. */
  finish(endMs: number): Trace {
    this.log.endMs = endMs;
    return new Trace(this.log);
  }
}
