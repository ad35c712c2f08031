import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { clientServerNodes, runClientServer, type ServerMemory } from "../../src/protocols/client-server";
import { checkProtocol } from "../../src/check/check-protocol";
import type { ProtocolView } from "../../src/check/protocol-view";
import { forgottenExecution, serverMemoryRuns } from "../../src/lessons/01-server-memory";
import { monteCarlo } from "../../src/stats/montecarlo";
import { exponential } from "../../src/random/distributions";

const crashAndRecover = (at: number, back: number) => [{ at, crash: "s1" }, { at: back, recover: "s1" }];
const executedOnce = {
  "each command executed once": (v: ProtocolView) => {
    const c = v.records("execute").map((r) => (r.detail as { cmd: number }).cmd);
    return new Set(c).size === c.length;
  },
};
const check = (serverMemory: ServerMemory, faults: Parameters<typeof checkProtocol>[0]["faults"]) =>
  checkProtocol({ ...clientServerNodes({ protocol: "seq", commands: 2, maxTransmissions: 3, serverMemory }), faults, history: ["execute"], invariants: executedOnce });

test("runClientServer(seq, serverMemory volatile) executes a command again after a crash in some seeded run; the persistent server on the same seeds never", () => {
  const opts = { protocol: "seq" as const, lossRate: 0.2, commands: 20, faults: crashAndRecover(100, 150) };
  const volatile = monteCarlo({ runs: 100, seed: "memory", run: (seed) => runClientServer({ ...opts, seed, serverMemory: "volatile" }) });
  const persistent = monteCarlo({ runs: 100, seed: "memory", run: (seed) => runClientServer({ ...opts, seed, serverMemory: "persistent" }) });
  assert.ok(volatile.some((r) => r.duplicates > 0));
  assert.ok(persistent.every((r) => r.duplicates === 0 && r.delivered === 20));
  // The same seeds, so the same losses: the client sends the very same messages either way.
  assert.deepEqual(volatile.map((r) => r.transmissions), persistent.map((r) => r.transmissions));
  // Every volatile duplicate is a command executed before the crash and again after the recovery.
  for (const r of volatile.filter((x) => x.duplicates > 0)) {
    const f = forgottenExecution(r.trace)!;
    assert.ok(f.firstMs <= 100 && f.againMs >= 150 && r.executedTimes[f.command] === 2, JSON.stringify(f));
  }
});

test("runClientServer(seq, serverMemory persistent) never executes a command twice, whatever the crash, loss and delays (property)", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.integer({ min: 0, max: 300 }),
    fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 0.3, noNaN: true }), (seed, lossRate, at, downMs, duplicateRate) => {
      const r = runClientServer({ seed, protocol: "seq", serverMemory: "persistent", lossRate, duplicateRate, delayMs: exponential(10), timeoutMs: 30,
        commands: 6, faults: crashAndRecover(at, at + downMs) });
      assert.equal(r.duplicates, 0);
      assert.equal(forgottenExecution(r.trace), null);
    }), { numRuns: 100 });
});

test("runClientServer(options): without a crash serverMemory changes nothing, and the default is volatile", () => {
  const opts = { seed: 9, protocol: "seq" as const, lossRate: 0.3, duplicateRate: 0.2, delayMs: exponential(10), timeoutMs: 25 };
  const plain = runClientServer(opts).trace.hash();
  assert.equal(runClientServer({ ...opts, serverMemory: "persistent" }).trace.hash(), plain);
  const crashed = { seed: "42/run/3", protocol: "seq" as const, lossRate: 0.2, commands: 3, faults: crashAndRecover(100, 150) };
  const byDefault = runClientServer(crashed).trace.hash();
  assert.equal(runClientServer({ ...crashed, serverMemory: "volatile" }).trace.hash(), byDefault);
  assert.notEqual(runClientServer({ ...crashed, serverMemory: "persistent" }).trace.hash(), byDefault);
});

test("checkProtocol(seq, one drop, one crash and one recovery): the volatile server's shortest counterexample is a lost ACK, a crash and a resent command; the persistent server holds", () => {
  const volatile = check("volatile", { drops: 1, crashes: 1, recoveries: 1 });
  assert.equal(volatile.verdict, "violated");
  assert.deepEqual(volatile.counterexample?.schedule,
    ["u1 -> s1: cmd 0", "drop s1 -> u1: ack 0", "u1: timer timeout", "crash s1", "recover s1", "u1 -> s1: cmd 0"]);
  assert.equal(check("persistent", { drops: 1, crashes: 1, recoveries: 1 }).verdict, "holds");
  assert.equal(check("persistent", { drops: 2, duplicates: 1, crashes: 1, recoveries: 1 }).verdict, "holds");
});

test("checkProtocol(seq, one crash and one recovery, no drop): the volatile server holds too, since the client resends only a command whose ACK is missing", () => {
  assert.equal(check("volatile", { crashes: 1, recoveries: 1 }).verdict, "holds");
});

test("forgottenExecution(trace) finds the command executed before a crash and again after the recovery, and null without a recovery in between", () => {
  const r = runClientServer({ seed: "42/run/3", protocol: "seq", lossRate: 0.2, commands: 3, faults: crashAndRecover(100, 150) });
  assert.deepEqual(forgottenExecution(r.trace), { command: 0, firstMs: 10, crashMs: 100, recoverMs: 150, againMs: 210 });
  assert.equal(forgottenExecution(runClientServer({ seed: 3, protocol: "ack", lossRate: 0.3 }).trace), null);
  assert.throws(() => forgottenExecution({} as never), /forgottenExecution\(trace\) must be the trace of a run/);
});

test("serverMemoryRuns(options): the volatile row counts the runs with a duplicate, with a Wilson interval around it; the persistent row is 0", () => {
  const [volatile, persistent] = serverMemoryRuns({ seed: 1, runs: 60, commands: 10 });
  assert.equal(volatile.serverMemory, "volatile");
  assert.ok(volatile.runsWithDuplicate > 0 && volatile.duplicates >= volatile.runsWithDuplicate);
  assert.ok(volatile.lo < volatile.share && volatile.share < volatile.hi);
  assert.equal(volatile.share, volatile.runsWithDuplicate / 60);
  assert.deepEqual([persistent.serverMemory, persistent.runsWithDuplicate, persistent.duplicates, persistent.lo], ["persistent", 0, 0, 0]);
  assert.throws(() => serverMemoryRuns({ seed: 1, runs: 1, crashAtMs: 50, recoverAtMs: 50 }), /recoverAtMs must be more than crashAtMs/);
});
