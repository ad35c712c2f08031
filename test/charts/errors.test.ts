import { test } from "node:test";
import assert from "node:assert/strict";
import { ecdfChart } from "../../src/charts/ecdf";
import { heatmapChart } from "../../src/charts/heatmap";
import { ladderMatrixChart } from "../../src/charts/ladder-matrix";
import { histogramChart } from "../../src/charts/histogram";
import { outcomeChart } from "../../src/charts/outcome";
import { sequenceDiagram } from "../../src/charts/sequence";
import { sweepChart } from "../../src/charts/sweep";
import { timelineChart } from "../../src/charts/timeline";
import { histogramRows, outcomeRows, sweepRows, traceMessages } from "./_fixtures";

test("outcomeChart(rows) errors name the builder, the field and the row index", () => {
  assert.throws(() => outcomeChart([]), /^RangeError: outcomeChart: rows is empty; pass at least one row$/);
  assert.throws(() => outcomeChart("x" as never), /outcomeChart: rows must be an array of row objects; got "x"/);
  assert.throws(() => outcomeChart([{ outcome: "a", p: 0.5, lo: 0.4 }]), /outcomeChart: rows\[0\] has no field "hi"; its fields are: outcome, p, lo/);
  assert.throws(() => outcomeChart([outcomeRows[0], { ...outcomeRows[1], p: NaN }]), /outcomeChart: rows\[1\]\.p must be a number in \[0, 1\]; got NaN/);
  assert.throws(() => outcomeChart([{ outcome: "a", p: 0.5, lo: 0.6, hi: 0.7 }]), /outcomeChart: rows\[0\] must have lo <= p <= hi; got lo=0.6, p=0.5, hi=0.7/);
  assert.throws(() => outcomeChart(outcomeRows, { colour: "x" } as never), /outcomeChart: unknown option "colour"; known options: outcome, p, lo, hi, n/);
});

test("sweepChart(rows, options) errors name the builder, the field and the row index", () => {
  assert.throws(() => sweepChart(sweepRows, { x: "lossRate" } as never), /sweepChart: options.y must be a field name/);
  assert.throws(() => sweepChart(sweepRows, { x: "loss", y: "p" }), /sweepChart: rows\[0\] has no field "loss"/);
  const bad = sweepRows.map((r, i) => (i === 3 ? { ...r, p: Infinity } : r));
  assert.throws(() => sweepChart(bad, { x: "lossRate", y: "p" }), /sweepChart: rows\[3\]\.p must be a finite number; got Infinity/);
  assert.throws(() => sweepChart([{ x: 0, y: 1 }], { x: "x", y: "y", logX: true }), /sweepChart: rows\[0\]\.x must be a finite number > 0; got 0/);
  assert.throws(() => sweepChart(sweepRows, { x: "lossRate", y: "p", lo: "lo" }), /options.lo and options.hi go together/);
  assert.throws(() => sweepChart(sweepRows, { x: "lossRate", y: "p", closedForm: [{ lossRate: 0.1 }] }), /sweepChart: options.closedForm\[0\] has no field "p"/);
  assert.throws(() => sweepChart(sweepRows, { x: "lossRate", y: "p", closedForm: "nope" }), /sweepChart: rows\[0\] has no field "nope"/);
});

test("histogramChart and ecdfChart reject malformed bins and probabilities", () => {
  assert.throws(() => histogramChart([{ x0: 1, x1: 1, count: 1, density: 1 }]), /histogramChart: rows\[0\] must have x0 < x1; got x0=1, x1=1/);
  assert.throws(() => histogramChart([{ x0: 0, x1: 1, count: 1 }]), /histogramChart: rows\[0\] has no field "density"/);
  assert.throws(() => histogramChart(histogramRows, { y: "count", overlay: [{ x: 0, density: 1 }] }), /options.overlay needs options.y = "density"/);
  assert.throws(() => histogramChart(histogramRows, { overlay: [{ x: 0, density: NaN }] }), /histogramChart: options.overlay\[0\]\.density must be a finite number; got NaN/);
  assert.throws(() => ecdfChart([{ x: 1, p: 1.5 }]), /ecdfChart: rows\[0\]\.p must be a number in \[0, 1\]; got 1.5/);
});

