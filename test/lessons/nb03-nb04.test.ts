import { test } from "node:test";
import assert from "node:assert/strict";
import {
  nb03CheckFourClients, nb03CheckSerializerLatency, nb03CheckServersForNinety,
} from "../../src/lessons/checks/nb03";
import {
  nb04CheckBlockedTime, nb04CheckCommitProbability, nb04CheckLargestCluster, nb04CheckThreePhaseLockTime,
} from "../../src/lessons/checks/nb04";

const cases: [string, (a: unknown) => { correct: boolean; toString(): string }, unknown, unknown][] = [
  ["nb03CheckFourClients", nb03CheckFourClients, 1 - 1 / 576, 0.9],
  ["nb03CheckServersForNinety", nb03CheckServersForNinety, 5, 4],
  ["nb03CheckSerializerLatency", nb03CheckSerializerLatency, 200, 100],
  ["nb04CheckLargestCluster", nb04CheckLargestCluster, 5, 6],
  ["nb04CheckCommitProbability", nb04CheckCommitProbability, Math.pow(0.95, 8), 0.95],
  ["nb04CheckBlockedTime", nb04CheckBlockedTime, 400, 395],
  // s1 waits three timeouts of 20 ms (for the coordinator, for its probe's answer, for the others' states)
  ["nb04CheckThreePhaseLockTime", nb04CheckThreePhaseLockTime, 3 * 20, 45],
];

for (const [name, check, right, wrong] of cases) {
  test(`${name}(answer) accepts the right answer, rejects a wrong one and an unset one`, () => {
    assert.equal(check(right).correct, true, String(check(right)));
    assert.equal(check(wrong).correct, false);
    assert.equal(check(undefined).correct, false);
    assert.ok(!String(check(wrong)).includes(String(right)));
  });
}
