import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { runClientServer } from "../../src/protocols/client-server";
import { diffTraces } from "../../src/sim/diff";
import { runSeed } from "../../src/stats/montecarlo";
import { exponential } from "../../src/random/distributions";

/** Runs `runs` seeded runs and returns their results. */
const many = (runs: number, opts: Parameters<typeof runClientServer>[0] extends infer O ? Omit<O, "seed"> : never, tag: string) =>
  Array.from({ length: runs }, (_, i) => runClientServer({ ...opts, seed: runSeed(tag, i) }));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

test("runClientServer(naive, no loss) executes every command once, in order", () => {
  const r = runClientServer({ seed: 1, protocol: "naive", commands: 7 });
  assert.equal(r.delivered, 7);
  assert.equal(r.duplicates, 0);
  assert.deepEqual(r.order, [0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual(r.transmissions, [1, 1, 1, 1, 1, 1, 1]);
  assert.ok(r.latencyMs.every(Number.isNaN));
  assert.equal(r.endMs, 70); // last command sent at 60 ms, arrives after 10 ms
});

test("runClientServer(naive) delivers a share 1 - p of commands (within 4 standard errors)", () => {
  const p = 0.3, runs = many(250, { protocol: "naive", lossRate: p, commands: 20 }, "naive");
  const n = 250 * 20, share = sum(runs.map((r) => r.delivered)) / n;
  const se = Math.sqrt((p * (1 - p)) / n);
  assert.ok(Math.abs(share - (1 - p)) < 4 * se, `share ${share}`);
  assert.equal(sum(runs.map((r) => r.lost.cmd + r.delivered)), n);
});

test("runClientServer(ack) needs geometric transmissions with mean 1/(1-p)^2 (within 4 standard errors)", () => {
  const p = 0.25, q = (1 - p) ** 2;
  const tries = many(200, { protocol: "ack", lossRate: p, commands: 20 }, "ack").flatMap((r) => r.transmissions);
  const mean = sum(tries) / tries.length, sd = Math.sqrt(1 - q) / q;
  assert.ok(Math.abs(mean - 1 / q) < (4 * sd) / Math.sqrt(tries.length), `mean ${mean}`);
  const p1 = tries.filter((t) => t === 1).length / tries.length;
  assert.ok(Math.abs(p1 - q) < 4 * Math.sqrt((q * (1 - q)) / tries.length), `P(T=1) ${p1}`);
});

test("runClientServer(ack) executes p/(1-p) duplicates per command (within 4 standard errors)", () => {
  const p = 0.3;
  const dups = many(200, { protocol: "ack", lossRate: p, commands: 20 }, "dup").flatMap((r) => r.executedTimes.map((e) => e - 1));
  const mean = sum(dups) / dups.length;
  const sd = Math.sqrt(sum(dups.map((d) => (d - mean) ** 2)) / (dups.length - 1));
  assert.ok(Math.abs(mean - p / (1 - p)) < (4 * sd) / Math.sqrt(dups.length), `mean ${mean}`);
});

test("runClientServer(ack) with only ACK loss executes a command twice exactly when its first ACK is lost", () => {
  const r = runClientServer({ seed: 3, protocol: "ack", commands: 3000, lossRate: 0, ackLossRate: 0.25 });
  const share = r.executedTimes.filter((e) => e > 1).length / r.commands;
  assert.ok(Math.abs(share - 0.25) < 4 * Math.sqrt((0.25 * 0.75) / 3000), `share ${share}`);
  assert.equal(r.lost.cmd, 0);
});

test("runClientServer(seq) never executes a command twice nor out of order (property)", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.double({ min: 0, max: 0.6, noNaN: true }),
    fc.integer({ min: 5, max: 60 }), fc.double({ min: 0, max: 0.3, noNaN: true }), (seed, lossRate, timeoutMs, duplicateRate) => {
      const r = runClientServer({ seed, protocol: "seq", lossRate, timeoutMs, duplicateRate, delayMs: exponential(10), commands: 8 });
      assert.equal(r.duplicates, 0);
      assert.deepEqual(r.order, [0, 1, 2, 3, 4, 5, 6, 7]);
      assert.ok(r.latencyMs.every((l) => l >= 0));
    }), { numRuns: 150 });
});

test("runClientServer(ack) and (seq) send the same transmissions on the same seed", () => {
  for (let i = 0; i < 50; i++) {
    const opts = { seed: runSeed("same", i), lossRate: 0.3, delayMs: exponential(10), timeoutMs: 25 };
    const a = runClientServer({ ...opts, protocol: "ack" }), s = runClientServer({ ...opts, protocol: "seq" });
    assert.deepEqual(a.transmissions, s.transmissions);
    assert.deepEqual(a.latencyMs, s.latencyMs);
  }
});

