/**
 * Two (or more) clients, one server, one shared number: the score race. The score starts at 0;
 * client 1 sends "+10", client 2 sends "*5", and the server applies each command when it arrives.
 * Which command arrives first decides the result (50 or 10), and lost commands add "only +10" (10),
 * "only *5" (0) and "neither" (0).
 *
 * Two ways to study it: {@link runScoreRace} runs it on the simulation engine with random delays and
 * losses (for Monte Carlo); `exploreScoreRace` (score-race-explore.ts) enumerates every delivery order
 * (and, with allowLoss, every set of losses) to list what is possible.
 */
import type { DistributionLike } from "../random/distributions";
import type { Seed } from "../random/rng";
import { createWorld, type World } from "../sim/world";
import { type NodeContext } from "../sim/context";
import { type WorldOptions } from "../sim/options";
import { normalCdf } from "../stats/normal";
import type { LognormalDist } from "../random/distributions";
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

/** Options for {@link scoreRaceWorld} and {@link runScoreRace}. */
export interface ScoreRaceOptions {
  /** Seed of the world. */
  seed: Seed;
  /** The operations of each client, all sent at time 0 in list order. @defaultValue [["+10"], ["*5"]] */
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
export interface ScoreRaceResult {
  /** The final score. */
  final: number;
  /** The operations the server applied, in order. */
  order: ScoreOp[];
  /** {@link scoreRaceLabel} of the run, e.g. "+10 then *5 → 50". */
  label: string;
}

interface ServerState { score: number; order: ScoreOp[] }

/** @internal Validates race options into operation lists, delays, loss rate and initial score. */
export function normalizeScoreRace(options: ScoreRaceOptions) {
  if (options === null || typeof options !== "object") fail("scoreRace options", options, "an object");
  checkKeys("scoreRace options", options, ["seed", "clients", "delayMs", "lossRate", "initialScore"]);
  const clients = options.clients ?? [["+10"], ["*5"]];
  if (!Array.isArray(clients) || clients.length === 0 || clients.length > 26) fail("clients", clients, "an array of 1 to 26 lists of operations");
  const ops = clients.map((list, c) => {
    if (!Array.isArray(list)) fail(`clients[${c}]`, list, "an array of operations");
    return list.map((op, i) => checkScoreOp(`clients[${c}][${i}]`, op));
  });
  const d = options.delayMs ?? 10;
  if (Array.isArray(d) && d.length !== clients.length) fail("delayMs", d, `one delay per client (${clients.length})`);
  const delays = Array.isArray(d) ? d : clients.map(() => d);
  return {
    ops, delays,
    lossRate: checkProbability("lossRate", options.lossRate ?? 0),
    initialScore: checkNumber("initialScore", options.initialScore ?? 0),
  };
}

/**
 * An unrun world with nodes "client1", "client2", ... and "server". Each client sends its operations
 * at time 0; the server applies each one on arrival and records `apply` with `{ op, score }`.
 * Read the outcome with {@link scoreRaceOutcome}.
 */
export function scoreRaceWorld(options: ScoreRaceOptions): World {
  return createWorld(scoreRaceWorldOptions(options));
}

function scoreRaceWorldOptions(options: ScoreRaceOptions): WorldOptions {
  const o = normalizeScoreRace(options);
  const names = o.ops.map((_, c) => `client${c + 1}`);
  const apply = new Map(o.ops.flat().map((op) => [op, compileScoreOp(op)]));
  const handlers: Record<string, object> = {
    server: {
      init(ctx: NodeContext<ServerState>) { ctx.state = { score: o.initialScore, order: [] }; },
      onMessage(ctx: NodeContext<ServerState>, msg: { payload: { type: ScoreOp } }) {
        const s = ctx.state, op = msg.payload.type;
        s.score = apply.get(op)!(s.score);
        s.order.push(op);
        ctx.record("apply", { op, score: s.score });
      },
    },
  };
  const links: Record<string, { delayMs: DistributionLike }> = {};
  o.ops.forEach((list, c) => {
    // One frozen payload per command, shared by every world built from these options.
    const payloads = list.map((op) => Object.freeze({ type: op }));
    handlers[names[c]] = { init(ctx: NodeContext) { for (const p of payloads) ctx.send("server", p); } };
    links[`${names[c]}->server`] = { delayMs: o.delays[c] };
  });
  return { seed: options.seed, nodes: [...names, "server"], network: { lossRate: o.lossRate, links }, handlers };
}

/** Reads the outcome of a world built by {@link scoreRaceWorld} after it ran. */
export function scoreRaceOutcome(world: World): ScoreRaceResult {
  const s = world.context("server").state as ServerState;
  if (!s.order) throw new Error("scoreRaceOutcome(world): run the world first (world.run())");
  const total = world.trace.summary().sent;
  return { final: s.score, order: s.order.slice(), label: scoreRaceLabel(s.order, total, s.score) };
}

/**
 * Builds, runs and reads one race: the one call for Monte Carlo.
 * @example runScoreRace({ seed: "42/run/0", delayMs: [exponential(10), exponential(20)] }).final
 */
export function runScoreRace(options: ScoreRaceOptions): ScoreRaceResult {
  const world = scoreRaceWorld(options);
  world.run();
  return scoreRaceOutcome(world);
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
