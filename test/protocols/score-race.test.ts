import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  applyScoreOp, checkScoreOp, lognormalFirstProbability, runScoreRace, scoreRaceLabel,
} from "../../src/protocols/score-race";
import { exploreScoreRace } from "../../src/lessons/02-two-clients-score-race";
import { runSeed } from "../../src/stats/montecarlo";
import { exponential, lognormalFromMean } from "../../src/random/distributions";

const shareOf = (n: number, pred: (i: number) => boolean) => {
  let k = 0;
  for (let i = 0; i < n; i++) if (pred(i)) k++;
  return k / n;
};
const within4se = (share: number, p: number, n: number) => Math.abs(share - p) < 4 * Math.sqrt((p * (1 - p)) / n) + 1e-12;

test("applyScoreOp(score, op) adds, subtracts, multiplies and sets", () => {
  assert.equal(applyScoreOp(0, "+10"), 10);
  assert.equal(applyScoreOp(10, "*5"), 50);
  assert.equal(applyScoreOp(7, "-3"), 4);
  assert.equal(applyScoreOp(7, "=2"), 2);
  assert.equal(applyScoreOp(1, "*-2"), -2);
  assert.throws(() => checkScoreOp("op", "x5"), /op must be an operation/);
});

test("scoreRaceLabel(order, total, final) names order, losses and score", () => {
  assert.equal(scoreRaceLabel(["+10", "*5"], 2, 50), "+10 then *5 → 50");
  assert.equal(scoreRaceLabel(["*5"], 2, 0), "only *5 → 0");
  assert.equal(scoreRaceLabel([], 2, 0), "neither → 0");
  assert.equal(scoreRaceLabel([], 3, 0), "none → 0");
});

test("runScoreRace(options) without loss ends at 50 or 10, in the order the trace shows", () => {
  for (let i = 0; i < 50; i++) {
    const r = runScoreRace({ seed: i, delayMs: exponential(10) });
    const applied = r.trace.rows().filter((row) => row.kind === "record");
    assert.deepEqual(r.order, applied.map((row) => (row.detail as { op: string }).op));
    assert.ok(applied.every((row) => row.node === "s1"));
    assert.equal(r.final, r.order[0] === "+10" ? 50 : 10);
    assert.equal((applied[1].detail as { score: number }).score, r.final);
  }
});

test("runScoreRace(options): clients are u1, u2, ...; the final score replays the applied order from initialScore", () => {
  const r = runScoreRace({ seed: 3, clients: [["+10"], ["*5"], ["-3", "*2"]], initialScore: 1, delayMs: exponential(10) });
  assert.deepEqual(r.trace.nodes, ["u1", "u2", "u3", "s1"]);
  assert.equal(r.final, r.order.reduce(applyScoreOp, 1));
  assert.equal(runScoreRace({ seed: 1, lossRate: 1, initialScore: 7 }).label, "neither → 7");
  // fork: dropping u1's command leaves only "*5"
  const first = r.trace.messages().find((m) => m.from === "u1")!;
  assert.ok(!r.fork({ dropMessage: first.id }).order.includes("+10"));
});

test("runScoreRace: P(client 1 first) = a / (a + b) for exponential delays (within 4 standard errors)", () => {
  const n = 4000, a = 1 / 10, b = 1 / 30;
  const share = shareOf(n, (i) => runScoreRace({ seed: runSeed("rate", i), delayMs: [exponential(10), exponential(30)] }).final === 50);
  assert.ok(within4se(share, a / (a + b), n), `share ${share}`);
});

test("runScoreRace: P(final = 0) = p with loss rate p (within 4 standard errors)", () => {
  const n = 4000, p = 0.2;
  const share = shareOf(n, (i) => runScoreRace({ seed: runSeed("loss", i), lossRate: p, delayMs: exponential(10) }).final === 0);
  assert.ok(within4se(share, p, n), `share ${share}`);
});

test("lognormalFirstProbability(d1, d2) matches the simulation and the constant-delay limits", () => {
  const d1 = lognormalFromMean(10, 8), d2 = lognormalFromMean(12, 8), n = 4000;
  const share = shareOf(n, (i) => runScoreRace({ seed: runSeed("logn", i), delayMs: [d1, d2] }).final === 50);
  const p = lognormalFirstProbability(d1, d2);
  assert.ok(within4se(share, p, n), `share ${share} vs ${p}`);
  assert.equal(lognormalFirstProbability(lognormalFromMean(10, 0), lognormalFromMean(12, 0)), 1);
  assert.equal(lognormalFirstProbability(lognormalFromMean(12, 0), lognormalFromMean(10, 0)), 0);
  assert.equal(lognormalFirstProbability(lognormalFromMean(10, 5), lognormalFromMean(10, 5)), 0.5);
});

test("exploreScoreRace(options) lists the five schedules of two commands with loss", () => {
  const byScore = exploreScoreRace({ allowLoss: true });
  assert.deepEqual(byScore.outcomes.map((o) => [o.outcome, o.schedules]), [["0", 2], ["10", 2], ["50", 1]]);
  const byOrder = exploreScoreRace({ allowLoss: true, outcome: "order" });
  assert.equal(byOrder.totalSchedules, 5);
  assert.deepEqual(byOrder.outcomes.map((o) => o.outcome).sort(),
    ["*5 then +10 → 10", "+10 then *5 → 50", "neither → 0", "only *5 → 0", "only +10 → 10"]);
  assert.deepEqual(exploreScoreRace().outcomes.map((o) => o.outcome), ["10", "50"]);
});

test("exploreScoreRace: three clients +10, *5, -3 reach 4 distinct scores in 6 orders", () => {
  const r = exploreScoreRace({ clients: [["+10"], ["*5"], ["-3"]] });
  assert.equal(r.totalSchedules, 6);
  assert.deepEqual(r.outcomes.map((o) => o.outcome).sort(), ["-5", "35", "47", "7"]);
});

test("every outcome runScoreRace reaches is one exploreScoreRace lists (property)", () => {
  const op = fc.tuple(fc.constantFrom("+", "-", "*"), fc.integer({ min: 1, max: 9 })).map(([o, v]) => `${o}${v}`);
  fc.assert(fc.property(fc.array(fc.array(op, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 1e6 }), (clients, seed) => {
    const possible = new Set(exploreScoreRace({ clients, allowLoss: true, outcome: "order" }).outcomes.map((o) => o.outcome));
    for (let i = 0; i < 5; i++) {
      const r = runScoreRace({ seed: runSeed(seed, i), clients, lossRate: 0.2, delayMs: exponential(10) });
      assert.ok(possible.has(r.label), r.label);
    }
  }), { numRuns: 60 });
});

test("runScoreRace(options) rejects bad options with messages naming the parameter", () => {
  assert.throws(() => runScoreRace({ seed: 1, lossRate: 2 }), /lossRate/);
  assert.throws(() => runScoreRace({ seed: 1, clients: [["+10"], ["x"]] }), /clients\[1\]\[0\]/);
  assert.throws(() => runScoreRace({ seed: 1, delayMs: [10] }), /delayMs.*one delay per client/);
  assert.throws(() => runScoreRace({ seed: 1, delay: 3 } as never), /runScoreRace options.*"delay"/);
  assert.throws(() => exploreScoreRace({ outcome: "x" as never }), /outcome/);
});
