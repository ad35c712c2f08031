/**
 * Self-checks for notebook 00 (why distribute, and why failures are frequent at scale). Each check
 * computes its expected value itself (from the simulation, the closed form or data/) and returns a
 * Verdict that never shows that value.
 */
import { loadFailureData } from "../../failures/data";
import { simulateClusterFailures } from "../../failures/cluster";
import { selfCheckNumber, type Verdict } from "./verdict";

const MINUTES_PER_YEAR = 525600;

/**
 * Exercise 1: failures per day in a cluster of 50,000 nodes with an MTBF of 3 years (one-day repairs).
 * Accepts answers within 5% of the closed form N / MTBF, which the simulation matches to well under 5%.
 */
export function nb00CheckFailuresPerDay(answer: unknown): Verdict {
  const closed = (50_000 * 1440) / (3 * MINUTES_PER_YEAR);
  const simulated = simulateClusterFailures({ nodes: 50_000, mtbfYears: 3, repairHours: 24, seed: 42 }).failuresPerDay;
  const expected = (closed + simulated) / 2;
  return selfCheckNumber("exercise 1", answer, expected, {
    relTolerance: 0.05,
    hint: "A node fails about once per MTBF, and the nodes fail independently: add up their rates, then convert years to days.",
    success: "N / MTBF, in the unit you need. The simulation agrees within a few percent.",
  });
}

/**
 * Exercise 2: how many drives failing at Backblaze's 2023 overall AFR (from data/) give one failure
 * every 10 minutes on average? Accepts answers within 5%.
 */
export function nb00CheckDrivesPerTenMinutes(answer: unknown): Verdict {
  const afr = loadFailureData().figures.find((f) => f.sourceId === "backblaze-2023" && f.item === "all data drives"
    && f.metric === "annualized_failure_rate")?.ratePerNodePerYear as number;
  // failureIntervalAt(afr, n) = MINUTES_PER_YEAR / (afr * n) = 10 minutes  <=>  n = MINUTES_PER_YEAR / (afr * 10).
  const n = MINUTES_PER_YEAR / (afr * 10);
  return selfCheckNumber("exercise 2", answer, n, {
    relTolerance: 0.05,
    hint: "Use the 2023 overall AFR from the data table (a percentage per drive per year) and solve minutes-per-year / (rate * N) = 10 for N.",
    success: "millions of drives: the AFR is small, but a big fleet makes up for it.",
  });
}

/**
 * Exercise 3: the probability that a 1,000-node cluster (MTBF 2 years) sees no failure at all in a
 * given hour. Closed form exp(-N / MTBF_hours) for a Poisson stream; accepts answers within 0.01.
 */
export function nb00CheckQuietHour(answer: unknown): Verdict {
  const expected = Math.exp(-1000 / (2 * 8760));
  return selfCheckNumber("exercise 3", answer, expected, {
    relTolerance: 0, absTolerance: 0.01,
    hint: "Failures of many independent nodes form (nearly) a Poisson stream: P(no event in time t) = exp(-rate * t).",
    success: "even a thousand nodes are quiet most hours; a million are never quiet.",
  });
}

/**
 * Exercise 4: the smallest number of replicas r such that, with each replica down 1% of the time
 * independently, all r are down at once for less than one minute per year on average.
 */
export function nb00CheckReplicasForOneMinute(answer: unknown): Verdict {
  let r = 1;
  while (0.01 ** r * MINUTES_PER_YEAR >= 1) r++;
  return selfCheckNumber("exercise 4", answer, r, {
    relTolerance: 0, absTolerance: 0,
    hint: "All r down at once has probability q^r; multiply by the minutes in a year and find the first r that gives less than 1. Answer with a whole number.",
    success: "each extra replica multiplies the downtime by q, if failures are independent (they often are not).",
  });
}
