import { test } from "node:test";
import assert from "node:assert/strict";
import { scoreRaceBenchRun } from "../../src/lessons/score-race-bench";
import { monteCarlo } from "../../src/stats/montecarlo";

test("scoreRaceBenchRun(args, seed) gives one of the scores 50, 10, 0, the same for the same seed", () => {
  for (let i = 0; i < 200; i++) {
    const s = scoreRaceBenchRun(undefined, `42/run/${i}`, i);
    assert.ok([50, 10, 0].includes(s), `score ${s}`);
    assert.equal(scoreRaceBenchRun(undefined, `42/run/${i}`, i), s);
  }
});

test("scoreRaceBenchRun without loss: +10 first (50) and *5 first (10) each about half the time", () => {
  const runs = 4000;
  const scores = monteCarlo({ runs, seed: 1, run: (s, i) => scoreRaceBenchRun({ lossRate: 0 }, s, i) });
  assert.ok(scores.every((s) => s === 50 || s === 10));
  // P(50) = 1/2 by symmetry; standard error sqrt(0.25 / 4000) = 0.0079; allow 4 standard errors.
  const p = scores.filter((s) => s === 50).length / runs;
  assert.ok(Math.abs(p - 0.5) < 4 * 0.0079, `P(50) = ${p}`);
});

test("scoreRaceBenchRun with lossRate 1 keeps the initial score", () => {
  assert.equal(scoreRaceBenchRun({ lossRate: 1, initialScore: 7 }, 3, 0), 7);
});

test("scoreRaceBenchRun rejects bad options with messages that name them", () => {
  assert.throws(() => scoreRaceBenchRun({ lossRate: 1.5 }, 1), /lossRate must be .*; got 1.5/);
  assert.throws(() => scoreRaceBenchRun({ meanDelayMs: -1 }, 1), /meanDelayMs must be .*; got -1/);
  assert.throws(() => scoreRaceBenchRun({ delay: 3 } as never, 1), /delay/);
});
