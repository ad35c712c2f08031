/**
 * Paxos as in Wattenhofer's chapter "Fault-Tolerance & Paxos". Clients are the proposers; servers are
 * the acceptors and, on execute, the learners.
 *
 * Server (on disk): T_max = 0 (largest ticket issued), C = ⊥ (stored command), T_store = 0.
 * Phase 1: the client tries ticket t; a server with t > T_max sets T_max = t and answers ok(T_store, C).
 * Phase 2: on a majority of oks the client adopts the C with the largest T_store (if T_store > 0) and
 * sends propose(t, c) to that majority; a server with t = T_max stores C = c, T_store = t, answers success.
 * Phase 3: on a majority of successes the client sends execute(c) to every server.
 *
 * Additions, each a remark of the chapter: a client abandons an attempt after `timeoutMs` and tries a
 * larger ticket (client i uses tickets i, i+k, i+2k, ... for k clients, so tickets never repeat);
 * optional negative answers `nack(T_max)`; optional random backoff. The client resends execute(c)
 * until every server confirmed it, so that a lost message does not leave a server behind.
 */
import type { NodeContext, NodeHandlers } from "../sim/context";
import { logExecute, logStore, ticketAttempts } from "./ticket-attempts";
import { emptyLog, runTicketWorld, ticketConfig, type ConsensusLog, type TicketConfig, type TicketRunOptions, type TicketRunResult } from "./ticket-runs";

/** Options of {@link runPaxos}: the shared ticket-run options plus negative answers. */
export interface PaxosOptions extends TicketRunOptions {
  /**
   * Servers answer an expired ticket with nack(T_max), and the client starts a new attempt at once
   * (after its backoff) instead of waiting for its timeout. @defaultValue false
   */
  nacks?: boolean;
  /**
   * The client adopts the stored command with the largest T_store (phase 2). Setting this to false
   * breaks Paxos on purpose: the client always proposes its own command. @defaultValue true
   */
  adopt?: boolean;
}

/**
 * Runs Paxos once: clients u1..uk propose c1..ck to servers s1..sn under the given network and faults.
 * Servers keep T_max, C and T_store on disk; a client's volatile state (its current attempt) is lost
 * when it crashes, and on recovery it starts again with its own command and a fresh, larger ticket.
 * @example const run = runPaxos({ seed: 42, clients: 2, servers: 3 }); run.executed // { s1: "c2", s2: "c2", s3: "c2" }
 */
export function runPaxos(options: PaxosOptions): TicketRunResult {
  const cfg = ticketConfig("runPaxos", options, ["nacks", "adopt"]);
  const nacks = options.nacks ?? false;
  const adopt = options.adopt ?? true;
  if (typeof nacks !== "boolean") throw new TypeError(`runPaxos: nacks must be true or false; got ${String(nacks)}`);
  if (typeof adopt !== "boolean") throw new TypeError(`runPaxos: adopt must be true or false; got ${String(adopt)}`);
  const log = emptyLog();
  return runTicketWorld("paxos", cfg, log, (name, i) => paxosClient(cfg, log, i, nacks, adopt), paxosServer(log, nacks));
}

function paxosServer(log: ConsensusLog, nacks: boolean): NodeHandlers {
  return {
    init(ctx) {
      const p = ctx.persistent;
      if (p.tMax === undefined) Object.assign(p, { tMax: 0, c: null, tStore: 0, executed: null });
    },
    onMessage(ctx, msg) {
      const p = ctx.persistent, m = msg.payload;
      if (m.type === "ticket") {
        if (m.t > p.tMax) {
          p.tMax = m.t;
          ctx.send(msg.from, { type: "ok", t: m.t, tStore: p.tStore, c: p.c });
        } else if (nacks) ctx.send(msg.from, { type: "nack", t: m.t, tMax: p.tMax });
      } else if (m.type === "propose") {
        if (m.t === p.tMax) {
          p.c = m.c;
          p.tStore = m.t;
          logStore(log, ctx, m.t, m.c);
          ctx.send(msg.from, { type: "success", t: m.t });
        } else if (nacks) ctx.send(msg.from, { type: "nack", t: m.t, tMax: p.tMax });
      } else if (m.type === "execute") {
        if (p.executed === null) {
          p.executed = m.c;
          logExecute(log, ctx, m.c);
        }
        ctx.send(msg.from, { type: "executed", c: m.c });
      }
    },
  };
}

