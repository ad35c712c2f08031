/**
 * A multi-Paxos server: acceptor of every slot, learner (it executes the log in slot order) and, when
 * it wins phase 1, the leader, which is the serializer's role made fault-tolerant. One Paxos instance
 * per log slot, with one T_max for all slots, so that one phase 1 covers every slot: a stable leader
 * skips phase 1 and runs only phases 2 and 3 for each new command, until someone challenges it.
 *
 * Disk (survives crashes), named as in the chapter: T_max, and per slot C and T_store; the chosen
 * commands it learned; the slots it applied, in order (multi-paxos-learner.ts). Volatile: its role,
 * the ticket it leads with, the proposals in flight. Records: see multi-paxos-records.ts.
 */
import type { Message, NodeContext, NodeHandlers } from "../sim/context";
import { NO_OP, recordMp } from "./multi-paxos-records";
import { applyChosen, chosenFrom, serverDisk, type ServerDisk } from "./multi-paxos-learner";
import type { MultiPaxosConfig, MultiPaxosMessage, MultiPaxosServerMessage, StoredEntry } from "./multi-paxos-options";

/** A server's volatile state. */
interface ServerState {
  role: "follower" | "candidate" | "leader";
  t: number; //                                       the ticket of its current candidacy or leadership
  leader: string | null; //                           the leader it last heard from
  heard: boolean; //                                  heard the leader since the last election check
  oks: Record<string, [number, StoredEntry][]>; //    phase 1 answers, by server
  nextSlot: number; //                                (leader) the next free slot
  inFlight: Record<number, { c: string; successes: string[] }>; // (leader) proposed, not chosen yet
  proposed: Record<string, true>; //                  (leader) commands in its log
  clients: Record<string, string>; //                 command -> client to acknowledge
  queue: string[]; //                                 (candidate) commands waiting for phase 1 to end
}

type Ctx = NodeContext<ServerState, MultiPaxosMessage>;
type ServerTimer = { kind: "election" } | { kind: "heartbeat"; t: number };

