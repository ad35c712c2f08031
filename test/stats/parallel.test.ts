import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import fc from "fast-check";
import { monteCarlo } from "../../src/stats/montecarlo";
import { monteCarloParallel } from "../../src/stats/parallel";
import { coinRun, failingRun } from "./fixtures/runs";

const SEED = 42;
const MODULE = join(__dirname, "fixtures", "runs.js");
const ARGS = { p: 0.3, flips: 7 };

test("monteCarloParallel equals serial monteCarlo over the same function", async () => {
  const serial = monteCarlo({ runs: 1000, seed: SEED, run: (s, i) => coinRun(ARGS, s, i) });
  const parallel = await monteCarloParallel({ module: MODULE, exportName: "coinRun", args: ARGS, runs: 1000, seed: SEED, workers: 3, chunkSize: 37 });
  assert.deepStrictEqual(parallel, serial);
});

test("monteCarloParallel equals serial for random run counts, workers and chunk sizes (property)", async () => {
  await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 4 }),
    fc.integer({ min: 1, max: 64 }), fc.string({ maxLength: 6 }), async (runs, workers, chunkSize, seed) => {
      const serial = monteCarlo({ runs, seed, run: (s, i) => coinRun(ARGS, s, i) });
      const parallel = await monteCarloParallel({ module: MODULE, exportName: "coinRun", args: ARGS, runs, seed, workers, chunkSize });
      assert.deepStrictEqual(parallel, serial);
    }), { numRuns: 15, seed: 7 });
});

test("monteCarloParallel with default workers and chunk size", async () => {
  const serial = monteCarlo({ runs: 50, seed: "s", run: (s, i) => coinRun(ARGS, s, i) });
  assert.deepStrictEqual(await monteCarloParallel({ module: MODULE, exportName: "coinRun", args: ARGS, runs: 50, seed: "s" }), serial);
});

test("monteCarloParallel({ onProgress }) aggregates progress over workers and ends at the total", async () => {
  const seen: [number, number][] = [];
  await monteCarloParallel({ module: MODULE, exportName: "coinRun", args: ARGS, runs: 200, seed: SEED, workers: 2, chunkSize: 10,
    progressEvery: 50, onProgress: (d, t) => seen.push([d, t]) });
  assert.deepEqual(seen.map(([d]) => d), [50, 100, 150, 200]);
  assert.ok(seen.every(([, t]) => t === 200));
});

test("monteCarloParallel rejects with the failing run's index and seed", async () => {
  assert.throws(() => failingRun({ failAt: 0 }, "x", 0), /boom/);
  await assert.rejects(
    monteCarloParallel({ module: MODULE, exportName: "failingRun", args: { failAt: 123 }, runs: 400, seed: SEED, workers: 2, chunkSize: 20 }),
    (error: Error) => {
      assert.match(error.message, /run 123 \(seed "42\/run\/123"\) failed: boom/);
      return true;
    });
});

test("monteCarloParallel rejects results that cannot be sent between threads", async () => {
  await assert.rejects(
    monteCarloParallel({ module: MODULE, exportName: "functionRun", runs: 3, seed: SEED, workers: 1 }),
    /structured-cloneable/);
});

test("monteCarloParallel rejects args that cannot be cloned", async () => {
  await assert.rejects(
    monteCarloParallel({ module: MODULE, exportName: "coinRun", args: { f: () => 1 }, runs: 3, seed: SEED, workers: 1 }),
    /args must be structured-cloneable/);
});

test("monteCarloParallel(options) validates module, exportName, runs and workers", async () => {
  await assert.rejects(monteCarloParallel({ module: MODULE, exportName: "nope", runs: 1, seed: 1 }), /exportName must be a function exported by/);
  await assert.rejects(monteCarloParallel({ module: "./no/such/module.js", exportName: "x", runs: 1, seed: 1 }), /module must be a module that can be found/);
  await assert.rejects(monteCarloParallel({ module: MODULE, exportName: "coinRun", runs: 0, seed: 1 }), /runs must be an integer in \[1, 10000000\]/);
  await assert.rejects(monteCarloParallel({ module: MODULE, exportName: "coinRun", runs: 1, seed: 1, workers: 0 }), /workers must be an integer/);
});
