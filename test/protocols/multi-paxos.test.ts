import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { checkProtocol } from "../../src/check/check-protocol";
import { multiPaxosNodes, runMultiPaxos } from "../../src/protocols/multi-paxos";
import { checkLogAgreement, NO_OP, replicatedLog } from "../../src/protocols/multi-paxos-records";
import { fuzzMultiPaxos } from "../../src/properties/replicated-log";
import { randomFaultSchedule } from "../../src/properties/consensus";
import { createRng } from "../../src/random/rng";
import { exponential } from "../../src/random/distributions";
import { executedOverTime, logCostSweep, logsArePrefixes } from "../../src/lessons/06-replicated-log";

const everyCommand = (clients: number, per: number) => Array.from({ length: clients * per }, (_, i) => `c${i + 1}`).sort();

test("runMultiPaxos(options) without faults: every server executes every command once, in one order, with one phase 1", () => {
  for (let seed = 0; seed < 20; seed++) {
    const r = runMultiPaxos({ seed, clients: 3, commandsPerClient: 4 });
    assert.ok(r.agreement.ok, `seed ${seed}: ${r.agreement.violation}`);
    assert.deepEqual([...r.logs.s1].sort(), everyCommand(3, 4), `seed ${seed}`);
    assert.deepEqual(r.logs.s2, r.logs.s1);
    assert.deepEqual(r.logs.s3, r.logs.s1);
    assert.equal(r.committed, 12);
    assert.equal(r.prepares, 1, `seed ${seed}: the stable leader skips phase 1 after the first`);
  }
});

test("runMultiPaxos(options) is deterministic and its result is what the trace's records say", () => {
  const a = runMultiPaxos({ seed: "x", lossRate: 0.1 }), b = runMultiPaxos({ seed: "x", lossRate: 0.1 });
  assert.equal(a.trace.hash(), b.trace.hash());
  assert.deepEqual(replicatedLog(a.trace, a.servers), a.log);
  assert.equal(a.committed, a.trace.records("commit").length);
  assert.equal(a.fork({ dropMessage: 1 }).trace.messages()[0].fate, "intervention");
});

test("runMultiPaxos: with constant delays d a stable leader commits in 4d and k clients get k / 4d (closed form)", () => {
  const d = 10;
  for (const k of [1, 3, 6]) {
    const r = runMultiPaxos({ seed: 1, clients: k, delayMs: d, commandsPerClient: 1_000_000, untilMs: 2000 });
    const steady = r.latenciesMs.slice(k); // the first command of each client also waits for phase 1 (2d)
    assert.ok(steady.every((l) => Math.abs(l - 4 * d) < 1e-9), `k=${k}: ${[...new Set(steady)].join(", ")}`);
    // in 2000 ms each client commits floor((2000 - 2d) / 4d) commands
    assert.equal(r.committed, k * Math.floor((2000 - 2 * d) / (4 * d)));
  }
  const rows = logCostSweep({ seed: 1, clients: [1, 4] });
  for (const row of rows) {
    assert.ok(Math.abs(row.throughputPerS - row.throughputClosedFormPerS) / row.throughputClosedFormPerS < 0.03, JSON.stringify(row));
    assert.ok(Math.abs(row.latencyMs - row.latencyClosedFormMs) / row.latencyClosedFormMs < 0.03, JSON.stringify(row));
  }
  const four = rows.filter((r) => r.clients === 4);
  assert.ok(four[1].throughputPerS > 1.9 * four[0].throughputPerS, "with 4 clients multi-Paxos has twice the serializer's throughput");
});

test("runMultiPaxos: when the leader crashes another server leads; no command is lost or executed twice", () => {
  for (let seed = 0; seed < 15; seed++) {
    const r = runMultiPaxos({ seed, clients: 2, commandsPerClient: 5, faults: [{ at: 100, crash: "s1" }], untilMs: 3000 });
    assert.ok(r.agreement.ok, `seed ${seed}: ${r.agreement.violation}`);
    assert.ok(r.log.leaders.some((l) => l.server !== "s1" && l.atMs > 100), `seed ${seed}: nobody took over`);
    assert.equal(r.committed, 10, `seed ${seed}: ${r.committed} of 10 committed`);
    for (const s of ["s2", "s3"]) assert.deepEqual([...r.logs[s]].sort(), everyCommand(2, 5), `seed ${seed} ${s}`);
    assert.ok(r.logs.s1.every((c, i) => r.logs.s2[i] === c), `seed ${seed}: s1's log is a prefix of s2's`);
  }
});

test("runMultiPaxos: a server cut off from the others catches up after the partition heals (if some server executes c, all do)", () => {
  const r = runMultiPaxos({ seed: 3, clients: 2, commandsPerClient: 20, delayMs: 5, untilMs: 3000,
    faults: [{ at: 50, partition: [["s3"], ["s1", "s2", "u1", "u2"]] }, { at: 300, heal: true }] });
  const rows = executedOverTime(r);
  const during = (s: string) => Math.max(...rows.filter((x) => x.server === s && x.tMs <= 300).map((x) => x.executed));
  assert.ok(during("s1") > during("s3") + 10, `s1 ${during("s1")}, s3 ${during("s3")} by the heal`);
  assert.deepEqual(r.logs.s3, r.logs.s1);
  assert.equal(r.logs.s1.length, 40);
});

test("checkLogAgreement(log) finds a slot with two commands, a repeat and a lost commit", () => {
  const base = { leaders: [], noOps: [], issued: [], committed: [] };
  assert.match(String(checkLogAgreement({ ...base, logs: { s1: ["c1"], s2: ["c2"] }, slots: { s1: ["c1"], s2: ["c2"] } }).violation), /slot 0: c1 and c2/);
  assert.equal(checkLogAgreement({ ...base, logs: { s1: ["c1", "c1"] }, slots: { s1: ["c1", "c1"] } }).noDuplicates, false);
  assert.equal(checkLogAgreement({ ...base, logs: { s1: [] }, slots: { s1: [] }, committed: [{ client: "u1", id: "c1", atMs: 1 }] }).noneLost, false);
});

test("multiPaxosNodes: checkProtocol finds agreement in every schedule of one command with a stable leader and one lost message", () => {
  const r = checkProtocol({ ...multiPaxosNodes({ clients: 1, commandsPerClient: 1, maxElections: 0 }), allowRandom: true,
    faults: { drops: 1 }, invariants: { agreement: logsArePrefixes } });
  assert.equal(r.verdict, "holds");
  assert.ok(r.distinctStates > 1000);
});

test("fast-check: multi-Paxos keeps its log safe under random fault schedules", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(3, 5), (seed, servers) => {
    const names = ["u1", "u2", ...Array.from({ length: servers }, (_, i) => `s${i + 1}`)];
    const faults = randomFaultSchedule(createRng(seed, "faults"), { nodes: names, horizonMs: 600 });
    const r = runMultiPaxos({ seed, servers, faults, lossRate: 0.1, duplicateRate: 0.05, delayMs: exponential(8), untilMs: 1500 });
    assert.ok(r.agreement.ok, r.agreement.violation ?? "");
  }), { numRuns: 100, seed: 5 });
});

test("fuzzMultiPaxos(options): safe with the chapter's rule; a new leader that ignores what is stored breaks agreement", () => {
  assert.ok(fuzzMultiPaxos({ seed: 42, runs: 100 }).every((r) => r.safe));
  const broken = fuzzMultiPaxos({ seed: 42, runs: 100, chooseStored: () => NO_OP });
  assert.ok(broken.some((r) => !r.safe && /applied different commands/.test(r.violation ?? "")));
});
