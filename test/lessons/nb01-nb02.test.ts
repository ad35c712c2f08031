import { test } from "node:test";
import assert from "node:assert/strict";
import {
  nb01CheckAckLossPrediction, nb01CheckBreakDuplicates, nb01CheckDuplicates, nb01CheckGeneralsRounds, nb01CheckTransmissions,
} from "../../src/lessons/checks/nb01";
import {
  nb02CheckBreakZero, nb02CheckJitter, nb02CheckSlowClient, nb02CheckThreeClients, nb02CheckTwoAddsPrediction, nb02CheckZeroWithLoss,
} from "../../src/lessons/checks/nb02";
import { monteCarlo } from "../../src/stats/montecarlo";
import { runClientServer } from "../../src/protocols/client-server";
import { runScoreRace } from "../../src/protocols/score-race";
import { exponential, lognormalFromMean } from "../../src/random/distributions";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const share = (xs: boolean[]) => xs.filter((x) => x).length / xs.length;

test("nb01 checks accept the simulated answers and reject wrong or missing ones", () => {
  const tries = monteCarlo({ runs: 20, seed: "ex1", run: (seed) => runClientServer({ seed, lossRate: 0.2, commands: 100 }).transmissions }).flat();
  assert.equal(nb01CheckTransmissions(sum(tries) / tries.length).correct, true);
  assert.equal(nb01CheckTransmissions(1.25).correct, false);
  const dups = sum(monteCarlo({ runs: 20, seed: "ex2", run: (seed) => runClientServer({ seed, protocol: "ack", lossRate: 0.3, commands: 200 }).duplicates }));
  assert.equal(nb01CheckDuplicates((1000 * dups) / 4000).correct, true);
  assert.equal(nb01CheckDuplicates(300).correct, false);
  assert.equal(nb01CheckGeneralsRounds(7).correct, true);
  assert.equal(nb01CheckGeneralsRounds(6).correct, false);
  for (const check of [nb01CheckTransmissions, nb01CheckDuplicates, nb01CheckGeneralsRounds]) {
    const v = check(undefined);
    assert.equal(v.correct, false);
    assert.match(String(v), /not answered yet: write your answer in the cell above/);
  }
});

test("nb01 checks never print the expected value", () => {
  assert.doesNotMatch(String(nb01CheckTransmissions(2)), /1\.56/);
  assert.doesNotMatch(String(nb01CheckDuplicates(1)), /428/);
});

test("nb02 checks accept the simulated answers and reject wrong or missing ones", () => {
  const slow = share(monteCarlo({ runs: 2000, seed: "ex1", run: (seed) => runScoreRace({ seed, delayMs: [exponential(30), exponential(10)] }).final === 50 }));
  assert.equal(nb02CheckSlowClient(slow).correct, true);
  assert.equal(nb02CheckSlowClient(0.75).correct, false);
  const zero = share(monteCarlo({ runs: 2000, seed: "ex2", run: (seed) => runScoreRace({ seed, lossRate: 0.2, delayMs: exponential(10) }).final === 0 }));
  assert.equal(nb02CheckZeroWithLoss(zero).correct, true);
  assert.equal(nb02CheckZeroWithLoss(0.04).correct, false);
  assert.equal(nb02CheckThreeClients(4).correct, true);
  assert.equal(nb02CheckThreeClients(6).correct, false);
  const jitter = share(monteCarlo({ runs: 2000, seed: "ex4", run: (seed) => runScoreRace({ seed, delayMs: [lognormalFromMean(10, 20), lognormalFromMean(12, 20)] }).final === 50 }));
  assert.equal(nb02CheckJitter(jitter).correct, true);
  assert.equal(nb02CheckJitter(0.9).correct, false);
  for (const check of [nb02CheckSlowClient, nb02CheckZeroWithLoss, nb02CheckThreeClients, nb02CheckJitter]) {
    assert.equal(check(undefined).correct, false);
    assert.match(String(check(undefined)), /not answered yet: write your answer in the cell above/);
  }
});

test("nb01CheckAckLossPrediction(prediction): the simulation finds as many duplicates with only ACKs lost, and the check agrees", () => {
  const perCommand = (lossRate: number, ackLossRate: number) =>
    sum(monteCarlo({ runs: 20, seed: `dup/${lossRate}`, run: (seed) => runClientServer({ seed, protocol: "ack", lossRate, ackLossRate, commands: 200 }).duplicates })) / 4000;
  const [both, ackOnly] = [perCommand(0.2, 0.2), perCommand(0, 0.2)];
  // Both are estimates of 0.25 from 4,000 commands (standard error about 0.009): the same within 0.04.
  assert.ok(Math.abs(both - ackOnly) < 0.04, `${both} against ${ackOnly}`);
  assert.equal(nb01CheckAckLossPrediction("the same").correct, true);
  assert.equal(nb01CheckAckLossPrediction("The same ").correct, true);
  for (const wrong of ["more", "fewer"]) assert.match(String(nb01CheckAckLossPrediction(wrong)), /^✘ not yet \(exercise 5\): the run above says otherwise/);
  assert.match(String(nb01CheckAckLossPrediction("twice")), /should be one of/);
  assert.match(String(nb01CheckAckLossPrediction(undefined)), /not answered yet: write your prediction/);
});

test("nb01CheckBreakDuplicates(timeoutMs) accepts a timeout below the round trip and rejects the notebook's 50 ms", () => {
  const broken = nb01CheckBreakDuplicates(5);
  assert.equal(broken.correct, true, String(broken));
  const holds = nb01CheckBreakDuplicates(50);
  assert.equal(holds.correct, false);
  assert.match(String(holds), /fewer than one/);
  assert.match(String(nb01CheckBreakDuplicates(0.5)), /at least 1/);
  assert.match(String(nb01CheckBreakDuplicates(undefined)), /not answered yet: write your answer/);
});

test("nb02CheckTwoAddsPrediction(prediction) accepts the simulated P(100) and rejects the independent-coins guess 1/4", () => {
  const hundred = share(monteCarlo({ runs: 3000, seed: "ex5", run: (seed) => runScoreRace({ seed, clients: [["+10", "+10"], ["*5"]], delayMs: exponential(10) }).final === 100 }));
  assert.equal(nb02CheckTwoAddsPrediction(hundred).correct, true, String(nb02CheckTwoAddsPrediction(hundred)));
  assert.equal(nb02CheckTwoAddsPrediction(1 / 3).correct, true);
  assert.match(String(nb02CheckTwoAddsPrediction(0.25)), /too low/);
  assert.match(String(nb02CheckTwoAddsPrediction(undefined)), /not answered yet: write your prediction/);
});

test("nb02CheckBreakZero(lossRate) accepts a loss rate past the crossing p^2 + 2p = 1 and rejects the notebook's 0.1", () => {
  const crossing = Math.SQRT2 - 1;
  assert.equal(nb02CheckBreakZero(crossing + 0.2).correct, true, String(nb02CheckBreakZero(crossing + 0.2)));
  const holds = nb02CheckBreakZero(0.1);
  assert.equal(holds.correct, false);
  assert.match(String(holds), /another score is more frequent/);
  assert.match(String(nb02CheckBreakZero(1.5)), /does not run: .*lossRate/);
  assert.match(String(nb02CheckBreakZero(undefined)), /not answered yet: write your answer/);
});
