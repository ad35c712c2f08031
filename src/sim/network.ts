/**
 * The network: what happens to a message between ctx.send() and onMessage(). Decided at send time
 * (in this order): partition (link blocked) -> drop "partition"; loss -> drop "loss"; an
 * intervention -> drop "intervention"; otherwise the message travels for a delay drawn from the
 * link's distribution, and with the link's duplicateRate one extra copy travels with its own
 * independent delay; with the link's corruptRate a copy that travels is corrupted (its payload
 * altered, sim/corrupt.ts; a "corrupt" event follows its send or duplicate). On arrival: link blocked -> drop "partition"; link held -> queued until release;
 * receiver crashed -> drop "crashed"; else delivered. Random streams: "loss", "delay" (one loss draw
 * and one delay draw per message, always, so changing loss rates does not shift delays),
 * "duplicate", "processing" and "corrupt" (drawn only on links whose corruptRate is above 0, so a
 * world without corruption draws exactly what it drew before corruption existed).
 */
import { createRng, type Rng } from "../random/rng";
import { corruptPayload } from "./corrupt";
import type { Kernel } from "./kernel";
import type { WorldConfig } from "./options";
import {
  FATE_DELIVERED, FATE_DROPPED, FATE_HELD, FATE_IN_FLIGHT, K_CORRUPT, K_DELIVER, K_DROP, K_DUPLICATE, K_HELD, K_SEND,
  R_CRASHED, R_HELD_CRASHED, R_HELD_PARTITION, R_INTERVENTION, R_LOSS, R_PARTITION,
} from "./trace-kinds";
import type { TraceLog } from "./trace-log";

/** A short label for a payload: itself if a string or number, else its `type` (or `kind`) field. */
export function payloadLabel(payload: unknown): string {
  if (typeof payload === "string") return payload;
  if (typeof payload === "number" || typeof payload === "boolean") return String(payload);
  if (payload !== null && typeof payload === "object") {
    const p = payload as { type?: unknown; kind?: unknown };
    if (typeof p.type === "string") return p.type;
    if (typeof p.kind === "string") return p.kind;
  }
  return "";
}

/** @internal */
export class Network {
  /** 1 where the directed link from*n+to is blocked (partition or one-way block). */
  readonly blocked: Uint8Array;
  /** 1 where the directed link is held. */
  readonly held: Uint8Array;
  private readonly queues = new Map<number, number[]>();
  private readonly wasHeld = new Set<number>();
  private readonly lossRng: Rng;
  private readonly delayRng: Rng;
  // Created on first use: most worlds never duplicate nor add processing time, and seeding a stream
  // is a large part of creating a small world. A stream depends only on the seed and its name, so
  // creating it later draws exactly the same numbers.
  private dupRngLazy: Rng | undefined;
  private procRngLazy: Rng | undefined;
  private corruptRngLazy: Rng | undefined;
  private readonly arrive: number;
  private readonly n: number;

  constructor(
    private readonly cfg: WorldConfig,
    private readonly kernel: Kernel,
    private readonly log: TraceLog,
    private readonly up: Uint8Array,
    private readonly handOver: (id: number) => void,
  ) {
    this.n = cfg.nodes.length;
    this.blocked = new Uint8Array(this.n * this.n);
    this.held = new Uint8Array(this.n * this.n);
    this.lossRng = createRng(cfg.seed, "loss");
    this.delayRng = createRng(cfg.seed, "delay");
    this.arrive = kernel.register((id) => this.onArrive(id));
  }

  private get dupRng(): Rng {
    return this.dupRngLazy ??= createRng(this.cfg.seed, "duplicate");
  }

  private get corruptRng(): Rng {
    return this.corruptRngLazy ??= createRng(this.cfg.seed, "corrupt");
  }

  /** With the link's corruptRate, corrupts copy `id` as it leaves (no draw at all when the rate is 0). */
  private maybeCorrupt(id: number, link: number, from: number, to: number, label: number): void {
    const rate = this.cfg.corrupt[link];
    if (rate <= 0 || this.corruptRng.next() >= rate) return;
    const log = this.log;
    log.payloads[id] = corruptPayload(log.payloads[id], this.corruptRng);
    log.corrupted.add(id);
    log.event(K_CORRUPT, this.kernel.now, from, to, id, label);
  }

