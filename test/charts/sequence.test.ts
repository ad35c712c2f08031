import { test } from "node:test";
import assert from "node:assert/strict";
import { sequenceDiagram } from "../../src/charts/sequence";
import { createWorld } from "../../src/sim/world";
import { NodeContext } from "../../src/sim/context";
import { compileChart, renderSvg } from "../../src/display/render";
import { JsonSchema } from "./_schema";
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

test("sequenceDiagram(trace.messages(), trace.rows()) draws an engine trace as it comes", async () => {
  const send = (ctx: NodeContext) => {
    ctx.send("S", { type: "cmd", seq: ctx.state.seq });
    ctx.state.timer = ctx.setTimer(25, "retry");
  };
  const world = createWorld({
    seed: 7, nodes: ["C", "S"],
    network: { delayMs: 10, lossRate: 0.3, duplicateRate: 0.2 },
    faults: [{ at: 60, crash: "S" }, { at: 120, recover: "S" }],
    handlers: {
      C: {
        init(ctx) { ctx.state.seq = 0; send(ctx); },
        onMessage(ctx, msg) {
          if (msg.payload.seq !== ctx.state.seq) return;
          ctx.cancelTimer(ctx.state.timer);
          if (++ctx.state.seq < 6) send(ctx);
        },
        onTimer(ctx) { send(ctx); },
      },
      S: { onMessage(ctx, msg) { ctx.record("execute", { seq: msg.payload.seq }); ctx.send(msg.from, { type: "ack", seq: msg.payload.seq }); } },
    },
  });
  const trace = world.run({ untilMs: 400 });
  const messages = trace.messages();
  const chart = sequenceDiagram(messages, trace.rows(), { title: "engine trace" });
  assert.deepEqual(JsonSchema.vegaLite().validate(chart.toSpec()), []);
  assert.deepEqual(compileChart(chart).warnings, []);
  assert.match(await renderSvg(chart), /<svg/);
  const drawn = datasetRows(chart);
  assert.equal(drawn.length, messages.length);
  const expectFate = (m: any) => (m.fate === "delivered" ? (m.duplicate ? "duplicate" : "delivered")
    : m.fate === "lost" ? "lost" : m.fate === "in-flight" || m.fate === "held" ? "in-flight" : "dropped");
  assert.deepEqual(drawn.map((r) => r.fate), messages.map(expectFate));
  const spec = chart.toSpec() as any;
  const rect = spec.layer.find((l: any) => l.mark.type === "rect");
  assert.deepEqual(rect.data.values.map((r: any) => [r.node, r.startMs, r.endMs, r.kind]), [["S", 60, 120, "crash"]]);
});
