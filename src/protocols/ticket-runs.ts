/**
 * What the ticket protocols (naive tickets and Paxos) share: run options, the world they run in
 * (clients u1.., servers s1..), and the log of proposals, stores and executions that safety checks read.
 */
import { createWorld } from "../sim/world";
import { type FaultEvent } from "../sim/options";
import { type NodeHandlers } from "../sim/context";
import { type Trace } from "../sim/trace";
import { exponential, type DistributionLike } from "../random/distributions";
import { type Seed } from "../random/rng";
import { checkInteger, checkKeys, checkNonNegative, checkPositive, checkProbability, fail } from "../validate";

/** Options shared by {@link runNaiveTicket} and {@link runPaxos}. */
export interface TicketRunOptions {
  /** Seed of every random draw of the run. */
  seed: Seed;
  /** Number of servers (s1, s2, ...), an integer in [1, 15]. @defaultValue 3 */
  servers?: number;
  /** Number of clients (u1, u2, ...), each with its own command c1, c2, ...; in [1, 10]. @defaultValue 2 */
  clients?: number;
  /** One-way message delay in ms. @defaultValue exponential(10) */
  delayMs?: DistributionLike;
  /** Probability that a message is lost. @defaultValue 0 */
  lossRate?: number;
  /** Probability that a message is delivered twice. @defaultValue 0 */
  duplicateRate?: number;
  /** A client abandons an attempt it has not finished after this long and starts a new one. @defaultValue 80 */
  timeoutMs?: number;
  /** Before a new attempt a client waits a random time, uniform in [0, backoffMs]. @defaultValue 0 */
  backoffMs?: number;
  /** Each client starts at a random time, uniform in [0, startSpreadMs]. @defaultValue 20 */
  startSpreadMs?: number;
  /** Attempts per client before it gives up. @defaultValue 50 */
  maxAttempts?: number;
  /** Speed factor per node, e.g. { u1: 0.2 } for a slow client (see createWorld). @defaultValue {} */
  speeds?: Record<string, number>;
  /** Crash, recover, partition, ... schedule (see createWorld). @defaultValue [] */
  faults?: FaultEvent[];
  /** The run stops at this virtual time, in ms. @defaultValue 3000 */
  untilMs?: number;
}

/** Validated options with defaults filled in. */
export interface TicketConfig {
  seed: Seed; servers: string[]; clients: string[]; delayMs: DistributionLike; lossRate: number;
  duplicateRate: number; timeoutMs: number; backoffMs: number; startSpreadMs: number; maxAttempts: number;
  speeds: Record<string, number>; faults: FaultEvent[]; untilMs: number; majority: number;
}

/** Everything the safety checks need, appended to while the run goes on. */
export interface ConsensusLog {
  /** A client started phase 1 with `ticket`. */
  attempts: { client: string; ticket: number; atMs: number }[];
  /** A client sent its command with `ticket` to servers (Paxos: propose(t, c)). */
  proposals: { client: string; ticket: number; command: string; atMs: number }[];
  /** A server stored `command` under `ticket`. */
  stores: { server: string; ticket: number; command: string; atMs: number }[];
  /** A server executed `command`. */
  executes: { server: string; command: string; atMs: number }[];
  /** A client heard a majority of successes for `command` (and told the servers to execute it). */
  decisions: { client: string; ticket: number; command: string; atMs: number }[];
}

/** The outcome of one run of a ticket protocol. */
export interface TicketRunResult {
  protocol: string;
  seed: Seed;
  servers: string[];
  clients: string[];
  trace: Trace;
  log: ConsensusLog;
  /** The command each server executed (null if none). */
  executed: Record<string, string | null>;
  /** True when two servers executed different commands. */
  conflicting: boolean;
  /** True when some client heard a majority of successes. */
  decided: boolean;
  /** When the first client heard a majority of successes, in ms (null if never). */
  firstDecisionMs: number | null;
  /** Attempts (phase-1 starts, all clients together) up to the first decision (null if none). */
  attemptsToDecide: number | null;
}

const KEYS = ["seed", "servers", "clients", "delayMs", "lossRate", "duplicateRate", "timeoutMs", "backoffMs",
  "startSpreadMs", "maxAttempts", "speeds", "faults", "untilMs"];

/** @internal Validates the shared options; `extra` lists the protocol's own option names. */
export function ticketConfig(fn: string, options: TicketRunOptions, extra: string[] = []): TicketConfig {
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, [...KEYS, ...extra]);
  const nServers = checkInteger(`${fn}: servers`, options.servers ?? 3, 1, 15);
  const nClients = checkInteger(`${fn}: clients`, options.clients ?? 2, 1, 10);
  return {
    seed: options.seed,
    servers: Array.from({ length: nServers }, (_, i) => `s${i + 1}`),
    clients: Array.from({ length: nClients }, (_, i) => `u${i + 1}`),
    delayMs: options.delayMs ?? exponential(10),
    lossRate: checkProbability(`${fn}: lossRate`, options.lossRate ?? 0),
    duplicateRate: checkProbability(`${fn}: duplicateRate`, options.duplicateRate ?? 0),
    timeoutMs: checkPositive(`${fn}: timeoutMs`, options.timeoutMs ?? 80),
    backoffMs: checkNonNegative(`${fn}: backoffMs`, options.backoffMs ?? 0),
    startSpreadMs: checkNonNegative(`${fn}: startSpreadMs`, options.startSpreadMs ?? 20),
    maxAttempts: checkInteger(`${fn}: maxAttempts`, options.maxAttempts ?? 50, 1, 1_000_000),
    speeds: options.speeds ?? {},
    faults: options.faults ?? [],
    untilMs: checkPositive(`${fn}: untilMs`, options.untilMs ?? 3000),
    majority: Math.floor(nServers / 2) + 1,
  };
}

/** @internal Builds the world, runs it and summarizes the log. */
export function runTicketWorld(
  protocol: string,
  cfg: TicketConfig,
  log: ConsensusLog,
  client: (name: string, index: number) => NodeHandlers,
  server: NodeHandlers,
): TicketRunResult {
  const handlers: Record<string, NodeHandlers> = {};
  cfg.clients.forEach((c, i) => (handlers[c] = client(c, i)));
  for (const s of cfg.servers) handlers[s] = server;
  const world = createWorld({
    seed: cfg.seed, nodes: [...cfg.clients, ...cfg.servers], handlers, speeds: cfg.speeds, faults: cfg.faults,
    network: { delayMs: cfg.delayMs, lossRate: cfg.lossRate, duplicateRate: cfg.duplicateRate },
    maxEvents: 2_000_000,
  });
  const trace = world.run({ untilMs: cfg.untilMs });
  const executed: Record<string, string | null> = {};
  for (const s of cfg.servers) executed[s] = null;
  for (const e of log.executes) if (executed[e.server] === null) executed[e.server] = e.command;
  const distinct = new Set(log.executes.map((e) => e.command));
  const first = log.decisions.length > 0 ? log.decisions[0].atMs : null;
  return {
    protocol, seed: cfg.seed, servers: cfg.servers, clients: cfg.clients, trace, log, executed,
    conflicting: distinct.size > 1,
    decided: first !== null,
    firstDecisionMs: first,
    attemptsToDecide: first === null ? null : log.attempts.filter((a) => a.atMs <= first).length,
  };
}

/** @internal A fresh, empty log. */
export function emptyLog(): ConsensusLog {
  return { attempts: [], proposals: [], stores: [], executes: [], decisions: [] };
}
