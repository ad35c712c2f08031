/**
 * Paxos as in Wattenhofer's chapter "Fault-Tolerance & Paxos" (Algorithm "Paxos"). Clients are the
 * proposers; servers are the acceptors and, on execute, the learners.
 *
 * Server (on disk): T_max = 0 (largest ticket issued), C = ⊥ (stored command), T_store = 0.
 * Phase 1: the client asks all servers for ticket t; a server with t > T_max sets T_max = t and
 * answers ok(T_store, C).
 * Phase 2: on a majority of oks the client adopts the C with the largest T_store (if T_store > 0) and
 * sends propose(t, c) to that majority; a server with t = T_max stores C = c, T_store = t, answers success.
 * Phase 3: on a majority of successes the client sends execute(c) to every server.
 *
 * Additions, each a remark of the chapter: a client abandons an attempt after `timeoutMs` and tries a
 * larger ticket (see `nextTicket`: tickets never repeat); optional negative answers `nack(T_max)`;
 * optional random backoff. The client resends execute(c) until every server confirmed it with
 * executed(c), so that a lost message does not leave a server behind.
 *
 * Recorded (see ticket-records.ts): attempt, propose, decide (clients); store, execute (servers).
 * `server: handlers` runs your own server code in place of the chapter's.
 */
import type { Message, NodeContext, NodeHandlers } from "../sim/context";
import { checkInteger, describeValue } from "../validate";
import { checkRoleHandlers } from "./role-handlers";
import { disk, ticketAttempts, type AttemptDisk, type AttemptPhase } from "./ticket-attempts";
import { record } from "./ticket-records";
import type { ProtocolNodes } from "./protocol-run";
import { runTicketWorld, ticketConfig, ticketNodes, type TicketConfig, type TicketRunOptions, type TicketRunResult } from "./ticket-runs";

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
  /**
   * Your own server (acceptor and learner): these handlers replace every server's. The clients send
   * `ticket`, `propose` and `execute` ({@link PaxosRequest}) and expect the answers of
   * {@link PaxosReply}; the server records `ctx.record("store", { ticket, command })` when it stores
   * a command and `ctx.record("execute", { command })` when it executes one (the result is read from
   * these records). @defaultValue the chapter's server
   */
  server?: NodeHandlers<unknown, PaxosMessage>;
  /**
   * Answers a client waits for, in phases 1 and 2, an integer in [1, servers]. Below a majority
   * (for example half of an even number of servers) Paxos is broken on purpose: two disjoint groups of
   * servers can each choose a command. @defaultValue a majority, floor(servers / 2) + 1
   */
  quorum?: number;
}

/** What a client sends to a server. */
export type PaxosRequest =
  | { type: "ticket"; t: number } //                  phase 1: may I have ticket t?
  | { type: "propose"; t: number; c: string } //      phase 2: store command c under ticket t
  | { type: "execute"; c: string }; //                phase 3: execute c
/** What a server answers. */
export type PaxosReply =
  | { type: "ok"; t: number; tStore: number; c: string | null } // phase 1: t is yours; I stored C under T_store
  | { type: "nack"; t: number; tMax: number } //                   t is too small: I issued T_max
  | { type: "success"; t: number } //                              phase 2: stored
  | { type: "executed"; c: string }; //                            phase 3: executed
/** The messages of Paxos: `ticket | ok | nack | propose | success | execute | executed`. */
export type PaxosMessage = PaxosRequest | PaxosReply;

/** A server's disk (it survives crashes), named as in the chapter. */
interface ServerDisk {
  tMax: number; //               T_max: the largest ticket issued so far
  c: string | null; //           C: the stored command (⊥ is null)
  tStore: number; //             T_store: the ticket under which C was stored
  executed: string | null; //    the command this server executed, once it has
}
const FRESH_SERVER: ServerDisk = { tMax: 0, c: null, tStore: 0, executed: null };

/** A client's volatile state: its current attempt (lost in a crash). */
interface ClientState {
  phase: "idle" | "ticket" | "propose" | "execute" | "done" | AttemptPhase;
  t: number; //                                              t: the ticket of the current attempt
  c: string; //                                              c: its own command, or the one it adopted
  oks: Map<string, { tStore: number; c: string | null }>; // phase 1 answers, by server
  successes: Set<string>; //                                 phase 2 answers
  confirmed: Set<string>; //                                 servers that confirmed execute(c)
}
/** A client's disk: attempts so far, the largest ticket it tried, the largest T_max a nack reported. */
interface ClientDisk extends AttemptDisk { tried: number; maxSeen: number }
const FRESH_CLIENT: ClientDisk = { attempts: 0, tried: 0, maxSeen: 0 };

