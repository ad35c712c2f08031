import { test } from "node:test";
import assert from "node:assert/strict";
import { createWorld } from "../../src/sim/world";
import { checkProtocol } from "../../src/check/check-protocol";
import { paxosNodes, runPaxos } from "../../src/protocols/paxos";
import { PARTITION_PROTOCOLS, PARTITION_SCHEDULES, PARTITION_SIDES, partitionFaults, partitionRun } from "../../src/lessons/07-partitions";
import { partitionMatrix } from "../../src/lessons/07-partition-matrix";
import { partitionedNodes } from "../../src/lessons/07-partition-check";
import { nb07CheckOneWayPrediction, nb07CheckSmallestQuorum, quorumAgreementUnderSplit } from "../../src/lessons/checks/nb07";

const NODES = ["u1", "u2", "s1", "s2", "s3", "s4"];

test("partitionFaults(schedule, nodes) gives createWorld fault entries and leaves out names the protocol lacks", () => {
  assert.deepEqual(partitionFaults("no partition", NODES), []);
  assert.deepEqual(partitionFaults("clean n/2 split", NODES, { splitMs: 5 }), [{ at: 5, partition: [["u1", "s1", "s2"], ["u2", "s3", "s4"]] }]);
  assert.deepEqual(partitionFaults("minority split, healed", NODES.filter((n) => n !== "u2"), { healMs: 70 }),
    [{ at: 0, partition: [["u1", "s1", "s2", "s3"], ["s4"]] }, { at: 70, heal: true }]);
  const oneWay = partitionFaults("one-way link", NODES)[0] as { block: { from: string[]; to: string[] } };
  assert.deepEqual(oneWay.block, { from: ["u1", "s1", "s2"], to: ["u2", "s3", "s4"] });
});

test("partitionRun: Paxos under a 3 | 1 split decides on the majority side only, safely; after the heal both sides decide the same command", () => {
  for (const seed of ["a", "b", "c"]) {
    const split = partitionRun({ seed, protocol: "Paxos", schedule: "majority/minority", untilMs: 2000 });
    assert.deepEqual([split.safe, split.sideA, split.sideB, split.live], [true, true, false, false]);
    const healed = partitionRun({ seed, protocol: "Paxos", schedule: "minority split, healed", healMs: 600, untilMs: 2000 });
    assert.equal(healed.safe && healed.live, true);
    const decided = new Set(healed.trace.records<{ command: string }>("decide").map((d) => d.detail.command));
    assert.equal(decided.size, 1);
  }
});

test("partitionRun: under the clean n/2 split no protocol that waits for a majority or for everyone finishes on either side, and Paxos with quorum n/2 is unsafe", () => {
  for (const protocol of PARTITION_PROTOCOLS.filter((p) => p !== "Paxos, quorum n/2" && p !== "two-phase commit")) {
    const r = partitionRun({ seed: 7, protocol, schedule: "clean n/2 split", untilMs: 1500 });
    assert.deepEqual([r.safe, r.sideA, r.sideB], [true, false, false], protocol);
  }
  const tpc = partitionRun({ seed: 7, protocol: "two-phase commit", schedule: "clean n/2 split" });
  assert.deepEqual([tpc.safe, tpc.sideA, tpc.sideB], [true, true, false]); // the coordinator aborts on its side; B never hears
  assert.deepEqual(tpc.trace.records<{ decision: string }>("decide").map((d) => d.detail.decision), ["abort"]);
  const half = partitionRun({ seed: 7, protocol: "Paxos, quorum n/2", schedule: "clean n/2 split" });
  assert.equal(half.safe, false);
  assert.equal(half.sideA && half.sideB, true);
});

test("partitionRun: naive tickets after a healed minority split execute two commands; the trace shows s4 executing after the heal", () => {
  const r = partitionRun({ seed: 42, protocol: "naive tickets", schedule: "minority split, healed", healMs: 600, untilMs: 2000 });
  assert.equal(r.safe, false);
  const ex = r.trace.records<{ command: string }>("execute");
  const s4 = ex.find((e) => e.node === "s4")!;
  assert.ok(s4.t > 600);
  assert.notEqual(s4.detail.command, ex.find((e) => e.node === "s1")!.detail.command);
});

test("partitionMatrix counts each cell's runs; its Wilson intervals contain the shares", () => {
  const rows = partitionMatrix({ seed: "t", runs: 3, protocols: ["serializer", "Paxos"], schedules: ["no partition", "one-way link"], untilMs: 1500 });
  assert.equal(rows.length, 4);
  for (const r of rows) {
    assert.ok(r.safeLo <= r.safe / r.runs && r.safe / r.runs <= r.safeHi);
    assert.ok(r.liveLo <= r.live / r.runs && r.live / r.runs <= r.liveHi);
    assert.ok(r.live <= Math.min(r.sideA, r.sideB));
  }
  assert.deepEqual(rows.map((r) => r.live), [3, 0, 3, 0]);
  assert.equal(PARTITION_SCHEDULES.length, 5);
});

test("partitionedNodes(protocol, groups) behaves in createWorld like a partition from time 0", () => {
  const groups: string[][] = PARTITION_SIDES.majority.map((g) => [...g]);
  const opts = { clients: 2, servers: 4, startSpreadMs: 0, delayMs: 3, untilMs: 1000 } as const;
  const viaFaults = runPaxos({ seed: 1, ...opts, faults: [{ at: 0, partition: groups }] });
  const protocol = partitionedNodes(paxosNodes({ clients: 2, servers: 4, startSpreadMs: 0 }), groups);
  const trace = createWorld({ seed: 1, ...protocol, network: { delayMs: 3 } }).run({ untilMs: 1000 });
  const decisions = (rows: { node: string; detail: unknown }[]) => rows.map((r) => `${r.node} ${JSON.stringify(r.detail)}`);
  assert.deepEqual(decisions(trace.records("decide", "execute")), decisions(viaFaults.trace.records("decide", "execute")));
  assert.ok(trace.messages().every((m) => groups.findIndex((g) => g.includes(m.from)) === groups.findIndex((g) => g.includes(m.to))));
});

test("checkProtocol with partitionedNodes: Paxos keeps agreement under the clean split in every schedule; a quorum of n/2 does not", () => {
  assert.equal(quorumAgreementUnderSplit(3), true);
  assert.equal(quorumAgreementUnderSplit(2), false);
  const half = PARTITION_SIDES.half.map((g) => [...g]);
  const r = checkProtocol({ ...partitionedNodes(paxosNodes({ clients: 2, servers: 4, maxAttempts: 1 }), half), allowRandom: true, history: ["decide"],
    sometimes: { "someone decides": (v) => v.records("decide").length > 0 } });
  assert.equal(r.properties.find((p) => p.name === "someone decides")!.status, "violated");
});

test("nb07 checks accept the right answers and reject wrong ones without naming them", () => {
  assert.equal(nb07CheckOneWayPrediction("none").correct, true);
  assert.match(String(nb07CheckOneWayPrediction("A")), /the run above says otherwise/);
  assert.match(String(nb07CheckOneWayPrediction(undefined)), /not answered yet/);
  assert.equal(nb07CheckSmallestQuorum(3).correct, true);
  assert.match(String(nb07CheckSmallestQuorum(4)), /a smaller one is too/);
  assert.match(String(nb07CheckSmallestQuorum(2)), /different commands/);
  for (const v of [nb07CheckSmallestQuorum(4), nb07CheckSmallestQuorum(2)]) assert.doesNotMatch(String(v), /\b3\b/);
});
