import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { runTwoPhaseCommit } from "../../src/protocols/two-phase-commit";
import { twoPhaseCommitSweep } from "../../src/lessons/04-two-phase-protocol";

test("runTwoPhaseCommit(options) commits when every vote is yes and aborts on one no", () => {
  const yes = runTwoPhaseCommit({ seed: 1, participants: 3 });
  assert.equal(yes.decision, "commit");
  assert.deepEqual(Object.values(yes.states), ["committed", "committed", "committed"]);
  const no = runTwoPhaseCommit({ seed: 1, votes: ["yes", "no", "yes"] });
  assert.equal(no.decision, "abort");
  assert.deepEqual(Object.values(no.states), ["aborted", "aborted", "aborted"]);
  assert.equal(no.lockHeldMs.s2, 0);
});

test("runTwoPhaseCommit(options) is atomic: no participant ends against the decision (property)", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 6 }), fc.double({ min: 0, max: 0.5, noNaN: true }),
    fc.option(fc.integer({ min: 0, max: 40 })), (seed, participants, noVoteRate, crashAt) => {
      const faults = crashAt === null ? [] : [{ at: crashAt, crash: "u1" }, { at: crashAt + 200, recover: "u1" }];
      const r = runTwoPhaseCommit({ seed, participants, noVoteRate, faults });
      assert.equal(r.atomic, true);
      assert.deepEqual(r.blocked, []);
    }), { numRuns: 100 });
});

test("runTwoPhaseCommit(options) blocks prepared participants, locks held, while the coordinator is down", () => {
  const blocked = runTwoPhaseCommit({ seed: 1, participants: 3, delayMs: 5, faults: [{ at: 1, crash: "u1" }], untilMs: 1000 });
  assert.equal(blocked.decision, "none");
  assert.deepEqual(blocked.blocked, ["s1", "s2", "s3"]);
  assert.equal(blocked.lockHeldMs.s1, 995);
  const recovered = runTwoPhaseCommit({ seed: 1, participants: 3, delayMs: 5, faults: [{ at: 1, crash: "u1" }, { at: 400, recover: "u1" }] });
  assert.equal(recovered.decision, "abort");
  assert.equal(recovered.lockHeldMs.s1, 400);
  assert.deepEqual(recovered.states, { s1: "aborted", s2: "aborted", s3: "aborted" });
});

test("runTwoPhaseCommit(options) reads states and votes from the records, also for a participant told to abort before it voted", () => {
  // s1 is down when prepare arrives; the coordinator u1 times out waiting for its vote and aborts.
  const r = runTwoPhaseCommit({ seed: 3, participants: 3, faults: [{ at: 0, crash: "s1" }, { at: 50, recover: "s1" }] });
  assert.equal(r.coordinator, "u1");
  assert.equal(r.decision, "abort");
  assert.deepEqual(r.votes, { s2: "yes", s3: "yes" });
  assert.deepEqual(r.states, { s1: "aborted", s2: "aborted", s3: "aborted" });
  assert.deepEqual(r.trace.records("abort").map((e) => e.node).sort(), ["s1", "s2", "s3"]);
  assert.equal(r.atomic, true);
});

test("twoPhaseCommitSweep(options) follows (1 - q)^n within 4 standard errors", () => {
  for (const row of twoPhaseCommitSweep({ seed: 2, runs: 500, participants: [1, 4, 10], noVoteRate: 0.1 })) {
    const se = Math.sqrt((row.closedForm * (1 - row.closedForm)) / row.n);
    assert.ok(Math.abs(row.p - row.closedForm) <= 4 * se, JSON.stringify(row));
    assert.equal(row.nonAtomicRuns, 0);
  }
});

test("runTwoPhaseCommit(options) names the bad parameter", () => {
  assert.throws(() => runTwoPhaseCommit({ seed: 1, participants: 2, votes: ["yes"] }), /votes must be an array of 2/);
  assert.throws(() => runTwoPhaseCommit({ seed: 1, crashCoordinatorAtMs: 5 } as never), /unknown option "crashCoordinatorAtMs"/);
  assert.throws(() => runTwoPhaseCommit({ seed: 1, faults: [{ at: 5, crash: "C" }] }), /faults\[0\]\.crash must be one of the known nodes "u1", "s1"/);
  assert.throws(() => runTwoPhaseCommit({ seed: 1, noVoteRate: 2 }), /noVoteRate must be a number in \[0, 1\]; got 2/);
});
