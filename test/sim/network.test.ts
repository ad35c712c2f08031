import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { createWorld } from "../../src/sim/world";
import { FaultEvent } from "../../src/sim/options";
import { NodeHandlers } from "../../src/sim/context";
import { exponential } from "../../src/random/distributions";

/** A sends n messages to B, one every ms. */
function blast(n: number): Record<string, NodeHandlers> {
  return {
    A: { init(ctx) { ctx.state.i = 0; ctx.setTimer(0); }, onTimer(ctx) { ctx.send("B", ctx.state.i); if (++ctx.state.i < n) ctx.setTimer(1); } },
  };
}

test("observed loss rate, duplication rate and mean delay match the configuration (5 standard errors)", () => {
  const N = 20000, loss = 0.2, dup = 0.1, mean = 10;
  const t = createWorld({ seed: 9, nodes: ["A", "B"], handlers: blast(N),
    network: { delayMs: exponential(mean), lossRate: loss, duplicateRate: dup } }).run();
  const s = t.summary();
  assert.equal(s.sent, N);
  const lossSe = Math.sqrt((loss * (1 - loss)) / N);
  assert.ok(Math.abs(s.drops.loss / N - loss) < 5 * lossSe, `loss ${s.drops.loss / N}`);
  const kept = N - s.drops.loss;
  const dupSe = Math.sqrt((dup * (1 - dup)) / kept);
  assert.ok(Math.abs(s.duplicated / kept - dup) < 5 * dupSe, `dup ${s.duplicated / kept}`);
  const delays = t.messages().filter((m) => m.deliverMs !== null).map((m) => m.deliverMs! - m.sendMs);
  const avg = delays.reduce((a, b) => a + b, 0) / delays.length;
  assert.ok(Math.abs(avg - mean) < 5 * (mean / Math.sqrt(delays.length)), `delay mean ${avg}`);
  assert.equal(s.delivered, delays.length);
});

test("per-link options override the global network ('A->B' and 'A<->B')", () => {
  const t = createWorld({ seed: 3, nodes: ["A", "B"], handlers: blast(2000),
    network: { lossRate: 0, links: { "A->B": { lossRate: 1 } } } }).run();
  assert.equal(t.summary().drops.loss, 2000);
  const t2 = createWorld({ seed: 3, nodes: ["A", "B"], handlers: blast(10),
    network: { delayMs: 1, links: { "A<->B": { delayMs: 7 } } } }).run();
  assert.ok(t2.messages().every((m) => m.deliverMs! - m.sendMs === 7));
});

test("changing lossRate does not shift the delay of any delivered message", () => {
  const run = (lossRate: number) => createWorld({ seed: 5, nodes: ["A", "B"], handlers: blast(200),
    network: { delayMs: exponential(5), lossRate } }).run().messages();
  const a = run(0), b = run(0.5);
  for (const m of b) if (m.deliverMs !== null) assert.equal(m.deliverMs - m.sendMs, a[m.id - 1].deliverMs! - a[m.id - 1].sendMs);
});

// ---- properties over random fault schedules ----
const NODES = ["A", "B", "C"];
const nodeArb = fc.constantFrom(...NODES);
const timeArb = fc.integer({ min: 0, max: 300 });
const faultArb: fc.Arbitrary<FaultEvent> = fc.oneof(
  fc.record({ at: timeArb, crash: nodeArb }),
  fc.record({ at: timeArb, recover: nodeArb }),
  fc.record({ at: timeArb, partition: fc.constantFrom([["A"], ["B", "C"]], [["A", "B"], ["C"]]) }),
  fc.record({ at: timeArb, heal: fc.constant(true as const) }),
  fc.record({ at: timeArb, block: fc.record({ from: nodeArb, to: nodeArb }) }),
  fc.record({ at: timeArb, unblock: fc.record({ from: nodeArb, to: nodeArb }) }),
  fc.record({ at: timeArb, hold: fc.record({ from: nodeArb, to: nodeArb }) }),
  fc.record({ at: timeArb, release: fc.record({ from: nodeArb, to: nodeArb }) }),
) as fc.Arbitrary<FaultEvent>;

