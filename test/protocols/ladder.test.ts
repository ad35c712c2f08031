import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_LADDER_SCHEDULE, LADDER_PROPERTIES, LADDER_PROTOCOLS, ladderProperties, ladderRates, protocolLadder, randomLadderSchedule } from "../../src/properties/ladder";
import { runLadderProtocol, type LadderRun } from "../../src/properties/ladder-adapters";
import { NO_OP } from "../../src/protocols/multi-paxos-records";
import { exponential } from "../../src/random/distributions";
import { nb05Exercise1, nb05Exercise2, nb05Exercise3 } from "../../src/lessons/checks/nb05";
import { fuzzPaxos } from "../../src/properties/consensus";
import { majorityUpProbability } from "../../src/protocols/quorum";

test("protocolLadder(options): the default replay shows each rung's typical failure and none for multi-Paxos", () => {
  const rows = protocolLadder({ seed: "ladder-5" });
  assert.equal(rows.length, LADDER_PROTOCOLS.length * LADDER_PROPERTIES.length);
  const broken = (p: string) => rows.filter((r) => r.protocol === p && r.broken === 1).map((r) => r.property);
  assert.ok(broken("naive client-server").includes("lost command"));
  assert.ok(broken("client-server + ACKs").includes("duplicate execution"));
  assert.ok(broken("ACKs, 3 servers").includes("divergence"));
  assert.ok(broken("serializer").includes("blocking under a crash"));
  assert.ok(broken("two-phase").includes("blocking under a crash"));
  assert.ok(broken("naive tickets").includes("conflicting execution"));
  assert.deepEqual(broken("multi-Paxos"), []);
  assert.deepEqual(protocolLadder({ seed: "ladder-5" }), rows);
});

// The same job on every 3-server rung: two clients, one command each, both to be executed.
const calmRun = (seed: string): LadderRun => ({ seed, untilMs: 3000, delayMs: exponential(10), lossRate: 0, faults: [] });

test("every 3-server rung is asked to execute both clients' commands, and done means the client's own command", () => {
  for (const protocol of ["ACKs, 3 servers", "serializer", "two-phase", "multi-Paxos"] as const) {
    const v = runLadderProtocol(protocol, calmRun("same-job"));
    assert.deepEqual([...v.done].sort(), ["c1", "c2"], protocol);
    for (const [server, log] of Object.entries(v.logs)) assert.deepEqual([...log].sort(), ["c1", "c2"], `${protocol} ${server}`);
    assert.equal(v.waiting, false, protocol);
  }
  // A naive-ticket client never adopts: each client is done with its own command, and one instance
  // holds one command per server, so a command some client was told is done is missing somewhere.
  const naive = runLadderProtocol("naive tickets", calmRun("same-job"));
  assert.deepEqual([...naive.done].sort(), ["c1", "c2"]);
  const executed = Object.values(naive.logs).flat();
  assert.ok(Object.values(naive.logs).every((log) => log.length <= 1));
  assert.ok(!["c1", "c2"].every((c) => Object.values(naive.logs).every((log) => log.includes(c))), executed.join(" "));
});

test("the multi-Paxos rung is judged from its executions: without adoption the same seeds conflict", () => {
  // A new leader that ignores what is stored (adopt: false) fills a slot another leader chose with a
  // no-op, when the first leader crashes right after choosing and an execute message was lost.
  const ignore = () => NO_OP;
  const crashAt = (i: number) => 25 + (i % 30);
  const conflicting: number[] = [];
  for (let i = 0; i < 60; i++) {
    const run: LadderRun = { seed: `no-adopt/${i}`, untilMs: 3000, delayMs: exponential(10), lossRate: 0.2, faults: [{ at: crashAt(i), crash: "s1" }] };
    const good = runLadderProtocol("multi-Paxos", run);
    const goodProps = ladderProperties(good, good);
    assert.equal(goodProps["conflicting execution"] || goodProps.divergence || goodProps["lost command"] || goodProps["duplicate execution"], false, run.seed as string);
    const bad = runLadderProtocol("multi-Paxos", { ...run, chooseStored: ignore });
    if (ladderProperties(bad, bad)["conflicting execution"]) conflicting.push(i);
  }
  assert.ok(conflicting.length >= 3, `${conflicting.length} of 60 runs without adoption executed conflicting commands`);
  // protocolLadder's adopt: false is that rule: the first such seed breaks the multi-Paxos row, and only it.
  const i = conflicting[0];
  const schedule = { lossRate: 0.2, meanDelayMs: 10, faults: [{ at: crashAt(i), crash: "s1" }] };
  const withRule = protocolLadder({ seed: `no-adopt/${i}`, schedule }), without = protocolLadder({ seed: `no-adopt/${i}`, schedule, adopt: false });
  const cell = (rows: typeof withRule) => rows.find((r) => r.protocol === "multi-Paxos" && r.property === "conflicting execution")!.broken;
  assert.equal(cell(withRule), 0);
  assert.equal(cell(without), 1);
  for (const [k, r] of withRule.entries()) if (r.protocol !== "multi-Paxos") assert.deepEqual(without[k], r);
});

test("ladderRates(options): multi-Paxos never loses, duplicates, diverges or conflicts", () => {
  const rows = ladderRates({ seed: 42, replays: 30 });
  for (const r of rows) {
    assert.ok(r.broken >= 0 && r.broken <= 1);
    assert.ok(r.lo <= r.broken && r.broken <= r.hi && r.n === 30 && r.broken === r.count / r.n);
    if (r.protocol === "multi-Paxos" && ["lost command", "duplicate execution", "divergence", "conflicting execution"].includes(r.property)) assert.equal(r.broken, 0);
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
  for (const r of rows) if (r.protocol === "multi-Paxos") assert.equal(r.broken, 0, r.property);
});

test("nb05 exercise checks accept the right answers and reject wrong ones", () => {
  assert.equal(nb05Exercise1(majorityUpProbability(7, 0.2)).correct, true);
  assert.equal(nb05Exercise1(Math.pow(0.8, 7)).correct, false);
  assert.equal(nb05Exercise1(undefined).correct, false);
  assert.equal(nb05Exercise2(5).correct, true);
  assert.equal(nb05Exercise2(4).correct, false);
  const three = fuzzPaxos({ seed: 42, runs: 200, adopt: false }).filter((r) => r.clients === 3);
  assert.equal(nb05Exercise3(three.filter((r) => !r.safe).length / three.length).correct, true);
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
