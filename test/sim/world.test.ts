import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { createWorld } from "../../src/sim/world";
import { diffTraces } from "../../src/sim/diff";
import { NodeHandlers } from "../../src/sim/context";
import { WorldOptions } from "../../src/sim/options";
import { exponential, uniform } from "../../src/random/distributions";

/** Ping/ack with retransmission: C sends `count` commands, S acks each. */
export function pingAck(count = 20): Record<string, NodeHandlers> {
  const sendNext = (ctx: any) => {
    ctx.send("S", { type: "cmd", seq: ctx.state.seq });
    ctx.state.timer = ctx.setTimer(40, "retry");
  };
  return {
    C: {
      init(ctx) { ctx.state.seq = 0; sendNext(ctx); },
      onMessage(ctx, msg) {
        if (msg.payload.seq !== ctx.state.seq) return;
        ctx.cancelTimer(ctx.state.timer);
        ctx.record("acked", { seq: ctx.state.seq });
        if (++ctx.state.seq < count) sendNext(ctx);
      },
      onTimer(ctx) { sendNext(ctx); },
    },
    S: { onMessage(ctx, msg) { ctx.send(msg.from, { type: "ack", seq: msg.payload.seq }); } },
  };
}

const base: WorldOptions = {
  seed: 42, nodes: ["C", "S"], handlers: pingAck(),
  network: { delayMs: exponential(10), lossRate: 0.2, duplicateRate: 0.1 },
  faults: [{ at: 100, crash: "S" }, { at: 200, recover: "S" }],
};

test("createWorld(options) twice with the same seed gives the same trace hash", () => {
  const a = createWorld(base).run({ untilMs: 5000 });
  const b = createWorld(base).run({ untilMs: 5000 });
  assert.equal(a.hash(), b.hash());
  assert.deepEqual(a.rows(), b.rows());
  assert.notEqual(createWorld({ ...base, seed: 43 }).run({ untilMs: 5000 }).hash(), a.hash());
  assert.equal(a.summary().records, 20);
});

test("trace.hash() is the same in a separate node process", () => {
  // Compiled layout: <out>/test/sim/world.test.js next to <out>/src/sim/world.js.
  const out = path.resolve(__dirname, "../..");
  const code = `
    const { createWorld } = require(${JSON.stringify(path.join(out, "src/sim/world"))});
    const { exponential } = require(${JSON.stringify(path.join(out, "src/random/distributions"))});
    const sendNext = (ctx) => { ctx.send("S", { type: "cmd", seq: ctx.state.seq }); ctx.state.timer = ctx.setTimer(40, "retry"); };
    const handlers = {
      C: { init(ctx) { ctx.state.seq = 0; sendNext(ctx); },
           onMessage(ctx, msg) { if (msg.payload.seq !== ctx.state.seq) return; ctx.cancelTimer(ctx.state.timer);
             ctx.record("acked", { seq: ctx.state.seq }); if (++ctx.state.seq < 20) sendNext(ctx); },
           onTimer(ctx) { sendNext(ctx); } },
      S: { onMessage(ctx, msg) { ctx.send(msg.from, { type: "ack", seq: msg.payload.seq }); } } };
    const w = createWorld({ seed: 42, nodes: ["C", "S"], handlers,
      network: { delayMs: exponential(10), lossRate: 0.2, duplicateRate: 0.1 },
      faults: [{ at: 100, crash: "S" }, { at: 200, recover: "S" }] });
    process.stdout.write(w.run({ untilMs: 5000 }).hash());`;
  const child = execFileSync(process.execPath, ["-e", code], { encoding: "utf8" });
  assert.equal(child, createWorld(base).run({ untilMs: 5000 }).hash());
});

test("world.run() delivers in a loss-free network and the protocol finishes", () => {
  const w = createWorld({ seed: 1, nodes: ["C", "S"], handlers: pingAck(5), network: { delayMs: uniform(1, 3) } });
  const t = w.run();
  assert.equal(w.lastStop, "quiescent");
  const s = t.summary();
  assert.equal(s.sent, 10);
  assert.equal(s.delivered, 10);
  assert.equal(s.records, 5);
  assert.equal(w.context("C").state.seq, 5);
});

test("crash-recovery loses volatile state and keeps persistent state", () => {
  const calls: string[] = [];
  const w = createWorld({ seed: 1, nodes: ["A"], faults: [{ at: 5, crash: "A" }, { at: 10, recover: "A" }], handlers: { A: {
    init(ctx) { calls.push("init"); ctx.state.x = 1; ctx.persistent.y = 2; ctx.setTimer(7, "t"); },
    onRecover(ctx) { calls.push(`recover x=${ctx.state.x} y=${ctx.persistent.y}`); },
    onTimer() { calls.push("timer"); },
  } } });
  w.run();
  assert.deepEqual(calls, ["init", "recover x=undefined y=2"]); // the timer set before the crash never fires
  let x: unknown;
  createWorld({ seed: 1, nodes: ["A"], faults: [{ at: 5, crash: "A" }, { at: 10, recover: "A", keepVolatile: true }],
    handlers: { A: { init(ctx) { ctx.state.x = 1; }, onRecover(ctx) { x = ctx.state.x; } } } }).run();
  assert.equal(x, 1);
});

