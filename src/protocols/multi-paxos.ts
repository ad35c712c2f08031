/**
 * Multi-Paxos: a replicated log, one Paxos instance per log slot, as the chapter's Paxos extended
 * from one decision to a sequence c1, c2, c3, ... (notebook 03's state replication, without a single
 * point of failure). Clients u1..uk send commands; servers s1..sn are acceptors and learners, and the
 * one that wins phase 1 leads:
 *
 * Phase 1 (once per leader): prepare(t) to all servers; one T_max covers every slot, so a majority of
 * ok(slot, T_store, C) answers makes the server leader for every slot not yet applied. It adopts, per
 * slot, the stored command with the largest T_store and fills a slot nobody stored anything for (a gap)
 * with a no-op.
 * Phase 2 (per command): the leader puts the command in the next free slot and sends propose(t, slot, c);
 * servers with t >= T_max store it and answer success. Phase 1 is skipped while nobody challenges.
 * Phase 3: on a majority of successes the slot is chosen: execute(slot, c) to every server. Each server
 * applies chosen slots strictly in slot order, so every server executes the same commands in the same
 * order; a command that landed in two slots (a resend after a leader change) is executed once.
 *
 * Additions: heartbeats from the leader (a follower that hears none for a while challenges it, with a
 * random extra wait); a heartbeat says how far the log is chosen, so a server that missed execute
 * messages asks for them (catch-up). Results come only from the trace (multi-paxos-records.ts).
 */
import { type Trace } from "../sim/trace";
import { type NodeHandlers } from "../sim/context";
import { checkLogAgreement, replicatedLog, type LogAgreement, type ReplicatedLog } from "./multi-paxos-records";
import { multiPaxosConfig, type MultiPaxosConfig, type MultiPaxosOptions } from "./multi-paxos-options";
import { multiPaxosServer } from "./multi-paxos-server";
import { multiPaxosClient } from "./multi-paxos-client";
import { runProtocol, type ProtocolNodes, type ProtocolRun } from "./protocol-run";

/** The outcome of one run of {@link runMultiPaxos}: every field but `trace` and `fork` is derived from the trace. */
export interface MultiPaxosResult extends ProtocolRun<MultiPaxosResult> {
  servers: string[];
  clients: string[];
  /** The replicated log read from the records (each server's executed commands and applied slots, leaders, no-ops). */
  log: ReplicatedLog;
  /** Each server's executed commands, in order (the same as `log.logs`). */
  logs: Record<string, string[]>;
  /** Agreement, no duplicate execution, no lost commit (see {@link checkLogAgreement}). */
  agreement: LogAgreement;
  /** Commands issued and committed (acknowledged to their client). */
  issued: number;
  committed: number;
  /** For each committed command, ms from its issue to its commit. */
  latenciesMs: number[];
  /** Phase 1 attempts (prepare) over the whole run: one per challenge, none per command. */
  prepares: number;
}

/** @internal Reads a run's result from its trace. */
export function multiPaxosOutcome(trace: Trace, cfg: Pick<MultiPaxosConfig, "servers" | "clients">): Omit<MultiPaxosResult, "trace" | "fork"> {
  const log = replicatedLog(trace, cfg.servers);
  const issuedAt = new Map(log.issued.map((i) => [i.id, i.atMs]));
  return {
    servers: cfg.servers, clients: cfg.clients, log, logs: log.logs, agreement: checkLogAgreement(log),
    issued: log.issued.length, committed: log.committed.length,
    latenciesMs: log.committed.map((c) => c.atMs - (issuedAt.get(c.id) as number)),
    prepares: trace.records("prepare").length,
  };
}

function handlersOf(cfg: MultiPaxosConfig): Record<string, NodeHandlers<unknown, unknown>> {
  const handlers: Record<string, NodeHandlers<unknown, unknown>> = {};
  cfg.clients.forEach((c, i) => (handlers[c] = multiPaxosClient(cfg, i) as NodeHandlers<unknown, unknown>));
  cfg.servers.forEach((s, i) => (handlers[s] = multiPaxosServer(cfg, i) as NodeHandlers<unknown, unknown>));
  return handlers;
}

/**
 * Runs the replicated log once: clients u1..uk issue `commandsPerClient` commands each, one at a
 * time, to servers s1..sn (s1 leads first) under the given network and faults.
 * @example const run = runMultiPaxos({ seed: 42 }); run.logs.s1 // the same list as run.logs.s2 and s3
 */
export function runMultiPaxos(options: MultiPaxosOptions): MultiPaxosResult {
  const cfg = multiPaxosConfig("runMultiPaxos", options);
  return runProtocol<MultiPaxosResult>({
    seed: cfg.seed, nodes: [...cfg.clients, ...cfg.servers], handlers: handlersOf(cfg), faults: cfg.faults,
    network: { delayMs: cfg.delayMs, lossRate: cfg.lossRate, duplicateRate: cfg.duplicateRate }, maxEvents: 5_000_000,
  }, (trace) => multiPaxosOutcome(trace, cfg), { untilMs: cfg.untilMs });
}

/**
 * The nodes (clients u1.., servers s1..) and handlers that {@link runMultiPaxos} runs, for createWorld
 * or checkProtocol. Servers draw their election waits from ctx.rng, so pass allowRandom: true to
 * checkProtocol, and keep the instance small: one client with one command and a stable leader
 * (maxElections: 0) is 3,536 states, 17,300 with one lost message; one challenge per server
 * (maxElections: 1) is already more than 2,000,000. Each server's disk holds `applied`, the slots it
 * applied in order (read it in an invariant, as logsArePrefixes does).
 * @example checkProtocol({ ...multiPaxosNodes({ clients: 1, commandsPerClient: 1, maxElections: 0 }), allowRandom: true, faults: { drops: 1 } })
 */
export function multiPaxosNodes(options: Omit<MultiPaxosOptions, "seed"> = {}): ProtocolNodes {
  const cfg = multiPaxosConfig("multiPaxosNodes", { seed: 0, ...options });
  return { nodes: [...cfg.clients, ...cfg.servers], handlers: handlersOf(cfg) };
}