type ClientTimer = { kind: "start" } | { kind: "timeout"; t: number } | { kind: "resend" };
type ServerCtx = NodeContext<Record<string, never>, PaxosMessage>;
type ClientCtx = NodeContext<ClientState, PaxosMessage>;

/** @internal Validated options of runPaxos (and of experiments that run it), with defaults filled in. */
export function paxosConfig(fn: string, options: PaxosOptions): TicketConfig & { nacks: boolean; adopt: boolean; server: NodeHandlers | undefined } {
  const cfg = ticketConfig(fn, options, ["nacks", "adopt", "server", "quorum"]);
  const nacks = options.nacks ?? false;
  const adopt = options.adopt ?? true;
  if (typeof nacks !== "boolean") throw new TypeError(`${fn}: nacks must be true or false; got ${describeValue(nacks)}`);
  if (typeof adopt !== "boolean") throw new TypeError(`${fn}: adopt must be true or false; got ${describeValue(adopt)}`);
  const majority = options.quorum === undefined ? cfg.majority : checkInteger(`${fn}: quorum`, options.quorum, 1, cfg.servers.length);
  return { ...cfg, nacks, adopt, majority, server: checkRoleHandlers(`${fn}: server`, options.server) };
}

/**
 * Runs Paxos once: clients u1..uk propose c1..ck to servers s1..sn under the given network and faults.
 * Servers keep T_max, C and T_store on disk; a client's volatile state (its current attempt) is lost
 * when it crashes, and on recovery it starts again with its own command and a fresh, larger ticket.
 * @example const run = runPaxos({ seed: 42, clients: 2, servers: 3 }); run.executed // { s1: "c2", s2: "c2", s3: "c2" }
 */
export function runPaxos(options: PaxosOptions): TicketRunResult {
  const cfg = paxosConfig("runPaxos", options);
  return runTicketWorld("paxos", cfg, (i) => paxosClient(cfg, i), cfg.server ?? paxosServer(cfg.nacks));
}

/**
 * The nodes (clients u1.., servers s1..) and handlers that {@link runPaxos} runs, for createWorld or
 * checkProtocol. A client draws its start delay from ctx.rng (so pass allowRandom: true to
 * checkProtocol: the delay does not matter when time is abstracted); keep maxAttempts small in a check.
 * @example checkProtocol({ ...paxosNodes({ clients: 2, servers: 3, maxAttempts: 2 }), allowRandom: true })
 */
export function paxosNodes(options: Omit<PaxosOptions, "seed"> = {}): ProtocolNodes {
  const cfg = paxosConfig("paxosNodes", { seed: 0, ...options });
  return ticketNodes(cfg, (i) => paxosClient(cfg, i), cfg.server ?? paxosServer(cfg.nacks));
}

function paxosServer(nacks: boolean): NodeHandlers<Record<string, never>, PaxosMessage> {
  return {
    init(ctx: ServerCtx) {
      disk(ctx, FRESH_SERVER);
    },
    onMessage(ctx: ServerCtx, msg: Message<PaxosRequest>) {
      const p = disk(ctx, FRESH_SERVER), m = msg.payload;
      switch (m.type) {
        case "ticket": // Phase 1: issue ticket t if it is larger than every ticket issued so far
          if (m.t > p.tMax) {
            p.tMax = m.t;
            ctx.send(msg.from, { type: "ok", t: m.t, tStore: p.tStore, c: p.c });
          } else if (nacks) ctx.send(msg.from, { type: "nack", t: m.t, tMax: p.tMax });
          break;
        case "propose": // Phase 2: store c if t is still the newest ticket issued
          if (m.t === p.tMax) {
            p.c = m.c;
            p.tStore = m.t;
            record(ctx, "store", { ticket: m.t, command: m.c });
            ctx.send(msg.from, { type: "success", t: m.t });
          } else if (nacks) ctx.send(msg.from, { type: "nack", t: m.t, tMax: p.tMax });
          break;
        case "execute": // Phase 3: execute c (once), and confirm every copy
          if (p.executed === null) {
            p.executed = m.c;
            record(ctx, "execute", { command: m.c });
          }
          ctx.send(msg.from, { type: "executed", c: m.c });
          break;
      }
    },
  };
}