test("heatmapChart and timelineChart reject missing fields and bad times", () => {
  assert.throws(() => heatmapChart([{ a: 1, b: 2 }], { x: "a", y: "b", color: "v" }), /heatmapChart: rows\[0\] has no field "v"/);
  assert.throws(() => heatmapChart([{ a: 1, b: 2, v: "x" }], { x: "a", y: "b", color: "v" }), /heatmapChart: rows\[0\]\.v must be a finite number; got "x"/);
  assert.throws(() => timelineChart([{ node: "a", kind: "crash" }]), /timelineChart: rows\[0\] needs either t \(an event\) or start \(an interval\)/);
  assert.throws(() => timelineChart([{ node: "a", kind: "down", start: 5, end: 2 }]), /timelineChart: rows\[0\] must have start <= end; got 5 > 2/);
  assert.throws(() => timelineChart([{ node: "a", kind: "crash", t: NaN }]), /timelineChart: rows\[0\]\.t must be a finite number; got NaN/);
  assert.throws(() => timelineChart([{ node: "z", kind: "crash", t: 1 }], { nodes: ["a"] }), /rows\[0\]\.node "z" is not in options.nodes/);
});

test("sequenceDiagram(messages, events) rejects malformed trace rows", () => {
  assert.throws(() => sequenceDiagram([]), /sequenceDiagram: messages is empty/);
  assert.throws(() => sequenceDiagram([{ ...traceMessages[0], fate: "gone" }]), /sequenceDiagram: messages\[0\]\.fate must be one of "delivered", "duplicate", "lost", "dropped", .*; got "gone"/);
  assert.throws(() => sequenceDiagram([{ ...traceMessages[0], deliverMs: null }]), /messages\[0\]\.deliverMs must be a finite number for fate "delivered"; got null/);
  assert.throws(() => sequenceDiagram([{ ...traceMessages[0], sendMs: 20 }]), /messages\[0\] must have sendMs <= deliverMs; got sendMs=20, deliverMs=12/);
  assert.throws(() => sequenceDiagram(traceMessages, [{ node: "server", kind: "crash" }]), /sequenceDiagram: events\[0\] has no field "startMs"/);
  assert.throws(() => sequenceDiagram(traceMessages, [], { nodes: ["client"] }), /node "server" appears in the trace but not in options.nodes/);
});

test("heatmapChart intervalLabel and ladderMatrixChart zeroColumns take only their named values", () => {
  const row = { a: 1, b: 1, c: 0.5, lo: 0.4, hi: 0.6 };
  assert.throws(() => heatmapChart([row], { x: "a", y: "b", color: "c", lo: "lo", hi: "hi", intervalLabel: "both" as never }),
    /heatmapChart: options\.intervalLabel must be one of "halfWidth", "range"; got "both"/);
  assert.throws(() => ladderMatrixChart([{ protocol: "p", property: "q", broken: 0 }], { zeroColumns: "hide" as never }),
    /ladderMatrixChart: options\.zeroColumns must be one of "note", "drop", "keep"; got "hide"/);
  assert.throws(() => ladderMatrixChart([{ protocol: "p", property: "q", broken: 0 }], { colour: "x" } as never), /unknown option "colour"/);
});

test("outcomeChart(rows, { series }) wants one row per outcome and series", () => {
  const r = { outcome: "a", p: 0.5, lo: 0.4, hi: 0.6, v: "x" };
  assert.throws(() => outcomeChart([r, { ...r }], { series: "v" }), /rows\[0\] and rows\[1\] are both outcome "a" of series "x"/);
  assert.throws(() => outcomeChart([{ ...r, v: null }], { series: "v" }), /outcomeChart: rows\[0\]\.v/);
});
