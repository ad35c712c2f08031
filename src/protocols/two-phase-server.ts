/**
 * The server of the two-phase protocol: a lock manager with a log. A server grants its lock to one
 * client attempt at a time and refuses (or, with `queueing`, queues) the others; it executes a
 * command only for the attempt holding its lock, then releases it. Lock, queue and log are persistent
 * state, so a server that crashes still holds its lock when it recovers.
 */
import type { NodeContext, NodeHandlers } from "../sim/context";

/** The handlers of one two-phase server (records "lock", "unlock" and "execute"). */
export function lockServer(queueing: boolean): NodeHandlers {
  const grant = (ctx: NodeContext, client: string, attempt: number) => {
    ctx.persistent.holder = { client, attempt };
    ctx.record("lock", { client, attempt });
    ctx.send(client, { type: "grant", attempt });
  };
  const unlock = (ctx: NodeContext) => {
    const p = ctx.persistent;
    ctx.record("unlock", { client: p.holder.client });
    p.holder = undefined;
    const next = p.queue.shift();
    if (next !== undefined) grant(ctx, next.client, next.attempt);
  };
  return {
    init(ctx) {
      const p = ctx.persistent;
      if (p.log === undefined) { p.log = []; p.done = new Set<string>(); p.queue = []; p.holder = undefined; }
    },
    onRecover() { /* locks, queue and log are persistent: nothing to rebuild */ },
    onMessage(ctx, msg) {
      const p = ctx.persistent, m = msg.payload, from = msg.from;
      if (m.type === "lock") {
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
        if (p.holder !== undefined && p.holder.client === from && p.holder.attempt === m.attempt) unlock(ctx);
        else p.queue = p.queue.filter((q: { client: string; attempt: number }) => !(q.client === from && q.attempt === m.attempt));
      } else if (m.type === "cmd") {
        if (!p.done.has(m.id)) {
          // Phase 2 only reaches a server that granted this very attempt, and the lock stays until now.
          if (p.holder === undefined || p.holder.client !== from || p.holder.attempt !== m.attempt) return;
          p.done.add(m.id);
          p.log.push(m.id);
          ctx.record("execute", { id: m.id });
          unlock(ctx);
        }
        ctx.send(from, { type: "ack", id: m.id });
      }
    },
  };
}
