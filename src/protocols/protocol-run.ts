/**
 * What a protocol run returns besides its own numbers: its trace, and the same run forked with one
 * intervention. Every result is read from the trace alone (the one result channel), so a forked run
 * is read exactly like the original. This file is the one place where a protocol run is forked.
 */
import type { NodeHandlers } from "../sim/context";
import type { RunOptions } from "../sim/kernel";
import type { Intervention, WorldOptions } from "../sim/options";
import type { Trace } from "../sim/trace";
import { createWorld, type World } from "../sim/world";

/** The part every protocol result shares: the trace, and forking. */
export interface ProtocolRun<R> {
  /** Everything that happened in the run: messages, timers and the state changes nodes recorded. */
  trace: Trace;
  /**
   * The same run (same seed, same options) with one more intervention, read the same way: drop or
   * delay one message by id, or add a fault such as `{ at: 30, crash: "s1" }`.
   * @example const dropped = run.fork({ dropMessage: run.trace.messages()[1].id }); dropped.trace
   */
  fork(intervention: Intervention): R;
}

/**
 * A protocol's nodes and their handlers, as createWorld and checkProtocol take them (each protocol's
 * `xNodes(options)` returns this; its `runX` runs exactly these handlers).
 */
export interface ProtocolNodes {
  /** Node names, clients (u1, u2, ...) first. */
  nodes: string[];
  /** The handlers of each node, by name. */
  handlers: Record<string, NodeHandlers<unknown, unknown>>;
}

/** The numbers of a result, without its trace and fork. */
export type Outcome<R> = Omit<R, keyof ProtocolRun<R>>;

/**
 * @internal Builds the world, runs it (to the end, or to `run.untilMs`) and reads the result from its
 * trace with `read`; the result's fork() replays the world with one more intervention and reads it
 * with the same `read`.
 */
export function runProtocol<R extends ProtocolRun<R>>(world: WorldOptions, read: (trace: Trace) => Outcome<R>, run: RunOptions = {}): R {
  return runWorld(createWorld(world), read, run);
}

function runWorld<R extends ProtocolRun<R>>(world: World, read: (trace: Trace) => Outcome<R>, run: RunOptions): R {
  const trace = world.run(run);
  const fork = (intervention: Intervention): R => runWorld(world.fork(intervention), read, run);
  return { ...read(trace), trace, fork } as unknown as R;
}
