/**
 * The naive ticket protocol (Wattenhofer, "Fault-Tolerance & Paxos"): a client gets a ticket from a
 * majority of servers, sends its command with those tickets, and if a majority stored it, tells every
 * server to execute its stored command. A server issues ticket T+1 on every request, so only its
 * newest ticket is valid. The flaw: a slow client can still store and execute its command on some
 * servers after another client has stored a different one on others.
 *
 * Server (on disk): T = 0 (last ticket issued), C = ⊥ (stored command).
 * Phase 1: the client asks all servers for a ticket; a server answers with T = T + 1.
 * Phase 2: on a majority of tickets the client sends store(t, c) to those servers, each with its own
 * ticket; a server whose T is still t stores C = c and answers success (else refused).
 * Phase 3: on a majority of successes the client sends execute to every server; a server executes its C.
 *
 * Messages carry the client's attempt number `a`, so a client ignores answers to an abandoned attempt.
 * Recorded (see ticket-records.ts): attempt, propose, decide (clients); store, execute (servers).
 */
import type { Message, NodeContext, NodeHandlers } from "../sim/context";
import { disk, ticketAttempts, type AttemptDisk, type AttemptPhase } from "./ticket-attempts";
import { record } from "./ticket-records";
import type { ProtocolNodes } from "./protocol-run";
import { runTicketWorld, ticketConfig, ticketNodes, type TicketConfig, type TicketRunOptions, type TicketRunResult } from "./ticket-runs";

export type { TicketRunOptions as NaiveTicketOptions };

/** What a client sends to a server. */
export type NaiveTicketRequest =
  | { type: "ticket"; a: number } //                    phase 1: a ticket, please
  | { type: "store"; t: number; c: string; a: number } // phase 2: store c under your ticket t
  | { type: "execute"; c: string; a: number }; //         phase 3: execute your stored command
/** What a server answers. */
export type NaiveTicketReply =
  | { type: "ticket"; t: number; a: number } // phase 1: your ticket is t
  | { type: "success"; a: number } //          phase 2: stored
  | { type: "refused"; a: number }; //         phase 2: t is no longer my newest ticket
/** The messages of the naive ticket protocol. */
export type NaiveTicketMessage = NaiveTicketRequest | NaiveTicketReply;

/** A server's disk (it survives crashes). */
interface ServerDisk {
  /** T: the last ticket issued. */
  T: number;
  /** C: the stored command (⊥ is null) and the ticket it was stored under. */
  stored: string | null;
  storedT: number;
  /** The command this server executed, once it has. */
  executed: string | null;
}
const FRESH_SERVER: ServerDisk = { T: 0, stored: null, storedT: 0, executed: null };

/** A client's volatile state: its current attempt. */
interface ClientState {
  phase: "idle" | "ticket" | "store" | "done" | AttemptPhase;
  /** The attempt number (its disk's count when the attempt began). */
  a: number;
  /** The tickets of phase 1, by server. */
  tickets: Map<string, number>;
  successes: number;
  refused: number;
}
const FRESH_CLIENT: AttemptDisk = { attempts: 0 };

type ClientTimer = { kind: "start" } | { kind: "timeout"; a: number };
type ServerCtx = NodeContext<Record<string, never>, NaiveTicketMessage>;
type ClientCtx = NodeContext<ClientState, NaiveTicketMessage>;

/**
 * Runs the naive ticket protocol once: clients u1..uk each want their command c1..ck executed on
 * servers s1..sn. Servers keep their ticket counter and stored command on disk (they survive crashes).
 * @example const run = runNaiveTicket({ seed: 42, speeds: { u1: 0.25 } }); run.conflicting
 */
export function runNaiveTicket(options: TicketRunOptions): TicketRunResult {
  const cfg = ticketConfig("runNaiveTicket", options);
  return runTicketWorld("naive-ticket", cfg, (i) => naiveClient(cfg, `c${i + 1}`), naiveServer());
}

/**
 * The nodes (clients u1.., servers s1..) and handlers that {@link runNaiveTicket} runs, for
 * createWorld or checkProtocol (a client draws its start delay from ctx.rng: pass allowRandom: true).
 * @example checkProtocol({ ...naiveTicketNodes({ clients: 2, servers: 3, maxAttempts: 1 }), allowRandom: true })
 */
