/**
 * State replication with a serializer (primary-backup, master-slave). Clients send each command
 * only to the serializer S1, resending after a timeout. S1 puts new commands in a queue and handles
 * them one at a time: it executes the command, forwards it to every other server (resending to the
 * silent ones), and once every server acknowledged, acknowledges the client and starts the next one.
 * Because only one command is in flight at a time, every server executes the same sequence.
 * The price: two round trips per command, one command at a time, and a single point of failure.
 */
import type { NodeContext, NodeHandlers } from "../sim/context";
import {
  checkReplicationOptions, replicationClient, replicationNodes, replicationResult, replicationWorld,
  type ReplicationOptions, type ReplicationResult,
} from "./ack-replication";

/**
 * Runs state replication through the serializer S1 (same options and result as
 * {@link clientServerReplication}; crash the serializer with `faults: [{ at, crash: "S1" }]`).
 *
 * @example
 * serializerReplication({ seed: 42, clients: 3, servers: 3 }).diverged // always false
 */
export function serializerReplication(options: ReplicationOptions): ReplicationResult {
  const o = checkReplicationOptions("serializerReplication", options);
  const { clients, servers } = replicationNodes(o);
  const stats = { latencies: [] as number[], committed: 0, lastCommitMs: 0 };
  const primary = servers[0];
  const backups = servers.slice(1);
  const handlers: Record<string, NodeHandlers> = {};
  clients.forEach((c, i) => (handlers[c] = replicationClient(o, i, [primary], stats)));

  const execute = (ctx: NodeContext, id: string) => {
    const p = ctx.persistent;
    if (p.log === undefined) { p.log = []; p.seen = new Set<string>(); }
    if (p.seen.has(id)) return;
    p.seen.add(id);
    p.log.push(id);
    ctx.record("execute", { id });
  };
  const startNext = (ctx: NodeContext) => {
    const p = ctx.persistent;
    while (p.current === undefined && p.queue.length > 0) {
      const job = p.queue.shift();
      execute(ctx, job.id);
      if (backups.length === 0) { finish(ctx, job); continue; }
      p.current = { ...job, waiting: new Set(backups) };
      for (const b of backups) ctx.send(b, { type: "fwd", id: job.id });
      p.timer = ctx.setTimer(o.timeoutMs, "resend");
    }
  };
  const finish = (ctx: NodeContext, job: { id: string; client: string }) => {
    ctx.persistent.done.add(job.id);
    ctx.send(job.client, { type: "ack", id: job.id });
  };
  handlers[primary] = {
    init(ctx) {
      const p = ctx.persistent;
      p.queue = []; p.done = new Set<string>(); p.queued = new Set<string>(); p.current = undefined;
    },
    onRecover(ctx) {
      // The queue lives in persistent state: after a recovery the serializer resumes the command in
      // progress (resending it) and then the queue.
      const p = ctx.persistent;
      if (p.current !== undefined) {
        for (const b of p.current.waiting) ctx.send(b, { type: "fwd", id: p.current.id });
        p.timer = ctx.setTimer(o.timeoutMs, "resend");
      }
    },
    onMessage(ctx, msg) {
      const p = ctx.persistent;
      const pay = msg.payload;
      if (pay.type === "cmd") {
        if (p.done.has(pay.id)) ctx.send(msg.from, { type: "ack", id: pay.id });
        else if (!p.queued.has(pay.id)) {
          p.queued.add(pay.id);
          p.queue.push({ id: pay.id, client: msg.from });
          startNext(ctx);
        }
      } else if (pay.type === "fwd-ack" && p.current !== undefined && pay.id === p.current.id) {
        p.current.waiting.delete(msg.from);
        if (p.current.waiting.size > 0) return;
        ctx.cancelTimer(p.timer);
        const job = p.current;
        p.current = undefined;
        finish(ctx, job);
        startNext(ctx);
      }
    },
    onTimer(ctx) {
      const cur = ctx.persistent.current;
      if (cur === undefined) return;
      for (const b of cur.waiting) ctx.send(b, { type: "fwd", id: cur.id });
      ctx.persistent.timer = ctx.setTimer(o.timeoutMs, "resend");
    },
  };
  for (const b of backups) {
    handlers[b] = {
      onMessage(ctx, msg) {
        if (msg.payload.type !== "fwd") return;
        execute(ctx, msg.payload.id);
        ctx.send(msg.from, { type: "fwd-ack", id: msg.payload.id });
      },
    };
  }
  const world = replicationWorld(o, handlers);
  const trace = world.run({ untilMs: o.untilMs });
  return replicationResult(world, trace, clients, servers, o, stats);
}
