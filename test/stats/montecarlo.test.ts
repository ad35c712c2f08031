import { test } from "node:test";
import assert from "node:assert/strict";
import { createRng } from "../../src/random/rng";
import { monteCarlo, runSeed, summarizeOutcomes } from "../../src/stats/montecarlo";
import { wilson } from "../../src/stats/stats";

const SEED = 42;

/** Flips `flips` coins with heads probability `p`; returns plain data. */
function coinRun(args: { p: number; flips: number }, seed: string, index: number) {
  const rng = createRng(seed);
  let heads = 0;
  for (let i = 0; i < args.flips; i++) if (rng.next() < args.p) heads++;
  return { index, seed, heads, outcome: heads > args.flips / 2 ? "majority" : "minority", u: rng.next() };
}

test("runSeed(seed, index) is deriveSeed(seed, \"run\", index)", () => {
  assert.equal(runSeed(42, 17), "42/run/17");
});

test("monteCarlo({ runs, seed, run }) passes each run its own seed and index, in order", () => {
  const out = monteCarlo({ runs: 3, seed: SEED, run: (s, i) => `${i}:${s}` });
  assert.deepEqual(out, ["0:42/run/0", "1:42/run/1", "2:42/run/2"]);
});

test("monteCarlo run i does not depend on the number of runs", () => {
  const run = (s: string) => createRng(s).next();
  const short = monteCarlo({ runs: 10, seed: SEED, run });
  const long = monteCarlo({ runs: 1000, seed: SEED, run });
  assert.deepEqual(long.slice(0, 10), short);
});

test("monteCarlo estimates a probability within 4 standard errors", () => {
  const n = 20000;
  const hits = monteCarlo({ runs: n, seed: SEED, run: (s) => createRng(s).next() < 0.1 }).filter(Boolean).length;
  const se = Math.sqrt(0.1 * 0.9 / n);
  assert.ok(Math.abs(hits / n - 0.1) < 4 * se, `${hits / n}`);
});

test("monteCarlo(options) validates runs, seed, run and unknown options", () => {
  assert.throws(() => monteCarlo({ runs: 0, seed: 1, run: () => 0 }), /runs must be an integer in \[1, 10000000\]; got 0/);
  assert.throws(() => monteCarlo({ runs: 1.5, seed: 1, run: () => 0 }), /runs must be an integer/);
  assert.throws(() => monteCarlo({ runs: 1, seed: NaN, run: () => 0 }), /seed must be a finite number or a string; got NaN/);
  assert.throws(() => monteCarlo({ runs: 1, seed: 1, run: 3 as never }), /run must be a function/);
  assert.throws(() => monteCarlo({ runs: 1, seed: 1, run: () => 0, rnus: 2 } as never), /unknown option "rnus"/);
});

test("summarizeOutcomes(results, key) gives proportion rows with Wilson intervals", () => {
  const results = monteCarlo({ runs: 200, seed: SEED, run: (s, i) => coinRun({ p: 0.7, flips: 5 }, s, i) });
  const rows = summarizeOutcomes(results, "outcome");
  assert.deepEqual(rows.map((r) => r.outcome), ["majority", "minority"]);
  const majority = results.filter((r) => r.outcome === "majority").length;
  assert.deepEqual(rows[0], { outcome: "majority", count: majority, n: 200, ...wilson(majority, 200) });
  const byFn = summarizeOutcomes(results, (r) => r.heads >= 3);
  assert.deepEqual(byFn.map((r) => [r.outcome, r.count]), [["true", majority], ["false", 200 - majority]].sort());
  assert.deepEqual(summarizeOutcomes(["a", "b", "a"]).map((r) => r.count), [2, 1]);
  assert.throws(() => summarizeOutcomes(results, "missing" as never), /outcome of results\[0\] must be defined/);
});
