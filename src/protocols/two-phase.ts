/**
 * The two-phase protocol (Wattenhofer): to execute a command, a client first asks every server for
 * its lock (phase 1). If every server granted it, the client sends the command to every server,
 * which executes it and releases the lock (phase 2, resent until acknowledged). If some server
 * refused, the client releases the locks it got, waits (fixed or randomized backoff) and tries again.
 *
 * Variants for the failure modes: `onConflict: "wait"` makes a server queue a lock request instead
 * of refusing it, and `lockRequests: "sequential"` with `lockOrder: "rotated"` makes each client take
 * the locks one at a time, each client in a different order (the recipe for deadlock). Locks and logs
 * live in the servers' persistent state, so a crashed server still holds its lock after recovery.
 */
import { exponential, type DistributionLike } from "../random/distributions";
import { type Seed } from "../random/rng";
import { createWorld } from "../sim/world";
import { type FaultEvent, type LinkOptions } from "../sim/options";
import { type NodeContext, type NodeHandlers } from "../sim/context";
import { type Trace } from "../sim/trace";
import { checkInteger, checkKeys, checkNonNegative, checkOneOf, checkPositive, fail } from "../validate";
import { clientNames, countDistinctLogs, logsDiverge, serverNames } from "./ack-replication";
import { lockServer } from "./two-phase-server";

/** Options of {@link twoPhaseProtocol}. */
export interface TwoPhaseOptions {
  /** Seed of every random stream of the run. */
  seed: Seed;
  /** Number of clients, named A, B, ... (at most 26). @defaultValue 2 */
  clients?: number;
  /** Number of servers, named S1, S2, ... @defaultValue 3 */
  servers?: number;
  /** Commands each client commits, one after another. @defaultValue 1 */
  commandsPerClient?: number;
  /** One-way message delay in ms. @defaultValue exponential(5) */
  delayMs?: DistributionLike;
  /** "fixed": wait exactly backoffMs after a failed attempt; "random": uniform in [0, 2 backoffMs). @defaultValue "random" */
  backoff?: "fixed" | "random";
  /** Mean wait after a failed attempt, in ms. @defaultValue 20 */
  backoffMs?: number;
  /** "parallel": ask every server at once; "sequential": one server at a time, the next after a grant. @defaultValue "parallel" */
  lockRequests?: "parallel" | "sequential";
  /** "same": every client asks S1, S2, ... in that order; "rotated": client i starts at server i. @defaultValue "same" */
  lockOrder?: "same" | "rotated";
  /** What a locked server does with a request: "refuse" it or queue it ("wait"). @defaultValue "refuse" */
  onConflict?: "refuse" | "wait";
  /** A client gives up an attempt (releases and backs off) if its locks are not all granted within this many ms. @defaultValue Infinity (never) */
  lockTimeoutMs?: number;
  /** Phase 2 resends the command to servers that have not acknowledged after this many ms. @defaultValue 100 */
  resendMs?: number;
  /** Client i (0-based) starts at i * clientGapMs. @defaultValue 0 */
  clientGapMs?: number;
  /** The run stops at this virtual time in ms (or earlier, when nothing is left to do). @defaultValue 10000 */
  untilMs?: number;
  /** Fault schedule passed to the world. @defaultValue [] */
  faults?: FaultEvent[];
  /** Per-link network overrides keyed "A->S1" or "A<->S1". @defaultValue {} */
  links?: Record<string, LinkOptions>;
}

/** What a two-phase run produced. All times in ms of virtual time. */
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

const KEYS = ["seed", "clients", "servers", "commandsPerClient", "delayMs", "backoff", "backoffMs", "lockRequests",
  "lockOrder", "onConflict", "lockTimeoutMs", "resendMs", "clientGapMs", "untilMs", "faults", "links"] as const;

/**
 * Runs the two-phase protocol and returns its logs, counts and trace. Servers record "lock",
 * "unlock" and "execute" events; clients record "attempt", "abort" and "commit".
 *
 * @example
 * const r = twoPhaseProtocol({ seed: 42, clients: 4, servers: 3, backoff: "random" });
 * r.attemptsPerCommit; r.throughputPerS;
 */
