/**
 * The harness the ticket protocols (naive tickets and Paxos) share: their run options (validated once),
 * the world they run in (clients u1.., servers s1..), and their result, derived from the run's trace
 * (see ticket-records.ts).
 */
import { createWorld } from "../sim/world";
import { normalizeFault, type FaultEvent } from "../sim/fault-options";
import { type NodeHandlers } from "../sim/context";
import { type Trace } from "../sim/trace";
import { exponential, sampler, type DistributionLike } from "../random/distributions";
import { type Seed } from "../random/rng";
import { checkInteger, checkKeys, checkKnownName, checkNonNegative, checkPositive, checkProbability, checkSeed, fail } from "../validate";
import type { ProtocolNodes } from "./protocol-run";
import { consensusLog, ticketOutcome, type ConsensusLog, type TicketOutcome } from "./ticket-records";

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

/** The outcome of one run of a ticket protocol: every field but `trace` is derived from the trace's records. */
export interface TicketRunResult extends TicketOutcome {
  protocol: "naive-ticket" | "paxos";
  seed: Seed;
  servers: string[];
  clients: string[];
  trace: Trace;
  /** The attempts, proposals, stores, executions and decisions, read from the trace (see {@link consensusLog}). */
  log: ConsensusLog;
}

const KEYS = ["seed", "servers", "clients", "delayMs", "lossRate", "duplicateRate", "timeoutMs", "backoffMs",
  "startSpreadMs", "maxAttempts", "speeds", "faults", "untilMs"];

/**
 * @internal Validates the shared options once (every value, the fault schedule and the speeds against
 * the node names), so that errors name `fn`; `extra` lists the protocol's own option names.
 */
export function ticketConfig(fn: string, options: TicketRunOptions, extra: string[] = []): TicketConfig {
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, [...KEYS, ...extra]);
  const nServers = checkInteger(`${fn}: servers`, options.servers ?? 3, 1, 15);
  const nClients = checkInteger(`${fn}: clients`, options.clients ?? 2, 1, 10);
  const servers = Array.from({ length: nServers }, (_, i) => `s${i + 1}`);
  const clients = Array.from({ length: nClients }, (_, i) => `u${i + 1}`);
  const nodes = [...clients, ...servers];
  const delayMs = options.delayMs ?? exponential(10);
  if (typeof delayMs === "number") checkNonNegative(`${fn}: delayMs`, delayMs);
  sampler(delayMs, `${fn}: delayMs`);
  const speeds = options.speeds ?? {};
  if (speeds === null || typeof speeds !== "object") fail(`${fn}: speeds`, speeds, "an object such as { u1: 0.2 }");
  for (const [node, v] of Object.entries(speeds)) checkPositive(`${fn}: speeds.${checkKnownName(`${fn}: speeds key`, node, nodes)}`, v);
  const faults = options.faults ?? [];
  if (!Array.isArray(faults)) fail(`${fn}: faults`, faults, "an array of fault entries such as { at: 50, crash: \"s1\" }");
  faults.forEach((f, i) => normalizeFault(`${fn}: faults[${i}]`, f, nodes));
  return {
    seed: checkSeed(`${fn}: seed`, options.seed),
    servers,
    clients,
    delayMs,
    lossRate: checkProbability(`${fn}: lossRate`, options.lossRate ?? 0),
    duplicateRate: checkProbability(`${fn}: duplicateRate`, options.duplicateRate ?? 0),
    timeoutMs: checkPositive(`${fn}: timeoutMs`, options.timeoutMs ?? 80),
    backoffMs: checkNonNegative(`${fn}: backoffMs`, options.backoffMs ?? 0),
    startSpreadMs: checkNonNegative(`${fn}: startSpreadMs`, options.startSpreadMs ?? 20),
    maxAttempts: checkInteger(`${fn}: maxAttempts`, options.maxAttempts ?? 50, 1, 1_000_000),
    speeds,
    faults,
    untilMs: checkPositive(`${fn}: untilMs`, options.untilMs ?? 3000),
    majority: Math.floor(nServers / 2) + 1,
  };
}

/** @internal The nodes (clients u1.., servers s1..) and handlers of a ticket protocol. */
export function ticketNodes(cfg: TicketConfig, client: (index: number) => NodeHandlers, server: NodeHandlers): ProtocolNodes {
  const handlers: Record<string, NodeHandlers> = {};
  cfg.clients.forEach((c, i) => (handlers[c] = client(i)));
  for (const s of cfg.servers) handlers[s] = server;
  return { nodes: [...cfg.clients, ...cfg.servers], handlers };
}

/** @internal Builds the world (clients u1.., servers s1..), runs it and derives the result from the trace. */
export function runTicketWorld(
  protocol: TicketRunResult["protocol"],
  cfg: TicketConfig,
  client: (index: number) => NodeHandlers,
  server: NodeHandlers,
): TicketRunResult {
  const { handlers } = ticketNodes(cfg, client, server);
  const world = createWorld({
    seed: cfg.seed, nodes: [...cfg.clients, ...cfg.servers], handlers, speeds: cfg.speeds, faults: cfg.faults,
    network: { delayMs: cfg.delayMs, lossRate: cfg.lossRate, duplicateRate: cfg.duplicateRate },
    maxEvents: 2_000_000,
  });
  const trace = world.run({ untilMs: cfg.untilMs });
  const log = consensusLog(trace);
  return { protocol, seed: cfg.seed, servers: cfg.servers, clients: cfg.clients, trace, log, ...ticketOutcome(log, cfg.servers) };
}
