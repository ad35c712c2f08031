/**
 * Self-checks for notebook 05 (majority quorums, tickets, Paxos). Each check computes the expected
 * answer itself, from the closed form or by running the simulation, and never prints it.
 */
import { fuzzPaxos } from "../../properties/consensus";
import { majorityUpProbability, quorumOverlap } from "../../protocols/quorum";
import type { Seed } from "../../random/rng";
import { selfCheckEqual, selfCheckNumber, type Verdict } from "./verdict";

/**
 * Exercise 1: the probability that a majority of 7 servers is up when each is down with probability
 * 0.2 (independently). Accepts answers within 0.005 of the exact value (a simulation with 100,000
 * snapshots lands well inside that).
 */
export function nb05Exercise1(answer: unknown): Verdict {
  return selfCheckNumber("exercise 1", answer, majorityUpProbability(7, 0.2), {
    relTolerance: 0, absTolerance: 0.005,
    hint: "Count the ways at least 4 of the 7 are up: a sum of binomial terms, or quorumAvailability with servers [7].",
    success: "a majority of 7 is up far more often than all 7 (0.8^7 is about 0.21).",
  });
}

/**
 * Exercise 2: the smallest quorum size q for 8 servers such that every two quorums of size q share a
 * server. The check finds it with the exhaustive quorumOverlap(8).
 */
export function nb05Exercise2(answer: unknown): Verdict {
  const rows = quorumOverlap(8).filter((r) => r.servers === 8 && r.alwaysIntersect);
  const expected = Math.min(...rows.map((r) => r.quorum));
  return selfCheckNumber("exercise 2", answer, expected, {
    relTolerance: 0, absTolerance: 0,
    hint: "With an even number of servers, two halves can be disjoint; look at the overlap table for 8 servers.",
    success: "q must be more than half: 2q > n.",
  });
}

/**
 * Exercise 3: the share of `runs` fuzzed schedules in which the broken Paxos (`adopt: false`, the
 * client never adopts a stored command) violates safety, with fuzzPaxos({ seed, runs, adopt: false }).
 * Accepts answers within 0.01 of the check's own run.
 */
export function nb05Exercise3(answer: unknown, seed: Seed = 42, runs = 200): Verdict {
  // No need to run the fuzzer for an answer that is not even a number (or not given yet).
  if (typeof answer !== "number" || !Number.isFinite(answer)) return selfCheckNumber("exercise 3", answer, 0);
  const rows = fuzzPaxos({ seed, runs, adopt: false });
  const expected = rows.filter((r) => !r.safe).length / runs;
  return selfCheckNumber("exercise 3", answer, expected, {
    relTolerance: 0, absTolerance: 0.01,
    hint: `Run fuzzPaxos with the same seed and runs = ${runs}, adopt: false, and count the rows that are not safe.`,
    success: "without adopting the stored command, a later proposal can overwrite a chosen one.",
  });
}
