/**
 * Self-checks for notebook 02 (two clients, one server, the score race). Each check computes its
 * expected value itself (closed form or exhaustive exploration) and returns a Verdict that never
 * shows that value.
 */
import { lognormalFromMean } from "../../random/distributions";
import { lognormalFirstProbability } from "../../protocols/score-race";
import { exploreScoreRace } from "../02-two-clients-score-race";
import { selfCheckEqual, selfCheckNumber, type Verdict } from "./verdict";

/**
 * Exercise 1: P(final = 50) when client 1's delay is exponential with mean 30 ms and client 2's with
 * mean 10 ms, no loss. Closed form a / (a + b) with rates a = 1/30, b = 1/10; within 0.02.
 */
export function nb02CheckSlowClient(answer: unknown): Verdict {
  const a = 1 / 30, b = 1 / 10;
  return selfCheckNumber("exercise 1", answer, a / (a + b), {
    relTolerance: 0, absTolerance: 0.02,
    hint: "Client 1 must win the race; with exponential delays the winner is decided by the rates 1/mean.",
    success: "only the ratio of the mean delays matters.",
  });
}

/**
 * Exercise 2: P(final = 0) with equal delays and loss rate 0.2 on every command. Closed form:
 * +10 lost (then *5 arrives or not) = 0.2; within 0.015.
 */
export function nb02CheckZeroWithLoss(answer: unknown): Verdict {
  const p = 0.2;
  return selfCheckNumber("exercise 2", answer, p * (1 - p) + p * p, {
    relTolerance: 0, absTolerance: 0.015,
    hint: "List the outcomes that end at 0 (which command must be missing?) and add their probabilities.",
    success: "the score ends at 0 exactly when +10 is lost.",
  });
}

/** Exercise 3: the number of distinct final scores reachable with clients "+10", "*5" and "-3" (no loss). */
export function nb02CheckThreeClients(answer: unknown): Verdict {
  const distinct = exploreScoreRace({ clients: [["+10"], ["*5"], ["-3"]] }).outcomes.length;
  return selfCheckNumber("exercise 3", answer, distinct, {
    relTolerance: 0, absTolerance: 0,
    hint: "Enumerate the 3! orders (exploreScoreRace does it) and count the different final scores, not the orders.",
    success: "several orders collide on the same score, so there are fewer scores than orders.",
  });
}

/**
 * Exercise 4: P(final = 50) when client 1's delay is lognormal with mean 10 ms and sd 20 ms and
 * client 2's lognormal with mean 12 ms and sd 20 ms. Closed form via log-delays; within 0.02.
 */
export function nb02CheckJitter(answer: unknown): Verdict {
  const p = lognormalFirstProbability(lognormalFromMean(10, 20), lognormalFromMean(12, 20));
  return selfCheckNumber("exercise 4", answer, p, {
    relTolerance: 0, absTolerance: 0.02,
    hint: "Simulate it (delayMs: [lognormalFromMean(10, 20), lognormalFromMean(12, 20)]) or use the closed form for lognormal delays.",
    success: "with this much jitter, the faster client's edge is small.",
  });
}
