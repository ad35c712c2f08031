/**
 * Two (or more) clients, one server, one shared number: the score race. The score starts at 0;
 * client 1 sends "+10", client 2 sends "*5", and the server applies each command when it arrives.
 * Which command arrives first decides the result (50 or 10), and lost commands add "only +10" (10),
 * "only *5" (0) and "neither" (0).
 *
 * Nothing is lost or broken in the first case, yet the server's state depends on the order in which
 * commands arrive: the problem that state replication (every replica applying the same commands in
 * the same order) has to solve.
 *
 * Two ways to study it: {@link runScoreRace} runs it on the simulation engine with random delays and
 * losses (for Monte Carlo); `exploreScoreRace` (lessons/02-two-clients-score-race.ts) enumerates every
 * delivery order (and, with allowLoss, every set of losses) to list what is possible.
 */
import type { DistributionLike, LognormalDist } from "../random/distributions";
import type { Seed } from "../random/rng";
import type { NodeHandlers } from "../sim/context";
import { normalCdf } from "../stats/normal";
import { runProtocol, type ProtocolNodes, type ProtocolRun } from "./protocol-run";
import { checkKeys, checkNumber, checkProbability, fail } from "../validate";

/** An operation on the score: "+10", "-3", "*5" or "=7" (set), with a finite number. */
export type ScoreOp = string;

const OP = /^([+\-*=])\s*(-?\d+(?:\.\d+)?)$/;

/** Validates an operation string; `name` locates it in error messages. */
export function checkScoreOp(name: string, op: unknown): ScoreOp {
  if (typeof op !== "string" || !OP.test(op.trim())) fail(name, op, 'an operation such as "+10", "-3", "*5" or "=7"');
  return op.trim();
}

/**
 * The score after applying `op`.
 * @example applyScoreOp(0, "+10") // 10
 */
export function applyScoreOp(score: number, op: ScoreOp): number {
  return compileScoreOp(checkScoreOp("applyScoreOp(score, op): op", op))(score);
}

/** A validated operation as a function, parsed once (the server applies it on every arrival). */
function compileScoreOp(op: ScoreOp): (score: number) => number {
  const m = OP.exec(op)!;
  const v = Number(m[2]);
  switch (m[1]) {
    case "+": return (s) => s + v;
    case "-": return (s) => s - v;
    case "*": return (s) => s * v;
    default: return () => v;
  }
}

/**
 * A label naming which operations ran, in which order, and the final score:
 * "+10 then *5 → 50", "only *5 → 0", "neither → 0" (two operations) or "none → 0" (more).
 */
export function scoreRaceLabel(order: readonly ScoreOp[], totalOps: number, final: number): string {
  if (order.length === 0) return `${totalOps === 2 ? "neither" : "none"} → ${final}`;
  const seq = order.join(" then ");
  return `${order.length < totalOps ? `only ${seq}` : seq} → ${final}`;
}

/** Options for {@link runScoreRace}. */
export interface ScoreRaceOptions {
  /** Seed of the world. */
  seed: Seed;
  /** The operations of each client, all sent at time 0 in list order (at most 26 clients). @defaultValue [["+10"], ["*5"]] */
  clients?: ScoreOp[][];
  /**
   * One-way delay of each client's messages in ms: one distribution for all clients, or one per
   * client. @defaultValue 10 (constant)
   */
  delayMs?: DistributionLike | DistributionLike[];
  /** Probability that each command is lost. @defaultValue 0 */
  lossRate?: number;
  /** The score before any command. @defaultValue 0 */
  initialScore?: number;
}

/** One run's outcome. */
export interface ScoreRaceResult extends ProtocolRun<ScoreRaceResult> {
  /** The final score. */
  final: number;
  /** The operations the server applied, in order. */
  order: ScoreOp[];
  /** {@link scoreRaceLabel} of the run, e.g. "+10 then *5 → 50". */
  label: string;
}

/** A command: the operation is the whole message, and its label in the trace. */
interface OpMessage { type: ScoreOp }
/** The server's state: the score. */
interface ServerState { score: number }

/** The server's node name; the clients are "u1", "u2", ... in the order of `clients`. */
const SERVER = "s1";

/** @internal Validates the clients' operation lists, by default `[["+10"], ["*5"]]` (also used by exploreScoreRace). */
export function checkRaceClients(clients: unknown = [["+10"], ["*5"]]): ScoreOp[][] {
  if (!Array.isArray(clients) || clients.length === 0 || clients.length > 26) fail("clients", clients, "an array of 1 to 26 lists of operations");
  return clients.map((list, c) => {
    if (!Array.isArray(list)) fail(`clients[${c}]`, list, "an array of operations");
    return list.map((op, i) => checkScoreOp(`clients[${c}][${i}]`, op));
  });
}

