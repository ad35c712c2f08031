/**
 * The running world behind {@link World}: the kernel, the network, the timers, the node contexts and
 * the trace log wired together, and the dispatch of each event to the handlers of its node (init,
 * onMessage, onTimer, onRecover). World is its public face; nothing outside src/sim/ sees this class.
 * It is the {@link NodeHost} of the node contexts and the {@link FaultHost} of the fault schedule.
 */
import { checkKnownName, fail } from "../validate";
import type { Message } from "./context";
import { applyFault, type FaultHost } from "./faults";
import { Kernel } from "./kernel";
import { Network } from "./network";
import { NodeCtx, type NodeHost } from "./node-context";
import type { WorldConfig } from "./options";
import { Timers } from "./timers";
import { K_RECORD, K_TIMER } from "./trace-kinds";
import { TraceLog } from "./trace-log";

/** @internal */
export class WorldRuntime implements NodeHost, FaultHost {
  readonly kernel: Kernel;
  readonly log: TraceLog;
  readonly net: Network;
  readonly up: Uint8Array;
  readonly timers: Timers;
  private readonly ctxs: NodeCtx[];
  /** 1 once the node's init ran (a recovery before that runs init, not onRecover). */
  private readonly initialized: Uint8Array;
  private readonly onInitEvent: number;

  constructor(private readonly cfg: WorldConfig) {
    const n = cfg.nodes.length;
    this.kernel = new Kernel({ maxEvents: cfg.maxEvents });
    this.log = new TraceLog(cfg.nodes);
    this.up = new Uint8Array(n).fill(1);
    this.initialized = new Uint8Array(n);
    this.net = new Network(cfg, this.kernel, this.log, this.up, (id) => this.handOver(id));
    this.ctxs = cfg.nodes.map((name, i) => new NodeCtx(this, i, name));
    this.timers = new Timers(this.kernel, cfg.speeds, this.up, (node, tag) => this.fireTimer(node, tag));
    const onFaultEvent = this.kernel.register((i) => applyFault(this, cfg.faults[i]));
    this.onInitEvent = this.kernel.register((i) => this.initNode(i));
    cfg.faults.forEach((f, i) => this.kernel.at(f.at, onFaultEvent, i));
  }

  get seed(): WorldConfig["seed"] { return this.cfg.seed; }
  get nodes(): readonly string[] { return this.cfg.nodes; }
  get now(): number { return this.kernel.now; }

  /** Schedules every node's init now, after the faults already scheduled (called by the first run). */
  start(): void {
    const h = this.cfg.handlers;
    for (let i = 0; i < h.length; i++) if (h[i]) this.kernel.at(this.kernel.now, this.onInitEvent, i);
  }

  /** Node index for a name, or a RangeError naming the known nodes. */
  index(param: string, name: unknown): number {
    const i = typeof name === "string" ? this.cfg.nodes.indexOf(name) : -1;
    return i >= 0 ? i : this.cfg.nodes.indexOf(checkKnownName(param, name, this.cfg.nodes));
  }

  context(node: number): NodeCtx {
    return this.ctxs[node];
  }

  send(from: number, to: string, payload: unknown): number {
    return this.net.send(from, this.index("send(to)", to), payload);
  }

  setTimer(node: number, delayMs: number, tag: unknown): number { return this.timers.set(node, delayMs, tag); }
  cancelTimer(id: number): boolean { return this.timers.cancel(id); }

  record(node: number, kind: string, detail: unknown): void {
    if (typeof kind !== "string") fail("record(kind)", kind, "a string");
    const log = this.log;
    log.counts.records++;
    const e = log.event(K_RECORD, this.kernel.now, node, -1, 0, log.strings.id(kind));
    if (detail !== undefined) log.details.set(e, JSON.stringify(detail));
  }

  resetVolatile(node: number): void {
    this.ctxs[node].state = {};
  }

  startNode(i: number, recovering: boolean): void {
    const h = this.cfg.handlers[i];
    if (!h) return;
    const first = !this.initialized[i];
    this.initialized[i] = 1;
    const fn = recovering && !first ? h.onRecover ?? h.init : h.init;
    if (fn) fn.call(h, this.ctxs[i]);
  }

  private initNode(i: number): void {
    if (this.up[i] && !this.initialized[i]) this.startNode(i, false);
  }

  private fireTimer(node: number, tag: unknown): void {
    const log = this.log;
    log.counts.timers++;
    log.event(K_TIMER, this.kernel.now, node, -1, 0, log.strings.id(tag === undefined ? "" : String(tag)));
    const h = this.cfg.handlers[node];
    if (h && h.onTimer) h.onTimer(this.ctxs[node], tag);
  }

  private handOver(id: number): void {
    const log = this.log;
    const to = log.mTo.data[id];
    const h = this.cfg.handlers[to];
    if (!h || !h.onMessage) return;
    const names = this.cfg.nodes;
    const msg: Message = { id, from: names[log.mFrom.data[id]], to: names[to], payload: log.payloads[id], sentMs: log.mSend.data[id] };
    h.onMessage(this.ctxs[to], msg);
  }
}
