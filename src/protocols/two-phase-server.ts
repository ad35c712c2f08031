/**
 * The server of the two-phase protocol: a lock manager with a log. A server grants its lock to one
 * client attempt at a time and refuses (or, with `queueing`, queues) the others; it executes a
 * command only for the attempt holding its lock, then releases it. Lock, queue and the set of
 * executed commands are persistent state, so a server that crashes still holds its lock when it
 * recovers.
 */
import type { NodeContext, NodeHandlers } from "../sim/context";
import type { TwoPhaseMessage, TwoPhaseRecordDetails } from "./two-phase-messages";

/** A client attempt that holds or waits for a lock. */
interface LockRequest { client: string; attempt: number }

/** A server's persistent state (its disk). */
interface LockServerDisk {
  /** Who holds the lock (undefined: free). */
  holder: LockRequest | undefined;
  /** With queueing: requests waiting for the lock, in arrival order. */
  queue: LockRequest[];
  /** Commands executed (a resent `cmd` is acknowledged, not executed again). */
  done: Set<string>;
}

type Ctx = NodeContext<unknown, TwoPhaseMessage>;
const diskOf = (ctx: Ctx) => ctx.persistent as LockServerDisk;
const record = <K extends keyof TwoPhaseRecordDetails>(ctx: Ctx, kind: K, detail: TwoPhaseRecordDetails[K]) => ctx.record(kind, detail);

/** The handlers of one two-phase server (records "lock", "unlock" and "execute"). */
export function lockServer(queueing: boolean): NodeHandlers<unknown, TwoPhaseMessage> {
  const grant = (ctx: Ctx, client: string, attempt: number) => {
    diskOf(ctx).holder = { client, attempt };
    record(ctx, "lock", { client, attempt });
    ctx.send(client, { type: "grant", attempt });
  };
  const unlock = (ctx: Ctx, holder: LockRequest) => {
    const p = diskOf(ctx);
    record(ctx, "unlock", { client: holder.client });
    p.holder = undefined;
    const next = p.queue.shift();
    if (next !== undefined) grant(ctx, next.client, next.attempt);
  };
  return {
    init(ctx) {
      const disk: LockServerDisk = { holder: undefined, queue: [], done: new Set() };
      Object.assign(ctx.persistent, disk);
    },
    onRecover() { /* lock, queue and executed commands are persistent: nothing to rebuild */ },
    onMessage(ctx, msg) {
      const p = diskOf(ctx), m = msg.payload, from = msg.from;
      if (m.type === "lock") {
        // Phase 1: grant the lock if it is free, else refuse (or queue) the request.
        if (p.holder === undefined) grant(ctx, from, m.attempt);
        // A client runs one attempt at a time: a new attempt from the holder means its old one is
        // over (its release may have been dropped while this server was down), so the lock moves on.
        else if (p.holder.client === from && p.holder.attempt <= m.attempt) {
          p.holder.attempt = m.attempt;
          ctx.send(from, { type: "grant", attempt: m.attempt });
        }
        else if (queueing) p.queue.push({ client: from, attempt: m.attempt });
        else ctx.send(from, { type: "refuse", attempt: m.attempt });
      } else if (m.type === "release") {
        // The client gave up this attempt: free the lock, or forget its queued request.
        if (p.holder !== undefined && p.holder.client === from && p.holder.attempt === m.attempt) unlock(ctx, p.holder);
        else p.queue = p.queue.filter((q) => !(q.client === from && q.attempt === m.attempt));
      } else if (m.type === "cmd") {
        // Phase 2: execute the command of the attempt holding the lock, release the lock, acknowledge.
        if (!p.done.has(m.id)) {
          // Phase 2 only reaches a server that granted this very attempt, and the lock stays until now.
          if (p.holder === undefined || p.holder.client !== from || p.holder.attempt !== m.attempt) return;
          p.done.add(m.id);
          record(ctx, "execute", { id: m.id, client: from });
          unlock(ctx, p.holder);
        }
        ctx.send(from, { type: "ack", id: m.id });
      }
    },
  };
}