/** The clients u1.. (each sends its operations at once) and the server s1 (applies each on arrival). */
function raceNodes(ops: ScoreOp[][], initialScore: number, apply: Map<ScoreOp, (score: number) => number>): ProtocolNodes {
  const clients = ops.map((_, c) => `u${c + 1}`);
  // Each client sends all its commands at once, at time 0.
  const client = (list: ScoreOp[]): NodeHandlers<object, OpMessage> => ({
    init(ctx) { for (const op of list) ctx.send(SERVER, { type: op }); },
  });
  const server: NodeHandlers<ServerState, OpMessage> = {
    init(ctx) { ctx.state = { score: initialScore }; },
    // The server applies each command the moment it arrives: the network decides the order.
    onMessage(ctx, msg) {
      const op = msg.payload.type;
      ctx.state.score = apply.get(op)!(ctx.state.score);
      ctx.record("apply", { op, score: ctx.state.score });
    },
  };
  return { nodes: [...clients, SERVER], handlers: { [SERVER]: server, ...Object.fromEntries(clients.map((name, c) => [name, client(ops[c])])) } };
}

/**
 * The nodes and handlers that {@link runScoreRace} runs (clients u1.., server s1 with state
 * `{ score }`, recording `apply` with `{ op, score }`), for createWorld or checkProtocol.
 * @example checkProtocol({ ...scoreRaceNodes({ clients: [["+10"], ["*5"]] }), history: ["apply"] })
 */
export function scoreRaceNodes(options: Pick<ScoreRaceOptions, "clients" | "initialScore"> = {}): ProtocolNodes {
  if (options === null || typeof options !== "object") fail("scoreRaceNodes options", options, "an object");
  checkKeys("scoreRaceNodes options", options, ["clients", "initialScore"]);
  const ops = checkRaceClients(options.clients);
  const initialScore = checkNumber("initialScore", options.initialScore ?? 0);
  return raceNodes(ops, initialScore, new Map(ops.flat().map((op) => [op, compileScoreOp(op)])));
}

/**
 * Runs one race on the simulation engine and reads it from the trace. Nodes "u1", "u2", ... send
 * their operations at time 0; the server "s1" applies each one on arrival and records `apply` with
 * `{ op, score }`. The result carries the trace, and `fork(...)` replays the race with one intervention.
 * @example runScoreRace({ seed: "42/run/0", delayMs: [exponential(10), exponential(20)] }).final
 */
export function runScoreRace(options: ScoreRaceOptions): ScoreRaceResult {
  if (options === null || typeof options !== "object") fail("runScoreRace options", options, "an object");
  checkKeys("runScoreRace options", options, ["seed", "clients", "delayMs", "lossRate", "initialScore"]);
  const ops = checkRaceClients(options.clients);
  const d = options.delayMs ?? 10;
  if (Array.isArray(d) && d.length !== ops.length) fail("delayMs", d, `one delay per client (${ops.length})`);
  const lossRate = checkProbability("lossRate", options.lossRate ?? 0);
  const initialScore = checkNumber("initialScore", options.initialScore ?? 0);
  const apply = new Map(ops.flat().map((op) => [op, compileScoreOp(op)]));
  const { nodes, handlers } = raceNodes(ops, initialScore, apply);
  const clients = nodes.slice(0, -1);
  const links: Record<string, { delayMs: DistributionLike }> = {};
  clients.forEach((name, c) => (links[`${name}->${SERVER}`] = { delayMs: Array.isArray(d) ? d[c] : d }));
  const world = {
    seed: options.seed, nodes, network: { lossRate, links }, handlers,
  };
  return runProtocol<ScoreRaceResult>(world, (trace) => {
    // The applied operations, in order, replayed from the initial score (exactly what the server did).
    const order = trace.records<{ op: ScoreOp }>("apply").map((r) => r.detail.op);
    const final = order.reduce((score, op) => apply.get(op)!(score), initialScore);
    return { final, order, label: scoreRaceLabel(order, trace.summary().sent, final) };
  });
}

/**
 * Closed form: the probability that a message with lognormal delay `first` arrives before an
 * independent one with lognormal delay `second`. ln X1 - ln X2 is normal with mean mu1 - mu2 and
 * variance sigma1^2 + sigma2^2, so P(X1 < X2) = Phi((mu2 - mu1) / sqrt(sigma1^2 + sigma2^2)).
 * With both sigmas 0 the delays are constants: 1, 0.5 or 0.
 * @example lognormalFirstProbability(lognormalFromMean(10, 5), lognormalFromMean(12, 5))
 */
export function lognormalFirstProbability(first: LognormalDist, second: LognormalDist): number {
  const sd = Math.sqrt(first.sigma ** 2 + second.sigma ** 2);
  const d = second.mu - first.mu;
  if (sd === 0) return d > 0 ? 1 : d < 0 ? 0 : 0.5;
  return normalCdf(d / sd);
}
