import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { twoPhaseCommit } from "../../src/protocols/two-phase-commit";
import { twoPhaseCommitSweep } from "../../src/lessons/04-two-phase-protocol";

test("twoPhaseCommit(options) commits when every vote is yes and aborts on one no", () => {
  const yes = twoPhaseCommit({ seed: 1, participants: 3 });
  assert.equal(yes.decision, "commit");
  assert.deepEqual(Object.values(yes.states), ["committed", "committed", "committed"]);
  const no = twoPhaseCommit({ seed: 1, votes: ["yes", "no", "yes"] });
  assert.equal(no.decision, "abort");
  assert.deepEqual(Object.values(no.states), ["aborted", "aborted", "aborted"]);
  assert.equal(no.lockHeldMs.P2, 0);
});

test("twoPhaseCommit(options) is atomic: no participant ends against the decision (property)", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 6 }), fc.double({ min: 0, max: 0.5, noNaN: true }),
    fc.option(fc.integer({ min: 0, max: 40 })), (seed, participants, noVoteRate, crashAt) => {
      const r = twoPhaseCommit({ seed, participants, noVoteRate, crashCoordinatorAtMs: crashAt ?? undefined,
        recoverCoordinatorAtMs: crashAt === null ? undefined : crashAt + 200 });
      assert.equal(r.atomic, true);
      assert.deepEqual(r.blocked, []);
    }), { numRuns: 100 });
});

test("twoPhaseCommit(options) blocks prepared participants, locks held, while the coordinator is down", () => {
  const blocked = twoPhaseCommit({ seed: 1, participants: 3, delayMs: 5, crashCoordinatorAtMs: 1, untilMs: 1000 });
  assert.equal(blocked.decision, "none");
  assert.deepEqual(blocked.blocked, ["P1", "P2", "P3"]);
  assert.equal(blocked.lockHeldMs.P1, 995);
  const recovered = twoPhaseCommit({ seed: 1, participants: 3, delayMs: 5, crashCoordinatorAtMs: 1, recoverCoordinatorAtMs: 400 });
  assert.equal(recovered.decision, "abort");
  assert.equal(recovered.lockHeldMs.P1, 400);
});

test("twoPhaseCommitSweep(options) follows (1 - q)^n within 4 standard errors", () => {
  for (const row of twoPhaseCommitSweep({ seed: 2, runs: 500, participants: [1, 4, 10], noVoteRate: 0.1 })) {
    const se = Math.sqrt((row.closedForm * (1 - row.closedForm)) / row.n);
    assert.ok(Math.abs(row.p - row.closedForm) <= 4 * se, JSON.stringify(row));
    assert.equal(row.nonAtomicRuns, 0);
  }
});

test("twoPhaseCommit(options) names the bad parameter", () => {
  assert.throws(() => twoPhaseCommit({ seed: 1, participants: 2, votes: ["yes"] }), /votes must be an array of 2/);
  assert.throws(() => twoPhaseCommit({ seed: 1, recoverCoordinatorAtMs: 5 }), /recoverCoordinatorAtMs must be set only together/);
  assert.throws(() => twoPhaseCommit({ seed: 1, noVoteRate: 2 }), /noVoteRate must be a number in \[0, 1\]; got 2/);
});
