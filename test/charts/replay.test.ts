import { test } from "node:test";
import assert from "node:assert/strict";
import { replayChart } from "../../src/charts/replay";
import { replayRows } from "../../src/views/replay-rows";
import { findRunSeed } from "../../src/stats/seed-search";
import { runClientServer } from "../../src/protocols/client-server";
import { clientServerState } from "../../src/lessons/replay-states";
import { compileChart, renderSvg } from "../../src/display/render";
import { JsonSchema } from "./_schema";
import { overlaps, textBoxes, describeOverlap } from "./_text-boxes";

function lostAckRows() {
  const small = { protocol: "ack" as const, lossRate: 0.2, commands: 3, delayMs: 10, timeoutMs: 50 };
  const trace = findRunSeed({ seed: 42, run: (seed) => runClientServer({ ...small, seed }), where: (r) => r.duplicates === 1 && r.lost.cmd === 0 }).result.trace;
  return replayRows(trace, { state: clientServerState, timers: true });
}

test("replayChart(rows) is a schema-valid Vega-Lite spec with a step parameter bound to a range input, defaulting to the last step", () => {
  const rows = lostAckRows();
  const spec = replayChart(rows, { title: "A lost ACK" }).toSpec() as any;
  assert.deepEqual(JsonSchema.vegaLite().validate(spec), []);
  const step = spec.params.find((p: any) => p.name === "step");
  assert.deepEqual([step.value, step.bind.input, step.bind.min, step.bind.max], [rows.steps.length, "range", 1, rows.steps.length]);
  assert.match(spec.description, /^Step-through replay of 21 steps between 2 lanes \(u1 and s1\)/);
  assert.ok(JSON.stringify(spec).length < 40_000, "the spec stays small");
});

test("replayChart(rows) compiles, and its SVG shows the last step: its caption and the final state", async () => {
  const chart = replayChart(lostAckRows());
  assert.ok(compileChart(chart));
  const svg = await renderSvg(chart);
  assert.match(svg, /step 21 of 21, 110 ms: u1 receives ack 2 from s1/);
  assert.match(svg, /executed 0, 1, 2, 2/);
  assert.doesNotMatch(svg, /step 20 of 21/);
});

test("replayChart(rows) at an earlier step draws fewer messages and that step's caption; no text overlaps at any step", async () => {
  const rows = lostAckRows();
  const chart = replayChart(rows);
  const at = (k: number) => chart.mapSpec((s: any) => { s.params[0].value = k; }).toSpec();
  const captions: string[] = [];
  for (let k = 1; k <= rows.steps.length; k++) {
    const boxes = await textBoxes(at(k));
    assert.deepEqual(overlaps(boxes).map(describeOverlap), [], `step ${k}`);
    captions.push(boxes.find((b) => b.text.startsWith("step "))!.text);
  }
  assert.equal(captions[0], "step 1 of 21, 0 ms: u1 sends cmd 0 to s1");
  assert.equal(new Set(captions).size, rows.steps.length);
  const svg1 = await renderSvg(chart.mapSpec((s: any) => { s.params[0].value = 1; }));
  const svgLast = await renderSvg(chart);
  const marks = (svg: string) => (svg.match(/<path/g) ?? []).length;
  assert.ok(marks(svg1) < marks(svgLast), `${marks(svg1)} < ${marks(svgLast)} paths`);
});

test("replayChart(rows) rejects rows that are not a replay, naming the part", () => {
  assert.throws(() => replayChart({} as never), /replayChart: rows.nodes must be an array/);
  const rows = lostAckRows();
  assert.throws(() => replayChart({ ...rows, steps: rows.steps.map((s, i) => ({ ...s, step: i })) }), /rows.steps\[0\].step must be 1/);
  const many = Array.from({ length: 61 }, (_, i) => ({ step: i + 1, t: i, node: "u1", text: "x" }));
  assert.throws(() => replayChart({ ...rows, steps: many }), /at most 60/);
  assert.throws(() => replayChart(rows, { colour: "red" } as never), /unknown option "colour"/);
});
