import { test } from "node:test";
import assert from "node:assert/strict";
import { coordinatorCrashBlocking, coordinatorCrashOutcomes, coordinatorCrashRuns } from "../../src/lessons/04-three-phase-commit";

test("coordinatorCrashRuns(options): the same crash blocks two-phase commit when it comes before the decision, and never blocks three-phase commit", () => {
  const runs = coordinatorCrashRuns({ seed: 7, runs: 120 });
  const two = runs.filter((r) => r.protocol === "2PC"), three = runs.filter((r) => r.protocol === "3PC");
  assert.equal(two.length, 120);
  assert.deepEqual(two.map((r) => r.crashMs), three.map((r) => r.crashMs)); // paired runs
  assert.equal(three.filter((r) => r.outcome === "blocked" || r.outcome === "inconsistent").length, 0);
  assert.equal(two.filter((r) => r.outcome === "inconsistent" || r.outcome === "aborted").length, 0);
  // A crash before the coordinator can have heard every vote (2 delays of at least 1 ms) always blocks 2PC
  // and ends in abort for 3PC; every blocked 2PC run held a lock until the recovery at 450 ms.
  for (const [a, b] of two.map((r, i) => [r, three[i]] as const)) {
    if (a.crashMs < 2) { assert.equal(a.outcome, "blocked"); assert.equal(b.outcome, "aborted"); }
    if (a.outcome === "blocked") assert.ok(a.longestLockMs >= 450 - a.crashMs - 9, JSON.stringify(a));
    if (a.outcome === "committed") assert.equal(b.outcome, "committed");
  }
  assert.ok(two.some((r) => r.outcome === "blocked") && two.some((r) => r.outcome === "committed"));
});

test("coordinatorCrashOutcomes(runs) gives shares that add up to 1 per protocol, and coordinatorCrashBlocking(runs, binMs) bins by crash moment", () => {
  const runs = coordinatorCrashRuns({ seed: 3, runs: 60 });
  const outcomes = coordinatorCrashOutcomes(runs);
  for (const protocol of ["2PC", "3PC"]) {
    const mine = outcomes.filter((o) => o.protocol === protocol);
    assert.equal(mine.length, 4);
    assert.ok(Math.abs(mine.reduce((a, o) => a + o.p, 0) - 1) < 1e-12);
    for (const o of mine) assert.ok(o.lo <= o.p && o.p <= o.hi);
  }
  const blocking = coordinatorCrashBlocking(runs, 10);
  assert.deepEqual(blocking.filter((b) => b.protocol === "3PC").map((b) => b.crashMs), [5, 15, 25]);
  assert.equal(blocking.reduce((a, b) => a + b.n, 0), runs.length);
  for (const b of blocking) assert.ok(b.lo <= b.lockMs && b.lockMs <= b.hi && b.lo >= 0);
});
