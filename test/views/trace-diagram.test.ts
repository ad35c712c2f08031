import { test } from "node:test";
import assert from "node:assert/strict";
import { traceDiagram } from "../../src/views/trace-diagram";
import { sequenceRows } from "../../src/views/sequence-rows";
import { sequenceDiagram } from "../../src/charts/sequence";
import { compileChart, renderSvg } from "../../src/display/render";
import { JsonSchema } from "../charts/_schema";
import { everyFateTrace } from "./_worlds";

test("traceDiagram(trace) is sequenceDiagram of sequenceRows(trace), lanes in the world's order", () => {
  const trace = everyFateTrace();
  const rows = sequenceRows(trace, { pointKinds: ["execute"], untilMs: 300 });
  const direct = sequenceDiagram(rows.messages, rows.events, { nodes: rows.nodes, title: "t", heightPx: 300 });
  const chart = traceDiagram(trace, { pointKinds: ["execute"], untilMs: 300, title: "t", heightPx: 300 });
  assert.deepEqual(chart.toSpec(), direct.toSpec());
  assert.throws(() => traceDiagram(trace, { colour: "red" } as never), /unknown option "colour"/);
});

test("traceDiagram(trace) draws every engine fate: a valid spec that compiles and renders (seed 2)", async () => {
  const trace = everyFateTrace();
  const chart = traceDiagram(trace, { title: "every fate" });
  assert.deepEqual(JsonSchema.vegaLite().validate(chart.toSpec()), []);
  assert.deepEqual(compileChart(chart).warnings, []);
  assert.match(await renderSvg(chart), /<svg/);
  const spec = chart.toSpec() as any;
  const drawn: any[] = spec.datasets.messages;
  assert.equal(drawn.length, trace.messages().length);
  assert.deepEqual([...new Set(drawn.map((r) => r.fate))].sort(), ["delivered", "dropped", "duplicate", "in-flight", "lost"]);
  // Dropped at the crashed receiver: the arrow reaches s1's lane; dropped by the partition: it stops half way.
  const atReceiver = drawn.find((r) => r.reason === "held-then-crashed");
  assert.deepEqual([atReceiver.x2, atReceiver.y2, atReceiver.end], [1, 280, "cross"]);
  const onTheWay = drawn.find((r) => r.reason === "held-then-partition");
  assert.deepEqual([onTheWay.x1, onTheWay.x2, onTheWay.y2, onTheWay.end], [0, 1, 170, "cross"]);
  const rect = spec.layer.find((l: any) => l.mark.type === "rect");
  assert.deepEqual(rect.data.values.map((r: any) => [r.node, r.startMs, r.endMs, r.kind]), [["s1", 60, 120, "crash"], ["s1", 260, 300, "crash"]]);
});
