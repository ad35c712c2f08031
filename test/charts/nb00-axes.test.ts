import { test } from "node:test";
import assert from "node:assert/strict";
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

test("withIntegerXAxis(chart) sets whole-number ticks on every layer", () => {
  const spec = withIntegerXAxis(sweepChart(rows, { x: "n", y: "y", lo: "lo", hi: "hi" })).toSpec() as any;
  for (const layer of spec.layer) assert.deepEqual({ s: layer.encoding.x.axis.tickMinStep, f: layer.encoding.x.axis.format }, { s: 1, f: "d" });
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
