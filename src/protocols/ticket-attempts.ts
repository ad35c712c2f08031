/**
 * The attempt loop both ticket protocols (naive tickets and Paxos) share, so both follow the same
 * rules: a client counts its attempts on disk, gives up after `maxAttempts`, and after an abandoned
 * attempt starts a new one after a random backoff. Internal to src/protocols.
 */
import type { NodeContext } from "../sim/context";
import { record } from "./ticket-records";
import type { TicketConfig } from "./ticket-runs";

/** The phases the attempt loop puts a client in; each client's phase type includes them. */
export type AttemptPhase = "waiting" | "gave-up";

/** What every ticket client keeps on disk for the loop: how many attempts it has started. */
export interface AttemptDisk {
  attempts: number;
}

/** A client's attempt loop: `start` begins a new attempt, `retry` abandons the current one. */
export interface TicketAttempts<C> {
  /** Counts the attempt on disk; past `cfg.maxAttempts` the client records "give-up" and stops, else `begin(ctx)` runs. */
  start(ctx: C): void;
  /** Sets phase "waiting" and starts again after a uniform random backoff in [0, backoffMs) (at once when backoffMs is 0). */
  retry(ctx: C): void;
}

/**
 * The attempt loop of a ticket client: `disk(ctx)` is the client's disk, `begin(ctx)` starts one
 * attempt (attempt number `disk(ctx).attempts`).
 */
export function ticketAttempts<C extends NodeContext<{ phase: string }>>(
  cfg: TicketConfig,
  disk: (ctx: C) => AttemptDisk,
  begin: (ctx: C) => void,
): TicketAttempts<C> {
  const phase = (ctx: NodeContext<{ phase: string }>, to: AttemptPhase) => { ctx.state.phase = to; };
  const start = (ctx: C) => {
    const p = disk(ctx);
    p.attempts += 1;
    if (p.attempts > cfg.maxAttempts) {
      phase(ctx, "gave-up");
      record(ctx, "give-up", { attempts: cfg.maxAttempts });
      return;
    }
    begin(ctx);
  };
  const retry = (ctx: C) => {
    phase(ctx, "waiting");
    if (cfg.backoffMs > 0) ctx.setTimer(ctx.rng.next() * cfg.backoffMs, { kind: "start" });
    else start(ctx);
  };
  return { start, retry };
}

/**
 * @internal A node's disk (`ctx.persistent`, which survives crashes) as the typed record `D`: on the
 * node's first boot it is empty and gets the fields of `fresh`.
 */
export function disk<D extends object>(ctx: NodeContext, fresh: D): D {
  const p = ctx.persistent;
  for (const _ in p) return p as D; // not the first boot
  return Object.assign(p, fresh);
}
