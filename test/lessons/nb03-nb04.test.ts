import { test } from "node:test";
import assert from "node:assert/strict";
import {
  nb03CheckBreakConstantDelays, nb03CheckFourClients, nb03CheckSerializerLatency, nb03CheckServersForNinety, nb03CheckTwoCommandsPrediction,
} from "../../src/lessons/checks/nb03";
import {
  nb04CheckBlockedTime, nb04CheckBreakBackoff, nb04CheckCommitProbability, nb04CheckLargestCluster, nb04CheckNoVotePrediction, nb04CheckThreePhaseLockTime,
} from "../../src/lessons/checks/nb04";
import { divergenceSweep } from "../../src/lessons/03-state-replication";
import { twoPhaseLivelock } from "../../src/lessons/04-two-phase-protocol";

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
    assert.match(String(check(undefined)), /not answered yet: write your answer in the cell above/);
    assert.ok(!String(check(wrong)).includes(String(right)));
  });
}

test("nb03CheckTwoCommandsPrediction(prediction): two commands per client diverge more often than one (a separate simulation agrees)", () => {
  const [one, two] = [1, 2].map((commandsPerClient) => divergenceSweep({ seed: "test", runs: 400, servers: 2, clients: 2, commandsPerClient, delayMeanMs: 20, delaySdMs: 10 })[0]);
  assert.ok(two.lo > one.hi, `one command: [${one.lo}, ${one.hi}], two: [${two.lo}, ${two.hi}]`);
  assert.equal(nb03CheckTwoCommandsPrediction("more").correct, true);
  for (const wrong of ["less", "the same"]) assert.match(String(nb03CheckTwoCommandsPrediction(wrong)), /the run above says otherwise/);
  assert.match(String(nb03CheckTwoCommandsPrediction(undefined)), /not answered yet: write your prediction/);
});

test("nb03CheckBreakConstantDelays(links) accepts constant delays that put each client near a different server, rejects the rest", () => {
  const crossed = nb03CheckBreakConstantDelays({ "u1->s2": { delayMs: 40 }, "u2->s1": { delayMs: 40 } });
  assert.equal(crossed.correct, true, String(crossed));
  // Both clients close to s1: both servers hear u1 first.
  const same = nb03CheckBreakConstantDelays({ "u1->s1": { delayMs: 5 }, "u1->s2": { delayMs: 5 } });
  assert.equal(same.correct, false);
  assert.match(String(same), /diverge in 0 of 10 runs/);
  assert.match(String(nb03CheckBreakConstantDelays({ "u1->s2": { delayMs: { kind: "exponential", meanMs: 3 } } })), /constant delays/);
  assert.match(String(nb03CheckBreakConstantDelays(40)), /per-link delays/);
  assert.match(String(nb03CheckBreakConstantDelays({ "x->s1": { delayMs: 3 } })), /does not run: .*"x"/);
  assert.match(String(nb03CheckBreakConstantDelays(undefined)), /not answered yet: write your answer/);
});

test("nb04CheckNoVotePrediction(prediction): only the yes voters stay locked through the coordinator's outage", () => {
  assert.equal(nb04CheckNoVotePrediction("s1 and s3").correct, true, String(nb04CheckNoVotePrediction("s1 and s3")));
  for (const wrong of ["none", "s2", "all three"]) assert.match(String(nb04CheckNoVotePrediction(wrong)), /the run above says otherwise/);
  assert.match(String(nb04CheckNoVotePrediction("s1")), /should be one of/);
  assert.match(String(nb04CheckNoVotePrediction(undefined)), /not answered yet: write your prediction/);
});

test("nb04CheckBreakBackoff(backoffMs) accepts a random backoff far below the lock round trip, rejects the notebook's and a huge one", () => {
  const tiny = twoPhaseLivelock({ seed: "test", backoff: "random", backoffMs: 0.05 });
  assert.equal(tiny.committed, 0);
  assert.equal(nb04CheckBreakBackoff(0.05).correct, true, String(nb04CheckBreakBackoff(0.05)));
  assert.match(String(nb04CheckBreakBackoff(20)), /in only \d+ of 10 runs/);
  assert.match(String(nb04CheckBreakBackoff(1e6)), /waiting, not contention/);
  assert.match(String(nb04CheckBreakBackoff(0)), /positive number/);
  assert.match(String(nb04CheckBreakBackoff(undefined)), /not answered yet: write your answer/);
});