/** @internal The handlers of server number `index` (0-based) of `cfg.servers`. */
export function multiPaxosServer(cfg: MultiPaxosConfig, index: number): NodeHandlers<ServerState, MultiPaxosMessage> {
  const n = cfg.servers.length;
  const me = cfg.servers[index];
  const others = cfg.servers.filter((s) => s !== me);
  const diskOf = (ctx: Ctx) => serverDisk(ctx);
  const learn = (ctx: Ctx, slot: number, c: string) => applyChosen(ctx, slot, c, ctx.state.clients);
  /**
   * Tickets of server i (1-based) of n are i, i + n, i + 2n, ...: two servers never try the same one.
   * It takes the smallest above every ticket it tried, issued or heard of in a nack.
   */
  const nextTicket = (p: ServerDisk): number => {
    const base = Math.max(p.tried, p.maxSeen, p.tMax);
    let t = Math.floor(base / n) * n + index + 1;
    if (t <= base) t += n;
    return t;
  };
  const fresh = (): ServerState => ({ role: "follower", t: 0, leader: null, heard: false, oks: {}, nextSlot: 0, inFlight: {}, proposed: {}, clients: {}, queue: [] });
  const armElection = (ctx: Ctx) => ctx.setTimer(cfg.electionTimeoutMs * (1 + ctx.rng.next()), { kind: "election" });
  // A message to a server; to itself it is handled at once (the leader is also an acceptor).
  const tell = (ctx: Ctx, to: string, m: MultiPaxosServerMessage) => (to === me ? handle(ctx, me, m) : void ctx.send(to, m));
  const tellAll = (ctx: Ctx, m: MultiPaxosServerMessage) => { for (const s of cfg.servers) tell(ctx, s, m); };
  const stepDown = (ctx: Ctx) => { ctx.state.role = "follower"; };

  // Phase 1: challenge the leader with a fresh ticket t, asking about every slot not applied yet.
  const challenge = (ctx: Ctx, first = false) => {
    const p = diskOf(ctx), s = ctx.state;
    if (!first && p.elections >= cfg.maxElections) return;
    if (!first) p.elections += 1;
    s.role = "candidate";
    s.t = p.tried = nextTicket(p);
    s.oks = {};
    recordMp(ctx, "prepare", { ticket: s.t });
    tellAll(ctx, { type: "prepare", t: s.t, fromSlot: p.applied.length });
  };

  // Phase 2 for one slot: propose (t, c) to every server.
  const propose = (ctx: Ctx, slot: number, c: string) => {
    const s = ctx.state;
    s.inFlight[slot] = { c, successes: [] };
    if (c !== NO_OP) s.proposed[c] = true;
    tellAll(ctx, { type: "propose", t: s.t, slot, c });
  };
  const admit = (ctx: Ctx, id: string) => {
    const s = ctx.state;
    if (!s.proposed[id]) propose(ctx, s.nextSlot++, id);
  };

  // Phase 1 done: a majority gave ticket t. Per slot, adopt what is stored (cfg.chooseStored: the
  // command with the largest T_store), fill the gaps with no-ops, and propose them all again.
  const lead = (ctx: Ctx) => {
    const p = diskOf(ctx), s = ctx.state;
    const bySlot = new Map<number, StoredEntry[]>();
    for (const answers of Object.values(s.oks)) for (const [slot, e] of answers) {
      if (!bySlot.has(slot)) bySlot.set(slot, []);
      bySlot.get(slot)!.push(e);
    }
    const fromSlot = p.applied.length;
    const top = Math.max(fromSlot - 1, ...bySlot.keys(), ...Object.keys(p.chosen).map(Number));
    s.role = "leader";
    s.inFlight = {};
    s.proposed = {};
    s.nextSlot = top + 1;
    recordMp(ctx, "lead", { ticket: s.t, fromSlot, slots: top + 1 - fromSlot });
    for (let slot = fromSlot; slot <= top; slot++) {
      const known = p.chosen[slot];
      if (known !== undefined) { if (known !== NO_OP) s.proposed[known] = true; continue; }
      const stored = bySlot.get(slot);
      propose(ctx, slot, stored === undefined ? NO_OP : cfg.chooseStored(stored));
    }
    for (const v of p.applied) if (v !== NO_OP) s.proposed[v] = true;
    const waiting = s.queue;
    s.queue = [];
    for (const id of waiting) admit(ctx, id);
    ctx.setTimer(cfg.heartbeatMs, { kind: "heartbeat", t: s.t }); // the proposals just sent tell who leads
  };

  // The leader's tick: a heartbeat (with how far the log is chosen) and resends of unanswered proposals.
  const heartbeat = (ctx: Ctx) => {
    const p = diskOf(ctx), s = ctx.state;
    for (const o of others) ctx.send(o, { type: "heartbeat", t: s.t, chosenUpTo: p.applied.length });
    for (const [slot, f] of Object.entries(s.inFlight)) {
      for (const o of others) if (!f.successes.includes(o)) ctx.send(o, { type: "propose", t: s.t, slot: Number(slot), c: f.c });
    }
    ctx.setTimer(cfg.heartbeatMs, { kind: "heartbeat", t: s.t });
  };

  function handle(ctx: Ctx, from: string, m: MultiPaxosServerMessage): void {
    const p = diskOf(ctx), s = ctx.state;
    switch (m.type) {
      case "prepare": // Phase 1 (acceptor): issue t if it is larger than every ticket issued so far
        if (m.t > p.tMax) {
          p.tMax = m.t;
          if (from !== me) stepDown(ctx);
          const stored = Object.entries(p.stored).filter(([slot]) => Number(slot) >= m.fromSlot)
            .map(([slot, e]): [number, StoredEntry] => [Number(slot), { ...e }]);
          tell(ctx, from, { type: "ok", t: m.t, stored });
        } else tell(ctx, from, { type: "nack", t: m.t, tMax: p.tMax });
        return;
      case "ok": // Phase 1 (candidate): on a majority of oks, lead
        if (s.role !== "candidate" || m.t !== s.t) return;
        s.oks[from] = m.stored;
        if (Object.keys(s.oks).length >= cfg.majority) lead(ctx);
        return;
      case "nack": // someone issued a larger ticket: remember it and follow (T_max = t is our own propose overtaking our prepare)
        if (m.t !== s.t || s.role === "follower" || m.tMax <= s.t) return;
        p.maxSeen = Math.max(p.maxSeen, m.tMax);
        stepDown(ctx);
        return;
      case "propose": // Phase 2 (acceptor): store c if no larger ticket was issued
        if (m.t >= p.tMax) {
          p.tMax = m.t;
          p.stored[m.slot] = { tStore: m.t, c: m.c };
          recordMp(ctx, "store", { slot: m.slot, ticket: m.t, command: m.c });
          if (from !== me) { s.leader = from; s.heard = true; if (s.role !== "follower") stepDown(ctx); }
          tell(ctx, from, { type: "success", t: m.t, slot: m.slot });
        } else tell(ctx, from, { type: "nack", t: m.t, tMax: p.tMax });
        return;
      case "success": { // Phase 2 (leader): on a majority of successes the slot is chosen
        const f = s.inFlight[m.slot];
        if (s.role !== "leader" || m.t !== s.t || f === undefined || f.successes.includes(from)) return;
        f.successes.push(from);
        if (f.successes.length < cfg.majority) return;
        delete s.inFlight[m.slot];
        recordMp(ctx, "decide", { slot: m.slot, ticket: s.t, command: f.c });
        learn(ctx, m.slot, f.c);
        for (const o of others) ctx.send(o, { type: "execute", slot: m.slot, c: f.c });
        return;
      }
      case "execute": // Phase 3 (learner)
        learn(ctx, m.slot, m.c);
        return;
      case "heartbeat": // the leader is alive; ask for the chosen slots this server missed
        if (m.t < p.tMax) return;
        s.leader = from;
        s.heard = true;
        if (s.role !== "follower") stepDown(ctx);
        if (p.applied.length < m.chosenUpTo) ctx.send(from, { type: "catch-up", fromSlot: p.applied.length });
        return;
      case "catch-up": // a follower missed execute(slot, c): send the chosen slots from there on (a batch a heartbeat)
        for (const [slot, c] of chosenFrom(p, m.fromSlot)) ctx.send(from, { type: "execute", slot, c });
        return;
    }
  }

  return {
    init(ctx) {
      diskOf(ctx);
      ctx.state = fresh();
      if (diskOf(ctx).elections < cfg.maxElections) armElection(ctx);
      if (index === 0) challenge(ctx, true); // s1 bids to lead first (not counted in maxElections)
    },
    onRecover(ctx) { // the disk is kept: come back as a follower
      ctx.state = fresh();
      if (diskOf(ctx).elections < cfg.maxElections) armElection(ctx);
    },
    onTimer(ctx, tag: ServerTimer) {
      const s = ctx.state;
      if (tag.kind === "heartbeat") { if (s.role === "leader" && tag.t === s.t) heartbeat(ctx); return; }
      if (s.role !== "leader" && !s.heard) challenge(ctx); // no word from a leader: challenge it
      s.heard = false;
      if (diskOf(ctx).elections < cfg.maxElections) armElection(ctx); // else it never challenges again
    },
    onMessage(ctx, msg: Message<MultiPaxosMessage>) {
      const m = msg.payload, s = ctx.state;
      if (m.type === "ack" || m.type === "redirect") return;
      if (m.type !== "cmd") return handle(ctx, msg.from, m);
      // A client's command: acknowledge it if executed, put it in the log if leading, else name the leader.
      if (diskOf(ctx).executed[m.id]) return void ctx.send(m.client, { type: "ack", id: m.id });
      if (s.role === "leader") { s.clients[m.id] = m.client; admit(ctx, m.id); }
      else if (s.role === "candidate") { s.clients[m.id] = m.client; if (!s.queue.includes(m.id)) s.queue.push(m.id); }
      else if (s.leader !== null && s.leader !== me) ctx.send(m.client, { type: "redirect", id: m.id, leader: s.leader });
    },
  };
}