export function naiveTicketNodes(options: Omit<TicketRunOptions, "seed"> = {}): ProtocolNodes {
  const cfg = ticketConfig("naiveTicketNodes", { seed: 0, ...options });
  return ticketNodes(cfg, (i) => naiveClient(cfg, `c${i + 1}`), naiveServer());
}

function naiveServer(): NodeHandlers<Record<string, never>, NaiveTicketMessage> {
  return {
    init(ctx: ServerCtx) {
      disk(ctx, FRESH_SERVER);
    },
    onMessage(ctx: ServerCtx, msg: Message<NaiveTicketRequest>) {
      const p = disk(ctx, FRESH_SERVER), m = msg.payload;
      switch (m.type) {
        case "ticket": // Phase 1: a new ticket; every older one is no longer valid
          p.T += 1;
          ctx.send(msg.from, { type: "ticket", t: p.T, a: m.a });
          break;
        case "store": // Phase 2: store c if t is still the newest ticket
          if (m.t === p.T) {
            p.stored = m.c;
            p.storedT = m.t;
            record(ctx, "store", { ticket: m.t, command: m.c });
            ctx.send(msg.from, { type: "success", a: m.a });
          } else {
            ctx.send(msg.from, { type: "refused", a: m.a });
          }
          break;
        case "execute": // Phase 3: executes ITS stored command, whoever sent execute
          if (p.executed === null && p.stored !== null) {
            p.executed = p.stored;
            record(ctx, "execute", { command: p.stored });
          }
          break;
      }
    },
  };
}

function naiveClient(cfg: TicketConfig, command: string): NodeHandlers<ClientState, NaiveTicketMessage> {
  const clientDisk = (ctx: ClientCtx) => disk(ctx, FRESH_CLIENT);
  // Phase 1: a new attempt; ask all servers for a ticket.
  const { start, retry } = ticketAttempts(cfg, clientDisk, (ctx: ClientCtx) => {
    const s = ctx.state;
    s.a = clientDisk(ctx).attempts;
    s.phase = "ticket";
    s.tickets = new Map();
    s.successes = 0;
    s.refused = 0;
    record(ctx, "attempt", { attempt: s.a, ticket: null });
    ctx.broadcast({ type: "ticket", a: s.a }, cfg.servers);
    ctx.setTimer(cfg.timeoutMs, { kind: "timeout", a: s.a });
  });
  return {
    init(ctx: ClientCtx) {
      clientDisk(ctx);
      ctx.state = { phase: "idle", a: 0, tickets: new Map(), successes: 0, refused: 0 };
      ctx.setTimer(ctx.rng.next() * cfg.startSpreadMs, { kind: "start" });
    },
    onTimer(ctx: ClientCtx, tag: ClientTimer) {
      if (tag.kind === "start") start(ctx);
      else if (tag.a === ctx.state.a && (ctx.state.phase === "ticket" || ctx.state.phase === "store")) retry(ctx); // timed out
    },
    onMessage(ctx: ClientCtx, msg: Message<NaiveTicketReply>) {
      const s = ctx.state, m = msg.payload;
      if (m.a !== s.a) return; // a reply to an abandoned attempt
      switch (m.type) {
        case "ticket": { // Phase 2: on a majority of tickets, send store(t, c) to each of those servers
          if (s.phase !== "ticket") return;
          s.tickets.set(msg.from, m.t);
          if (s.tickets.size < cfg.majority) return;
          s.phase = "store";
          record(ctx, "propose", { ticket: Math.max(...s.tickets.values()), command });
          for (const [server, t] of s.tickets) ctx.send(server, { type: "store", t, c: command, a: s.a });
          return;
        }
        case "success": // Phase 3: on a majority of successes, tell every server to execute
          if (s.phase !== "store" || ++s.successes < cfg.majority) return;
          s.phase = "done";
          record(ctx, "decide", { ticket: null, command });
          ctx.broadcast({ type: "execute", c: command, a: s.a }, cfg.servers);
          return;
        case "refused": // a majority is out of reach: start a new attempt
          if (s.phase === "store" && ++s.refused > s.tickets.size - cfg.majority) retry(ctx);
          return;
      }
    },
  };
}
