/**
 * The two generals: A and B confirm a plan over a lossy network. A sends message 1; whoever
 * receives message i < k answers with message i + 1. The exchange stops at the first lost message,
 * and whoever sent the last message never learns whether it arrived, however large k is.
 */
import { createWorld } from "../sim/world";
import { type NodeContext } from "../sim/context";
import type { DistributionLike } from "../random/distributions";
import type { Seed } from "../random/rng";
import { checkInteger, checkKeys, checkProbability, fail } from "../validate";

/** Options for {@link runTwoGenerals}. */
export interface TwoGeneralsOptions {
  /** Seed of the world. */
  seed: Seed;
  /** Messages in a complete exchange (message 1 is A's plan, each later one confirms the previous), in [1, 10000]. */
  rounds: number;
  /** Probability that each message is lost. @defaultValue 0 */
  lossRate?: number;
  /** One-way delay in ms. @defaultValue 10 */
  delayMs?: DistributionLike;
}

/** One exchange. */
export interface TwoGeneralsResult {
  /** Messages sent (1 to rounds). */
  sent: number;
  /** Messages delivered. */
  delivered: number;
  /** All `rounds` messages arrived. */
  completed: boolean;
  /** The last message that was sent was lost (the exchange broke off before the end). */
  lastLost: boolean;
  /** Who sent the last message ("A" or "B"): the general left without a confirmation. */
  uncertain: "A" | "B";
}

/**
 * Runs one k-message exchange between generals "A" and "B" on the engine.
 * @example runTwoGenerals({ seed: 1, rounds: 4, lossRate: 0.1 }).completed
 */
export function runTwoGenerals(options: TwoGeneralsOptions): TwoGeneralsResult {
  if (options === null || typeof options !== "object") fail("twoGenerals options", options, "an object");
  checkKeys("twoGenerals options", options, ["seed", "rounds", "lossRate", "delayMs"]);
  const rounds = checkInteger("rounds", options.rounds, 1, 10_000);
  const lossRate = checkProbability("lossRate", options.lossRate ?? 0);
  const reply = {
    init(ctx: NodeContext) { if (ctx.name === "A") ctx.send("B", { type: "msg 1", i: 1 }); },
    onMessage(ctx: NodeContext, msg: { from: string; payload: { i: number } }) {
      const i = msg.payload.i + 1;
      if (i <= rounds) ctx.send(msg.from, { type: `msg ${i}`, i });
    },
  };
  const world = createWorld({ seed: options.seed, nodes: ["A", "B"], network: { lossRate, delayMs: options.delayMs ?? 10 }, handlers: { A: reply, B: reply } });
  const s = world.run().summary();
  return { sent: s.sent, delivered: s.delivered, completed: s.delivered === rounds, lastLost: s.delivered < s.sent, uncertain: s.sent % 2 === 1 ? "A" : "B" };
}
