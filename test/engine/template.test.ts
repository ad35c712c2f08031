import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { createWorld, prepareWorld, type NodeHandlers, type WorldOptions } from "../../src/engine";
import { exponential } from "../../src/random";
import { runScoreRace, scoreRaceRunner } from "../../src/protocols/score-race";

// A small retransmitting protocol that touches timers, loss, duplication and state records.
const handlers: Record<string, NodeHandlers> = {
  C: {
    init(ctx) { ctx.state.n = 0; ctx.send("S", { type: "cmd", n: 0 }); ctx.state.t = ctx.setTimer(30, "retry"); },
    onTimer(ctx) { ctx.send("S", { type: "cmd", n: ctx.state.n }); ctx.state.t = ctx.setTimer(30, "retry"); },
    onMessage(ctx, msg) {
      if ((msg.payload as { n: number }).n !== ctx.state.n) return;
      ctx.cancelTimer(ctx.state.t);
      ctx.record("acked", { n: ctx.state.n });
      if (++ctx.state.n < 5) { ctx.send("S", { type: "cmd", n: ctx.state.n }); ctx.state.t = ctx.setTimer(30, "retry"); }
    },
  },
  S: { onMessage(ctx, msg) { ctx.send(msg.from, { type: "ack", n: (msg.payload as { n: number }).n }); } },
};
const options = (seed: string | number): WorldOptions => ({
  seed, nodes: ["C", "S"], handlers,
  network: { delayMs: exponential(10), lossRate: 0.2, duplicateRate: 0.1 },
  faults: [{ at: 40, crash: "S" }, { at: 90, recover: "S" }],
});

test("prepareWorld(options).build(seed) gives the same trace as createWorld({ ...options, seed })", () => {
  const template = prepareWorld(options(0));
  fc.assert(fc.property(fc.oneof(fc.integer(), fc.string()), (seed) => {
    const a = template.build(seed).run({ untilMs: 2000 });
    const b = createWorld(options(seed)).run({ untilMs: 2000 });
    assert.equal(a.hash(), b.hash());
    assert.deepEqual(a.summary(), b.summary());
  }), { seed: 42, numRuns: 100 });
});

test("prepareWorld(options) validates once, with createWorld's messages; build(seed) checks the seed", () => {
  assert.throws(() => prepareWorld({ ...options(0), network: { lossRate: 1.5 } }), /network\.lossRate must be a number in \[0, 1\]; got 1\.5/);
  assert.throws(() => prepareWorld({ ...options(0), handlers: { X: {} } }), /node\(name\) must be one of the known nodes/);
  assert.throws(() => prepareWorld(options(0)).build(NaN), /seed must be a finite number or a string; got NaN/);
});

test("scoreRaceRunner(options)(seed) equals runScoreRace({ ...options, seed })", () => {
  const o = { delayMs: [exponential(10), exponential(20)], lossRate: 0.2 };
  const run = scoreRaceRunner(o);
  for (let i = 0; i < 300; i++) assert.deepEqual(run(`42/run/${i}`), runScoreRace({ ...o, seed: `42/run/${i}` }));
});
