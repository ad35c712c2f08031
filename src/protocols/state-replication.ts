/**
 * What the two state-replication protocols share (client-server with acknowledgments, and the
 * serializer): their options, the messages they exchange, how a run is set up and how its result is
 * read from the trace. Clients u1, u2, ... send commands c1, c2, ... to servers s1, s2, ...
 *
 * Recorded events (the one result channel): a client records "issue" { id } when it sends a command
 * for the first time and "commit" { id } when it has every acknowledgment it waits for; a server
 * records "execute" { id } when it executes a command. {@link replicationResult} derives every result
 * field from these records.
 */
import { exponential, type DistributionLike } from "../random/distributions";
import { type Seed } from "../random/rng";
import { checkSharedOptions } from "./shared-options";
import type { NodeContext, NodeHandlers } from "../sim/context";
import { type FaultEvent, type LinkOptions } from "../sim/options";
import { type Trace } from "../sim/trace";
import { createWorld } from "../sim/world";
import { checkNonNegative, checkPositive, checkProbability } from "../validate";
import type { ProtocolNodes } from "./protocol-run";
import { clientNames, countDistinctLogs, logsDiverge, serverLogs, serverNames } from "./replica-logs";

/** Options shared by runAckReplication and runSerializer. */
export interface ReplicationOptions {
  /** Seed of every random stream of the run. */
  seed: Seed;
  /** Number of clients, named u1, u2, ... @defaultValue 2 */
  clients?: number;
  /** Number of servers, named s1, s2, ... @defaultValue 3 */
  servers?: number;
  /** Commands each client issues, one after another (u1 issues c1, c2, ..., then u2's follow). @defaultValue 1 */
  commandsPerClient?: number;
  /** One-way message delay in ms (a distribution or a constant). @defaultValue exponential(10) */
  delayMs?: DistributionLike;
  /** Probability that a message is lost. @defaultValue 0 */
  lossRate?: number;
  /** A client resends a command to silent servers after this many ms. @defaultValue 100 */
  timeoutMs?: number;
  /** Client i (0-based) sends its first command at i * clientGapMs. @defaultValue 0 */
  clientGapMs?: number;
  /** Pause between an acknowledged command and the client's next one, in ms. @defaultValue 0 */
  thinkMs?: number;
  /** The run stops at this virtual time in ms (or earlier, when nothing is left to do). @defaultValue 60000 */
  untilMs?: number;
  /** Fault schedule passed to the world (crash servers, partitions, ...). @defaultValue [] */
  faults?: FaultEvent[];
  /** Per-link network overrides keyed "u1->s1" or "u1<->s1". @defaultValue {} */
  links?: Record<string, LinkOptions>;
}

/** What a replication run produced (every field but `trace` is derived from the trace's records). */
export interface ReplicationResult {
  /** The full trace (sequence diagrams, timelines). */
  trace: Trace;
  /** Client names, e.g. ["u1", "u2"]. */
  clients: string[];
  /** Server names, e.g. ["s1", "s2", "s3"]. */
  servers: string[];
  /** Each server's executed commands, in execution order (command ids such as "c1", "c2"). */
  logs: Record<string, string[]>;
  /** True when two servers executed commands in orders that are not prefixes of one another. */
  diverged: boolean;
  /** Number of distinct final logs (= distinct final states) among the servers. */
  distinctStates: number;
  /** Commands whose client got every acknowledgment it waits for. */
  committed: number;
  /** Commands issued in total (clients x commandsPerClient). */
  issued: number;
  /** Per committed command: ms from the client's first send until its last awaited acknowledgment. */
  latenciesMs: number[];
  /** Time of the last commit in ms (0 if none). */
  lastCommitMs: number;
  /** Virtual time when the run stopped, in ms. */
  endMs: number;
}

/**
 * The messages of both protocols. `cmd` goes from a client to a server (every server, or the
 * serializer), `ack` back to the client; the serializer forwards with `fwd` and its backups answer
 * `fwd-ack`. `id` is the command ("c1").
 */
export type ReplicationMessage =
  | { type: "cmd"; id: string }
  | { type: "ack"; id: string }
  | { type: "fwd"; id: string }
  | { type: "fwd-ack"; id: string };

/** Detail of the records "issue", "commit" (clients) and "execute" (servers). */
export interface CommandDetail { id: string }

/**
 * @internal A server executes command `id` unless it already did (it keeps the ids it executed on
 * disk, so a resend or a forward after a crash is not executed twice), recording "execute".
 */
