/**
 * Client-server with acknowledgments, several clients and several servers (Wattenhofer's setting for
 * the theorem that acknowledgments alone do not give state replication). Each client sends each of
 * its commands to every server and resends to the servers that have not acknowledged it after a
 * timeout; the next command waits until every server acknowledged the current one. A server executes
 * a command the first time it arrives (it recognises resends by the command id) and always
 * acknowledges. Servers therefore execute in arrival order, which differs between servers when
 * message delays vary.
 */
import type { NodeHandlers } from "../sim/context";
import { replicationClient } from "./state-replication-client";
import {
  checkReplicationOptions, executeOnce, replicationNodes, runReplication, type CheckedReplicationOptions, type ReplicationMessage,
  type ReplicationOptions, type ReplicationResult,
} from "./state-replication";
import type { ProtocolNodes } from "./protocol-run";

/** The server: execute a command the first time it arrives, acknowledge every copy. */
const server: NodeHandlers<unknown, ReplicationMessage> = {
  onMessage(ctx, msg) {
    const m = msg.payload;
    if (m.type !== "cmd") return;
    executeOnce(ctx, m.id);
    ctx.send(msg.from, { type: "ack", id: m.id });
  },
};

/**
 * Runs client-server with acknowledgments: every client sends each command straight to every
 * server. Servers execute in arrival order, so with variable delays their logs can differ.
 *
 * @example
 * const r = runAckReplication({ seed: 42, clients: 2, servers: 3 });
 * r.diverged; r.logs.s1; // ["c2", "c1"]
 */
export function runAckReplication(options: ReplicationOptions): ReplicationResult {
  return runReplication(checkReplicationOptions("runAckReplication", options), ackHandlers);
}

function ackHandlers(o: CheckedReplicationOptions, clients: string[], servers: string[]): Record<string, NodeHandlers<never, ReplicationMessage>> {
  const handlers: Record<string, NodeHandlers<never, ReplicationMessage>> = {};
  clients.forEach((c, i) => (handlers[c] = replicationClient(o, i, servers)));
  for (const s of servers) handlers[s] = server;
  return handlers;
}

/**
 * The nodes and handlers that {@link runAckReplication} runs (servers record "execute" { id } and keep
 * the executed ids on disk), for createWorld or checkProtocol.
 * @example checkProtocol({ ...ackReplicationNodes({ clients: 2, servers: 2 }), history: ["execute"] })
 */
export function ackReplicationNodes(options: Omit<ReplicationOptions, "seed"> = {}): ProtocolNodes {
  return replicationNodes(checkReplicationOptions("ackReplicationNodes", { seed: 0, ...options }), ackHandlers);
}