/** Every node gossips to a random peer every few ms until 400 ms. */
const gossip: NodeHandlers = {
  init(ctx) { ctx.setTimer(ctx.rng.next() * 5); },
  onTimer(ctx) {
    const peers = ctx.nodes.filter((n) => n !== ctx.name);
    ctx.send(peers[ctx.rng.int(peers.length)], { type: "gossip" });
    if (ctx.now < 400) ctx.setTimer(2 + ctx.rng.next() * 5);
  },
  onMessage(ctx) { ctx.record("got"); },
};

const worldArb = fc.record({
  seed: fc.integer(),
  faults: fc.array(faultArb, { maxLength: 12 }),
  lossRate: fc.double({ min: 0, max: 1, noNaN: true }),
  duplicateRate: fc.double({ min: 0, max: 1, noNaN: true }),
  untilMs: fc.integer({ min: 50, max: 600 }),
});

function build(p: { seed: number; faults: FaultEvent[]; lossRate: number; duplicateRate: number }) {
  return createWorld({ seed: p.seed, nodes: NODES, faults: p.faults, handlers: { A: gossip, B: gossip, C: gossip },
    network: { delayMs: exponential(8), lossRate: p.lossRate, duplicateRate: p.duplicateRate } });
}

test("messages are conserved: sent + duplicated = delivered + dropped + inFlight (property)", () => {
  fc.assert(fc.property(worldArb, (p) => {
    const t = build(p).run({ untilMs: p.untilMs });
    const s = t.summary();
    const fates = t.messages().reduce((acc, m) => (acc[m.fate] = (acc[m.fate] ?? 0) + 1, acc), {} as Record<string, number>);
    const inFlight = (fates["in-flight"] ?? 0) + (fates.held ?? 0);
    return s.sent + s.duplicated === s.delivered + s.dropped + s.inFlight && s.inFlight === inFlight
      && s.held === (fates.held ?? 0) && s.delivered === (fates.delivered ?? 0);
  }), { numRuns: 60 });
});

test("time in the trace never goes backwards (property)", () => {
  fc.assert(fc.property(worldArb, (p) => {
    const rows = build(p).run({ untilMs: p.untilMs }).rows();
    return rows.every((r, i) => i === 0 || r.t >= rows[i - 1].t);
  }), { numRuns: 60 });
});

test("a crashed node handles nothing: no deliveries, timers or sends while down (property)", () => {
  fc.assert(fc.property(worldArb, (p) => {
    const up: Record<string, boolean> = { A: true, B: true, C: true };
    for (const r of build(p).run({ untilMs: p.untilMs }).rows()) {
      if (r.kind === "crash") up[r.node!] = false;
      else if (r.kind === "recover") up[r.node!] = true;
      else if ((r.kind === "deliver" || r.kind === "timer" || r.kind === "send" || r.kind === "record") && !up[r.node!]) return false;
    }
    return true;
  }), { numRuns: 60 });
});

test("a partitioned or blocked link delivers nothing until healed or unblocked (property)", () => {
  fc.assert(fc.property(worldArb, (p) => {
    const blocked = new Set<string>();
    for (const r of build(p).run({ untilMs: p.untilMs }).rows()) {
      if (r.kind === "partition") {
        const groups = r.detail as string[][];
        for (const g of groups) for (const h of groups) if (g !== h) for (const x of g) for (const y of h) blocked.add(`${x}->${y}`);
      } else if (r.kind === "heal") blocked.clear();
      else if (r.kind === "block") blocked.add(`${r.from}->${r.to}`);
      else if (r.kind === "unblock") blocked.delete(`${r.from}->${r.to}`);
      else if (r.kind === "deliver" && blocked.has(`${r.from}->${r.to}`)) return false;
    }
    return true;
  }), { numRuns: 60 });
});

test("a held link delivers nothing until released, then its queue (property)", () => {
  fc.assert(fc.property(worldArb, (p) => {
    const held = new Set<string>();
    const queued = new Map<string, number>();
    for (const r of build(p).run({ untilMs: p.untilMs }).rows()) {
      const link = `${r.from}->${r.to}`;
      if (r.kind === "hold") held.add(link);
      else if (r.kind === "release") { held.delete(link); }
      else if (r.kind === "held") { if (!held.has(link)) return false; queued.set(link, (queued.get(link) ?? 0) + 1); }
      else if (r.kind === "deliver" && held.has(link)) return false;
    }
    return true;
  }), { numRuns: 60 });
});