export function executeOnce(ctx: NodeContext<unknown, ReplicationMessage>, id: string): void {
  const disk = ctx.persistent as { executed?: Set<string> };
  const executed = (disk.executed ??= new Set<string>());
  if (executed.has(id)) return;
  executed.add(id);
  ctx.record("execute", { id });
}

/** @internal Validated options with defaults filled in. */
export interface CheckedReplicationOptions {
  seed: Seed; clients: number; servers: number; commandsPerClient: number; delayMs: DistributionLike;
  lossRate: number; timeoutMs: number; clientGapMs: number; thinkMs: number; untilMs: number;
  faults: FaultEvent[]; links: Record<string, LinkOptions>;
}

const KEYS = ["seed", "clients", "servers", "commandsPerClient", "delayMs", "lossRate",
  "timeoutMs", "clientGapMs", "thinkMs", "untilMs", "faults", "links"] as const;

/**
 * @internal Validates replication options once and fills in the documented defaults; `extra` names
 * the options of one protocol (checked by its caller).
 */
export function checkReplicationOptions(fn: string, options: ReplicationOptions, extra: readonly string[] = []): CheckedReplicationOptions {
  return {
    ...checkSharedOptions(fn, options, [...KEYS, ...extra]),
    delayMs: options.delayMs ?? exponential(10),
    lossRate: checkProbability(`${fn}: lossRate`, options.lossRate ?? 0),
    timeoutMs: checkPositive(`${fn}: timeoutMs`, options.timeoutMs ?? 100),
    clientGapMs: checkNonNegative(`${fn}: clientGapMs`, options.clientGapMs ?? 0),
    thinkMs: checkNonNegative(`${fn}: thinkMs`, options.thinkMs ?? 0),
    untilMs: checkPositive(`${fn}: untilMs`, options.untilMs ?? 60000),
  };
}

/** @internal The handlers of a replication protocol, by node name, for its clients and servers. */
export type ReplicationHandlers = (o: CheckedReplicationOptions, clients: string[], servers: string[]) => Record<string, NodeHandlers<never, ReplicationMessage>>;

/** @internal The nodes (clients, then servers) and handlers of a replication protocol. */
export function replicationNodes(o: CheckedReplicationOptions, nodes: ReplicationHandlers): ProtocolNodes {
  const clients = clientNames(o.clients);
  const servers = serverNames(o.servers);
  return { nodes: [...clients, ...servers], handlers: nodes(o, clients, servers) };
}

/**
 * @internal Runs one replication protocol: `nodes` gives each client's and each server's handlers
 * (nodes: clients, then servers); the result comes from the trace alone.
 */
export function runReplication(o: CheckedReplicationOptions, nodes: ReplicationHandlers): ReplicationResult {
  const clients = clientNames(o.clients);
  const servers = serverNames(o.servers);
  const world = createWorld({
    seed: o.seed, nodes: [...clients, ...servers], faults: o.faults, handlers: nodes(o, clients, servers),
    network: { delayMs: o.delayMs, lossRate: o.lossRate, links: o.links },
  });
  return replicationResult(world.run({ untilMs: o.untilMs }), clients, servers, o.clients * o.commandsPerClient);
}

/**
 * The result of a replication run, derived from its records: logs from "execute", commits from
 * "commit", and each latency from the client's last "issue" of the command to its "commit".
 */
export function replicationResult(trace: Trace, clients: string[], servers: string[], issued: number): ReplicationResult {
  const logs = serverLogs(trace, servers);
  const list = servers.map((s) => logs[s]);
  const isClient = new Set(clients);
  const issuedAt = new Map<string, number>();
  const latenciesMs: number[] = [];
  let lastCommitMs = 0;
  for (const r of trace.records<CommandDetail>("issue", "commit")) {
    if (!isClient.has(r.node)) continue;
    const key = `${r.node} ${r.detail.id}`;
    if (r.kind === "issue") issuedAt.set(key, r.t);
    else {
      latenciesMs.push(r.t - (issuedAt.get(key) ?? NaN));
      lastCommitMs = r.t;
    }
  }
  return {
    trace, clients, servers, logs, diverged: logsDiverge(list), distinctStates: countDistinctLogs(list),
    committed: latenciesMs.length, issued, latenciesMs, lastCommitMs, endMs: trace.summary().endMs,
  };
}
