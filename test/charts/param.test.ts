import { test } from "node:test";
import assert from "node:assert/strict";
import { sweepChart } from "../../src/charts/sweep";
import { withParam } from "../../src/charts/param";
import { compileChart } from "../../src/display/render";
import { sweepRows } from "./_fixtures";

/** Runs the chart's Vega view headless with the param set, and returns the rows of the line layer. */
async function visibleRows(chart: ReturnType<typeof sweepChart>, param: string, value: unknown): Promise<any[]> {
  const vega = require("vega");
  const view = new vega.View(vega.parse(compileChart(chart).vegaSpec), { renderer: "none" });
  view.signal(param, value);
  await view.runAsync();
  const scene = view.scenegraph().root;
  const rows: any[] = [];
  const walk = (item: any) => {
    if (item.mark && item.mark.marktype === "symbol" && item.mark.role === "mark") rows.push(item.datum);
    for (const child of item.items ?? []) walk(child);
  };
  walk(scene);
  view.finalize();
  return rows;
}

test("withParam(chart, slider) adds a range param and a filter that snaps to the nearest value", async () => {
  const chart = withParam(sweepChart(sweepRows, { x: "lossRate", y: "p" }), { name: "timeout", field: "timeoutMs" });
  const spec = chart.toSpec() as any;
  assert.deepEqual(spec.params, [{ name: "timeout", value: 100, bind: { input: "range", min: 100, max: 200, step: 100, name: "timeout (ms) " } }]);
  assert.match(spec.transform[0].filter, /datum\["timeoutMs"\] === \(timeout < 150 \? 100 : 200\)/);
  const at100 = await visibleRows(chart, "timeout", 100);
  const at170 = await visibleRows(chart, "timeout", 170);
  assert.equal(at100.length, 5);
  assert.ok(at100.every((r) => r.timeoutMs === 100));
  assert.ok(at170.length === 5 && at170.every((r) => r.timeoutMs === 200));
});

test("withParam(builder, dropdown) returns a builder whose charts filter by the chosen value", async () => {
  const build = withParam(sweepChart, { name: "timeout", field: "timeoutMs", kind: "dropdown", initial: 200 });
  const chart = build(sweepRows, { x: "lossRate", y: "p", closedForm: [{ lossRate: 0, p: 1 }, { lossRate: 0.5, p: 0.25 }] });
  const spec = chart.toSpec() as any;
  assert.deepEqual(spec.params[0].bind, { input: "select", options: [100, 200], name: "timeout (ms) " });
  assert.equal(spec.params[0].value, 200);
  // The closed-form layer (its own rows, no timeoutMs column) is not filtered.
  assert.equal(spec.layer[1].transform.length, 1);
  const rows = await visibleRows(chart, "timeout", 200);
  assert.ok(rows.length === 5 && rows.every((r) => r.timeoutMs === 200));
});

test("withParam(chart, param) fixes the x and y domains to all rows, so axes stay put while filtering", () => {
  const chart = withParam(sweepChart(sweepRows, { x: "lossRate", y: "p", lo: "lo", hi: "hi" }), { name: "timeout", field: "timeoutMs" });
  const spec = chart.toSpec() as any;
  const ys = [].concat(...sweepRows.map((r) => [r.p, r.lo, r.hi] as any));
  for (const layer of spec.layer) {
    assert.deepEqual(layer.encoding.x.scale.domain, [0.05, 0.4]);
    // The y axis is zero-based (sweepChart's default), so the fixed domain keeps zero.
    assert.deepEqual(layer.encoding.y.scale.domain, [0, Math.max(...ys)]);
  }
});
