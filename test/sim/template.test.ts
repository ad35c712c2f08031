import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { createWorld, type World } from "../../src/sim/world";
import { prepareWorld } from "../../src/sim/template";
import { type NodeHandlers } from "../../src/sim/context";
import { type WorldOptions } from "../../src/sim/options";
import { exponential } from "../../src/random/distributions";

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

// Touches everything a reset must restore: node state and persistent state, the node stream,
// timers (cancelled and fired), duplicates, loss, a crash and recovery, a partition, a held link.
const busy: Record<string, NodeHandlers> = {
  ...handlers,
  S: {
    init(ctx) { ctx.persistent.boots = (ctx.persistent.boots ?? 0) + 1; ctx.state.jitter = ctx.rng.next(); },
    onRecover(ctx) { ctx.persistent.boots++; ctx.state.jitter = ctx.rng.next(); },
    onMessage(ctx, msg) {
      ctx.record("seen", { n: (msg.payload as { n: number }).n, boots: ctx.persistent.boots });
      ctx.send(msg.from, { type: "ack", n: (msg.payload as { n: number }).n });
      if (ctx.rng.next() < 0.3) ctx.send("W", "gossip");
    },
  },
  W: { onMessage(ctx) { ctx.setTimer(5, "echo"); }, onTimer(ctx) { ctx.send("S", "echoed"); } },
};
const busyOptions = (seed: string | number): WorldOptions => ({
  seed, nodes: ["C", "S", "W"], handlers: busy,
  network: { delayMs: exponential(10), lossRate: 0.2, duplicateRate: 0.1, links: { "S->W": { delayMs: 3 } } },
  faults: [{ at: 40, crash: "S" }, { at: 90, recover: "S" }, { at: 20, partition: [["C"], ["W"]] }, { at: 120, heal: true },
    { at: 10, hold: { from: "S", to: "W" } }, { at: 60, release: { from: "S", to: "W" } }],
});

test("template.run(seed, read) reuses one world and gives what build(seed).run() gives, run after run (property)", () => {
  const template = prepareWorld(busyOptions(0));
  const seen = (w: World) => ({
    hash: w.trace.hash(), summary: w.trace.summary(), messages: w.trace.messages(), now: w.now,
    states: w.nodes.map((n) => JSON.stringify([w.context(n).state, w.context(n).persistent])),
  });
  fc.assert(fc.property(fc.array(fc.oneof(fc.integer(), fc.string()), { minLength: 1, maxLength: 6 }), (seeds) => {
    for (const seed of seeds) {
      assert.deepEqual(template.run(seed, seen, { untilMs: 500 }), seen(createWorldRun(seed)));
    }
  }), { seed: 42, numRuns: 60 });
});

function createWorldRun(seed: string | number): World {
  const w = createWorld(busyOptions(seed));
  w.run({ untilMs: 500 });
  return w;
}

test("template.run: a run nested inside read() gets a world of its own; a run that throws leaves the next one intact", () => {
  const template = prepareWorld(busyOptions(0));
  const hash = (seed: string) => createWorldRun(seed).trace.hash();
  const nested = template.run("a", (outer) => [outer.trace.hash(), template.run("b", (inner) => inner.trace.hash(), { untilMs: 500 }), outer.trace.hash()], { untilMs: 500 });
  assert.deepEqual(nested, [hash("a"), hash("b"), hash("a")]);
  assert.throws(() => template.run("c", () => { throw new Error("read failed"); }, { untilMs: 500 }), /read failed/);
  const small = prepareWorld({ ...busyOptions(0), maxEvents: 5 });
  assert.throws(() => small.run("c", () => 0, { untilMs: 500 }), /maxEvents = 5/);
  assert.equal(template.run("d", (w) => w.trace.hash(), { untilMs: 500 }), hash("d"));
  assert.throws(() => template.run("d", 3 as never), /read must be a function/);
  assert.throws(() => template.run(Infinity, () => 0), /seed must be a finite number or a string; got Infinity/);
});

test('trace: "counts" runs the same simulation and keeps summary() and messages(), not rows', () => {
  fc.assert(fc.property(fc.oneof(fc.integer(), fc.string()), (seed) => {
    const full = createWorldRun(seed);
    const counts = createWorld({ ...busyOptions(seed), trace: "counts" });
    counts.run({ untilMs: 500 });
    assert.deepEqual(counts.trace.summary(), full.trace.summary());
    assert.deepEqual(counts.trace.messages(), full.trace.messages());
    assert.deepEqual(counts.context("S").state, full.context("S").state);
    assert.equal(counts.trace.hasRows, false);
    assert.equal(counts.trace.length, 0);
  }), { seed: 3, numRuns: 50 });
  const w = createWorld({ ...busyOptions(1), trace: "counts" });
  w.run({ untilMs: 100 });
  assert.throws(() => w.trace.rows(), /trace\.rows\(\): this world was created with trace: "counts"/);
  assert.throws(() => w.trace.hash(), /trace\.hash\(\)/);
  assert.throws(() => createWorld({ ...busyOptions(1), trace: "some" as never }), /trace must be one of "full", "counts"; got "some"/);
});
