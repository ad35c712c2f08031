/**
 * What the ticket protocols (naive tickets and Paxos) record with `ctx.record`, and everything a run's
 * result is derived from: the trace's records are the one result channel of these protocols.
 *
 * | kind      | node   | detail                 | when                                                        |
 * | --------- | ------ | ---------------------- | ----------------------------------------------------------- |
 * | `attempt` | client | `{ attempt, ticket }`  | the client starts an attempt (Paxos: phase 1 with ticket t) |
 * | `propose` | client | `{ ticket, command }`  | a majority answered; the client sends its command with t    |
 * | `store`   | server | `{ ticket, command }`  | the server stores the command under the ticket              |
 * | `decide`  | client | `{ ticket, command }`  | a majority stored it; the client tells servers to execute   |
 * | `execute` | server | `{ command }`          | the server executes the command                             |
 * | `give-up` | client | `{ attempts }`         | the client used all its attempts and stops                  |
 *
 * The naive protocol has no ticket of its own when it starts or decides (`ticket: null`).
 */
import type { NodeContext } from "../sim/context";
import type { Trace } from "../sim/trace";

/** The detail of each record kind of a ticket protocol. */
export interface TicketRecords {
  attempt: { attempt: number; ticket: number | null };
  propose: { ticket: number; command: string };
  store: { ticket: number; command: string };
  decide: { ticket: number | null; command: string };
  execute: { command: string };
  "give-up": { attempts: number };
}

/** @internal `ctx.record(kind, detail)` with the detail type of {@link TicketRecords}. */
export function record<K extends keyof TicketRecords>(ctx: NodeContext, kind: K, detail: TicketRecords[K]): void {
  ctx.record(kind, detail);
}

/** The records of one run as lists, in the order they happened: what the safety checks read. */
export interface ConsensusLog {
  /** A client started an attempt (Paxos: phase 1 with `ticket`; naive tickets: `ticket` is null). */
  attempts: { client: string; ticket: number | null; atMs: number }[];
  /** A client sent its command with `ticket` to servers (Paxos: propose(t, c)). */
  proposals: { client: string; ticket: number; command: string; atMs: number }[];
  /** A server stored `command` under `ticket`. */
  stores: { server: string; ticket: number; command: string; atMs: number }[];
  /** A server executed `command`. */
  executes: { server: string; command: string; atMs: number }[];
  /** A client heard a majority of successes for `command` (and told the servers to execute it). */
  decisions: { client: string; ticket: number | null; command: string; atMs: number }[];
}

/**
 * The consensus log of a run, read from its trace (`trace.records("attempt", "propose", ...)`).
 * @example checkConsensusSafety(consensusLog(runPaxos({ seed: 42 }).trace), 3).ok
 */
export function consensusLog(trace: Trace): ConsensusLog {
  const log: ConsensusLog = { attempts: [], proposals: [], stores: [], executes: [], decisions: [] };
  for (const r of trace.records("attempt", "propose", "store", "decide", "execute")) {
    const atMs = r.t;
    if (r.kind === "attempt") {
      const d = r.detail as TicketRecords["attempt"];
      log.attempts.push({ client: r.node, ticket: d.ticket, atMs });
    } else if (r.kind === "propose") {
      const d = r.detail as TicketRecords["propose"];
      log.proposals.push({ client: r.node, ticket: d.ticket, command: d.command, atMs });
    } else if (r.kind === "store") {
      const d = r.detail as TicketRecords["store"];
      log.stores.push({ server: r.node, ticket: d.ticket, command: d.command, atMs });
    } else if (r.kind === "decide") {
      const d = r.detail as TicketRecords["decide"];
      log.decisions.push({ client: r.node, ticket: d.ticket, command: d.command, atMs });
    } else {
      log.executes.push({ server: r.node, command: (r.detail as TicketRecords["execute"]).command, atMs });
    }
  }
  return log;
}

/** The outcome of a run, derived from its consensus log. */
export interface TicketOutcome {
  /** The command each server executed (null if none). */
  executed: Record<string, string | null>;
  /** True when two servers executed different commands. */
  conflicting: boolean;
  /** True when some client heard a majority of successes. */
  decided: boolean;
  /** When the first client heard a majority of successes, in ms (null if never). */
  firstDecisionMs: number | null;
  /** Attempts (all clients together) started up to the first decision (null if none). */
  attemptsToDecide: number | null;
}

/** @internal The outcome of a run on `servers`, from its log. */
export function ticketOutcome(log: ConsensusLog, servers: readonly string[]): TicketOutcome {
  const executed: Record<string, string | null> = {};
  for (const s of servers) executed[s] = null;
  for (const e of log.executes) if (executed[e.server] === null) executed[e.server] = e.command;
  const first = log.decisions.length > 0 ? log.decisions[0].atMs : null;
  return {
    executed,
    conflicting: new Set(log.executes.map((e) => e.command)).size > 1,
    decided: first !== null,
    firstDecisionMs: first,
    attemptsToDecide: first === null ? null : log.attempts.filter((a) => a.atMs <= first).length,
  };
}
