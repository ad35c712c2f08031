/**
 * Applies one scheduled fault to a running world, and records it in the trace. Crashing a crashed
 * node or recovering an up node does nothing (and records nothing).
 */
import type { NormalFault } from "./fault-options";
import type { Network } from "./network";
import type { Timers } from "./timers";
import { K_BLOCK, K_CRASH, K_HEAL, K_HOLD, K_PARTITION, K_RECOVER, K_RELEASE, K_UNBLOCK } from "./trace-kinds";
import type { TraceLog } from "./trace-log";

/** @internal What applying a fault touches; the world's runtime implements it. Nodes are indices. */
export interface FaultHost {
  /** Current virtual time in ms. */
  readonly now: number;
  readonly nodes: readonly string[];
  readonly log: TraceLog;
  readonly net: Network;
  readonly timers: Timers;
  /** 1 where the node is up. */
  readonly up: Uint8Array;
  /** Replaces the node's volatile state by a fresh `{}`. */
  resetVolatile(node: number): void;
  /** Runs the node's init (first start) or onRecover handler. */
  startNode(node: number, recovering: boolean): void;
}

const LINK_KINDS = { block: K_BLOCK, unblock: K_UNBLOCK, hold: K_HOLD, release: K_RELEASE } as const;

/** @internal */
export function applyFault(world: FaultHost, f: NormalFault): void {
  const log = world.log, now = world.now, n = world.nodes.length;
  const net = world.net;
  switch (f.verb) {
    case "crash": {
      if (!world.up[f.node]) return;
      world.up[f.node] = 0;
      world.timers.bumpEpoch(f.node);
      log.counts.crashes++;
      log.event(K_CRASH, now, f.node, -1, 0, -1);
      return;
    }
    case "recover": {
      if (world.up[f.node]) return;
      world.up[f.node] = 1;
      if (!f.keepVolatile) world.resetVolatile(f.node);
      log.counts.recoveries++;
      log.event(K_RECOVER, now, f.node, -1, 0, f.keepVolatile ? log.strings.id("keepVolatile") : -1);
      world.startNode(f.node, true);
      return;
    }
    case "partition": {
      for (let a = 0; a < f.groups.length; a++) {
        for (let b = 0; b < f.groups.length; b++) {
          if (a === b) continue;
          for (const x of f.groups[a]) for (const y of f.groups[b]) net.blocked[x * n + y] = 1;
        }
      }
      const names = f.groups.map((g) => g.map((i) => world.nodes[i]));
      const e = log.event(K_PARTITION, now, -1, -1, 0, log.strings.id(names.map((g) => g.join(",")).join(" | ")));
      log.details.set(e, JSON.stringify(names));
      return;
    }
    case "heal": {
      net.blocked.fill(0);
      log.event(K_HEAL, now, -1, -1, 0, -1);
      return;
    }
    default: {
      const kind = LINK_KINDS[f.verb];
      for (const x of f.from) {
        for (const y of f.to) {
          const link = x * n + y;
          if (f.verb === "block") net.blocked[link] = 1;
          else if (f.verb === "unblock") net.blocked[link] = 0;
          else if (f.verb === "hold") net.held[link] = 1;
          else net.release(link);
          log.event(kind, now, x, y, 0, -1);
        }
      }
    }
  }
}
