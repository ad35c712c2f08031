/**
 * The client of both state-replication protocols: it issues its commands one at a time, sends each
 * to its targets (every server, or only the serializer), resends to the targets that have not
 * acknowledged it after a timeout, and counts the command committed once every target acknowledged.
 */
import type { NodeContext, NodeHandlers } from "../sim/context";
import { commandId } from "./replica-logs";
import type { CheckedReplicationOptions, ReplicationMessage } from "./state-replication";

/** A client's volatile state (lost when it crashes: it then starts over with its first command). */
export interface ReplicationClientState {
  /** Commands issued so far (the current one included). */
  issued: number;
  /** The command in progress, or undefined between commands. */
  id: string | undefined;
  /** Targets that have not acknowledged the current command yet. */
  waiting: Set<string>;
  /** The resend timer of the current command. */
  timer: number;
}

type Ctx = NodeContext<ReplicationClientState, ReplicationMessage>;

/** @internal The handlers of client number `index` (0-based), sending to `targets`. */
export function replicationClient(o: CheckedReplicationOptions, index: number, targets: readonly string[]): NodeHandlers<ReplicationClientState, ReplicationMessage> {
  // Send the next command to every target and wait for all their acknowledgments.
  const issue = (ctx: Ctx) => {
    const st = ctx.state;
    st.issued += 1;
    const id = commandId(index, st.issued, o.commandsPerClient);
    st.id = id;
    st.waiting = new Set(targets);
    ctx.record("issue", { id });
    for (const s of targets) ctx.send(s, { type: "cmd", id });
    st.timer = ctx.setTimer(o.timeoutMs, "resend");
  };
  return {
    init(ctx) {
      ctx.state = { issued: 0, id: undefined, waiting: new Set(), timer: -1 };
      const at = index * o.clientGapMs;
      if (at > 0) ctx.setTimer(at, "next");
      else issue(ctx);
    },
    onMessage(ctx, msg) {
      const st = ctx.state, m = msg.payload;
      if (m.type !== "ack" || m.id !== st.id || !st.waiting.has(msg.from)) return;
      st.waiting.delete(msg.from);
      if (st.waiting.size > 0) return;
      // Every target acknowledged: the command is committed; go on with the next one.
      ctx.cancelTimer(st.timer);
      ctx.record("commit", { id: m.id });
      st.id = undefined;
      if (st.issued >= o.commandsPerClient) return;
      if (o.thinkMs > 0) ctx.setTimer(o.thinkMs, "next");
      else issue(ctx);
    },
    onTimer(ctx, tag: "next" | "resend") {
      const st = ctx.state;
      if (tag === "next") return issue(ctx);
      // Timeout: resend the command to the targets that are still silent.
      for (const s of st.waiting) ctx.send(s, { type: "cmd", id: st.id as string });
      st.timer = ctx.setTimer(o.timeoutMs, "resend");
    },
  };
}