test("speeds: a node with speed 2 sees its timers fire twice as soon", () => {
  const fired: Record<string, number> = {};
  const h: NodeHandlers = { init(ctx) { ctx.setTimer(10); }, onTimer(ctx) { fired[ctx.name] = ctx.now; } };
  createWorld({ seed: 1, nodes: ["A", "B"], speeds: { B: 2 }, handlers: { A: h, B: h } }).run();
  assert.deepEqual(fired, { A: 10, B: 5 });
});

test("hold queues messages until release, then delivers them in arrival order", () => {
  const got: [number, number][] = [];
  const w = createWorld({ seed: 1, nodes: ["A", "B"], network: { delayMs: 1 },
    faults: [{ at: 0, hold: { from: "A", to: "B" } }, { at: 50, release: { from: "A", to: "B" } }],
    handlers: {
      A: { init(ctx) { for (let i = 0; i < 3; i++) ctx.send("B", i); } },
      B: { onMessage(ctx, m) { got.push([ctx.now, m.payload]); } },
    } });
  w.run({ untilMs: 20 });
  assert.equal(w.trace.summary().held, 3);
  w.run();
  assert.deepEqual(got, [[50, 0], [50, 1], [50, 2]]);
});

test("world.fork({ dropMessage }) and diffTraces(a, b) find the first divergence", () => {
  const world = createWorld(base);
  const a = world.run({ untilMs: 5000 });
  const b = world.fork({ dropMessage: 1 }).run({ untilMs: 5000 });
  const d = diffTraces(a, b);
  assert.equal(d.identical, false);
  assert.equal(d.firstDivergence!.seq, 1);
  assert.equal(d.firstDivergence!.b!.reason, "intervention");
  assert.ok(d.onlyInA.length > 0 && d.onlyInB.length > 0);
  assert.equal(diffTraces(a, createWorld(base).run({ untilMs: 5000 })).identical, true);
  assert.equal(createWorld({ ...base, interventions: [{ dropMessage: 1 }] }).run({ untilMs: 5000 }).hash(), b.hash());
  const delayed = world.fork({ delayMessage: 1, byMs: 25 }).run({ untilMs: 5000 });
  assert.ok(delayed.messages()[0].deliverMs! - a.messages()[0].deliverMs! === 25);
  const crashed = world.fork({ at: 30, crash: "C" }).run({ untilMs: 5000 });
  assert.equal(crashed.summary().crashes, 2);
});

test("world.fork(...interventions) applies them all, on top of the world's own, and fork() replays the world", () => {
  const lossless: WorldOptions = { ...base, network: { delayMs: exponential(10) } };
  const world = createWorld({ ...lossless, interventions: [{ dropMessage: 2 }] });
  const a = world.run({ untilMs: 5000 });
  assert.equal(world.fork().run({ untilMs: 5000 }).hash(), a.hash());
  const both = world.fork({ dropMessage: 1 }, { at: 300, crash: "C" }).run({ untilMs: 5000 });
  const drops = both.messages().filter((m) => m.fate === "intervention").map((m) => m.id);
  assert.deepEqual(drops, [1, 2]);
  assert.equal(both.summary().crashes, 2);
  const all = createWorld({ ...lossless, interventions: [{ dropMessage: 2 }, { dropMessage: 1 }, { at: 300, crash: "C" }] });
  assert.equal(both.hash(), all.run({ untilMs: 5000 }).hash());
  assert.throws(() => world.fork({ dropMessage: 0 }), /interventions\[1\]\.dropMessage must be an integer/);
});

test("createWorld({ handlers }) validates the handlers: known node names, objects of functions", () => {
  const opts = { seed: 1, nodes: ["A", "B"] };
  assert.throws(() => createWorld({ ...opts, handlers: { Z: {} } }), /handlers key must be one of the known nodes "A", "B"; got "Z"/);
  assert.throws(() => createWorld({ ...opts, handlers: { A: 3 as never } }), /handlers\.A must be an object with init\/onMessage\/onTimer\/onRecover; got 3/);
  assert.throws(() => createWorld({ ...opts, handlers: { A: { onMesage() {} } as never } }), /handlers\.A has an unknown option "onMesage"/);
  assert.throws(() => createWorld({ ...opts, handlers: { A: { init: "go" } as never } }), /handlers\.A\.init must be a function; got "go"/);
  assert.throws(() => createWorld({ ...opts, handlers: [] as never }), /handlers must be an object mapping node names to handlers/);
});

test("trace.records(...kinds) lists what nodes recorded, in order, filtered by kind", () => {
  const w = createWorld({ seed: 3, nodes: ["A", "B"], handlers: {
    A: { init(ctx) { ctx.record("start", { n: 1 }); ctx.send("B", "hi"); ctx.record("sent"); } },
    B: { onMessage(ctx, msg) { ctx.record("got", { from: msg.from }); } },
  } });
  const t = w.run();
  assert.deepEqual(t.records().map((r) => [r.node, r.kind, r.detail]), [["A", "start", { n: 1 }], ["A", "sent", null], ["B", "got", { from: "A" }]]);
  assert.deepEqual(t.records("got", "start").map((r) => r.kind), ["start", "got"]);
  const got = t.records<{ from: string }>("got")[0];
  assert.equal(got.detail.from, "A");
  assert.equal(t.row(got.seq).kind, "record");
  assert.equal(got.t, t.row(got.seq).t);
});