export function twoPhaseProtocol(options: TwoPhaseOptions): TwoPhaseResult {
  const fn = "twoPhaseProtocol";
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, KEYS);
  if (options.seed === undefined) fail(`${fn}: seed`, options.seed, "a number or a string");
  const nc = checkInteger(`${fn}: clients`, options.clients ?? 2, 1, 26);
  const ns = checkInteger(`${fn}: servers`, options.servers ?? 3, 1, 1000);
  const perClient = checkInteger(`${fn}: commandsPerClient`, options.commandsPerClient ?? 1, 1, 1_000_000);
  const backoff = checkOneOf(`${fn}: backoff`, options.backoff ?? "random", ["fixed", "random"]);
  const backoffMs = checkNonNegative(`${fn}: backoffMs`, options.backoffMs ?? 20);
  const sequential = checkOneOf(`${fn}: lockRequests`, options.lockRequests ?? "parallel", ["parallel", "sequential"]) === "sequential";
  const rotated = checkOneOf(`${fn}: lockOrder`, options.lockOrder ?? "same", ["same", "rotated"]) === "rotated";
  const queueing = checkOneOf(`${fn}: onConflict`, options.onConflict ?? "refuse", ["refuse", "wait"]) === "wait";
  const lockTimeoutMs = options.lockTimeoutMs === undefined || options.lockTimeoutMs === Infinity
    ? Infinity : checkPositive(`${fn}: lockTimeoutMs`, options.lockTimeoutMs);
  const resendMs = checkPositive(`${fn}: resendMs`, options.resendMs ?? 100);
  const gapMs = checkNonNegative(`${fn}: clientGapMs`, options.clientGapMs ?? 0);
  const untilMs = checkPositive(`${fn}: untilMs`, options.untilMs ?? 10000);
  const clients = clientNames(nc);
  const servers = serverNames(ns);
  const handlers: Record<string, NodeHandlers> = {};
  const stats = { attempts: 0, committed: 0, waits: [] as number[], lastCommitMs: 0 };

  clients.forEach((name, index) => {
    const order = servers.map((_, k) => servers[(k + (rotated ? index : 0)) % ns]);
    const attempt = (ctx: NodeContext) => {
      const st = ctx.state;
      st.attempt += 1;
      st.phase = "locking";
      st.granted = new Set<string>();
      st.asked = sequential ? [order[0]] : order.slice();
      stats.attempts += 1;
      ctx.record("attempt", { id: st.id, attempt: st.attempt });
      for (const s of st.asked) ctx.send(s, { type: "lock", attempt: st.attempt });
      if (lockTimeoutMs !== Infinity) st.lockTimer = ctx.setTimer(lockTimeoutMs, { kind: "lock-timeout", attempt: st.attempt });
    };
    const nextCommand = (ctx: NodeContext) => {
      const st = ctx.state;
      st.seq += 1;
      st.id = `${name}${st.seq}`;
      st.startMs = ctx.now;
      st.firstAttempt = st.attempt + 1; // attempt numbers never repeat, so late replies are recognised
      attempt(ctx);
    };
    const abort = (ctx: NodeContext, why: string) => {
      const st = ctx.state;
      st.phase = "backoff";
      if (st.lockTimer !== undefined) ctx.cancelTimer(st.lockTimer);
      ctx.record("abort", { id: st.id, attempt: st.attempt, why });
      for (const s of st.asked) ctx.send(s, { type: "release", attempt: st.attempt });
      const wait = backoff === "fixed" ? backoffMs : 2 * backoffMs * ctx.rng.next();
      ctx.setTimer(wait, { kind: "retry" });
    };
    const sendCommand = (ctx: NodeContext, to: Iterable<string>) => {
      for (const s of to) ctx.send(s, { type: "cmd", id: ctx.state.id, attempt: ctx.state.attempt });
      ctx.state.resendTimer = ctx.setTimer(resendMs, { kind: "resend" });
    };
    handlers[name] = {
      init(ctx) {
        ctx.state.seq = 0;
        ctx.state.attempt = 0;
        ctx.state.phase = "idle";
        if (index * gapMs > 0) ctx.setTimer(index * gapMs, { kind: "start" });
        else nextCommand(ctx);
      },
      onMessage(ctx, msg) {
        const st = ctx.state, p = msg.payload;
        if (p.type === "grant") {
          if (p.attempt !== st.attempt || st.phase !== "locking") {
            ctx.send(msg.from, { type: "release", attempt: p.attempt }); // a late grant: give it back
            return;
          }
          st.granted.add(msg.from);
          if (st.granted.size === ns) {
            if (st.lockTimer !== undefined) ctx.cancelTimer(st.lockTimer);
            st.phase = "commit";
            st.acked = new Set<string>();
            sendCommand(ctx, servers);
          } else if (sequential) {
            const s = order[st.granted.size];
            st.asked.push(s);
            ctx.send(s, { type: "lock", attempt: st.attempt });
          }
        } else if (p.type === "refuse") {
          if (p.attempt === st.attempt && st.phase === "locking") abort(ctx, "refused");
        } else if (p.type === "ack" && st.phase === "commit" && p.id === st.id) {
          st.acked.add(msg.from);
          if (st.acked.size < ns) return;
          ctx.cancelTimer(st.resendTimer);
          stats.committed += 1;
          stats.waits.push(ctx.now - st.startMs);
          stats.lastCommitMs = ctx.now;
          ctx.record("commit", { id: st.id, attempts: st.attempt - st.firstAttempt + 1 });
          st.phase = "idle";
          if (st.seq < perClient) nextCommand(ctx);
        }
      },
      onTimer(ctx, tag) {
        const st = ctx.state;
        if (tag.kind === "start") nextCommand(ctx);
        else if (tag.kind === "retry") attempt(ctx);
        else if (tag.kind === "lock-timeout" && st.phase === "locking" && tag.attempt === st.attempt) abort(ctx, "timeout");
        else if (tag.kind === "resend" && st.phase === "commit") sendCommand(ctx, servers.filter((s) => !st.acked.has(s)));
      },
    };
  });

  const server = lockServer(queueing);
  for (const s of servers) handlers[s] = server;
  const world = createWorld({
    seed: options.seed, nodes: [...clients, ...servers], faults: options.faults ?? [],
    network: { delayMs: options.delayMs ?? exponential(5), links: options.links ?? {} }, handlers,
  });

  const trace = world.run({ untilMs });
  const logs: Record<string, string[]> = {};
  for (const s of servers) logs[s] = world.context(s).persistent.log ?? [];
  const list = servers.map((s) => logs[s]);
  const issued = nc * perClient;
  return {
    trace, clients, servers, logs, committed: stats.committed, issued, attempts: stats.attempts,
    attemptsPerCommit: stats.committed === 0 ? Infinity : stats.attempts / stats.committed,
    waitsMs: stats.waits, lastCommitMs: stats.lastCommitMs,
    throughputPerS: stats.committed === 0 ? 0 : (1000 * stats.committed) / stats.lastCommitMs,
    outcome: stats.committed === issued ? "done" : world.lastStop === "quiescent" ? "stuck" : "running",
    diverged: logsDiverge(list), distinctStates: countDistinctLogs(list), endMs: trace.summary().endMs,
  };
}
