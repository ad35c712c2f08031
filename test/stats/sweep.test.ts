import { test } from "node:test";
import assert from "node:assert/strict";
import { createRng } from "../../src/random/rng";
import { cellSeed, gridCells, sweep } from "../../src/stats/sweep";
import { summarizeOutcomes } from "../../src/stats/montecarlo";

const SEED = 42;

test("gridCells(grid) is the cartesian product, first parameter slowest", () => {
  assert.deepEqual(gridCells({ a: [1, 2], b: ["x", "y"] }), [
    { a: 1, b: "x" }, { a: 1, b: "y" }, { a: 2, b: "x" }, { a: 2, b: "y" },
  ]);
});

test("cellSeed(seed, params) lists parameters in name order", () => {
  assert.equal(cellSeed(42, { lossRate: 0.1, delayMs: 10 }), "42/cell/delayMs=10/lossRate=0.1");
});

test("sweep without summarize returns one tidy row per run", () => {
  const rows = sweep({ grid: { lossRate: [0, 0.5] }, runs: 2, seed: SEED, run: (p, s, i) => ({ lost: p.lossRate > 0, i }) });
  assert.deepEqual(rows, [
    { lossRate: 0, run: 0, lost: false, i: 0 }, { lossRate: 0, run: 1, lost: false, i: 1 },
    { lossRate: 0.5, run: 0, lost: true, i: 0 }, { lossRate: 0.5, run: 1, lost: true, i: 1 },
  ]);
  const plain = sweep({ grid: { k: ["a"] }, runs: 1, seed: SEED, run: () => 7 });
  assert.deepEqual(plain, [{ k: "a", run: 0, value: 7 }]);
});

test("sweep with summarize adds the cell's parameters to each row", () => {
  const rows = sweep({
    grid: { lossRate: [0, 0.2], delayMs: [10] }, runs: 500, seed: SEED,
    run: (p, s) => (createRng(s).next() < p.lossRate ? "lost" : "ok"),
    summarize: (outcomes) => summarizeOutcomes(outcomes),
  });
  assert.deepEqual(rows.map((r) => [r.lossRate, r.delayMs, r.outcome]), [[0, 10, "ok"], [0.2, 10, "lost"], [0.2, 10, "ok"]]);
  const lost = rows[1] as { p: number };
  assert.ok(Math.abs(lost.p - 0.2) < 4 * Math.sqrt(0.2 * 0.8 / 500), `p = ${lost.p}`);
});

test("sweep: adding a grid value or reordering keys leaves other cells unchanged", () => {
  const run = (_: unknown, s: string) => createRng(s).next();
  const summarize = (xs: number[]) => ({ first: xs[0], sum: xs.reduce((a, b) => a + b, 0) });
  const small = sweep({ grid: { a: [1, 2], b: ["x"] }, runs: 20, seed: SEED, run, summarize });
  const big = sweep({ grid: { b: ["x", "y"], a: [0, 1, 2, 3] }, runs: 20, seed: SEED, run, summarize });
  for (const row of small) {
    const match = big.find((r) => r.a === row.a && r.b === row.b);
    assert.ok(match !== undefined, `cell a=${row.a} b=${row.b}`);
    assert.equal(match.first, row.first);
    assert.equal(match.sum, row.sum);
  }
});

test("sweep(options) validates the grid shape naming the parameter", () => {
  const run = () => 0;
  assert.throws(() => sweep({ grid: {}, runs: 1, seed: 1, run }), /grid must be an object with at least one parameter/);
  assert.throws(() => sweep({ grid: { lossRate: [] }, runs: 1, seed: 1, run }), /grid\.lossRate must be a non-empty array/);
  assert.throws(() => sweep({ grid: { lossRate: 0.1 } as never, runs: 1, seed: 1, run }), /grid\.lossRate must be a non-empty array/);
  assert.throws(() => sweep({ grid: { x: [1, NaN] }, runs: 1, seed: 1, run }), /grid\.x\[1\] must be a finite number, a string or a boolean; got NaN/);
  assert.throws(() => sweep({ grid: { x: [1, 1] }, runs: 1, seed: 1, run }), /distinct/);
  assert.throws(() => sweep({ grid: { x: [1] }, runs: 0, seed: 1, run }), /runs must be an integer/);
});

test("sweep rows are typed: the grid's parameters and the measures summarize returns (or run and the result)", () => {
  const rows = sweep({ grid: { lossRate: [0, 0.5], mode: ["a", "b"] as const }, runs: 4, seed: SEED,
    run: (p, s) => ({ lost: p.lossRate > 0 && s.length > 0, mode: p.mode }),
    summarize: (rs) => ({ p: rs.filter((r) => r.lost).length / rs.length, n: rs.length }) });
  const p: number = rows[0].p, loss: number = rows[0].lossRate, mode: "a" | "b" = rows[0].mode;
  assert.deepEqual([p, loss, mode, rows[0].n], [0, 0, "a", 4]);
  // @ts-expect-error: summarize returned no field "q"
  assert.equal(rows[0].q, undefined);
  const perRun = sweep({ grid: { k: [1, 2] }, runs: 2, seed: SEED, run: (p, _s, i) => ({ twice: 2 * p.k + i }) });
  const twice: number = perRun[3].twice, index: number = perRun[3].run, k: number = perRun[3].k;
  assert.deepEqual([twice, index, k], [5, 1, 2]);
  const plain = sweep({ grid: { k: [1] }, runs: 1, seed: SEED, run: () => "x" });
  const value: string = plain[0].value;
  assert.equal(value, "x");
});
