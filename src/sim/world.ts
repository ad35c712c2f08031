/**
 * The world a protocol runs in: named nodes, the network, the fault schedule, the trace.
 *
 * @example
 * const world = createWorld({ seed: 42, nodes: ["C", "S"], network: { delayMs: exponential(10), lossRate: 0.1 } });
 * world.node("S", { onMessage(ctx, msg) { ctx.send(msg.from, { type: "ack" }); } });
 * world.node("C", { init(ctx) { ctx.send("S", { type: "cmd" }); } });
 * const trace = world.run({ untilMs: 1000 });
 */
import type { Seed } from "../random/rng";
import { checkKeys, checkKnownName, fail } from "../validate";
import type { Message, NodeContext, NodeHandlers } from "./context";
import { Kernel, RunOptions, StopReason } from "./kernel";
import { Network } from "./network";
import { FaultEvent, Intervention, LinkSelector, normalizeFault, NormalFault, validateWorldOptions, WorldConfig, WorldOptions } from "./options";
import { applyFault } from "./faults";
import { Trace } from "./trace";
import { TraceLog } from "./trace-log";
import { FaultVerbs } from "./fault-verbs";
import { NodeCtx } from "./node-context";
import { Timers } from "./timers";

const K_TIMER = 5, K_RECORD = 8;

/** A simulated world. Create it with {@link createWorld}. */
export class World extends FaultVerbs {
  /** The live trace of everything that happened so far. */
  readonly trace: Trace;
  /** Why the last run() returned (undefined before the first run). */
  lastStop: StopReason | undefined;
  /** @internal */ readonly cfg: WorldConfig;
  /** @internal */ readonly kernel: Kernel;
  /** @internal */ readonly log: TraceLog;
  /** @internal */ readonly net: Network;
  /** @internal 1 if the node is up. */ readonly up: Uint8Array;
  /** @internal */ readonly ctxs: NodeCtx[];
  /** @internal */ readonly handlers: (NodeHandlers | undefined)[];
  /** @internal */ readonly initialized: Uint8Array;
  private readonly options: WorldOptions;
  private readonly extraFaults: FaultEvent[] = [];
  /** @internal */ readonly timers: Timers;
  private readonly onFaultEvent: number;
  private readonly onInitEvent: number;
  private readonly faults: NormalFault[] = [];
  private started = false;
  private running = false;

  /**
   * Use {@link createWorld}, or {@link prepareWorld} for many worlds that differ only in their seed.
   * @param cfg options already validated by {@link prepareWorld} (internal)
   */
  constructor(options: WorldOptions, cfg?: WorldConfig) {
    super();
    this.cfg = cfg ?? validateWorldOptions(options);
    this.options = options;
    const n = this.cfg.nodes.length;
    this.kernel = new Kernel({ maxEvents: this.cfg.maxEvents });
    this.log = new TraceLog(this.cfg.nodes, this.cfg.keepEvents);
    this.trace = new Trace(this.log);
    this.up = new Uint8Array(n).fill(1);
    this.initialized = new Uint8Array(n);
    this.handlers = new Array(n).fill(undefined);
    this.net = new Network(this.cfg, this.kernel, this.log, this.up, (id) => this.handOver(id));
    this.ctxs = this.cfg.nodes.map((name, i) => new NodeCtx(this, i, name));
    this.timers = new Timers(this.kernel, this.cfg.speeds, this.up, (node, tag) => this.fireTimer(node, tag));
    this.onFaultEvent = this.kernel.register((i) => applyFault(this, this.faults[i]));
    this.onInitEvent = this.kernel.register((i) => this.initNode(i));
    for (const f of this.cfg.faults) this.scheduleFault(f);
    for (const [name, h] of Object.entries(options.handlers ?? {})) {
      if (cfg) this.handlers[this.cfg.nodes.indexOf(name)] = h as NodeHandlers; // checked by prepareWorld
      else this.node(name, h);
    }
  }

  /** Current virtual time in ms. */
  get now(): number {
    return this.kernel.now;
  }

  /** Node names, in createWorld order. */
  get nodes(): readonly string[] {
    return this.cfg.nodes;
  }

  /** Installs the code of node `name`. Call before the first run(); each node at most once. */
  node<S = any, P = any>(name: string, handlers: NodeHandlers<S, P>): this {
    const i = this.index("node(name)", name);
    if (this.started) throw new Error(`world.node(${JSON.stringify(name)}) must be called before run()`);
    if (this.handlers[i]) throw new Error(`node ${JSON.stringify(name)} already has handlers`);
    if (handlers === null || typeof handlers !== "object") fail(`node(${JSON.stringify(name)}) handlers`, handlers, "an object with init/onMessage/onTimer/onRecover");
    checkKeys(`node(${JSON.stringify(name)}) handlers`, handlers, ["init", "onMessage", "onTimer", "onRecover"]);
    this.handlers[i] = handlers as NodeHandlers;
    return this;
  }

