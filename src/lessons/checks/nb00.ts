/**
 * Self-checks for notebook 00 (why distribute, and why failures are frequent at scale). Each check
 * computes its expected value itself (from the simulation, the closed form or data/) and returns a
 * Verdict that never shows that value.
 */
import { loadFailureData } from "../../failures/data";
import { simulateClusterFailures } from "../../failures/cluster";
import { dataLossProbability } from "../../failures/replicas";
import { selfCheckByRunning, selfCheckNumber, selfCheckPrediction, type Verdict } from "./verdict";

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

/** The notebook's pessimistic replica groups: MTBF half a year, one-year horizon, parallel repairs. */
const CHEAP_REPLICAS = { mtbfYears: 0.5, horizonYears: 1 } as const;

/** P(three copies lost within a year) by the Markov chain, for a repair time in hours. */
function threeCopyLoss(repairHours: number): number {
  return dataLossProbability({ ...CHEAP_REPLICAS, replicas: [3], repairHours, trials: 1, seed: 42 })[0].closedForm;
}

/**
 * Exercise 5 (predict, then run): three cheap copies, repairs of 6 days instead of 3. How many times
 * as likely is it that the data is lost within a year? Accepts predictions within 20% of the Markov
 * chain's ratio (the simulation in the run cell agrees with it).
 */
export function nb00CheckSlowerRepairPrediction(prediction: unknown): Verdict {
  return selfCheckPrediction("exercise 5", prediction, threeCopyLoss(144) / threeCopyLoss(72), {
    relTolerance: 0.2,
    explain: "Three copies are lost only if the other two fail while the first is still being repaired: two failures inside a repair window, " +
      "so the loss probability grows about like the square of the repair time, not in proportion to it.",
  });
}

/**
 * Exercise 6 (break it): a repair time, in hours, for which the same three copies lose the data in more
 * than half of the years. The check simulates 4,000 groups with it and accepts when the lower end of
 * the 95% interval is above 1/2.
 */
export function nb00CheckBreakReplication(answer: unknown): Verdict {
  return selfCheckByRunning("exercise 6", answer, (repairHours) => {
    if (typeof repairHours !== "number" || !Number.isFinite(repairHours) || repairHours <= 0) {
      return { ok: false, hint: "the answer should be a repair time in hours: a positive number." };
    }
    const row = dataLossProbability({ ...CHEAP_REPLICAS, replicas: [3], repairHours, trials: 4000, seed: "nb00/exercise 6" })[0];
    const share = `${(100 * row.simulated).toFixed(0)}% of 4,000 simulated years`;
    if (row.lo > 0.5) {
      return { ok: true, success: `three copies are lost in ${share}. Replication protects data only while repairs are fast compared with the time a copy lives; when they are not, the copies die one after the other and nobody rebuilds them.` };
    }
    if (row.simulated > 0.5) return { ok: false, hint: `too close to call: ${share}, barely more than half. Go further.` };
    return { ok: false, hint: `with that repair time three copies are lost in ${share}, not more than half. Compare the repair time with how long a copy lives.` };
  });
}
