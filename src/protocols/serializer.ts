/**
 * State replication with a serializer (primary-backup, master-slave). Clients send each command
 * only to the serializer s1, resending after a timeout. s1 puts new commands in a queue and handles
 * them one at a time: it executes the command, forwards it to every other server (resending to the
 * silent ones), and once every server acknowledged, acknowledges the client and starts the next one.
 * Because only one command is in flight at a time, every server executes the same sequence.
 * The price: two round trips per command, one command at a time, and a single point of failure.
 * `serializer: handlers` runs your own code in place of s1's (the clients and backups stay).
 */
import type { NodeContext, NodeHandlers } from "../sim/context";
import { replicationClient } from "./state-replication-client";
import {
  checkReplicationOptions, executeOnce, replicationNodes, runReplication, type CheckedReplicationOptions, type ReplicationMessage,
  type ReplicationOptions, type ReplicationResult,
} from "./state-replication";
import type { ProtocolNodes } from "./protocol-run";
import { checkRoleHandlers } from "./role-handlers";

/** Options of {@link runSerializer}: the replication options, and your own serializer. */
export interface SerializerOptions extends ReplicationOptions {
  /**
   * Your own serializer: these handlers replace s1's. Clients send it `{ type: "cmd", id }` (and
   * resend it until they get `{ type: "ack", id }`); the backups s2, s3, ... execute every
   * `{ type: "fwd", id }` once and answer each copy with `{ type: "fwd-ack", id }`. s1 records each
   * of its own executions with `ctx.record("execute", { id })`. @defaultValue the stop-and-wait serializer
   */
  serializer?: NodeHandlers<unknown, ReplicationMessage>;
}

/** A command waiting at the serializer, with the client to acknowledge. */
interface Job { id: string; client: string }

/** The serializer's persistent state (its disk): after a crash it resumes where it stopped. */
interface SerializerDisk {
  /** Commands received and not yet handled, in arrival order. */
  queue: Job[];
  /** Commands ever queued (a resend of one of them is not queued again). */
  queued: Set<string>;
  /** Commands done: executed everywhere and acknowledged to their client. */
  done: Set<string>;
  /** The command being forwarded, with the backups that have not acknowledged it yet. */
  current: (Job & { waiting: Set<string> }) | undefined;
  /** The resend timer of the current command. */
  timer: number;
}

type Ctx = NodeContext<unknown, ReplicationMessage>;
const diskOf = (ctx: Ctx) => ctx.persistent as SerializerDisk;

/** The serializer's handlers, forwarding to `backups`. */
function serializer(o: CheckedReplicationOptions, backups: readonly string[]): NodeHandlers<unknown, ReplicationMessage> {
  const finish = (ctx: Ctx, job: Job) => {
    diskOf(ctx).done.add(job.id);
    ctx.send(job.client, { type: "ack", id: job.id });
  };
  // Take the next queued command: execute it here, then forward it to every backup.
  const startNext = (ctx: Ctx) => {
    const p = diskOf(ctx);
    while (p.current === undefined && p.queue.length > 0) {
      const job = p.queue.shift() as Job;
      executeOnce(ctx, job.id);
      if (backups.length === 0) { finish(ctx, job); continue; }
      p.current = { ...job, waiting: new Set(backups) };
      for (const b of backups) ctx.send(b, { type: "fwd", id: job.id });
      p.timer = ctx.setTimer(o.timeoutMs, "resend");
    }
  };
  const resend = (ctx: Ctx) => {
    const p = diskOf(ctx);
    if (p.current === undefined) return;
    for (const b of p.current.waiting) ctx.send(b, { type: "fwd", id: p.current.id });
    p.timer = ctx.setTimer(o.timeoutMs, "resend");
  };
  return {
    init(ctx) {
      const disk: SerializerDisk = { queue: [], queued: new Set(), done: new Set(), current: undefined, timer: -1 };
      Object.assign(ctx.persistent, disk);
    },
    // The queue lives on disk: after a recovery the serializer resumes the command in progress
    // (resending it to the backups that have not acknowledged it) and then the queue.
    onRecover: resend,
    onMessage(ctx, msg) {
      const p = diskOf(ctx), m = msg.payload;
      if (m.type === "cmd") {
        if (p.done.has(m.id)) ctx.send(msg.from, { type: "ack", id: m.id }); // a resend of a finished command
        else if (!p.queued.has(m.id)) {
          p.queued.add(m.id);
          p.queue.push({ id: m.id, client: msg.from });
          startNext(ctx);
        }
      } else if (m.type === "fwd-ack" && p.current !== undefined && m.id === p.current.id) {
        p.current.waiting.delete(msg.from);
        if (p.current.waiting.size > 0) return;
        // Every backup executed it: acknowledge the client, take the next command.
        ctx.cancelTimer(p.timer);
        const job = p.current;
        p.current = undefined;
        finish(ctx, job);
        startNext(ctx);
      }
    },
    onTimer: resend,
  };
}

/** A backup: execute what the serializer forwards (once), acknowledge every copy. */
const backup: NodeHandlers<unknown, ReplicationMessage> = {
  onMessage(ctx, msg) {
    const m = msg.payload;
    if (m.type !== "fwd") return;
    executeOnce(ctx, m.id);
    ctx.send(msg.from, { type: "fwd-ack", id: m.id });
  },
};

/**
 * Runs state replication through the serializer s1 (same options and result as runAckReplication;
 * crash the serializer with `faults: [{ at, crash: "s1" }]`; `serializer` replaces s1's code by yours).
 *
 * @example
 * runSerializer({ seed: 42, clients: 3, servers: 3 }).diverged // always false
 */
export function runSerializer(options: SerializerOptions): ReplicationResult {
  const [o, own] = checkSerializerOptions("runSerializer", options);
  return runReplication(o, serializerHandlers(own));
}

function checkSerializerOptions(fn: string, options: SerializerOptions): [CheckedReplicationOptions, NodeHandlers | undefined] {
  const o = checkReplicationOptions(fn, options, ["serializer"]);
  return [o, checkRoleHandlers(`${fn}: serializer`, options.serializer)];
}

/** The handlers of every node; `own` replaces the serializer's when given. */
const serializerHandlers = (own: NodeHandlers | undefined) =>
  (o: CheckedReplicationOptions, clients: string[], servers: string[]): Record<string, NodeHandlers<never, ReplicationMessage>> => {
    const [primary, ...backups] = servers;
    const handlers: Record<string, NodeHandlers<never, ReplicationMessage>> = {};
    clients.forEach((c, i) => (handlers[c] = replicationClient(o, i, [primary])));
    handlers[primary] = own ?? serializer(o, backups);
    for (const b of backups) handlers[b] = backup;
    return handlers;
  };

/**
 * The nodes and handlers that {@link runSerializer} runs (s1 is the serializer; servers record
 * "execute" { id }), for createWorld or checkProtocol.
 * @example checkProtocol({ ...serializerNodes({ clients: 2, servers: 2 }), history: ["execute"] })
 */
export function serializerNodes(options: Omit<SerializerOptions, "seed"> = {}): ProtocolNodes {
  const [o, own] = checkSerializerOptions("serializerNodes", { seed: 0, ...options });
  return replicationNodes(o, serializerHandlers(own));
}