  private get procRng(): Rng {
    return this.procRngLazy ??= createRng(this.cfg.seed, "processing");
  }

  /** Sends one message; returns its id. `from` and `to` are validated node indices. */
  send(from: number, to: number, payload: unknown): number {
    const log = this.log, cfg = this.cfg, now = this.kernel.now;
    const link = from * this.n + to;
    const label = log.strings.id(payloadLabel(payload));
    const id = log.message(from, to, now, label, 0, payload);
    log.counts.sent++;
    log.event(K_SEND, now, from, to, id, label);
    const u = this.lossRng.next();
    let delay = cfg.delay[link](this.delayRng);
    if (this.blocked[link]) return this.drop(id, R_PARTITION), id;
    if (u < cfg.loss[link]) return this.drop(id, R_LOSS), id;
    if (cfg.drops.size > 0 && cfg.drops.has(id)) return this.drop(id, R_INTERVENTION), id;
    if (cfg.delays.size > 0) delay += cfg.delays.get(id) ?? 0;
    this.maybeCorrupt(id, link, from, to, label);
    this.travel(id, to, delay);
    const dupRate = cfg.dup[link];
    if (dupRate > 0 && this.dupRng.next() < dupRate) {
      const copy = log.message(from, to, now, label, id, payload);
      log.counts.duplicated++;
      log.event(K_DUPLICATE, now, from, to, copy, label);
      this.maybeCorrupt(copy, link, from, to, label);
      this.travel(copy, to, cfg.delay[link](this.dupRng));
    }
    return id;
  }

  /** Releases a held link: queued messages are handed over now, in arrival order. */
  release(link: number): void {
    this.held[link] = 0;
    const q = this.queues.get(link);
    if (!q) return;
    this.queues.delete(link);
    for (const id of q) {
      this.log.counts.held--;
      this.log.mFate.data[id] = FATE_IN_FLIGHT;
      this.wasHeld.add(id);
      this.kernel.after(0, this.arrive, id);
    }
  }

  private travel(id: number, to: number, delay: number): void {
    let t = delay > 0 ? delay : 0;
    const proc = this.cfg.processing;
    if (proc !== null) {
      const p = proc(this.procRng);
      if (p > 0) t += p / this.cfg.speeds[to];
    }
    this.kernel.after(t, this.arrive, id);
  }

  private onArrive(id: number): void {
    const log = this.log;
    const from = log.mFrom.data[id], to = log.mTo.data[id];
    const link = from * this.n + to;
    const held = this.wasHeld.size > 0 && this.wasHeld.delete(id);
    if (this.blocked[link]) return this.drop(id, held ? R_HELD_PARTITION : R_PARTITION);
    if (this.held[link]) {
      let q = this.queues.get(link);
      if (!q) this.queues.set(link, (q = []));
      q.push(id);
      log.counts.held++;
      log.mFate.data[id] = FATE_HELD;
      log.event(K_HELD, this.kernel.now, to, from, id, log.mLabel.data[id]);
      return;
    }
    if (!this.up[to]) return this.drop(id, held ? R_HELD_CRASHED : R_CRASHED);
    log.mFate.data[id] = FATE_DELIVERED;
    log.mEnd.data[id] = this.kernel.now;
    log.counts.delivered++;
    log.event(K_DELIVER, this.kernel.now, to, from, id, log.mLabel.data[id]);
    this.handOver(id);
  }

  private drop(id: number, reason: number): void {
    const log = this.log, now = this.kernel.now;
    log.mFate.data[id] = FATE_DROPPED + reason;
    log.mEnd.data[id] = now;
    log.counts.dropped++;
    log.drops[reason]++;
    log.event(K_DROP, now, log.mTo.data[id], log.mFrom.data[id], id, log.mLabel.data[id], reason);
  }
}
