// Uncertainty and empty categories in the builders: interval labels in heat map cells, the ladder's
// all-zero columns, grouped outcome bars with a zero bar, and proportion rows for outcomes no run had.
import { test } from "node:test";
import assert from "node:assert/strict";
import { heatmapChart } from "../../src/charts/heatmap";
import { ladderMatrixChart } from "../../src/charts/ladder-matrix";
import { outcomeChart } from "../../src/charts/outcome";
import { withClosedFormTicks } from "../../src/charts/closed-form-ticks";
import { proportionRows, wilson } from "../../src/stats/stats";
import { summarizeOutcomes } from "../../src/stats/montecarlo";
import { ladderRates } from "../../src/properties/ladder";
import { textBoxes } from "./_text-boxes";

/** The text of every visible mark label of a rendered spec. */
async function markTexts(spec: object): Promise<string[]> {
  return (await textBoxes(spec)).filter((b) => b.role === "mark").flatMap((b) => b.text.split("\n"));
}

test("heatmapChart(rows, { lo, hi, intervalLabel: 'range' }) prints the interval under the value; the default prints ±", async () => {
  const rows = [{ a: 1, b: 1, c: 0, lo: 0, hi: 0.09 }, { a: 2, b: 1, c: 0.35, lo: 0.22, hi: 0.5 }];
  const range = await markTexts(heatmapChart(rows, { x: "a", y: "b", color: "c", lo: "lo", hi: "hi", labels: true, format: ".2f", intervalLabel: "range" }).toSpec());
  assert.deepEqual(range.sort(), ["0.00", "0.00–0.09", "0.22–0.50", "0.35"]);
  const half = await markTexts(heatmapChart(rows, { x: "a", y: "b", color: "c", lo: "lo", hi: "hi", labels: true, format: ".2f" }).toSpec());
  assert.deepEqual(half.sort(), ["0.00", "0.35", "±0.09", "±0.15"]);
});

test("ladderMatrixChart notes a column no protocol broke (subtitle and description), or drops it", () => {
  const rows = ["A", "B"].flatMap((protocol) => [{ protocol, property: "p", broken: protocol === "A" ? 0.5 : 0 }, { protocol, property: "q", broken: 0 }]);
  const noted = ladderMatrixChart(rows, { title: "T" });
  assert.deepEqual((noted.toSpec() as { title: unknown }).title, { text: "T", subtitle: "q: broken by no protocol here" });
  assert.match(noted.descriptionText(), /q: broken by no protocol here/);
  const dropped = ladderMatrixChart(rows, { title: "T", zeroColumns: "drop" }).toSpec() as { data: { values: { property: string }[] } };
  assert.deepEqual([...new Set(dropped.data.values.map((r) => r.property))], ["p"]);
  const kept = ladderMatrixChart(rows, { title: "T", zeroColumns: "keep" }).toSpec() as { title: unknown };
  assert.equal(kept.title, "T");
  // Nothing to drop when every column is zero: the chart still has its cells.
  const allZero = ladderMatrixChart(rows.map((r) => ({ ...r, broken: 0 })), { zeroColumns: "drop" }).toSpec() as { data: { values: unknown[] } };
  assert.equal(allZero.data.values.length, 4);
});

test("outcomeChart(rows, { series }) draws the series side by side, a zero share as a bar labelled 0%", async () => {
  const rows = [
    { outcome: "unsafe", v: "P", ...wilson(0, 200) }, { outcome: "safe", v: "P", ...wilson(200, 200) },
    { outcome: "unsafe", v: "Q", ...wilson(93, 200) }, { outcome: "safe", v: "Q", ...wilson(107, 200) },
  ];
  const chart = outcomeChart(rows, { series: "v", seriesTitle: "protocol" });
  const spec = chart.toSpec() as { layer: { encoding: Record<string, { field?: string }> }[] };
  for (const layer of spec.layer) assert.equal(layer.encoding.xOffset?.field, "v");
  assert.deepEqual((await markTexts(chart.toSpec())).sort(), ["0%", "100%", "46.5%", "53.5%"]);
  assert.match(chart.descriptionText(), /unsafe \(P\): 0%.*side by side for 2 series \(P, Q\)/);
});

test("proportionRows(labels, { outcomes }) lists the named outcomes first, with a row for a count of 0", () => {
  const rows = proportionRows(["ok", "lost", "ok"], { outcomes: ["unsafe", "ok"] });
  assert.deepEqual(rows.map((r) => [r.outcome, r.count]), [["unsafe", 0], ["ok", 2], ["lost", 1]]);
  assert.deepEqual(rows[0], { outcome: "unsafe", count: 0, n: 3, ...wilson(0, 3) });
  assert.deepEqual(proportionRows([], { outcomes: ["a"] }), []);
  assert.deepEqual(summarizeOutcomes([true, true], undefined, { outcomes: ["false"] }).map((r) => r.count), [0, 2]);
  assert.equal(summarizeOutcomes([true, false], undefined, 0.9)[0].lo, wilson(1, 2, 0.9).lo);
});

test("ladderRates(options) gives each rate its count, n and Wilson interval", () => {
  for (const r of ladderRates({ seed: 7, replays: 5 })) {
    assert.equal(r.n, 5);
    assert.equal(r.broken, r.count / 5);
    assert.deepEqual({ lo: r.lo, hi: r.hi }, { lo: wilson(r.count, 5).lo, hi: wilson(r.count, 5).hi });
  }
});

test("withClosedFormTicks on outcomeChart(rows, { series }) puts each tick on its own bar of the group", () => {
  const rows = [{ outcome: "a", v: "P", exact: 0.5, ...wilson(5, 10) }, { outcome: "a", v: "Q", exact: 0.3, ...wilson(3, 10) }];
  const spec = withClosedFormTicks(outcomeChart(rows, { series: "v" }), "exact").toSpec() as { layer: { encoding: Record<string, { field?: string }> }[] };
  const ticks = spec.layer.find((l) => l.encoding.y?.field === "exact")!;
  assert.equal(ticks.encoding.xOffset?.field, "v");
});