function paxosClient(cfg: TicketConfig, log: ConsensusLog, index: number, nacks: boolean, adopt: boolean): NodeHandlers {
  const k = cfg.clients.length;
  const own = `c${index + 1}`;
  const nextTicket = (p: Record<string, any>): number => {
    const base = Math.max(p.tried ?? 0, p.maxSeen ?? 0);
    let t = Math.floor(base / k) * k + index + 1;
    if (t <= base) t += k;
    return t;
  };
  const { start, retry } = ticketAttempts(cfg, (ctx: NodeContext) => {
    const s = ctx.state, p = ctx.persistent;
    s.t = p.tried = nextTicket(p);
    s.phase = "ticket";
    s.oks = new Map<string, { tStore: number; c: string | null }>();
    s.successes = new Set<string>();
    log.attempts.push({ client: ctx.name, ticket: s.t, atMs: ctx.now });
    ctx.broadcast({ type: "ticket", t: s.t }, cfg.servers);
    ctx.setTimer(cfg.timeoutMs, { kind: "timeout", t: s.t });
  });
  const sendExecute = (ctx: NodeContext) => {
    const s = ctx.state;
    for (const server of cfg.servers) if (!s.confirmed.has(server)) ctx.send(server, { type: "execute", c: s.c });
    ctx.setTimer(cfg.timeoutMs, { kind: "resend" });
  };
  return {
    init(ctx) {
      ctx.state.phase = "idle";
      ctx.state.c = own;
      ctx.setTimer(ctx.rng.next() * cfg.startSpreadMs, { kind: "start" });
    },
    onTimer(ctx, tag) {
      const s = ctx.state;
      if (tag.kind === "start") start(ctx);
      else if (tag.kind === "resend") { if (s.phase === "execute") sendExecute(ctx); }
      else if (tag.t === s.t && (s.phase === "ticket" || s.phase === "propose")) retry(ctx);
    },
    onMessage(ctx, msg) {
      const s = ctx.state, p = ctx.persistent, m = msg.payload;
      if (m.type === "executed") {
        if (s.phase !== "execute") return;
        s.confirmed.add(msg.from);
        if (s.confirmed.size === cfg.servers.length) s.phase = "done";
        return;
      }
      if (m.t !== s.t) return; // an answer about an abandoned ticket
      if (m.type === "nack" && (s.phase === "ticket" || s.phase === "propose")) {
        p.maxSeen = Math.max(p.maxSeen ?? 0, m.tMax);
        retry(ctx);
      } else if (m.type === "ok" && s.phase === "ticket") {
        s.oks.set(msg.from, { tStore: m.tStore, c: m.c });
        if (s.oks.size < cfg.majority) return;
        let best = { tStore: 0, c: null as string | null };
        for (const v of s.oks.values()) if (v.tStore > best.tStore) best = v;
        if (adopt && best.tStore > 0) s.c = best.c; // adopt the command stored with the largest ticket
        s.phase = "propose";
        log.proposals.push({ client: ctx.name, ticket: s.t, command: s.c, atMs: ctx.now });
        for (const server of s.oks.keys()) ctx.send(server, { type: "propose", t: s.t, c: s.c });
      } else if (m.type === "success" && s.phase === "propose") {
        s.successes.add(msg.from);
        if (s.successes.size < cfg.majority) return;
        s.phase = "execute";
        s.confirmed = new Set<string>();
        log.decisions.push({ client: ctx.name, ticket: s.t, command: s.c, atMs: ctx.now });
        sendExecute(ctx);
      }
    },
  };
}

// Re-exported for callers that only import this file.
export type { TicketRunResult as PaxosRunResult };
