/**
 * Client-server with acknowledgments, several clients and several servers (Wattenhofer's setting for
 * the theorem that acknowledgments alone do not give state replication). Each client sends each of
 * its commands to every server and resends to the servers that have not acknowledged it after a
 * timeout; the next command waits until every server acknowledged the current one. A server executes
 * a command the first time it arrives (it recognises resends by the command id) and always
 * acknowledges. Servers therefore execute in arrival order, which differs between servers when
 * message delays vary.
 */
import { exponential, type DistributionLike } from "../random/distributions";
import { type Seed } from "../random/rng";
import { createWorld, type World } from "../sim/world";
import { type FaultEvent, type LinkOptions } from "../sim/options";
import { type NodeContext, type NodeHandlers } from "../sim/context";
import { type Trace } from "../sim/trace";
import { checkInteger, checkKeys, checkNonNegative, checkPositive, checkProbability, fail } from "../validate";

/** Options shared by {@link clientServerReplication} and the serializer. */
export interface ReplicationOptions {
  /** Seed of every random stream of the run. */
  seed: Seed;
  /** Number of clients, named A, B, C, ... (at most 26). @defaultValue 2 */
  clients?: number;
  /** Number of servers, named S1, S2, ... @defaultValue 3 */
  servers?: number;
  /** Commands each client issues, one after another. @defaultValue 1 */
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
  /** Per-link network overrides keyed "A->S1" or "A<->S1". @defaultValue {} */
  links?: Record<string, LinkOptions>;
}

/** What a replication run produced. */
export interface ReplicationResult {
  /** The full trace (sequence diagrams, timelines). */
  trace: Trace;
  /** Client names, e.g. ["A", "B"]. */
  clients: string[];
  /** Server names, e.g. ["S1", "S2", "S3"]. */
  servers: string[];
  /** Each server's executed commands, in execution order (command ids such as "A1", "B2"). */
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

/** @internal Validated options with defaults filled in. */
export interface CheckedReplicationOptions {
  seed: Seed; clients: number; servers: number; commandsPerClient: number; delayMs: DistributionLike;
  lossRate: number; timeoutMs: number; clientGapMs: number; thinkMs: number; untilMs: number;
  faults: FaultEvent[]; links: Record<string, LinkOptions>;
}

/** Option names accepted by the replication protocols. */
export const REPLICATION_OPTION_KEYS = ["seed", "clients", "servers", "commandsPerClient", "delayMs", "lossRate",
  "timeoutMs", "clientGapMs", "thinkMs", "untilMs", "faults", "links"] as const;

/** @internal Validates replication options once and fills in the documented defaults. */
export function checkReplicationOptions(fn: string, options: ReplicationOptions): CheckedReplicationOptions {
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, REPLICATION_OPTION_KEYS);
  if (options.seed === undefined) fail(`${fn}: seed`, options.seed, "a number or a string");
  const faults = options.faults ?? [];
  if (!Array.isArray(faults)) fail(`${fn}: faults`, faults, "an array of fault entries");
  return {
    seed: options.seed,
    clients: checkInteger(`${fn}: clients`, options.clients ?? 2, 1, 26),
    servers: checkInteger(`${fn}: servers`, options.servers ?? 3, 1, 1000),
    commandsPerClient: checkInteger(`${fn}: commandsPerClient`, options.commandsPerClient ?? 1, 1, 1_000_000),
    delayMs: options.delayMs ?? exponential(10),
    lossRate: checkProbability(`${fn}: lossRate`, options.lossRate ?? 0),
    timeoutMs: checkPositive(`${fn}: timeoutMs`, options.timeoutMs ?? 100),
    clientGapMs: checkNonNegative(`${fn}: clientGapMs`, options.clientGapMs ?? 0),
    thinkMs: checkNonNegative(`${fn}: thinkMs`, options.thinkMs ?? 0),
    untilMs: checkPositive(`${fn}: untilMs`, options.untilMs ?? 60000),
    faults,
    links: options.links ?? {},
  };
}

/** Client names A, B, C, ... for `count` clients (at most 26). */
export function clientNames(count: number): string[] {
  checkInteger("clientNames(count): count", count, 1, 26);
  return Array.from({ length: count }, (_, i) => String.fromCharCode(65 + i));
}

/** Server names S1, S2, ... for `count` servers. */
export function serverNames(count: number): string[] {
  checkInteger("serverNames(count): count", count, 1, 1_000_000);
  return Array.from({ length: count }, (_, i) => `S${i + 1}`);
}

/** True when some two logs are not prefixes of one another (their servers executed different orders). */
export function logsDiverge(logs: readonly (readonly string[])[]): boolean {
  for (let a = 0; a < logs.length; a++) {
    for (let b = a + 1; b < logs.length; b++) {
      const n = Math.min(logs[a].length, logs[b].length);
      for (let i = 0; i < n; i++) if (logs[a][i] !== logs[b][i]) return true;
    }
  }
  return false;
}

