import { test } from "node:test";
import assert from "node:assert/strict";
import { nb00CheckDrivesPerTenMinutes, nb00CheckFailuresPerDay, nb00CheckQuietHour, nb00CheckReplicasForOneMinute } from "../../src/lessons/checks/nb00";

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
    assert.match(String(unset), /not yet/);
  });
}
