import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_LADDER_SCHEDULE, LADDER_PROPERTIES, LADDER_PROTOCOLS, ladderProperties, ladderRates, protocolLadder, randomLadderSchedule } from "../../src/properties/ladder";
import { nb05Exercise1, nb05Exercise2, nb05Exercise3 } from "../../src/lessons/checks/nb05";
import { fuzzPaxos } from "../../src/properties/consensus";
import { majorityUpProbability } from "../../src/protocols/quorum";

test("protocolLadder(options): the default replay shows each rung's typical failure and none for Paxos", () => {
  const rows = protocolLadder({ seed: "ladder-5" });
  assert.equal(rows.length, LADDER_PROTOCOLS.length * LADDER_PROPERTIES.length);
  const broken = (p: string) => rows.filter((r) => r.protocol === p && r.broken === 1).map((r) => r.property);
  assert.ok(broken("naive client-server").includes("lost command"));
  assert.ok(broken("client-server + ACKs").includes("duplicate execution"));
  assert.ok(broken("ACKs, 3 servers").includes("divergence"));
  assert.ok(broken("serializer").includes("blocking under a crash"));
  assert.ok(broken("two-phase").includes("blocking under a crash"));
  assert.ok(broken("naive tickets").includes("conflicting execution"));
  assert.deepEqual(broken("Paxos"), []);
  assert.deepEqual(protocolLadder({ seed: "ladder-5" }), rows);
});

test("ladderRates(options): Paxos never loses, duplicates, diverges or conflicts", () => {
  const rows = ladderRates({ seed: 42, replays: 30 });
  for (const r of rows) {
    assert.ok(r.broken >= 0 && r.broken <= 1);
    if (r.protocol === "Paxos" && ["lost command", "duplicate execution", "divergence", "conflicting execution"].includes(r.property)) assert.equal(r.broken, 0);
    if (r.protocol === "serializer" || r.protocol === "two-phase") if (r.property === "divergence") assert.equal(r.broken, 0);
  }
  assert.ok(rows.some((r) => r.protocol === "naive tickets" && r.property === "conflicting execution" && r.broken > 0));
});

test("ladderProperties(run, faultFree) judges logs the same way for every protocol", () => {
  const calm = { logs: { a: ["x", "y"], b: ["x", "y"] }, done: ["x", "y"], waiting: false };
  assert.ok(Object.values(ladderProperties(calm, calm)).every((v) => !v));
  const p = ladderProperties({ logs: { a: ["x", "y", "y"], b: ["y", "x"], c: ["z"] }, done: ["w"], waiting: true }, calm);
  assert.deepEqual(p, { "lost command": true, "duplicate execution": true, divergence: true, "blocking under a crash": true, "conflicting execution": true, "non-termination": false });
});

test("randomLadderSchedule(seed) and protocolLadder reject bad schedules", () => {
  assert.deepEqual(randomLadderSchedule("s"), randomLadderSchedule("s"));
  assert.throws(() => protocolLadder({ seed: 1, schedule: { lossRate: 2, meanDelayMs: 1, faults: [] } }), /lossRate must be a number in \[0, 1\]; got 2/);
  assert.throws(() => protocolLadder({ seed: 1, schedule: { lossRate: 0, meanDelayMs: 1, faults: [{ at: 1, crash: "x" }] } }), /schedule\.faults\[0\]\.crash must be one of the known nodes "u1", "s1"; got "x"/);
  assert.throws(() => protocolLadder({ seed: 1, schedule: { lossRate: 0, meanDelayMs: 1, crashes: [] } as never }), /unknown option "crashes"/);
});

test("ladder schedules are ordinary fault entries naming u1 and s1, replayed by every rung", () => {
  assert.deepEqual(DEFAULT_LADDER_SCHEDULE.faults, [{ at: 110, crash: "s1" }, { at: 120, crash: "u1" }]);
  for (let i = 0; i < 20; i++) {
    for (const f of randomLadderSchedule(`r/${i}`).faults) assert.ok("crash" in f && (f.crash === "u1" || f.crash === "s1"));
  }
  // Any verb works: a partition between u1 and s1 that heals, and a crash of s1 that recovers.
  const faults = [{ at: 20, partition: [["u1"], ["s1"]] }, { at: 200, heal: true as const }, { at: 250, crash: "s1" }, { at: 400, recover: "s1" }];
  const rows = protocolLadder({ seed: "ladder-5", schedule: { lossRate: 0.1, meanDelayMs: 10, faults } });
  assert.equal(rows.length, LADDER_PROTOCOLS.length * LADDER_PROPERTIES.length);
  for (const r of rows) if (r.protocol === "Paxos") assert.equal(r.broken, 0, r.property);
});

test("nb05 exercise checks accept the right answers and reject wrong ones", () => {
  assert.equal(nb05Exercise1(majorityUpProbability(7, 0.2)).correct, true);
  assert.equal(nb05Exercise1(Math.pow(0.8, 7)).correct, false);
  assert.equal(nb05Exercise1(undefined).correct, false);
  assert.equal(nb05Exercise2(5).correct, true);
  assert.equal(nb05Exercise2(4).correct, false);
  const rows = fuzzPaxos({ seed: 42, runs: 200, adopt: false });
  assert.equal(nb05Exercise3(rows.filter((r) => !r.safe).length / 200).correct, true);
  assert.equal(nb05Exercise3(0).correct, false);
  assert.ok(!String(nb05Exercise2(4)).includes("5"));
});

test("ladderMatrixChart(rows) draws the ladder with every label readable", async () => {
  const { ladderMatrixChart } = await import("../../src/charts/ladder-matrix");
  const spec = ladderMatrixChart(protocolLadder({ seed: "ladder-5" }), { format: "d" }).toSpec() as any;
  assert.equal(spec.layer.length, 2);
  assert.equal(spec.layer[0].encoding.x.axis.labelAngle, -30);
  assert.deepEqual(spec.layer[0].encoding.color.scale.domain, [0, 1]);
});
