/**
 * Self-checks for notebook 02 (two clients, one server, the score race). Each check computes its
 * expected value itself (closed form or exhaustive exploration) and returns a Verdict that never
 * shows that value.
 */
import { exponential, lognormalFromMean } from "../../random/distributions";
import { lognormalFirstProbability, runScoreRace } from "../../protocols/score-race";
import { monteCarlo } from "../../stats/montecarlo";
import { wilson } from "../../stats/stats";
import { exploreScoreRace } from "../02-two-clients-score-race";
import { selfCheckByRunning, selfCheckNumber, selfCheckPrediction, type Verdict } from "./verdict";

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

/**
 * Exercise 5 (predict, then run): client 1 sends "+10" twice, client 2 sends "*5", all at time 0 with
 * equal exponential delays, nothing lost. P(final = 100)? With independent, identically distributed
 * delays every order of the three commands is equally likely, so the share of orders (exploreScoreRace)
 * is the probability; accepts predictions within 0.05 of it.
 */
export function nb02CheckTwoAddsPrediction(prediction: unknown): Verdict {
  const race = exploreScoreRace({ clients: [["+10", "+10"], ["*5"]] });
  const hundred = race.outcomes.find((o) => o.outcome === "100")?.schedules ?? 0;
  return selfCheckPrediction("exercise 5", prediction, hundred / race.totalSchedules, {
    relTolerance: 0, absTolerance: 0.05,
    explain: "The score ends at 100 only when \"*5\" arrives after both \"+10\"s: \"*5\" must be the last of three commands, and each of the three is " +
      "equally likely to be last. The two races of \"*5\" against each \"+10\" are not independent coin flips (1/2 times 1/2): a slow \"*5\" loses both.",
  });
}

/**
 * Exercise 6 (break it): a loss rate at which 0 is the most likely final score of the two-client race
 * (equal exponential delays with mean 10 ms). The check runs 1,500 races with it and accepts when the
 * 95% interval of P(0) lies above those of P(10) and P(50).
 */
export function nb02CheckBreakZero(answer: unknown): Verdict {
  return selfCheckByRunning("exercise 6", answer, (lossRate) => {
    if (typeof lossRate !== "number" || !Number.isFinite(lossRate)) return { ok: false, hint: "the answer should be a loss rate: a number between 0 and 1." };
    const runs = 1500;
    const finals = monteCarlo({ runs, seed: "nb02/exercise 6", run: (seed) => runScoreRace({ seed, lossRate, delayMs: exponential(10) }).final });
    const share = (score: number) => wilson(finals.filter((f) => f === score).length, runs);
    const [zero, ten, fifty] = [share(0), share(10), share(50)];
    const percent = `${(100 * zero.p).toFixed(0)}% of ${runs.toLocaleString("en-US")} races end at 0`;
    if (zero.lo > Math.max(ten.hi, fifty.hi)) {
      return { ok: true, success: `${percent}, more than at 10 or at 50. The score ends at 0 exactly when "+10" is lost, and at 10 by two routes, so 0 must beat both routes together.` };
    }
    if (zero.p > Math.max(ten.p, fifty.p)) return { ok: false, hint: `too close to call: ${percent}, only just ahead. Go further.` };
    return { ok: false, hint: `${percent}, and another score is more frequent. Which command has to be missing for the score to end at 0, and how likely is that?` };
  });
}
