/**
 * Applies one scheduled fault to a world, and records it in the trace. Crashing a crashed node or
 * recovering an up node does nothing (and records nothing).
 */
import type { NormalFault } from "./options";
import type { World } from "./world";

const K_CRASH = 6, K_RECOVER = 7, K_PARTITION = 9, K_HEAL = 10, K_BLOCK = 11, K_UNBLOCK = 12, K_HOLD = 13, K_RELEASE = 14;

/** @internal */
export function applyFault(world: World, f: NormalFault): void {
  const log = world.log, now = world.kernel.now, n = world.nodes.length;
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
      if (!f.keepVolatile) world.ctxs[f.node].state = {};
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
      const e = log.event(K_PARTITION, now, -1, -1, 0, log.strings.id(f.groups.map((g) => g.map((i) => world.nodes[i]).join(",")).join(" | ")));
      if (e >= 0) log.details.set(e, JSON.stringify(f.groups.map((g) => g.map((i) => world.nodes[i]))));
      return;
    }
    case "heal": {
      net.blocked.fill(0);
      log.event(K_HEAL, now, -1, -1, 0, -1);
      return;
    }
    default: {
      const kind = { block: K_BLOCK, unblock: K_UNBLOCK, hold: K_HOLD, release: K_RELEASE }[f.verb];
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
