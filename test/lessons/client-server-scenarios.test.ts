import { test } from "node:test";
import assert from "node:assert/strict";
import { runTwoGenerals } from "../../src/protocols/two-generals";
import { findRunSeed } from "../../src/stats/seed-search";
import { textTable, traceDiffLines, traceRowText } from "../../src/views/trace-text";
import { traceDiagram } from "../../src/views/trace-diagram";
import { sequenceRows } from "../../src/views/sequence-rows";
import { recordLabel } from "../../src/views/labels";
import { runClientServer } from "../../src/protocols/client-server";
import { diffTraces } from "../../src/sim/diff";
import { runSeed } from "../../src/stats/montecarlo";

test("runTwoGenerals: the exchange completes with probability (1-p)^k and the last message is lost with probability p", () => {
  const p = 0.2, k = 4, n = 4000;
  const runs = Array.from({ length: n }, (_, i) => runTwoGenerals({ seed: runSeed("gen", i), rounds: k, lossRate: p }));
  const done = runs.filter((r) => r.completed).length / n, q = (1 - p) ** k;
  assert.ok(Math.abs(done - q) < 4 * Math.sqrt((q * (1 - q)) / n), `completed ${done}`);
  const reached = runs.filter((r) => r.sent === k);
  const lastLost = reached.filter((r) => r.lastLost).length / reached.length;
  assert.ok(Math.abs(lastLost - p) < 4 * Math.sqrt((p * (1 - p)) / reached.length), `last lost ${lastLost}`);
  for (const r of runs) {
    assert.equal(r.lastLost, !r.completed);
    assert.equal(r.uncertain, r.sent % 2 === 1 ? "A" : "B");
  }
  assert.throws(() => runTwoGenerals({ seed: 1, rounds: 0 }), /rounds/);
});

test("findRunSeed(options) returns the first matching run and throws after maxTries", () => {
  const found = findRunSeed({ seed: 7, run: (s) => runClientServer({ seed: s, lossRate: 0.3, commands: 3 }), where: (r) => r.duplicates > 0 });
  assert.equal(found.seed, runSeed(7, found.index));
  for (let i = 0; i < found.index; i++) assert.equal(runClientServer({ seed: runSeed(7, i), lossRate: 0.3, commands: 3 }).duplicates, 0);
  assert.ok(found.result.duplicates > 0);
  assert.throws(() => findRunSeed({ seed: 1, run: () => 0, where: () => false, maxTries: 5 }), /maxTries = 5/);
});

test("traceDiffLines(diff) reports identical traces and the first divergence of a fork", () => {
  const run = runClientServer({ seed: 1, commands: 2 });
  const a = run.trace;
  assert.deepEqual(traceDiffLines(diffTraces(a, runClientServer({ seed: 1, commands: 2 }).trace)), ["the traces are identical"]);
  const b = run.fork({ dropMessage: 2 }).trace;
  const lines = traceDiffLines(diffTraces(a, b), 3);
  assert.match(lines[0], /^first divergence: event \d+ at 10 ms$/);
  assert.ok(lines.some((l) => l === "  + 10 ms  drop ack 0 #2 s1→u1 (intervention)"), lines.join("\n"));
  assert.ok(lines.some((l) => /and \d+ more/.test(l)));
});

test("traceRowText(row) and recordLabel(kind, detail) give short readable lines", () => {
  const rows = runClientServer({ seed: 1, commands: 1 }).trace.rows();
  assert.equal(traceRowText(rows.find((r) => r.kind === "record")!), "10 ms  s1: execute(0)");
  assert.equal(recordLabel("apply", { op: "+10", score: 10 }), "apply(+10, 10)");
  assert.equal(recordLabel("prepare", null), "prepare");
});

test("sequenceRows(trace) labels recorded state changes; traceDiagram(trace) draws them", () => {
  const { trace } = runClientServer({ seed: 2, commands: 2 });
  assert.deepEqual(sequenceRows(trace).events.map((e) => e.label), ["execute(0)", "execute(1)"]);
  assert.match(traceDiagram(trace, { title: "t" }).describe(), /t \(layer of/);
});

test("textTable(rows) aligns columns and right-aligns numbers", () => {
  const t = textTable([{ name: "a", p: 0.123456 }, { name: "bbb", p: 12 }]);
  assert.equal(t, "name       p\n----  ------\na     0.1235\nbbb       12");
  assert.equal(textTable([]), "(no rows)");
});
