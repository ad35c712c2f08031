import { test } from "node:test";
import assert from "node:assert/strict";
import { runClientServer } from "../../src/protocols/client-server";
import { corruptionSweep } from "../../src/lessons/01-corruption";
import { monteCarlo } from "../../src/stats/montecarlo";

test("runClientServer(options) with a checksum turns corruption into loss: 1 / (1 - c)^2 transmissions per command within 4 standard errors", () => {
  const c = 0.25, q = (1 - c) ** 2;
  const tx = monteCarlo({ runs: 3000, seed: "corrupt-law", run: (seed) => runClientServer({ seed, protocol: "seq", commands: 1, corruptRate: c, checksum: true }).transmissions[0] });
  const mean = tx.reduce((a, b) => a + b, 0) / tx.length, sd = Math.sqrt((1 - q) / q ** 2);
  assert.ok(Math.abs(mean - 1 / q) <= (4 * sd) / Math.sqrt(tx.length), String(mean));
});

test("runClientServer(options) with a checksum discards every corrupted message and never executes a made-up command", () => {
  const r = runClientServer({ seed: 3, protocol: "seq", commands: 50, corruptRate: 0.3, checksum: true });
  assert.equal(r.wrongExecutions, 0);
  assert.equal(r.delivered, 50);
  assert.equal(r.discarded, r.corrupted.cmd + r.corrupted.ack);
  assert.ok(r.discarded > 0);
  assert.deepEqual(r.executedTimes, new Array(50).fill(1));
});

test("runClientServer(options) without a checksum executes command numbers that were never sent, and sequence numbers then skip real ones", () => {
  const r = runClientServer({ seed: 3, protocol: "seq", commands: 50, corruptRate: 0.3 });
  assert.ok(r.wrongExecutions > 0);
  assert.equal(r.discarded, 0);
  assert.ok(r.delivered < 50, String(r.delivered));
});

test("runClientServer(options): corruptRate 0 gives the trace of a run without the option, checksum or not aside", () => {
  assert.equal(runClientServer({ seed: 5, lossRate: 0.2, corruptRate: 0 }).trace.hash(), runClientServer({ seed: 5, lossRate: 0.2 }).trace.hash());
});

test("corruptionSweep(options): with a checksum no wrong execution and no missing command; the closed form is 1 / (1 - c)^2", () => {
  const rows = corruptionSweep({ seed: 1, runs: 20, corruptRates: [0, 0.2], commands: 20 });
  assert.deepEqual(rows.map((r) => [r.corruptRate, r.checksum]), [[0, "without checksum"], [0, "with checksum"], [0.2, "without checksum"], [0.2, "with checksum"]]);
  for (const r of rows.filter((x) => x.checksum === "with checksum")) assert.equal(r.wrongPer1000 + r.missingPer1000, 0);
  assert.ok(Math.abs(rows[3].closedForm - 1 / 0.64) < 1e-12);
  assert.equal(rows[0].transmissions, 1);
  assert.ok(rows[2].wrongPer1000 > 0);
  assert.throws(() => corruptionSweep({ seed: 1, runs: 1, corruptRates: [1] }), /corruptRates must be below 1/);
});
