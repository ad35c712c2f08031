import { test } from "node:test";
import assert from "node:assert/strict";
import {
  nb01CheckDuplicates, nb01CheckGeneralsRounds, nb01CheckTransmissions,
} from "../../src/lessons/checks/nb01";
import { nb02CheckJitter, nb02CheckSlowClient, nb02CheckThreeClients, nb02CheckZeroWithLoss } from "../../src/lessons/checks/nb02";
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
    assert.match(String(v), /not yet/);
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
  for (const check of [nb02CheckSlowClient, nb02CheckZeroWithLoss, nb02CheckThreeClients, nb02CheckJitter]) assert.equal(check(undefined).correct, false);
});