/** The number of distinct logs. */
export function countDistinctLogs(logs: readonly (readonly string[])[]): number {
  return new Set(logs.map((l) => l.join(" "))).size;
}

/** @internal Client behaviour shared by both protocols: issue commands one at a time, resend, commit. */
export function replicationClient(o: CheckedReplicationOptions, index: number, targets: readonly string[], stats: { latencies: number[]; committed: number; lastCommitMs: number }) {
  const issue = (ctx: NodeContext) => {
    const st = ctx.state;
    st.seq += 1;
    st.id = `${ctx.name}${st.seq}`;
    st.startMs = ctx.now;
    st.waiting = new Set(targets);
    ctx.record("issue", { id: st.id });
    for (const s of targets) ctx.send(s, { type: "cmd", id: st.id });
    st.timer = ctx.setTimer(o.timeoutMs, "resend");
  };
  return {
    init(ctx: NodeContext) {
      ctx.state.seq = 0;
      const at = index * o.clientGapMs;
      if (at > 0) ctx.setTimer(at, "next");
      else issue(ctx);
    },
    onMessage(ctx: NodeContext, msg: { from: string; payload: any }) {
      const st = ctx.state;
      if (msg.payload.type !== "ack" || msg.payload.id !== st.id || !st.waiting.has(msg.from)) return;
      st.waiting.delete(msg.from);
      if (st.waiting.size > 0) return;
      ctx.cancelTimer(st.timer);
      stats.committed += 1;
      stats.latencies.push(ctx.now - st.startMs);
      stats.lastCommitMs = ctx.now;
      ctx.record("commit", { id: st.id });
      st.id = undefined;
      if (st.seq >= o.commandsPerClient) return;
      if (o.thinkMs > 0) ctx.setTimer(o.thinkMs, "next");
      else issue(ctx);
    },
    onTimer(ctx: NodeContext, tag: string) {
      const st = ctx.state;
      if (tag === "next") return issue(ctx);
      for (const s of st.waiting) ctx.send(s, { type: "cmd", id: st.id });
      st.timer = ctx.setTimer(o.timeoutMs, "resend");
    },
  };
}

/** @internal Builds the world shared by both protocols (nodes: clients then servers). */
export function replicationWorld(o: CheckedReplicationOptions, handlers: Record<string, NodeHandlers>): World {
  const { clients, servers } = replicationNodes(o);
  return createWorld({
    seed: o.seed, nodes: [...clients, ...servers], faults: o.faults,
    network: { delayMs: o.delayMs, lossRate: o.lossRate, links: o.links }, handlers,
  });
}

/** @internal The node names of both protocols: clients, servers. */
export function replicationNodes(o: CheckedReplicationOptions): { clients: string[]; servers: string[] } {
  return { clients: clientNames(o.clients), servers: serverNames(o.servers) };
}

/** @internal Collects the result after a run. */
export function replicationResult(world: World, trace: Trace, clients: string[], servers: string[], o: CheckedReplicationOptions, stats: { latencies: number[]; committed: number; lastCommitMs: number }): ReplicationResult {
  const logs: Record<string, string[]> = {};
  for (const s of servers) logs[s] = (world.context(s).persistent.log as string[] | undefined) ?? [];
  const list = servers.map((s) => logs[s]);
  return {
    trace, clients, servers, logs, diverged: logsDiverge(list), distinctStates: countDistinctLogs(list),
    committed: stats.committed, issued: o.clients * o.commandsPerClient, latenciesMs: stats.latencies,
    lastCommitMs: stats.lastCommitMs, endMs: trace.summary().endMs,
  };
}

/**
 * Runs client-server with acknowledgments: every client sends each command straight to every
 * server. Servers execute in arrival order, so with variable delays their logs can differ.
 *
 * @example
 * const r = clientServerReplication({ seed: 42, clients: 2, servers: 3 });
 * r.diverged; r.logs.S1; // ["B1", "A1"]
 */
export function clientServerReplication(options: ReplicationOptions): ReplicationResult {
  const o = checkReplicationOptions("clientServerReplication", options);
  const { clients, servers } = replicationNodes(o);
  const stats = { latencies: [] as number[], committed: 0, lastCommitMs: 0 };
  const handlers: Record<string, NodeHandlers> = {};
  clients.forEach((c, i) => (handlers[c] = replicationClient(o, i, servers, stats)));
  for (const s of servers) {
    handlers[s] = {
      onMessage(ctx, msg) {
        if (msg.payload.type !== "cmd") return;
        const p = ctx.persistent;
        if (p.log === undefined) { p.log = []; p.seen = new Set<string>(); }
        const id: string = msg.payload.id;
        if (!p.seen.has(id)) {
          p.seen.add(id);
          p.log.push(id);
          ctx.record("execute", { id });
        }
        ctx.send(msg.from, { type: "ack", id });
      },
    };
  }
  const world = replicationWorld(o, handlers);
  const trace = world.run({ untilMs: o.untilMs });
  return replicationResult(world, trace, clients, servers, o, stats);
}
