import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { exponential } from "../../src/random/distributions";
import { runTwoPhase, type TwoPhaseResult } from "../../src/protocols/two-phase";
import { twoPhaseAvailabilitySweep, twoPhaseContentionSweep, twoPhaseDeadlock, twoPhaseLivelock } from "../../src/lessons/04-two-phase-protocol";
import { twoPhaseInvariants } from "../../src/properties/two-phase-invariants";

/** One holder per lock, at most one client holding all locks, execution only under the sender's lock. */
function checkLockInvariants(r: TwoPhaseResult): void {
  const report = twoPhaseInvariants(r);
  assert.deepEqual([report.doubleGrants, report.executionsWithoutLock], [0, 0], JSON.stringify(report));
  assert.ok(report.maxClientsHoldingAllLocks <= 1, JSON.stringify(report));
}

test("runTwoPhase(options) keeps its invariants: one lock holder, execution under the lock, every committed command once on every server (property)", () => {
  fc.assert(fc.property(
    fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }),
    fc.constantFrom("fixed" as const, "random" as const), fc.constantFrom("refuse" as const, "wait" as const),
    (seed, clients, servers, commandsPerClient, backoff, onConflict) => {
      const r = runTwoPhase({ seed, clients, servers, commandsPerClient, backoff, onConflict, delayMs: exponential(5), lockTimeoutMs: onConflict === "wait" ? 60 : undefined, untilMs: 60000 });
      checkLockInvariants(r);
      assert.equal(r.outcome, "done");
      assert.equal(r.diverged, false);
      for (const s of r.servers) {
        assert.equal(r.logs[s].length, r.committed);
        assert.equal(new Set(r.logs[s]).size, r.committed);
      }
      assert.equal(r.distinctStates, 1);
    }), { numRuns: 80 });
});

test("runTwoPhase(options) keeps the invariants when a server crashes and recovers", () => {
  for (let seed = 0; seed < 20; seed++) {
    const r = runTwoPhase({ seed, clients: 3, servers: 3, commandsPerClient: 3, lockTimeoutMs: 40, untilMs: 20000,
      faults: [{ at: 30 + seed, crash: "s2" }, { at: 300, recover: "s2" }] });
    checkLockInvariants(r);
    assert.equal(r.outcome, "done", `seed ${seed}`);
    assert.equal(r.distinctStates, 1);
  }
});

test("runTwoPhase(options) commits nothing while a server is down", () => {
  const r = runTwoPhase({ seed: 2, clients: 2, servers: 3, commandsPerClient: 50, lockTimeoutMs: 40, untilMs: 800,
    faults: [{ at: 200, crash: "s3" }, { at: 500, recover: "s3" }] });
  const commits = r.trace.records("commit").map((row) => row.t);
  assert.equal(commits.filter((t) => t > 230 && t < 500).length, 0); // a command already in phase 2 may finish just after the crash
  assert.ok(commits.some((t) => t > 500));
});

test("runTwoPhase(options) reads attempts, commits and waits from the trace's records", () => {
  const r = runTwoPhase({ seed: 4, clients: 3, servers: 3, commandsPerClient: 2, lockTimeoutMs: 40 });
  assert.equal(r.attempts, r.trace.records("attempt").length);
  const commits = r.trace.records<{ id: string; attempts: number }>("commit");
  assert.equal(r.committed, commits.length);
  assert.equal(commits.reduce((a, c) => a + c.detail.attempts, 0), r.attempts);
  const issued = new Map(r.trace.records<{ id: string }>("issue").map((e) => [e.detail.id, e.t]));
  assert.deepEqual(r.waitsMs, commits.map((c) => c.t - issued.get(c.detail.id)!));
  assert.equal(r.lastCommitMs, commits[commits.length - 1].t);
  for (const s of r.servers) assert.deepEqual(r.logs[s], r.trace.records<{ id: string }>("execute").filter((e) => e.node === s).map((e) => e.detail.id));
});

test("twoPhaseLivelock({ backoff: 'fixed' }) never commits; randomized backoff does", () => {
  const fixed = twoPhaseLivelock({ seed: 1, backoff: "fixed", untilMs: 2000 });
  assert.equal(fixed.committed, 0);
  assert.equal(fixed.outcome, "running");
  assert.ok(fixed.attempts > 50);
  for (let seed = 0; seed < 10; seed++) assert.equal(twoPhaseLivelock({ seed, backoff: "random", untilMs: 2000 }).outcome, "done");
});

test("twoPhaseDeadlock({ lockOrder: 'rotated' }) gets stuck; the same order does not", () => {
  const dead = twoPhaseDeadlock({ seed: 1, lockOrder: "rotated" });
  assert.equal(dead.outcome, "stuck");
  assert.equal(dead.committed, 0);
  for (let seed = 0; seed < 10; seed++) assert.equal(twoPhaseDeadlock({ seed, lockOrder: "same", clients: 3, servers: 3 }).outcome, "done");
});

test("twoPhaseContentionSweep(options) gives exactly one attempt per command for one client, more for several", () => {
  const rows = twoPhaseContentionSweep({ seed: 1, runs: 10, clients: [1, 4], backoffs: ["random"], commandsPerClient: 2 });
  assert.equal(rows[0].attemptsPerCommit, 1);
  assert.ok(rows[1].attemptsPerCommit > 1.5);
  assert.ok(rows[1].waitMs > rows[0].waitMs);
});

test("twoPhaseAvailabilitySweep(options) follows (1 - p)^n within 4 standard errors", () => {
  for (const row of twoPhaseAvailabilitySweep({ seed: 5, runs: 400, servers: [1, 5, 10], downProbability: 0.1 })) {
    const se = Math.sqrt((row.closedForm * (1 - row.closedForm)) / row.n);
    assert.ok(Math.abs(row.p - row.closedForm) <= 4 * se, JSON.stringify(row));
  }
});

test("runTwoPhase(options) names the bad parameter", () => {
  assert.throws(() => runTwoPhase({ seed: 1, backoff: "none" as never }), /backoff must be one of "fixed", "random"; got "none"/);
  assert.throws(() => runTwoPhase({ seed: 1, servers: 0 }), /servers must be an integer/);
  assert.throws(() => runTwoPhase({ seed: 1, lockTimeoutMs: -1 }), /lockTimeoutMs must be a finite number > 0; got -1/);
});

test("twoPhaseInvariants(result) passes on normal runs and catches a forged double grant", () => {
  const r = runTwoPhase({ seed: 3, clients: 4, servers: 3, commandsPerClient: 2 });
  assert.equal(twoPhaseInvariants(r).ok, true);
  const forged = { ...r, logs: { ...r.logs, s1: [...r.logs.s1, r.logs.s1[0]] } };
  assert.equal(twoPhaseInvariants(forged).everyCommitOnceEverywhere, false);
  const extra = [["lock", { client: "u1", attempt: 99 }], ["lock", { client: "u2", attempt: 99 }], ["execute", { id: "c9", client: "u3" }]] as const;
  const records = (...kinds: string[]) => [...r.trace.records(...kinds),
    ...extra.filter(([k]) => kinds.includes(k)).map(([kind, detail], i) => ({ seq: 1e9 + i, t: 1e9, node: "s1", kind, detail }))];
  const report = twoPhaseInvariants({ ...r, trace: { records } as unknown as TwoPhaseResult["trace"] });
  assert.deepEqual([report.doubleGrants, report.executionsWithoutLock, report.ok], [1, 1, false]);
});
