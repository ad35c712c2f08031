/**
 * What a protocol sees: the handlers it implements ({@link NodeHandlers}) and the context object
 * ({@link NodeContext}) each handler receives.
 */
import type { Rng } from "../random/rng";

/** A message as delivered to onMessage. */
export interface Message<P = any> {
  /** Unique id of this copy (1-based, in send order); a network duplicate has its own id. */
  id: number;
  from: string;
  to: string;
  payload: P;
  /** When it was sent, in ms. */
  sentMs: number;
}

/**
 * The handle a node's code uses to act on the world. One context per node; `state` is replaced by
 * a fresh `{}` when the node recovers from a crash (unless keepVolatile), so read it through
 * `ctx.state` each time instead of keeping a reference.
 */
export interface NodeContext<S = any, P = any> {
  /** Current virtual time in ms (global; the same for every node). */
  readonly now: number;
  /** This node's name. */
  readonly name: string;
  /** Every node name in the world, in createWorld order. */
  readonly nodes: readonly string[];
  /** Volatile state: lost on crash-recovery unless the recovery says keepVolatile. Starts as {}. */
  state: S;
  /** Persistent state (think: disk). Survives crashes. Starts as {}. */
  readonly persistent: Record<string, any>;
  /** This node's own random stream (independent of the network's and other nodes'). */
  readonly rng: Rng;
  /**
   * Sends `payload` to node `to` through the network (loss, delay, duplication, partitions, holds).
   * Returns the message id. The trace labels the message with `payload.type` (or the payload if it
   * is a string or number).
   */
  send(to: string, payload: P): number;
  /** Sends `payload` to each node in `to` (default: every other node). Returns the message ids. */
  broadcast(payload: P, to?: readonly string[]): number[];
  /**
   * Calls onTimer(ctx, tag) after `delayMs` of this node's local time (that is, delayMs / speed of
   * virtual time). Returns a timer id for cancelTimer. Timers of a crashed node never fire.
   */
  setTimer(delayMs: number, tag?: unknown): number;
  /** Cancels a timer; returns false if it already fired or was cancelled. */
  cancelTimer(id: number): boolean;
  /** Records a state change in the trace (kind is the label; detail is stored as JSON). */
  record(kind: string, detail?: unknown): void;
}

/** The code of one node. Every handler is optional; a node without handlers just absorbs messages. */
export interface NodeHandlers<S = any, P = any> {
  /** Runs once at time 0 (or at the first recovery, if the node is crashed at time 0). */
  init?(ctx: NodeContext<S, P>): void;
  /** Runs for each message delivered to this node while it is up. */
  onMessage?(ctx: NodeContext<S, P>, msg: Message<P>): void;
  /** Runs when a timer set by this node fires. */
  onTimer?(ctx: NodeContext<S, P>, tag: any): void;
  /** Runs when the node recovers from a crash; defaults to init. */
  onRecover?(ctx: NodeContext<S, P>): void;
}