function paxosClient(cfg: TicketConfig & { nacks: boolean; adopt: boolean }, index: number): NodeHandlers<ClientState, PaxosMessage> {
  const k = cfg.clients.length;
  const own = `c${index + 1}`;
  const clientDisk = (ctx: ClientCtx) => disk(ctx, FRESH_CLIENT);
  /**
   * The client's next ticket. The chapter's client just takes t + 1; here client i of k (i = 1..k)
   * uses only the tickets i, i + k, i + 2k, ... so that two clients never try the same ticket. Of
   * those it takes the smallest above every ticket it tried before and above the largest T_max a
   * nack reported (a ticket at or below T_max would only be refused).
   */
  const nextTicket = (p: ClientDisk): number => {
    const base = Math.max(p.tried, p.maxSeen);
    let t = Math.floor(base / k) * k + index + 1;
    if (t <= base) t += k;
    return t;
  };
  // Phase 1: a new attempt with a fresh ticket t; ask all servers for it.
  const { start, retry } = ticketAttempts(cfg, clientDisk, (ctx: ClientCtx) => {
    const s = ctx.state, p = clientDisk(ctx);
    s.t = p.tried = nextTicket(p);
    s.phase = "ticket";
    s.oks = new Map();
    s.successes = new Set();
    record(ctx, "attempt", { attempt: p.attempts, ticket: s.t });
    ctx.broadcast({ type: "ticket", t: s.t }, cfg.servers);
    ctx.setTimer(cfg.timeoutMs, { kind: "timeout", t: s.t });
  });
  const sendExecute = (ctx: ClientCtx) => {
    const s = ctx.state;
    for (const server of cfg.servers) if (!s.confirmed.has(server)) ctx.send(server, { type: "execute", c: s.c });
    ctx.setTimer(cfg.timeoutMs, { kind: "resend" });
  };
  return {
    init(ctx: ClientCtx) {
      clientDisk(ctx);
      ctx.state = { phase: "idle", t: 0, c: own, oks: new Map(), successes: new Set(), confirmed: new Set() };
      ctx.setTimer(ctx.rng.next() * cfg.startSpreadMs, { kind: "start" });
    },
    onTimer(ctx: ClientCtx, tag: ClientTimer) {
      const s = ctx.state;
      if (tag.kind === "start") start(ctx);
      else if (tag.kind === "resend") { if (s.phase === "execute") sendExecute(ctx); }
      else if (tag.t === s.t && (s.phase === "ticket" || s.phase === "propose")) retry(ctx); // timed out
    },
    onMessage(ctx: ClientCtx, msg: Message<PaxosReply>) {
      const s = ctx.state, m = msg.payload;
      switch (m.type) {
        case "ok": { // Phase 2: on a majority of oks, adopt the command stored with the largest T_store; propose (t, c)
          if (m.t !== s.t || s.phase !== "ticket") return; // an answer about an abandoned ticket, or one too many
          s.oks.set(msg.from, { tStore: m.tStore, c: m.c });
          if (s.oks.size < cfg.majority) return;
          let best: { tStore: number; c: string | null } = { tStore: 0, c: null };
          for (const v of s.oks.values()) if (v.tStore > best.tStore) best = v;
          if (cfg.adopt && best.tStore > 0 && best.c !== null) s.c = best.c;
          s.phase = "propose";
          record(ctx, "propose", { ticket: s.t, command: s.c });
          for (const server of s.oks.keys()) ctx.send(server, { type: "propose", t: s.t, c: s.c });
          return;
        }
        case "success": // Phase 3: on a majority of successes, c is chosen; tell every server to execute it
          if (m.t !== s.t || s.phase !== "propose") return;
          s.successes.add(msg.from);
          if (s.successes.size < cfg.majority) return;
          s.phase = "execute";
          s.confirmed = new Set();
          record(ctx, "decide", { ticket: s.t, command: s.c });
          sendExecute(ctx);
          return;
        case "executed": // Phase 3, confirmed: done once every server executed c
          if (s.phase !== "execute") return;
          s.confirmed.add(msg.from);
          if (s.confirmed.size === cfg.servers.length) s.phase = "done";
          return;
        case "nack": { // (remark) t is too small: remember T_max and start a new attempt with a larger ticket
          if (m.t !== s.t || (s.phase !== "ticket" && s.phase !== "propose")) return;
          const p = clientDisk(ctx);
          p.maxSeen = Math.max(p.maxSeen, m.tMax);
          retry(ctx);
          return;
        }
      }
    },
  };
}

// Re-exported for callers that only import this file.
export type { TicketRunResult as PaxosRunResult };
