/**
 * The two-phase protocol (Wattenhofer): to execute a command, a client first asks every server for
 * its lock (phase 1). If every server granted it, the client sends the command to every server,
 * which executes it and releases the lock (phase 2, resent until acknowledged). If some server
 * refused, the client releases the locks it got, waits (fixed or randomized backoff) and tries again.
 * The client is in two-phase-client.ts, the server (a lock manager) in two-phase-server.ts, their
 * messages and records in two-phase-messages.ts.
 *
 * Variants for the failure modes: `onConflict: "wait"` makes a server queue a lock request instead
 * of refusing it, and `lockRequests: "sequential"` with `lockOrder: "rotated"` makes each client take
 * the locks one at a time, each client in a different order (the recipe for deadlock); `lockOrder`
 * may also be a function of your own that gives each client its order. Locks live in
 * the servers' persistent state, so a crashed server still holds its lock after recovery.
 */
import type { ProtocolNodes } from "./protocol-run";
import type { NodeHandlers } from "../sim/context";
import type { StopReason } from "../sim/kernel";
import { type Trace } from "../sim/trace";
import { createWorld } from "../sim/world";
import { clientNames, countDistinctLogs, logsDiverge, serverLogs, serverNames } from "./replica-logs";
import { twoPhaseClient } from "./two-phase-client";
import type { TwoPhaseMessage, TwoPhaseRecordDetails } from "./two-phase-messages";
import { checkTwoPhaseOptions, type TwoPhaseOptions } from "./two-phase-options";
import { lockServer } from "./two-phase-server";

export type { LockOrder, TwoPhaseOptions } from "./two-phase-options";

/** What a two-phase run produced (every field but `trace` is derived from the trace's records). All times in ms of virtual time. */
export interface TwoPhaseResult {
  trace: Trace;
  clients: string[];
  servers: string[];
  /** Each server's executed command ids, in order. */
  logs: Record<string, string[]>;
  /** Commands committed: executed on every server and acknowledged to their client. */
  committed: number;
  /** Commands the clients wanted to commit (clients x commandsPerClient). */
  issued: number;
  /** Lock attempts (phase-1 rounds) started, over all clients. */
  attempts: number;
  /** attempts / committed (Infinity when nothing committed). */
  attemptsPerCommit: number;
  /** Per committed command: ms from its first lock request until its last acknowledgment. */
  waitsMs: number[];
  /** Time of the last commit (0 if none). */
  lastCommitMs: number;
  /** Committed commands per second of virtual time, measured up to the last commit (0 if none). */
  throughputPerS: number;
  /** "done": every command committed; "stuck": nothing left to happen but commands missing (deadlock or a dead server); "running": untilMs reached first (livelock or blocked). */
  outcome: "done" | "stuck" | "running";
  /** True when the servers' logs are not prefixes of one another (never expected). */
  diverged: boolean;
  /** Distinct server logs at the end. */
  distinctStates: number;
  /** Virtual time when the run stopped. */
  endMs: number;
}

/**
 * Runs the two-phase protocol and returns its logs, counts and trace. Clients u1, u2, ... commit
 * commands c1, c2, ... on servers s1, s2, ...; servers record "lock", "unlock" and "execute",
 * clients "issue", "attempt", "abort" and "commit".
 *
 * @example
 * const r = runTwoPhase({ seed: 42, clients: 4, servers: 3, backoff: "random" });
 * r.attemptsPerCommit; r.throughputPerS;
 */
export function runTwoPhase(options: TwoPhaseOptions): TwoPhaseResult {
  const o = checkTwoPhaseOptions("runTwoPhase", options);
  const { clients, servers, handlers } = twoPhaseHandlers(o);
  const world = createWorld({
    seed: o.seed, nodes: [...clients, ...servers], faults: o.faults, handlers,
    network: { delayMs: o.delayMs, links: o.links },
  });
  const trace = world.run({ untilMs: o.untilMs });
  return twoPhaseResult(trace, world.lastStop ?? "until", clients, servers, o.clients * o.commandsPerClient);
}

function twoPhaseHandlers(o: ReturnType<typeof checkTwoPhaseOptions>) {
  const clients = clientNames(o.clients);
  const servers = serverNames(o.servers);
  const handlers: Record<string, NodeHandlers<never, TwoPhaseMessage>> = {};
  clients.forEach((c, i) => (handlers[c] = twoPhaseClient(o, i, servers)));
  const server = lockServer(o.queueing);
  for (const s of servers) handlers[s] = server;
  return { clients, servers, handlers };
}

/**
 * The nodes and handlers that {@link runTwoPhase} runs (clients u1.., lock servers s1..), for
 * createWorld or checkProtocol. With backoff "random" a client draws its backoff from ctx.rng (pass
 * allowRandom: true to checkProtocol, or use backoff "fixed").
 * @example checkProtocol({ ...twoPhaseNodes({ clients: 2, servers: 2, backoff: "fixed" }), history: ["execute"] })
 */
export function twoPhaseNodes(options: Omit<TwoPhaseOptions, "seed"> = {}): ProtocolNodes {
  const { clients, servers, handlers } = twoPhaseHandlers(checkTwoPhaseOptions("twoPhaseNodes", { seed: 0, ...options }));
  return { nodes: [...clients, ...servers], handlers };
}

/**
 * The result of a two-phase run, derived from its records: logs from "execute", attempts from
 * "attempt", commits and waits from "issue" .. "commit". `stop` (why the run returned) tells a run
 * that got stuck from one that was still going at untilMs.
 */
export function twoPhaseResult(trace: Trace, stop: StopReason, clients: string[], servers: string[], issued: number): TwoPhaseResult {
  const isClient = new Set(clients);
  const logs = serverLogs(trace, servers);
  const list = servers.map((s) => logs[s]);
  const issuedAt = new Map<string, number>();
  const waitsMs: number[] = [];
  let attempts = 0, lastCommitMs = 0;
  for (const r of trace.records<TwoPhaseRecordDetails["issue" | "attempt" | "commit"]>("issue", "attempt", "commit")) {
    if (!isClient.has(r.node)) continue;
    const key = `${r.node} ${r.detail.id}`;
    if (r.kind === "attempt") attempts += 1;
    else if (r.kind === "issue") issuedAt.set(key, r.t);
    else {
      waitsMs.push(r.t - (issuedAt.get(key) ?? NaN));
      lastCommitMs = r.t;
    }
  }
  const committed = waitsMs.length;
  return {
    trace, clients, servers, logs, committed, issued, attempts,
    attemptsPerCommit: committed === 0 ? Infinity : attempts / committed,
    waitsMs, lastCommitMs,
    throughputPerS: committed === 0 ? 0 : (1000 * committed) / lastCommitMs,
    outcome: committed === issued ? "done" : stop === "quiescent" ? "stuck" : "running",
    diverged: logsDiverge(list), distinctStates: countDistinctLogs(list), endMs: trace.summary().endMs,
  };
}
