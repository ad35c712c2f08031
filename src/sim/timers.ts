/**
 * Node timers (`ctx.setTimer`, `ctx.cancelTimer`). A timer belongs to its node's epoch: a crash bumps
 * the epoch, so the timers a node set before it crashed never fire, even after it recovers. Timer ids
 * are small integers from 1, in the order timers were set.
 */
import { checkNonNegative } from "../validate";
import type { Kernel } from "./kernel";

/** @internal */
export class Timers {
  // By timer id (index 0 unused).
  private readonly node: number[] = [0];
  private readonly epochAt: number[] = [0];
  private readonly tag: unknown[] = [undefined];
  private readonly kernelId: number[] = [0];
  // By node.
  private readonly epoch: number[];
  private readonly onEvent: number;

  /** `fire(node, tag)` runs when a live timer of an up node expires. */
  constructor(
    private readonly kernel: Kernel,
    private readonly speeds: Float64Array,
    private readonly up: Uint8Array,
    private readonly fire: (node: number, tag: unknown) => void,
  ) {
    this.epoch = new Array(up.length).fill(0);
    this.onEvent = kernel.register((id) => this.expire(id));
  }

  /** Sets a timer of `node` for `delayMs` of its own time (divided by its speed); returns its id. */
  set(node: number, delayMs: number, tag: unknown): number {
    checkNonNegative("setTimer(delayMs)", delayMs);
    const id = this.node.length;
    this.node.push(node);
    this.epochAt.push(this.epoch[node]);
    this.tag.push(tag);
    this.kernelId.push(this.kernel.after(delayMs / this.speeds[node], this.onEvent, id));
    return id;
  }

  /** Cancels timer `id`; false if it already fired, was cancelled, or never existed. */
  cancel(id: number): boolean {
    if (!(id > 0 && id < this.kernelId.length)) return false;
    return this.kernel.cancel(this.kernelId[id]);
  }

  /** The node crashed: its pending timers are void. */
  bumpEpoch(node: number): void {
    this.epoch[node]++;
  }

  private expire(id: number): void {
    const node = this.node[id];
    if (!this.up[node] || this.epochAt[id] !== this.epoch[node]) return;
    this.fire(node, this.tag[id]);
  }
}
