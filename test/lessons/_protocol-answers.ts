/**
 * Right and plausible wrong answers to the "write the protocol" exercises (exercise 4 of notebooks
 * 01, 03, 04 and 05). The right ones are the hidden solution cells' code; the wrong ones are the
 * mistakes a student is likely to make.
 */
import type { LockOrder, NodeContext, NodeHandlers, PaxosMessage, ReplicationMessage } from "../../src";

// ---- 01: the server side of sequence numbers ----
const ack = (k: number) => ({ type: `ack ${k}`, kind: "ack", cmd: k });
/** Remembers the highest command executed; acknowledges every copy. */
export const seqServer: NodeHandlers = {
  init(ctx) { ctx.state = { last: -1 }; },
  onMessage(ctx, msg) {
    const k = msg.payload.cmd;
    if (k > ctx.state.last) { ctx.state.last = k; ctx.record("execute", { cmd: k }); }
    ctx.send(msg.from, ack(k));
  },
};
/** Wrong: executes every copy (the "ack" server). */
export const noDedupServer: NodeHandlers = {
  onMessage(ctx, msg) { ctx.record("execute", { cmd: msg.payload.cmd }); ctx.send(msg.from, ack(msg.payload.cmd)); },
};
/** Wrong: skips a copy it has seen without acknowledging it, so a lost ACK is never replaced. */
export const silentDedupServer: NodeHandlers = {
  init(ctx) { ctx.state = { last: -1 }; },
  onMessage(ctx, msg) {
    const k = msg.payload.cmd;
    if (k <= ctx.state.last) return;
    ctx.state.last = k;
    ctx.record("execute", { cmd: k });
    ctx.send(msg.from, ack(k));
  },
};

// ---- 03: the serializer ----
const backups = (ctx: NodeContext) => ctx.nodes.filter((n) => n.startsWith("s") && n !== ctx.name);
/** One command at a time: the next is forwarded once every backup acknowledged the current one. */
export const stopAndWaitSerializer: NodeHandlers<any, ReplicationMessage> = {
  init(ctx) { ctx.state = { queue: [], seen: [], current: null, waiting: [] }; },
  onMessage(ctx, msg) {
    const st = ctx.state, m = msg.payload;
    const startNext = () => {
      if (st.current !== null || st.queue.length === 0) return;
      st.current = st.queue.shift();
      st.waiting = backups(ctx);
      ctx.record("execute", { id: st.current.id });
      for (const b of st.waiting) ctx.send(b, { type: "fwd", id: st.current.id });
    };
    if (m.type === "cmd" && !st.seen.includes(m.id)) {
      st.seen.push(m.id);
      st.queue.push({ id: m.id, client: msg.from });
      startNext();
    } else if (m.type === "fwd-ack" && st.current !== null && m.id === st.current.id) {
      st.waiting = st.waiting.filter((b: string) => b !== msg.from);
      if (st.waiting.length > 0) return;
      ctx.send(st.current.client, { type: "ack", id: st.current.id });
      st.current = null;
      startNext();
    }
  },
};
/** Wrong: forwards each command to every backup as soon as it arrives (in arrival order, to each independently). */
export const eagerSerializer: NodeHandlers<any, ReplicationMessage> = {
  init(ctx) { ctx.state = { seen: [] }; },
  onMessage(ctx, msg) {
    const m = msg.payload;
    if (m.type !== "cmd") return;
    if (!ctx.state.seen.includes(m.id)) {
      ctx.state.seen.push(m.id);
      ctx.record("execute", { id: m.id });
      for (const b of backups(ctx)) ctx.send(b, { type: "fwd", id: m.id });
    }
    ctx.send(msg.from, { type: "ack", id: m.id });
  },
};
/** Wrong: acknowledges the client and executes, but never tells the backups. */
export const lonelySerializer: NodeHandlers<any, ReplicationMessage> = {
  init(ctx) { ctx.state = { seen: [] }; },
  onMessage(ctx, msg) {
    const m = msg.payload;
    if (m.type !== "cmd") return;
    if (!ctx.state.seen.includes(m.id)) { ctx.state.seen.push(m.id); ctx.record("execute", { id: m.id }); }
    ctx.send(msg.from, { type: "ack", id: m.id });
  },
};

// ---- 04: lock orders ----
/** Every client in the same global order. */
export const sameOrder: LockOrder = (_client, servers) => [...servers];
/** Wrong: client i starts at server i (the rotated orders). */
export const rotatedOrder: LockOrder = (client, servers) => {
  const i = (Number(client.slice(1)) - 1) % servers.length;
  return [...servers.slice(i), ...servers.slice(0, i)];
};
/** Wrong: two clients agree, the third goes backwards. */
export const oneBackwards: LockOrder = (client, servers) => (client === "u3" ? [...servers].reverse() : [...servers]);

// ---- 05: the acceptor's rules ----
/** The chapter's server; `storeRule` decides whether a proposal (t) is stored, given T_max and T_store. */
function acceptor(storeRule: (t: number, tMax: number, tStore: number) => boolean): NodeHandlers<any, PaxosMessage> {
  return {
    init(ctx) { Object.assign(ctx.persistent, { tMax: 0, c: null, tStore: 0, executed: null }); },
    onMessage(ctx, msg) {
      const p = ctx.persistent, m = msg.payload;
      if (m.type === "ticket") {
        if (m.t > p.tMax) { p.tMax = m.t; ctx.send(msg.from, { type: "ok", t: m.t, tStore: p.tStore, c: p.c }); }
      } else if (m.type === "propose") {
        if (storeRule(m.t, p.tMax, p.tStore)) {
          p.c = m.c; p.tStore = m.t;
          ctx.record("store", { ticket: m.t, command: m.c });
          ctx.send(msg.from, { type: "success", t: m.t });
        }
      } else if (m.type === "execute") {
        if (p.executed === null) { p.executed = m.c; ctx.record("execute", { command: m.c }); }
        ctx.send(msg.from, { type: "executed", c: m.c });
      }
    },
  };
}
/** Stores a proposal only if its ticket is still the newest one issued (t = T_max). */
export const paxosAcceptor = acceptor((t, tMax) => t === tMax);
/** Wrong: also accepts a proposal with a lower ticket than one it has issued since (only newer than what it stored). */
export const lowerTicketAcceptor = acceptor((t, _tMax, tStore) => t >= tStore);
