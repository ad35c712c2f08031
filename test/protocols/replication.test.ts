import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { exponential } from "../../src/random/distributions";
import { runAckReplication } from "../../src/protocols/ack-replication";
import { commandId, countDistinctLogs, logsDiverge } from "../../src/protocols/replica-logs";
import { runSerializer } from "../../src/protocols/serializer";
import {
  ackDivergenceProbability, divergenceSweep, staggeredDivergenceProbability, uniformDelayWithSd,
} from "../../src/lessons/03-state-replication";
import { distinctStatesRows, occupancyProbability, replicationCostSweep } from "../../src/lessons/03-state-replication";

test("runAckReplication(options) executes every command exactly once on every server", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }),
    (seed, clients, servers, commandsPerClient) => {
      const r = runAckReplication({ seed, clients, servers, commandsPerClient, lossRate: 0.1 });
      assert.equal(r.committed, clients * commandsPerClient);
      for (const s of r.servers) {
        assert.equal(r.logs[s].length, clients * commandsPerClient);
        assert.equal(new Set(r.logs[s]).size, r.logs[s].length);
      }
    }), { numRuns: 60 });
});

test("runAckReplication(options) with one client never diverges", () => {
  for (let seed = 0; seed < 50; seed++) assert.equal(runAckReplication({ seed, clients: 1, servers: 4, commandsPerClient: 3 }).diverged, false);
});

test("runAckReplication(options) gives the same trace for the same seed", () => {
  const a = runAckReplication({ seed: "x", clients: 3, servers: 3, commandsPerClient: 2 });
  const b = runAckReplication({ seed: "x", clients: 3, servers: 3, commandsPerClient: 2 });
  assert.equal(a.trace.hash(), b.trace.hash());
});

test("runAckReplication(options) diverges as often as 1 - (k!)^(1-n), within 4 standard errors", () => {
  for (const [k, n] of [[2, 2], [2, 3], [3, 2]]) {
    const rows = divergenceSweep({ seed: 7, runs: 1000, clients: k, servers: n, delaySdMs: 10 });
    const p = ackDivergenceProbability(k, n);
    const se = Math.sqrt((p * (1 - p)) / 1000);
    assert.ok(Math.abs(rows[0].p - p) <= 4 * se, `k=${k} n=${n}: ${rows[0].p} vs ${p}`);
  }
});

test("staggeredDivergenceProbability(n, gap, sd) matches the simulation within 4 standard errors", () => {
  const rows = divergenceSweep({ seed: 3, runs: 1000, clients: 2, servers: 3, clientGapMs: 5, delaySdMs: [0, 4, 8] });
  for (const r of rows) {
    const p = staggeredDivergenceProbability(3, 5, r.delaySdMs);
    const se = Math.max(Math.sqrt((p * (1 - p)) / 1000), 1e-3);
    assert.ok(Math.abs(r.p - p) <= 4 * se, `sd=${r.delaySdMs}: ${r.p} vs ${p}`);
  }
  assert.equal(staggeredDivergenceProbability(3, 5, 0), 0);
  assert.equal(staggeredDivergenceProbability(3, 0, 5), 0.75);
});

test("runSerializer(options) never diverges and commits every command (property)", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.boolean(),
    (seed, clients, servers, commandsPerClient, lossy) => {
      const r = runSerializer({ seed, clients, servers, commandsPerClient, lossRate: lossy ? 0.2 : 0, delayMs: exponential(10) });
      assert.equal(r.diverged, false);
      assert.equal(r.distinctStates, 1);
      assert.equal(r.committed, clients * commandsPerClient);
      for (const s of r.servers) assert.equal(r.logs[s].length, clients * commandsPerClient);
    }), { numRuns: 60 });
});

test("runSerializer(options) stalls while s1 is down and resumes after recovery", () => {
  const r = runSerializer({ seed: 1, clients: 3, servers: 3, commandsPerClient: 1000, delayMs: 10, untilMs: 900,
    faults: [{ at: 300, crash: "s1" }, { at: 600, recover: "s1" }] });
  const commits = r.trace.rows().filter((row) => row.kind === "record" && row.label === "commit").map((row) => row.t);
  assert.equal(commits.filter((t) => t > 300 && t < 600).length, 0);
  assert.ok(commits.some((t) => t >= 600));
  assert.equal(r.diverged, false);
});

