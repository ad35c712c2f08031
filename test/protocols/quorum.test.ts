import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { allUpProbability, binomialAtLeast, majorityUpProbability, majoritySize, quorumOverlap } from "../../src/protocols/quorum";
import { quorumAvailability } from "../../src/lessons/05-majority-and-paxos";

test("binomialAtLeast(n, k, p) matches hand-computed tails", () => {
  assert.ok(Math.abs(binomialAtLeast(3, 0, 0.3) - 1) < 1e-12);
  assert.ok(Math.abs(binomialAtLeast(3, 2, 0.9) - (3 * 0.81 * 0.1 + 0.729)) < 1e-12);
  assert.ok(Math.abs(binomialAtLeast(5, 5, 0.5) - 1 / 32) < 1e-12);
});

test("majorityUpProbability(n, p) beats allUpProbability(n, p) for n >= 2 and grows with n for p < 1/2", () => {
  for (const n of [3, 5, 7, 9]) assert.ok(majorityUpProbability(n, 0.1) > allUpProbability(n, 0.1));
  assert.ok(majorityUpProbability(9, 0.1) > majorityUpProbability(5, 0.1));
  assert.ok(majorityUpProbability(9, 0.1) > majorityUpProbability(3, 0.1));
  assert.equal(majoritySize(4), 3);
  assert.equal(majoritySize(5), 3);
});

test("quorumAvailability(options) agrees with the binomial closed form within 4 standard errors", () => {
  const rows = quorumAvailability({ seed: 42, servers: [3, 5, 9], downProbabilities: [0.05, 0.2, 0.4], trials: 20000 });
  assert.equal(rows.length, 18);
  for (const r of rows) {
    const se = Math.sqrt(Math.max(r.exact * (1 - r.exact), 1e-6) / r.trials);
    assert.ok(Math.abs(r.simulated - r.exact) <= 4 * se + 1e-9, `${r.rule} n=${r.servers} p=${r.downProbability}: ${r.simulated} vs ${r.exact}`);
    assert.ok(r.lo <= r.simulated && r.simulated <= r.hi);
  }
  assert.deepEqual(quorumAvailability({ seed: 42, servers: [3], downProbabilities: [0.1], trials: 500 }),
    quorumAvailability({ seed: 42, servers: [3], downProbabilities: [0.1], trials: 500 }));
});

test("quorumOverlap(maxServers): every two quorums intersect exactly when 2q > n", () => {
  const rows = quorumOverlap(9);
  for (const r of rows) {
    assert.equal(r.alwaysIntersect, 2 * r.quorum > r.servers, `n=${r.servers} q=${r.quorum}`);
    assert.equal(r.minOverlap, Math.max(0, 2 * r.quorum - r.servers));
    assert.equal(r.isMajority, r.quorum >= majoritySize(r.servers));
  }
});

test("majorities intersect: any two random majorities of n servers share a server (property)", () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 25 }).chain((n) =>
    fc.tuple(fc.constant(n), fc.shuffledSubarray([...Array(n).keys()], { minLength: majoritySize(n) }), fc.shuffledSubarray([...Array(n).keys()], { minLength: majoritySize(n) }))),
  ([, a, b]) => a.some((x) => b.includes(x))));
});

test("quorum functions reject bad options with messages naming the parameter", () => {
  assert.throws(() => majorityUpProbability(3, 1.5), /downProbability must be a number in \[0, 1\]; got 1.5/);
  assert.throws(() => quorumAvailability({ seed: 1, trials: 0 }), /trials must be an integer/);
  assert.throws(() => quorumAvailability({ seed: 1, server: [3] } as never), /unknown option "server"/);
  assert.throws(() => quorumOverlap(13), /maxServers must be an integer in \[1, 12\]/);
});