test("runClientServer(options).lost matches the trace's lost messages (property, with duplication)", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), (seed, lossRate, duplicateRate) => {
    const r = runClientServer({ seed, lossRate, duplicateRate, delayMs: exponential(10), commands: 6 });
    const lost = { cmd: 0, ack: 0 };
    for (const m of r.trace.messages()) if (m.fate === "lost") lost[m.label.startsWith("cmd") ? "cmd" : "ack"]++;
    assert.deepEqual(r.lost, lost);
  }), { numRuns: 100 });
});

test("runClientServer(options) reads its result from the trace: executions are the server's execute records", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.constantFrom("naive", "ack", "seq" as const), (seed, protocol) => {
    const r = runClientServer({ seed, protocol, lossRate: 0.3, duplicateRate: 0.2, delayMs: exponential(10), timeoutMs: 20, commands: 5 });
    const executed = r.trace.records<{ cmd: number }>("execute");
    assert.deepEqual(r.order, executed.map((e) => e.detail.cmd));
    assert.ok(executed.every((e) => e.node === "s1"));
    const sends = r.trace.rows().filter((row) => row.kind === "send" && row.label!.startsWith("cmd"));
    assert.equal(sends.length, r.transmissions.reduce((a, b) => a + b, 0));
    assert.ok(sends.every((row) => row.from === "u1" && row.to === "s1"));
  }), { numRuns: 100 });
});

test("runClientServer(options) gives the same trace for the same options", () => {
  const opts = { seed: "det", lossRate: 0.2, delayMs: exponential(10), timeoutMs: 30 };
  assert.equal(runClientServer(opts).trace.hash(), runClientServer(opts).trace.hash());
});

test("run.fork({ dropMessage }) on the first ACK makes the server execute command 0 twice", () => {
  const base = runClientServer({ seed: 5, protocol: "ack", commands: 3 });
  const ack = base.trace.messages().find((m) => m.label === "ack 0")!;
  const alt = base.fork({ dropMessage: ack.id });
  assert.deepEqual(base.executedTimes, [1, 1, 1]);
  assert.deepEqual(alt.executedTimes, [2, 1, 1]);
  assert.equal(alt.transmissions[0], 2);
  assert.equal(diffTraces(base.trace, alt.trace).firstDivergence!.b!.reason, "intervention");
  // a fork of a fork keeps the first intervention; forking does not touch the original run
  const both = alt.fork({ at: 0, crash: "s1" });
  assert.equal(both.delivered, 0);
  assert.equal(both.trace.messages().find((m) => m.id === ack.id)?.fate, "intervention");
  assert.deepEqual(base.executedTimes, [1, 1, 1]);
});

test("runClientServer(options) with faults and untilMs: a crashed server executes nothing after its crash", () => {
  const r = runClientServer({ seed: 1, commands: 3, faults: [{ at: 15, crash: "s1" }], untilMs: 500 });
  assert.deepEqual(r.executedTimes, [1, 0, 0]);
  assert.equal(r.endMs, 500);
  assert.ok(r.transmissions[1] > 1 && r.transmissions[2] === 0);
  assert.ok(Number.isFinite(r.latencyMs[0]) && Number.isNaN(r.latencyMs[1]));
});

test("runClientServer(ack) with a short timeout can execute an old command after a newer one; seq cannot", () => {
  const opts = { protocol: "ack" as const, delayMs: exponential(10), timeoutMs: 25, commands: 3 };
  let found = -1;
  for (let i = 0; i < 200 && found < 0; i++) if (runClientServer({ ...opts, seed: i }).reordered) found = i;
  assert.ok(found >= 0, "some seed reorders");
  assert.equal(runClientServer({ ...opts, protocol: "seq", seed: found }).reordered, false);
});

test("runClientServer(options) gives up after maxTransmissions", () => {
  const r = runClientServer({ seed: 1, lossRate: 1, commands: 2, maxTransmissions: 3 });
  assert.deepEqual(r.transmissions, [3, 3]);
  assert.equal(r.delivered, 0);
  assert.ok(r.latencyMs.every(Number.isNaN));
});

test("runClientServer(options) rejects bad options with messages naming the parameter", () => {
  assert.throws(() => runClientServer({ seed: 1, lossRate: 1.5 }), /lossRate.*\[0, 1\].*1\.5/);
  assert.throws(() => runClientServer({ seed: 1, protocol: "tcp" as never }), /protocol/);
  assert.throws(() => runClientServer({ seed: 1, commands: 0 }), /commands/);
  assert.throws(() => runClientServer({ seed: 1, timeoutMs: -1 }), /timeoutMs/);
  assert.throws(() => runClientServer({ seed: 1, lossrate: 0.1 } as never), /lossrate/);
  assert.throws(() => runClientServer({ seed: 1, untilMs: -1 }), /untilMs/);
  assert.throws(() => runClientServer({ seed: 1, faults: [{ at: 5, crash: "server" }] }), /faults\[0\]\.crash must be one of the known nodes "u1", "s1"; got "server"/);
});
