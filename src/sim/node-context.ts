/**
 * The context a node's handlers receive (`ctx`): one object per node, reused for every event. It reads
 * the clock and sends, sets timers and records through the world that owns it.
 */
import { createRng, type Rng } from "../random/rng";
import { fail } from "../validate";
import type { NodeContext } from "./context";
import type { World } from "./world";

/** @internal The per-node context object (one per node, reused for every event). */
export class NodeCtx implements NodeContext {
  state: any = {};
  persistent: Record<string, any> = {};
  private rngLazy: Rng | undefined = undefined;
  constructor(private readonly world: World, readonly index: number, readonly name: string) {}
  /** Back to a new node's context: empty state and persistent state, stream not yet seeded. */
  reset(): void {
    this.state = {};
    for (const _ in this.persistent) { this.persistent = {}; break; }
    this.rngLazy = undefined;
  }
  /** The node's stream `node:<name>`, seeded on first use (it depends only on the seed and the name). */
  get rng(): Rng { return this.rngLazy ??= createRng(this.world.cfg.seed, `node:${this.name}`); }
  get now(): number { return this.world.kernel.now; }
  get nodes(): readonly string[] { return this.world.cfg.nodes; }
  send(to: string, payload: unknown): number {
    return this.world.net.send(this.index, this.world.index("send(to)", to), payload);
  }
  broadcast(payload: unknown, to?: readonly string[]): number[] {
    const targets = to ?? this.world.cfg.nodes.filter((n) => n !== this.name);
    if (!Array.isArray(targets)) fail("broadcast(to)", to, "an array of node names");
    return targets.map((t) => this.send(t, payload));
  }
  setTimer(delayMs: number, tag?: unknown): number { return this.world.timers.set(this.index, delayMs, tag); }
  cancelTimer(id: number): boolean { return this.world.timers.cancel(id); }
  record(kind: string, detail?: unknown): void { this.world.record(this.index, kind, detail); }
}
