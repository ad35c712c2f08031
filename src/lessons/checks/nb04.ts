/**
 * Self-checks for notebook 04 (the two-phase protocol and two-phase commit). Each check computes its
 * expected value itself (closed form or simulation) and returns a Verdict that never shows that value.
 */
import { runTwoPhaseCommit } from "../../protocols/two-phase-commit";
import { runThreePhaseCommit } from "../../protocols/three-phase-commit";
import { selfCheckEqual, selfCheckNumber, type Verdict } from "./verdict";

/**
 * Exercise 1: each server is down with probability 0.02, independently. The largest number of
 * servers for which the two-phase protocol is still available at least 90% of the time.
 */
export function nb04CheckLargestCluster(answer: unknown): Verdict {
  let n = 0;
  while (Math.pow(0.98, n + 1) >= 0.9) n += 1;
  return selfCheckEqual("exercise 1", answer, n, {
    hint: "Every server must answer, so availability is the probability that all n are up. Solve for the largest whole n.",
    success: "a handful of servers already costs you the 90% target.",
  });
}

/**
 * Exercise 2: two-phase commit with 8 participants, each voting no with probability 0.05. The
 * probability that the transaction commits. Accepts answers within 0.03 (a simulation of 1000 runs
 * lands well inside).
 */
export function nb04CheckCommitProbability(answer: unknown): Verdict {
  return selfCheckNumber("exercise 2", answer, Math.pow(0.95, 8), {
    relTolerance: 0, absTolerance: 0.03,
    hint: "One no vote is enough to abort. Simulate with twoPhaseCommitSweep or reason about independent votes.",
    success: "every participant has a veto, so the commit probability shrinks geometrically.",
  });
}

/**
 * Exercise 3: two-phase commit with 3 participants and 5 ms delays; the coordinator crashes 1 ms
 * after sending prepare and recovers at 400 ms. How long (ms) does s1 hold its locks? Expected value
 * from the simulation; accepts answers within 1 ms.
 */
export function nb04CheckBlockedTime(answer: unknown): Verdict {
  const r = runTwoPhaseCommit({ seed: 42, participants: 3, delayMs: 5, faults: [{ at: 1, crash: "u1" }, { at: 400, recover: "u1" }] });
  return selfCheckNumber("exercise 3", answer, r.lockHeldMs.s1, {
    relTolerance: 0, absTolerance: 1,
    hint: "s1 locks when prepare arrives and unlocks when the decision arrives. Who sends the decision, and when can it?",
    success: "the participants wait for the coordinator's whole outage, locks held.",
  });
}

/**
 * The three-phase-commit exercise: 3 participants, every delay 5 ms, participants' timeoutMs 20; the
 * coordinator crashes 1 ms after sending prepare and stays down. How long (ms) does s1 hold its locks?
 * Expected value from the simulation; accepts answers within 1 ms.
 */
export function nb04CheckThreePhaseLockTime(answer: unknown): Verdict {
  const r = runThreePhaseCommit({ seed: 42, participants: 3, delayMs: 5, timeoutMs: 20, faults: [{ at: 1, crash: "u1" }], untilMs: 1000 });
  return selfCheckNumber("three-phase commit", answer, r.lockHeldMs.s1, {
    relTolerance: 0, absTolerance: 1,
    hint: "s1 locks when it votes. Count what it waits for before it decides: the coordinator, the answer to its probe, the others' states (each a timeout), and when its own vote was cast.",
    success: "a few timeouts instead of the coordinator's whole outage: the price of not blocking is waiting long enough to be sure.",
  });
}
