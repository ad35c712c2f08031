import { test } from "node:test";
import assert from "node:assert/strict";
import {
  nb00CheckBreakReplication, nb00CheckDrivesPerTenMinutes, nb00CheckFailuresPerDay, nb00CheckQuietHour, nb00CheckReplicasForOneMinute,
  nb00CheckSlowerRepairPrediction,
} from "../../src/lessons/checks/nb00";
import { dataLossProbability } from "../../src/failures/replicas";

const cases = [
  { name: "nb00CheckFailuresPerDay", check: nb00CheckFailuresPerDay, right: (50_000 * 1440) / (3 * 525600), wrong: (50_000 * 1440) / 525600 },
  { name: "nb00CheckDrivesPerTenMinutes", check: nb00CheckDrivesPerTenMinutes, right: 525600 / (0.017 * 10), wrong: 525600 / (1.7 * 10) },
  { name: "nb00CheckQuietHour", check: nb00CheckQuietHour, right: Math.exp(-1000 / 17520), wrong: 1 - Math.exp(-1000 / 17520) },
  { name: "nb00CheckReplicasForOneMinute", check: nb00CheckReplicasForOneMinute, right: 3, wrong: 2 },
];

for (const c of cases) {
  test(`${c.name}(answer) accepts the right answer and rejects a wrong one without revealing it`, () => {
    assert.equal(c.check(c.right).correct, true, String(c.check(c.right)));
    const wrong = c.check(c.wrong);
    assert.equal(wrong.correct, false);
    assert.ok(!String(wrong).includes(String(c.right)) && !String(wrong).includes(c.right.toFixed(2)));
    const unset = c.check(undefined);
    assert.equal(unset.correct, false);
    assert.match(String(unset), /not answered yet: write your answer in the cell above/);
  });
}

test("nb00CheckSlowerRepairPrediction(prediction) accepts the simulated ratio, rejects the linear guess 2, and waits for a prediction", () => {
  // The simulation (not the Markov chain the check uses): 400,000 groups per repair time.
  const [fast, slow] = [72, 144].map((repairHours) => dataLossProbability({ replicas: [3], mtbfYears: 0.5, repairHours, horizonYears: 1, trials: 400_000, seed: "test" })[0].simulated);
  const right = nb00CheckSlowerRepairPrediction(slow / fast);
  assert.equal(right.correct, true, String(right));
  assert.match(String(right), /^✔ correct \(exercise 5\)/);
  const linear = nb00CheckSlowerRepairPrediction(2);
  assert.equal(linear.correct, false);
  assert.match(String(linear), /too low/);
  assert.match(String(nb00CheckSlowerRepairPrediction(undefined)), /not answered yet: write your prediction/);
});

test("nb00CheckBreakReplication(repairHours) accepts repairs that never finish within the year and rejects the notebook's three days", () => {
  // With repairs far longer than the horizon, three copies are lost when all three fail within the year: (1 - e^-2)^3 ~ 0.65 > 1/2.
  assert.ok((1 - Math.exp(-2)) ** 3 > 0.6);
  const broken = nb00CheckBreakReplication(1e7);
  assert.equal(broken.correct, true, String(broken));
  const holds = nb00CheckBreakReplication(72);
  assert.equal(holds.correct, false);
  assert.match(String(holds), /not more than half/);
  assert.match(String(nb00CheckBreakReplication(-5)), /positive number/);
  assert.match(String(nb00CheckBreakReplication(undefined)), /not answered yet: write your answer/);
});
