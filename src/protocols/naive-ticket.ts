/**
 * The naive ticket protocol (Wattenhofer, "Fault-Tolerance & Paxos"): a client gets a ticket from a
 * majority of servers, sends its command with those tickets, and if a majority stored it, tells every
 * server to execute its stored command. A server issues ticket T+1 on every request, so only its
 * newest ticket is valid. The flaw: a slow client can still store and execute its command on some
 * servers after another client has stored a different one on others.
 */
import type { NodeContext, NodeHandlers } from "../sim/context";
import { monteCarlo, runSeed } from "../stats/montecarlo";
import type { Seed } from "../random/rng";
import { checkInteger } from "../validate";
import { logExecute, logStore, ticketAttempts } from "./ticket-attempts";
import { emptyLog, runTicketWorld, ticketConfig, type ConsensusLog, type TicketConfig, type TicketRunOptions, type TicketRunResult } from "./ticket-runs";

export type { TicketRunOptions as NaiveTicketOptions };

/**
 * Runs the naive ticket protocol once: clients u1..uk each want their command c1..ck executed on
 * servers s1..sn. Servers keep their ticket counter and stored command on disk (they survive crashes).
 * @example const run = runNaiveTicket({ seed: 42, speeds: { u1: 0.25 } }); run.conflicting
 */
export function runNaiveTicket(options: TicketRunOptions): TicketRunResult {
  const cfg = ticketConfig("runNaiveTicket", options);
  const log = emptyLog();
  return runTicketWorld("naive-ticket", cfg, log, (name, i) => naiveClient(cfg, log, `c${i + 1}`), naiveServer(log));
}

function naiveServer(log: ConsensusLog): NodeHandlers {
  return {
    init(ctx) {
      const p = ctx.persistent;
      if (p.T === undefined) Object.assign(p, { T: 0, stored: null, storedT: 0, executed: null });
    },
    onMessage(ctx, msg) {
      const p = ctx.persistent, m = msg.payload;
      if (m.type === "ticket") {
        p.T += 1; // a new ticket; every older one is no longer valid
        ctx.send(msg.from, { type: "ticket", t: p.T, a: m.a });
      } else if (m.type === "store") {
        if (m.t === p.T) {
          p.stored = m.c;
          p.storedT = m.t;
          logStore(log, ctx, m.t, m.c);
          ctx.send(msg.from, { type: "success", a: m.a });
        } else {
          ctx.send(msg.from, { type: "refused", a: m.a });
        }
      } else if (m.type === "execute") {
        if (p.executed === null && p.stored !== null) {
          p.executed = p.stored; // executes ITS stored command, whoever sent execute
          logExecute(log, ctx, p.stored);
        }
      }
    },
  };
}

function naiveClient(cfg: TicketConfig, log: ConsensusLog, command: string): NodeHandlers {
  const { start, retry } = ticketAttempts(cfg, (ctx: NodeContext) => {
    const s = ctx.state;
    s.a = ctx.persistent.attempts;
    s.phase = "ticket";
    s.tickets = new Map<string, number>();
    s.successes = 0;
    s.refused = 0;
    log.attempts.push({ client: ctx.name, ticket: 0, atMs: ctx.now });
    ctx.broadcast({ type: "ticket", a: s.a }, cfg.servers);
    ctx.setTimer(cfg.timeoutMs, { kind: "timeout", a: s.a });
  });
  return {
    init(ctx) {
      ctx.state.phase = "idle";
      ctx.setTimer(ctx.rng.next() * cfg.startSpreadMs, { kind: "start" });
    },
    onTimer(ctx, tag) {
      if (tag.kind === "start") start(ctx);
      else if (tag.a === ctx.state.a && (ctx.state.phase === "ticket" || ctx.state.phase === "store")) retry(ctx);
    },
    onMessage(ctx, msg) {
      const s = ctx.state, m = msg.payload;
      if (m.a !== s.a) return; // a reply to an abandoned attempt
      if (m.type === "ticket" && s.phase === "ticket") {
        s.tickets.set(msg.from, m.t);
        if (s.tickets.size < cfg.majority) return;
        s.phase = "store";
        const maxT = Math.max(...s.tickets.values());
        log.proposals.push({ client: ctx.name, ticket: maxT, command, atMs: ctx.now });
        for (const [server, t] of s.tickets) ctx.send(server, { type: "store", t, c: command, a: s.a });
      } else if (m.type === "success" && s.phase === "store") {
        if (++s.successes < cfg.majority) return;
        s.phase = "done";
        log.decisions.push({ client: ctx.name, ticket: 0, command, atMs: ctx.now });
        ctx.broadcast({ type: "execute", c: command, a: s.a }, cfg.servers);
      } else if (m.type === "refused" && s.phase === "store") {
        if (++s.refused > s.tickets.size - cfg.majority) retry(ctx); // a majority is out of reach
      }
    },
  };
}

/** Options of {@link naiveTicketConflicts}: the run options (without seed) plus how many runs. */
export interface NaiveTicketConflictOptions extends Omit<TicketRunOptions, "seed"> {
  /** Seed of the experiment; run i uses `runSeed(seed, i)`. */
  seed: Seed;
  /** Number of runs, an integer in [1, 1e6]. @defaultValue 1000 */
  runs?: number;
}

/** Per-run outcome of {@link naiveTicketConflicts}. */
export interface NaiveTicketConflictRow {
  seed: string;
  conflicting: boolean;
  decided: boolean;
  commands: number;
}

/**
 * Runs the naive ticket protocol many times with the same options and different seeds, and reports,
 * per run, whether the servers executed different commands.
 */
export function naiveTicketConflicts(options: NaiveTicketConflictOptions): NaiveTicketConflictRow[] {
  const { runs = 1000, seed, ...rest } = options;
  checkInteger("naiveTicketConflicts: runs", runs, 1, 1_000_000);
  ticketConfig("naiveTicketConflicts", { seed, ...rest });
  return monteCarlo({
    runs, seed,
    run: (s) => {
      const r = runNaiveTicket({ ...rest, seed: s });
      return { seed: s, conflicting: r.conflicting, decided: r.decided, commands: new Set(r.log.executes.map((e) => e.command)).size };
    },
  });
}

/** The first seed (runSeed(seed, i), i = 0, 1, ...) whose run makes servers execute different commands, or null. */
export function findConflictingNaiveTicketRun(options: TicketRunOptions, maxTries = 1000): TicketRunResult | null {
  checkInteger("findConflictingNaiveTicketRun: maxTries", maxTries, 1, 1_000_000);
  for (let i = 0; i < maxTries; i++) {
    const run = runNaiveTicket({ ...options, seed: runSeed(options.seed, i) });
    if (run.conflicting) return run;
  }
  return null;
}
