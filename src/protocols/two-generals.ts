/**
 * The two generals: generals A and B confirm a plan over a lossy network. A sends message 1 (the
 * plan); whoever receives message i < k answers with message i + 1 (a confirmation of message i).
 * The exchange stops at the first lost message, and whoever sent the last message never learns
 * whether it arrived, however large k is: no finite exchange makes both sides certain.
 *
 * The two nodes are peers, not a client and a server, so they keep the names of the story, "A" and
 * "B" (A speaks first). The result is read from the trace's message counts.
 */
import type { NodeHandlers } from "../sim/context";
import type { DistributionLike } from "../random/distributions";
import type { Seed } from "../random/rng";
import { checkInteger, checkKeys, checkProbability, fail } from "../validate";
import { runProtocol, type ProtocolRun } from "./protocol-run";

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
export interface TwoGeneralsResult extends ProtocolRun<TwoGeneralsResult> {
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

/** Message i of the exchange: 1 is the plan, i > 1 confirms message i - 1. */
interface GeneralsMessage { type: `msg ${number}`; i: number }

/**
 * Runs one k-message exchange between generals "A" and "B" on the engine.
 * @example runTwoGenerals({ seed: 1, rounds: 4, lossRate: 0.1 }).completed
 */
export function runTwoGenerals(options: TwoGeneralsOptions): TwoGeneralsResult {
  if (options === null || typeof options !== "object") fail("runTwoGenerals options", options, "an object");
  checkKeys("runTwoGenerals options", options, ["seed", "rounds", "lossRate", "delayMs"]);
  const rounds = checkInteger("rounds", options.rounds, 1, 10_000);
  const lossRate = checkProbability("lossRate", options.lossRate ?? 0);
  // Both generals run the same code: A opens with the plan, and each one confirms what it receives.
  const general: NodeHandlers<object, GeneralsMessage> = {
    init(ctx) { if (ctx.name === "A") ctx.send("B", { type: "msg 1", i: 1 }); },
    onMessage(ctx, msg) {
      const i = msg.payload.i + 1;
      if (i <= rounds) ctx.send(msg.from, { type: `msg ${i}`, i });
    },
  };
  const world = { seed: options.seed, nodes: ["A", "B"], network: { lossRate, delayMs: options.delayMs ?? 10 }, handlers: { A: general, B: general } };
  return runProtocol<TwoGeneralsResult>(world, (trace) => {
    const s = trace.summary();
    return { sent: s.sent, delivered: s.delivered, completed: s.delivered === rounds, lastLost: s.delivered < s.sent, uncertain: s.sent % 2 === 1 ? "A" : "B" };
  });
}
