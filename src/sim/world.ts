/**
 * The world a protocol runs in: named nodes with their handlers, the network, the fault schedule,
 * the trace. Everything is given to {@link createWorld} as options, so the same options always give
 * the same simulation.
 *
 * @example
 * const world = createWorld({ seed: 42, nodes: ["C", "S"], network: { delayMs: exponential(10), lossRate: 0.1 },
 *   handlers: {
 *     C: { init(ctx) { ctx.send("S", { type: "cmd" }); } },
 *     S: { onMessage(ctx, msg) { ctx.record("execute"); ctx.send(msg.from, { type: "ack" }); } },
 *   } });
 * const trace = world.run({ untilMs: 1000 });
 * trace.records("execute").length;
 */
import type { NodeContext } from "./context";
import type { RunOptions, StopReason } from "./kernel";
import { type Intervention, validateWorldOptions, type WorldOptions } from "./options";
import { Trace } from "./trace";
import { WorldRuntime } from "./world-runtime";

/** A simulated world. Create it with {@link createWorld}. */
export class World {
  /** The live trace of everything that happened so far. */
  readonly trace: Trace;
  /** Why the last run() returned (undefined before the first run). */
  lastStop: StopReason | undefined;
  private readonly runtime: WorldRuntime;
  private readonly options: WorldOptions;
  private started = false;
  private running = false;

  /** @internal Use {@link createWorld}. */
  constructor(options: WorldOptions) {
    this.runtime = new WorldRuntime(validateWorldOptions(options));
    this.options = options;
    this.trace = new Trace(this.runtime.log);
  }

  /** Current virtual time in ms. */
  get now(): number {
    return this.runtime.now;
  }

  /** Node names, in createWorld order. */
  get nodes(): readonly string[] {
    return this.runtime.nodes;
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
      this.runtime.start();
    }
    this.running = true;
    try {
      this.lastStop = this.runtime.kernel.run(options);
    } finally {
      this.running = false;
      this.runtime.log.endMs = this.runtime.now;
    }
    return this.trace;
  }

  /**
   * A new, unrun world with this world's options (seed, handlers, faults) plus the given
   * interventions: `{ dropMessage: k }`, `{ delayMessage: k, byMs }` or a fault entry such as
   * `{ at: 30, crash: "C" }`. Run it and compare with `diffTraces(world.trace, forked.trace)`.
   * @example const alt = world.fork({ dropMessage: 3 }).run();
   */
  fork(...interventions: Intervention[]): World {
    return new World({ ...this.options, interventions: [...(this.options.interventions ?? []), ...interventions] });
  }

  /** Whether `node` is up (not crashed) now. */
  isUp(node: string): boolean {
    return this.runtime.up[this.runtime.index("isUp(node)", node)] === 1;
  }

  /** The context of `node` (to inspect ctx.state / ctx.persistent after a run). */
  context(node: string): NodeContext {
    return this.runtime.context(this.runtime.index("context(node)", node));
  }
}

/** Builds a world from options (validated once). The same options always give the same simulation. */
export function createWorld(options: WorldOptions): World {
  return new World(options);
}