  /**
   * Runs the simulation: until the time `untilMs` (events at exactly untilMs run; the clock ends at
   * untilMs), or after `maxEvents` more events, or until nothing is left to do. Can be called again
   * to continue. Throws if the world's hard limit (createWorld maxEvents) is exceeded. Returns the trace.
   */
  run(options: RunOptions = {}): Trace {
    if (this.running) throw new Error("world.run() cannot be called from inside a handler");
    if (!this.started) {
      this.started = true;
      for (let i = 0; i < this.handlers.length; i++) if (this.handlers[i]) this.kernel.at(this.kernel.now, this.onInitEvent, i);
    }
    this.running = true;
    try {
      this.lastStop = this.kernel.run(options);
    } finally {
      this.running = false;
      this.log.endMs = this.kernel.now;
    }
    return this.trace;
  }

  /** A new, unrun world with the same options, handlers and pre-run faults, plus one intervention. */
  fork(intervention: Intervention): World {
    const handlers: Record<string, NodeHandlers> = {};
    this.handlers.forEach((h, i) => { if (h) handlers[this.cfg.nodes[i]] = h; });
    return new World({
      ...this.options,
      seed: this.cfg.seed, // differs from options.seed in a world reset to a new seed
      faults: [...(this.options.faults ?? []), ...this.extraFaults],
      handlers,
      interventions: [...(this.options.interventions ?? []), intervention],
    });
  }

  /**
   * @internal Makes this world what `new World(options, cfg with seed)` would be: used by
   * {@link WorldTemplate.run} to reuse one world's memory from run to run. Handlers installed with
   * node() stay; faults added with crash(), partition() and the like are dropped.
   */
  reset(seed: Seed): void {
    if (this.running) throw new Error("a world cannot be reset from inside a handler");
    this.cfg.seed = seed;
    this.kernel.reset();
    this.log.reset();
    for (let i = 0; i < this.ctxs.length; i++) {
      this.up[i] = 1;
      this.initialized[i] = 0;
      this.ctxs[i].reset();
    }
    this.net.reset();
    this.timers.reset();
    // (setting an array's length is a runtime call in V8: only when there is something to drop)
    if (this.faults.length > 0) this.faults.length = 0;
    if (this.extraFaults.length > 0) this.extraFaults.length = 0;
    for (const f of this.cfg.faults) this.scheduleFault(f);
    this.started = false;
    this.lastStop = undefined;
  }

  /** Whether `node` is up (not crashed) now. */
  isUp(node: string): boolean {
    return this.up[this.index("isUp(node)", node)] === 1;
  }

  /** The context of `node` (to inspect ctx.state / ctx.persistent after a run). */
  context(node: string): NodeContext {
    return this.ctxs[this.index("context(node)", node)];
  }

  /** @internal Node index for a name, or a RangeError naming the known nodes. */
  index(param: string, name: unknown): number {
    const i = typeof name === "string" ? this.cfg.nodes.indexOf(name) : -1;
    return i >= 0 ? i : this.cfg.nodes.indexOf(checkKnownName(param, name, this.cfg.nodes));
  }

  /** @internal Runs a node's init or onRecover handler. */
  startNode(i: number, recovering: boolean): void {
    const h = this.handlers[i];
    if (!h) return;
    const first = !this.initialized[i];
    this.initialized[i] = 1;
    const fn = recovering && !first ? h.onRecover ?? h.init : h.init;
    if (fn) fn.call(h, this.ctxs[i]);
  }

  /** @internal */
  record(node: number, kind: string, detail: unknown): void {
    if (typeof kind !== "string") fail("record(kind)", kind, "a string");
    const log = this.log;
    log.counts.records++;
    const e = log.event(K_RECORD, this.kernel.now, node, -1, 0, log.strings.id(kind));
    if (detail !== undefined && e >= 0) log.details.set(e, JSON.stringify(detail));
  }

  private initNode(i: number): void {
    if (this.up[i] && !this.initialized[i]) this.startNode(i, false);
  }

  private fireTimer(node: number, tag: unknown): void {
    const log = this.log;
    log.counts.timers++;
    log.event(K_TIMER, this.kernel.now, node, -1, 0, log.strings.id(tag === undefined ? "" : String(tag)));
    const h = this.handlers[node];
    if (h && h.onTimer) h.onTimer(this.ctxs[node], tag);
  }

  private handOver(id: number): void {
    const log = this.log;
    const to = log.mTo.data[id];
    const h = this.handlers[to];
    if (!h || !h.onMessage) return;
    const msg: Message = { id, from: this.cfg.nodes[log.mFrom.data[id]], to: this.cfg.nodes[to], payload: log.payloads[id], sentMs: log.mSend.data[id] };
    h.onMessage(this.ctxs[to], msg);
  }

  protected addFault(f: FaultEvent): this {
    const verb = Object.keys(f).find((k) => k !== "at" && k !== "keepVolatile")!;
    this.scheduleFault(normalizeFault(`${verb}()`, f, this.cfg.nodes, this.kernel.now));
    if (!this.started) this.extraFaults.push(f);
    return this;
  }

  private scheduleFault(f: NormalFault): void {
    this.faults.push(f);
    this.kernel.at(f.at, this.onFaultEvent, this.faults.length - 1);
  }
}

/** Builds a world from options (validated once). The same options always give the same simulation. */
export function createWorld(options: WorldOptions): World {
  return new World(options);
}