test("replicationCostSweep(options) matches the constant-delay closed forms within 3%", () => {
  for (const row of replicationCostSweep({ seed: 1, clients: [1, 2, 4, 6], delayMs: 10, durationMs: 4000 })) {
    assert.ok(Math.abs(row.latencyMs - row.latencyClosedFormMs) <= 0.03 * row.latencyClosedFormMs, JSON.stringify(row));
    assert.ok(Math.abs(row.throughputPerS - row.throughputClosedFormPerS) <= 0.03 * row.throughputClosedFormPerS, JSON.stringify(row));
  }
});

test("runAckReplication(options) and runSerializer(options) read every result field from the trace's records", () => {
  for (const run of [runAckReplication, runSerializer]) {
    const r = run({ seed: 5, clients: 3, servers: 3, commandsPerClient: 2, lossRate: 0.1 });
    const executes = r.trace.records<{ id: string }>("execute");
    for (const s of r.servers) assert.deepEqual(r.logs[s], executes.filter((e) => e.node === s).map((e) => e.detail.id));
    const commits = r.trace.records<{ id: string }>("commit");
    assert.equal(r.committed, commits.length);
    assert.equal(r.lastCommitMs, commits[commits.length - 1].t);
    const issued = new Map(r.trace.records<{ id: string }>("issue").map((e) => [e.detail.id, e.t]));
    assert.deepEqual(r.latenciesMs, commits.map((c) => c.t - issued.get(c.detail.id)!));
  }
});

test("runAckReplication(options) names clients u1.., servers s1.. and commands c1..: u1 owns c1..cm", () => {
  const r = runAckReplication({ seed: 1, clients: 2, servers: 2, commandsPerClient: 2 });
  assert.deepEqual([r.clients, r.servers], [["u1", "u2"], ["s1", "s2"]]);
  const byClient = (c: string) => r.trace.records<{ id: string }>("issue").filter((e) => e.node === c).map((e) => e.detail.id);
  assert.deepEqual([byClient("u1"), byClient("u2")], [["c1", "c2"], ["c3", "c4"]]);
  assert.equal(commandId(1, 2, 2), "c4");
});

test("logsDiverge(logs) and countDistinctLogs(logs) treat prefixes as consistent", () => {
  assert.equal(logsDiverge([["c1", "c2"], ["c1"]]), false);
  assert.equal(logsDiverge([["c1", "c2"], ["c2", "c1"]]), true);
  assert.equal(countDistinctLogs([["c1"], ["c1"], ["c2"]]), 2);
});

test("runAckReplication(options) names the bad parameter", () => {
  assert.throws(() => runAckReplication({ seed: 1, clients: 0 }), /clients must be an integer in \[1, 1000\]; got 0/);
  assert.throws(() => runAckReplication({ seed: 1, lossRate: 1.5 }), /lossRate must be a number in \[0, 1\]; got 1.5/);
  assert.throws(() => runAckReplication({ seed: 1, timeoutMS: 3 } as never), /unknown option "timeoutMS"/);
  assert.throws(() => uniformDelayWithSd(10, 7), /sdMs must be a number in \[0, 5.774\]/);
});

test("distinctStatesRows(options) has a row for every count of distinct states from 1 to n, with 0 for counts no run had", () => {
  const { rows } = distinctStatesRows({ seed: 42, runs: 30, clients: 3, servers: 5 });
  assert.deepEqual(rows.map((r) => r.outcome), ["1", "2", "3", "4", "5"]);
  assert.equal(rows.reduce((a, r) => a + r.count, 0), 30);
  for (const r of rows) assert.equal(r.n, 30);
  assert.deepEqual(rows.map((r) => r.exact), [1, 2, 3, 4, 5].map((j) => occupancyProbability(5, 6, j)));
});

test("occupancyProbability(n, m, j) is a distribution over j whose mean is m (1 - (1 - 1/m)^n)", () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 24 }), (n, m) => {
    const p = Array.from({ length: n + 2 }, (_, j) => occupancyProbability(n, m, j));
    assert.equal(p[0], 0);
    assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    assert.ok(Math.abs(p.reduce((a, b, j) => a + j * b, 0) - m * (1 - Math.pow(1 - 1 / m, n))) < 1e-9);
  }));
  assert.equal(occupancyProbability(5, 6, 1), 6 / 6 ** 5); // all five servers pick the same one of 6 orders
});
