import { test } from "node:test";
import assert from "node:assert/strict";
import { sequenceDiagram, TIMER_KIND } from "../../src/charts/sequence";
import { traceEvents, traceMessages } from "./_fixtures";

function datasetRows(chart: ReturnType<typeof sequenceDiagram>): any[] {
  return (chart.toSpec() as any).datasets.messages;
}

test("sequenceDiagram(messages) stops lost messages half way and ends them in a cross", () => {
  const rows = datasetRows(sequenceDiagram(traceMessages, traceEvents));
  const lost = rows.find((r) => r.fate === "lost");
  // client is lane 0, server lane 1; the median delay of arriving messages is 11 ms.
  assert.deepEqual([lost.x1, lost.x2, lost.y1, lost.y2, lost.end], [1, 0.5, 13, 13 + 11 / 2, "cross"]);
  const dup = rows.find((r) => r.fate === "duplicate");
  assert.deepEqual([dup.x1, dup.x2, dup.y2, dup.end], [0, 1, 63, "arrow"]);
  const dropped = rows.find((r) => r.fate === "dropped");
  assert.deepEqual([dropped.x2, dropped.y2, dropped.end], [2, 60, "cross"]);
});

test("sequenceDiagram(messages, events) shades crashes as intervals and marks other events as points", () => {
  const spec = sequenceDiagram(traceMessages, traceEvents).toSpec() as any;
  const rect = spec.layer.find((l: any) => l.mark.type === "rect");
  assert.deepEqual(rect.data.values.map((r: any) => [r.node, r.startMs, r.endMs]), [["backup", 45, 80]]);
  const points = spec.layer.find((l: any) => l.mark.type === "point" && l.mark.shape === "diamond");
  assert.deepEqual(points.data.values.map((r: any) => r.label), ["x := 1", "x := 1 again"]);
});

test("sequenceDiagram(messages) draws lost and dropped messages by their times: at the receiver with deliverMs, half way at dropMs", () => {
  // The typical delay is the median of the arrows that reach the receiver (10 and 8 ms): 9 ms.
  const rows = datasetRows(sequenceDiagram([
    { id: 1, from: "a", to: "b", sendMs: 0, deliverMs: 10, fate: "delivered" },
    { id: 2, from: "a", to: "b", sendMs: 5, deliverMs: null, dropMs: 9, fate: "dropped", reason: "partition" },
    { id: 3, from: "a", to: "b", sendMs: 6, deliverMs: 14, fate: "dropped", reason: "crashed" },
    { id: 4, from: "b", to: "a", sendMs: 7, deliverMs: null, dropMs: 7, fate: "lost" },
  ]));
  assert.deepEqual(rows.map((r) => [r.id, r.x2, r.y2, r.reason]), [[1, 1, 10, "delivered"], [2, 0.5, 9, "partition"], [3, 1, 14, "crashed"], [4, 0.5, 7 + 9 / 2, "lost"]]);
});

test("sequenceDiagram(..., { timeRangeMs }) puts two diagrams on one time scale and refuses a range that cuts the rows", () => {
  const messages = [{ id: 1, from: "u1", to: "s1", sendMs: 0, deliverMs: 10, fate: "delivered" }];
  const spec = sequenceDiagram(messages, [{ node: "s1", startMs: 5, kind: "crash" }], { timeRangeMs: [0, 200] }).toSpec() as any;
  const domains = spec.layer.map((l: any) => l.encoding.y.scale?.domain).filter(Boolean);
  assert.ok(domains.length > 0 && domains.every((d: number[]) => d[0] === 0 && d[1] === 200));
  const crash = spec.layer.find((l: any) => l.mark.type === "rect").data.values[0];
  assert.equal(crash.endMs, 200, "an open crash runs to the end of the axis");
  assert.throws(() => sequenceDiagram(messages, [], { timeRangeMs: [0, 5] }), /options\.timeRangeMs must be \[from, to\] covering the rows \(0 to 10 ms\)/);
});

test("sequenceDiagram draws a timer event as a clock on its lane, sharing the node-event legend", () => {
  const messages = [{ id: 1, from: "u1", to: "s1", sendMs: 0, deliverMs: 10, fate: "delivered" }];
  const events = [{ node: "u1", startMs: 50, kind: TIMER_KIND, label: "timeout" }, { node: "s1", startMs: 10, kind: "execute", label: "execute(0)" }];
  const spec = JSON.stringify(sequenceDiagram(messages, events).toSpec());
  const shape = (JSON.parse(spec).layer as { encoding?: { shape?: { scale?: { domain: string[]; range: string[] } } } }[])
    .map((l) => l.encoding?.shape?.scale).find((s) => s !== undefined)!;
  assert.deepEqual([...shape.domain].sort(), ["execute", "timer"]);
  assert.match(shape.range[shape.domain.indexOf("timer")], /^M-1,0A1,1/, "a path: the clock");
  assert.equal(shape.range[shape.domain.indexOf("execute")], "diamond");
  const plain = JSON.parse(JSON.stringify(sequenceDiagram(messages, [events[1]]).toSpec())).layer
    .map((l: { encoding?: { shape?: unknown } }) => l.encoding?.shape).filter(Boolean);
  assert.deepEqual(plain, [], "without timers, the diamonds of the mark");
});
