/**
 * The context a node's handlers receive (`ctx`): one object per node, reused for every event. It reads
 * the clock and sends, sets timers and records through the {@link NodeHost} that owns it (the
 * world's runtime).
 */
import { createRng, type Rng, type Seed } from "../random/rng";
import { fail } from "../validate";
import type { NodeContext } from "./context";

/** @internal What a node's context needs from the world that runs it; `node` is a node index. */
export interface NodeHost {
  readonly seed: Seed;
  readonly nodes: readonly string[];
  /** Current virtual time in ms. */
  readonly now: number;
  /** Sends through the network; `to` is a node name (validated there). Returns the message id. */
  send(from: number, to: string, payload: unknown): number;
  setTimer(node: number, delayMs: number, tag: unknown): number;
  cancelTimer(id: number): boolean;
  record(node: number, kind: string, detail: unknown): void;
}

/** @internal The per-node context object (one per node, reused for every event). */
export class NodeCtx implements NodeContext {
  state: any = {};
  readonly persistent: Record<string, any> = {};
  private rngLazy: Rng | undefined = undefined;
  constructor(private readonly host: NodeHost, readonly index: number, readonly name: string) {}
  /** The node's stream `node:<name>`, seeded on first use (it depends only on the seed and the name). */
  get rng(): Rng { return this.rngLazy ??= createRng(this.host.seed, `node:${this.name}`); }
  get now(): number { return this.host.now; }
  get nodes(): readonly string[] { return this.host.nodes; }
  send(to: string, payload: unknown): number { return this.host.send(this.index, to, payload); }
  broadcast(payload: unknown, to?: readonly string[]): number[] {
    const targets = to ?? this.host.nodes.filter((n) => n !== this.name);
    if (!Array.isArray(targets)) fail("broadcast(to)", to, "an array of node names");
    return targets.map((t) => this.send(t, payload));
  }
  setTimer(delayMs: number, tag?: unknown): number { return this.host.setTimer(this.index, delayMs, tag); }
  cancelTimer(id: number): boolean { return this.host.cancelTimer(id); }
  record(kind: string, detail?: unknown): void { this.host.record(this.index, kind, detail); }
}
