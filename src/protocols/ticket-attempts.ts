/**
 * The steps the ticket protocols (naive tickets and Paxos) take alike, so both follow the same
 * rules: a client's attempt loop (count attempts, give up after maxAttempts, retry after a random
 * backoff) and the server's log entries for a store and an execution.
 * Internal to src/protocols (not re-exported by the barrel).
 */
import type { NodeContext } from "../sim/context";
import type { ConsensusLog, TicketConfig } from "./ticket-runs";

/** A client's attempt loop: `start` begins a new attempt, `retry` abandons the current one. */
export interface TicketAttempts {
  /** Counts the attempt in `ctx.persistent.attempts`; past `cfg.maxAttempts` the client gives up, else `begin(ctx)` runs. */
  start(ctx: NodeContext): void;
  /** Sets phase "waiting" and starts again after a uniform random backoff in [0, backoffMs) (at once when backoffMs is 0). */
  retry(ctx: NodeContext): void;
}

/** The attempt loop of a ticket client whose attempt begins with `begin(ctx)`. */
export function ticketAttempts(cfg: TicketConfig, begin: (ctx: NodeContext) => void): TicketAttempts {
  const start = (ctx: NodeContext) => {
    const p = ctx.persistent;
    p.attempts = (p.attempts ?? 0) + 1;
    if (p.attempts > cfg.maxAttempts) {
      ctx.state.phase = "gave-up";
      return;
    }
    begin(ctx);
  };
  const retry = (ctx: NodeContext) => {
    ctx.state.phase = "waiting";
    if (cfg.backoffMs > 0) ctx.setTimer(ctx.rng.next() * cfg.backoffMs, { kind: "start" });
    else start(ctx);
  };
  return { start, retry };
}

/** A server stored `command` under `ticket`: appends to `log.stores`. */
export function logStore(log: ConsensusLog, ctx: NodeContext, ticket: number, command: string): void {
  log.stores.push({ server: ctx.name, ticket, command, atMs: ctx.now });
}

/** A server executed `command`: appends to `log.executes` and records an "execute" trace event. */
export function logExecute(log: ConsensusLog, ctx: NodeContext, command: string): void {
  log.executes.push({ server: ctx.name, command, atMs: ctx.now });
  ctx.record("execute", { command });
}
