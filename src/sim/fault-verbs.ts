/**
 * The fault verbs of a world: `world.crash("S", 40)`, `world.partition([["A"], ["B"]], 10)` and the
 * rest. Each schedules one fault entry, the same as writing it in `createWorld({ faults })`.
 */
import type { FaultEvent } from "./options";

type Nodes = string | string[];

/** @internal The base of World: each verb turns into one fault entry for {@link addFault}. */
export abstract class FaultVerbs {
  /** Current virtual time in ms. */
  abstract get now(): number;
  /** @internal Schedules one fault entry (validated there). */
  protected abstract addFault(f: FaultEvent): this;

  /** Crashes `node` at `atMs` (default now): it handles nothing until it recovers. */
  crash(node: string, atMs?: number): this { return this.addFault({ at: this.at(atMs), crash: node }); }
  /** Recovers `node` at `atMs`; volatile state is lost unless keepVolatile. */
  recover(node: string, atMs?: number, keepVolatile = false): this {
    return this.addFault({ at: this.at(atMs), recover: node, keepVolatile });
  }
  /** Splits the nodes into groups that cannot reach each other (both ways); unnamed nodes are unaffected. */
  partition(groups: string[][], atMs?: number): this { return this.addFault({ at: this.at(atMs), partition: groups }); }
  /** Removes every partition and one-way block. */
  heal(atMs?: number): this { return this.addFault({ at: this.at(atMs), heal: true }); }
  /** Blocks the directed links from -> to (one-way partition). */
  block(from: Nodes, to: Nodes, atMs?: number): this { return this.link("block", from, to, atMs); }
  /** Unblocks the directed links from -> to. */
  unblock(from: Nodes, to: Nodes, atMs?: number): this { return this.link("unblock", from, to, atMs); }
  /** Holds the directed links from -> to: arriving messages queue until release. */
  hold(from: Nodes, to: Nodes, atMs?: number): this { return this.link("hold", from, to, atMs); }
  /** Releases held links: queued messages are delivered now, in arrival order. */
  release(from: Nodes, to: Nodes, atMs?: number): this { return this.link("release", from, to, atMs); }

  private at(atMs: number | undefined): number {
    return atMs === undefined ? this.now : atMs;
  }

  private link(verb: "block" | "unblock" | "hold" | "release", from: Nodes, to: Nodes, atMs?: number): this {
    return this.addFault({ at: this.at(atMs), [verb]: { from, to } } as FaultEvent);
  }
}
