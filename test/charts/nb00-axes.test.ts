import { test } from "node:test";
import assert from "node:assert/strict";
import { textBoxes } from "./_text-boxes";
import { integerTicks } from "../../src/charts/_internals/ticks";
import { decadeDomain, withIntegerXAxis, withSecondaryYAxis } from "../../src/charts/axes";
import { dotPlotChart } from "../../src/charts/dot-plot";
import { sweepChart } from "../../src/charts/sweep";
import { renderSvg } from "../../src/display/render";

const rows = [{ n: 10, y: 0.001, lo: 0.0008, hi: 0.0012 }, { n: 1000, y: 0.1, lo: 0.09, hi: 0.11 }];

test("withSecondaryYAxis(chart, options) adds a right axis whose range is the left range times the factor", () => {
  const base = sweepChart(rows, { x: "n", y: "y", lo: "lo", hi: "hi", logX: true, logY: true });
  const spec = withSecondaryYAxis(base, { factor: 1440, title: "per day", domain: [1e-4, 1], log: true }).toSpec() as any;
  assert.equal(spec.layer.length, 2);
  assert.deepEqual(spec.resolve, { scale: { y: "independent" } });
  for (const layer of spec.layer[0].layer) assert.deepEqual(layer.encoding.y.scale.domain, [1e-4, 1]);
  const right = spec.layer[1].encoding.y;
  assert.deepEqual(right.scale.domain, [1e-4 * 1440, 1440]);
  assert.equal(right.scale.type, "log");
  assert.equal(right.axis.orient, "right");
  assert.equal(right.title, "per day");
});

test("withSecondaryYAxis(chart, options) rejects a bad factor, domain or chart", () => {
  const base = sweepChart(rows, { x: "n", y: "y" });
  assert.throws(() => withSecondaryYAxis(base, { factor: 0, title: "t", domain: [0, 1] }), /factor/);
  assert.throws(() => withSecondaryYAxis(base, { factor: 2, title: "t", domain: [0, 1], log: true }), /domain\[0\]/);
  assert.throws(() => withSecondaryYAxis(base, { factor: 2, title: "t", domain: [2, 1] }), /domain\[1\]/);
  assert.throws(() => withSecondaryYAxis({} as never, { factor: 2, title: "t", domain: [0, 1] }), /chart/);
});

test("decadeDomain(values) is the smallest range of whole powers of ten holding the values", () => {
  assert.deepEqual(decadeDomain([3e-5, 0.95]), [1e-5, 1]);
  assert.deepEqual(decadeDomain([1, 10]), [1, 10]);
  assert.deepEqual(decadeDomain([5]), [1, 10]);
  assert.deepEqual(decadeDomain([2e-5]), [1e-5, 1e-4]);
  assert.throws(() => decadeDomain([0, 1]), /values\[0\]/);
  assert.throws(() => decadeDomain([]), /values/);
});

test("withIntegerXAxis(chart) sets whole-number ticks, each once, on every layer", () => {
  const spec = withIntegerXAxis(sweepChart(rows, { x: "n", y: "y", lo: "lo", hi: "hi" })).toSpec() as any;
  const ticks = integerTicks(rows.map((r) => r.n));
  assert.ok(ticks.length > 1 && ticks.every((t, i) => Number.isInteger(t) && (i === 0 || t > ticks[i - 1])));
  for (const layer of spec.layer) assert.deepEqual({ v: layer.encoding.x.axis.values, f: layer.encoding.x.axis.format }, { v: ticks, f: "d" });
});

test("integer axes never print a label twice: r = 1..3 gives ticks 1, 2, 3 (not 1, 1.5, 2, 2.5, 3)", async () => {
  const chart = withIntegerXAxis(sweepChart([{ r: 1, p: 0.9 }, { r: 2, p: 0.06 }, { r: 3, p: 0.002 }], { x: "r", y: "p", logY: true }));
  const labels = (await textBoxes(chart.toSpec())).filter((b) => b.role === "axis-label" && b.y1 >= 300).map((b) => b.text);
  assert.deepEqual(labels, ["1", "2", "3"]);
  assert.deepEqual(integerTicks([1, 40]), [5, 10, 15, 20, 25, 30, 35, 40]);
  assert.deepEqual(integerTicks([3, 7]), [3, 4, 5, 6, 7]);
});

test("dotPlotChart(rows, options) draws one lane per row with an optional reference line, and renders to SVG", async () => {
  const data = [{ label: "a", v: 3, src: "x" }, { label: "b", v: 300, src: "y" }];
  const chart = dotPlotChart(data, { label: "label", value: "v", color: "src", logValue: true, reference: { value: 10, label: "ref" } });
  const spec = chart.toSpec() as any;
  assert.equal(spec.layer.length, 3);
  assert.deepEqual(spec.layer[0].encoding.y.sort, ["a", "b"]);
  assert.equal(spec.layer[0].encoding.x.scale.type, "log");
  const svg = await renderSvg(chart.name("dot-test"));
  assert.match(svg, /<svg/);
  assert.throws(() => dotPlotChart([{ label: "a", v: 0 }], { label: "label", value: "v", logValue: true }), /v/);
  assert.throws(() => dotPlotChart(data, { label: "label", value: "missing" }), /missing/);
  assert.throws(() => dotPlotChart(data, { label: "label", value: "v", logValue: true, reference: { value: -1, label: "r" } }), /reference/);
});
