/**
 * A client of the replicated log: it issues its commands one at a time, sends each to the server it
 * believes leads (s1 at first), and after a timeout resends it to the next server (a follower that
 * knows the leader answers with redirect(leader), and the client sends it there at once). A command is committed once some server says it was executed.
 */
import type { Message, NodeContext, NodeHandlers } from "../sim/context";
import { commandId } from "./replica-logs";
import { recordMp } from "./multi-paxos-records";
import type { MultiPaxosConfig, MultiPaxosMessage } from "./multi-paxos-options";

/** A client's volatile state (lost in a crash: it then starts over with its first command). */
interface ClientState {
  issued: number; //             commands issued so far (the current one included)
  id: string | undefined; //     the command in progress
  target: number; //             the server it sends to, by index
}
type Ctx = NodeContext<ClientState, MultiPaxosMessage>;

/** @internal The handlers of client number `index` (0-based). */
export function multiPaxosClient(cfg: MultiPaxosConfig, index: number): NodeHandlers<ClientState, MultiPaxosMessage> {
  const me = cfg.clients[index];
  const send = (ctx: Ctx, timer = true) => {
    const s = ctx.state;
    ctx.send(cfg.servers[s.target], { type: "cmd", id: s.id as string, client: me });
    if (timer) ctx.setTimer(cfg.timeoutMs, { resend: s.id as string }); // ignored if it fires after the command committed
  };
  const issue = (ctx: Ctx) => {
    const s = ctx.state;
    s.issued += 1;
    s.id = commandId(index, s.issued, cfg.commandsPerClient);
    recordMp(ctx, "issue", { id: s.id });
    send(ctx);
  };
  return {
    init(ctx) {
      ctx.state = { issued: 0, id: undefined, target: 0 };
      issue(ctx);
    },
    onMessage(ctx, msg: Message<MultiPaxosMessage>) {
      const s = ctx.state, m = msg.payload;
      if (m.type === "redirect") { // the leader is elsewhere: send it there (the pending timer still runs)
        if (m.id !== s.id || !cfg.servers.includes(m.leader)) return;
        s.target = cfg.servers.indexOf(m.leader);
        return send(ctx, false);
      }
      if (m.type !== "ack" || m.id !== s.id) return; // a late or repeated answer
      recordMp(ctx, "commit", { id: m.id });
      s.target = cfg.servers.indexOf(msg.from); // the server that answered leads, most likely
      s.id = undefined;
      if (s.issued < cfg.commandsPerClient) issue(ctx);
    },
    onTimer(ctx, tag: { resend: string }) { // no answer: try the next server
      const s = ctx.state;
      if (tag.resend !== s.id) return;
      s.target = (s.target + 1) % cfg.servers.length;
      send(ctx);
    },
  };
}
