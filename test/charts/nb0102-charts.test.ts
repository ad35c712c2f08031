import { test } from "node:test";
import assert from "node:assert/strict";
import { outcomeChart } from "../../src/charts/outcome";
import { withClosedFormTicks } from "../../src/charts/closed-form-ticks";
import { pmfChart } from "../../src/charts/pmf";

const rows = [{ outcome: "a", p: 0.5, lo: 0.4, hi: 0.6, exact: 0.52 }, { outcome: "b", p: 0.5, lo: 0.4, hi: 0.6 }];

test("withClosedFormTicks(outcomeChart(rows), field) adds one opaque black tick layer on the bars' x, under the error bars", () => {
  const plain = outcomeChart(rows).toSpec() as { layer: unknown[] };
  const spec = withClosedFormTicks(outcomeChart(rows), "exact").toSpec() as { layer: { name?: string; mark: Record<string, unknown>; encoding: { x: unknown; y: { field: string } } }[] };
  assert.equal(spec.layer.length, plain.layer.length + 1);
  const at = spec.layer.findIndex((l) => l.encoding.y.field === "exact");
  const tick = spec.layer[at];
  assert.ok(at < spec.layer.findIndex((l) => l.mark.type === "errorbar"), "ticks are drawn before (under) the error bars");
  assert.deepEqual([tick.mark.stroke, tick.mark.opacity], ["#000000", 1]);
  assert.deepEqual(tick.encoding.x, spec.layer[0].encoding.x);
  assert.match(withClosedFormTicks(outcomeChart(rows), "exact", "geometric law").descriptionText(), /black ticks mark the geometric law\.$/);
  assert.throws(() => withClosedFormTicks(outcomeChart(rows), "nope"), /no row has a number in field "nope"/);
});

test("pmfChart(rows, { x, exact }) draws intervals, points and closed-form dashes", () => {
  const data = [{ score: 1, p: 0.3, lo: 0.2, hi: 0.4, exact: 0.25 }, { score: 5, p: 0.7, lo: 0.6, hi: 0.8, exact: 0.75 }];
  const spec = pmfChart(data, { x: "score", exact: "exact" }).toSpec() as { layer: { mark: { type: string } }[] };
  assert.deepEqual(spec.layer.map((l) => l.mark.type), ["rule", "point", "tick"]);
  assert.equal((pmfChart(data, { x: "score" }).toSpec() as { layer: unknown[] }).layer.length, 2);
  assert.throws(() => pmfChart([{ score: "x", p: 0.1, lo: 0, hi: 0.2 }], { x: "score" }), /score/);
  assert.throws(() => pmfChart(data, { x: "score", p: "lo", lo: "p" }), /pmfChart/);
});
