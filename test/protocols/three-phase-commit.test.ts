import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { runThreePhaseCommit, threePhaseCommitNodes } from "../../src/protocols/three-phase-commit";
import { terminationDecision } from "../../src/protocols/three-phase-commit-participant";
import type { ThreePhaseState } from "../../src/protocols/three-phase-commit-nodes";
import { twoPhaseCommitNodes } from "../../src/protocols/two-phase-commit";
import { checkProtocol } from "../../src/check/check-protocol";
import type { ProtocolView } from "../../src/check/protocol-view";
import { uniform } from "../../src/random/distributions";

const names = (n: number) => Array.from({ length: n }, (_, i) => `s${i + 1}`);
const statesOf = (v: ProtocolView, n: number) => names(n).map((s) => v.nodes[s].persistent.state as string);
/** Nobody committed while somebody (the coordinator included) aborted. */
const atomicIn = (n: number) => (v: ProtocolView) => {
  const s = statesOf(v, n), d = v.nodes.u1.persistent.decision;
  return !((s.includes("committed") || d === "commit") && (s.includes("aborted") || d === "abort"));
};
/** Every participant that is up has decided. */
const decidedIn = (n: number) => (v: ProtocolView) => names(n).every((s) => !v.nodes[s].up || ["committed", "aborted"].includes(v.nodes[s].persistent.state));

test("runThreePhaseCommit(options) commits when every vote is yes and aborts on one no", () => {
  const yes = runThreePhaseCommit({ seed: 1, participants: 3 });
  assert.equal(yes.decision, "commit");
  assert.deepEqual(yes.states, { s1: "committed", s2: "committed", s3: "committed" });
  assert.deepEqual(yes.terminated, []);
  // prepare, vote, pre-commit, acknowledge: four 5 ms delays before the commit leaves u1, one more to arrive
  assert.equal(yes.lockHeldMs.s1, 4 * 5);
  const no = runThreePhaseCommit({ seed: 1, votes: ["yes", "no", "yes"] });
  assert.equal(no.decision, "abort");
  assert.deepEqual(no.states, { s1: "aborted", s2: "aborted", s3: "aborted" });
  assert.equal(no.trace.records("precommit").length, 0);
});

test("terminationDecision(states): any committed or precommitted commits unless one aborted; all uncertain aborts", () => {
  const cases: [ThreePhaseState[], "commit" | "abort"][] = [
    [["uncertain", "uncertain"], "abort"], [["uncertain", "precommitted"], "commit"], [["idle", "uncertain"], "abort"],
    [["aborted", "uncertain"], "abort"], [["committed", "uncertain"], "commit"], [["precommitted"], "commit"],
  ];
  for (const [states, decision] of cases) assert.equal(terminationDecision(states), decision, states.join(","));
});

test("runThreePhaseCommit(options) after a coordinator crash: the participants elect s1, decide without it, and do not wait for its recovery", () => {
  // delays 5 ms: votes reach u1 at 10, pre-commit reaches the participants at 15
  const early = runThreePhaseCommit({ seed: 1, faults: [{ at: 8, crash: "u1" }], untilMs: 1000 });
  assert.deepEqual(early.states, { s1: "aborted", s2: "aborted", s3: "aborted" });
  assert.deepEqual(early.elected.map((e) => [e.node, e.decision]), [["s1", "abort"]]);
  const late = runThreePhaseCommit({ seed: 1, faults: [{ at: 12, crash: "u1" }], untilMs: 1000 });
  assert.deepEqual(late.states, { s1: "committed", s2: "committed", s3: "committed" });
  assert.deepEqual(late.elected.map((e) => [e.node, e.decision]), [["s1", "commit"]]);
  assert.deepEqual(late.blocked, []);
  assert.ok(Math.max(...Object.values(late.lockHeldMs)) < 200, JSON.stringify(late.lockHeldMs));
});

test("runThreePhaseCommit(options) elects the next participant when s1 is down too", () => {
  const r = runThreePhaseCommit({ seed: 1, faults: [{ at: 12, crash: "u1" }, { at: 12, crash: "s1" }], untilMs: 1000 });
  assert.deepEqual(r.elected.map((e) => e.node), ["s2"]);
  assert.deepEqual([r.states.s2, r.states.s3], ["committed", "committed"]);
  assert.equal(r.atomic, true);
});

test("runThreePhaseCommit(options) is atomic under crashes and recoveries with delays below the timeout (property)", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 5 }), fc.double({ min: 0, max: 0.3, noNaN: true }),
    fc.array(fc.record({ at: fc.integer({ min: 0, max: 300 }), node: fc.integer({ min: 0, max: 5 }), recover: fc.boolean() }), { maxLength: 4 }),
    (seed, participants, noVoteRate, events) => {
      const all = ["u1", ...names(participants)];
      const faults = events.map((e) => (e.recover ? { at: e.at, recover: all[e.node % all.length] } : { at: e.at, crash: all[e.node % all.length] }));
      const r = runThreePhaseCommit({ seed, participants, noVoteRate, delayMs: uniform(0, 20), faults, untilMs: 3000 });
      assert.equal(r.atomic, true, JSON.stringify(r.states));
    }), { numRuns: 200 });
});

test("runThreePhaseCommit(options) never blocks after one coordinator crash at any moment (property)", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 5 }), fc.double({ min: 0, max: 60, noNaN: true }), (seed, participants, at) => {
    const r = runThreePhaseCommit({ seed, participants, delayMs: uniform(1, 9), faults: [{ at, crash: "u1" }], untilMs: 1000 });
    assert.deepEqual(r.blocked, [], `crash at ${at}`);
    assert.equal(r.atomic, true);
  }), { numRuns: 200 });
});

test("runThreePhaseCommit(options): a partition that cuts s1 off after the votes makes s1 abort while the others commit", () => {
  const r = runThreePhaseCommit({ seed: 1, faults: [{ at: 12, partition: [["u1", "s2", "s3"], ["s1"]] }, { at: 400, heal: true }], untilMs: 1000 });
  assert.deepEqual(r.states, { s1: "aborted", s2: "committed", s3: "committed" });
  assert.equal(r.decision, "commit");
  assert.equal(r.atomic, false);
  assert.deepEqual(r.elected.map((e) => [e.node, e.decision]), [["s1", "abort"]]);
});

test("runThreePhaseCommit(options): a coordinator slow enough that its answers miss the participants' timeout is taken for crashed, and the transaction aborts (atomically)", () => {
  // every message waits 2 ms / speed before u1 handles it: 2 / 0.02 = 100 ms, more than a probe's 50 ms timeout
  const slow = runThreePhaseCommit({ seed: 1, processingMs: 2, speeds: { u1: 0.02 } });
  assert.deepEqual(slow.states, { s1: "aborted", s2: "aborted", s3: "aborted" });
  assert.equal(slow.decision, "abort");
  assert.deepEqual(slow.terminated, ["s1", "s2", "s3"]);
  assert.equal(slow.trace.records("crash").length, 0);
  // twice as fast (50 ms a message) its pre-commit still arrives before anybody suspects it
  const lessSlow = runThreePhaseCommit({ seed: 1, processingMs: 2, speeds: { u1: 0.04 } });
  assert.equal(lessSlow.decision, "commit");
  assert.deepEqual(lessSlow.terminated, []);
});

test("checkProtocol(threePhaseCommitNodes): atomic and never stuck with one crash of any node", () => {
  const r = checkProtocol({ ...threePhaseCommitNodes({ votes: ["yes", "yes"] }), faults: { crashes: 1 }, invariants: { atomic: atomicIn(2) }, done: decidedIn(2) });
  assert.equal(r.verdict, "holds", JSON.stringify(r.counterexample?.schedule));
  assert.ok(r.distinctStates > 100);
});

test("checkProtocol(threePhaseCommitNodes): two lost messages between u1 and s1 break atomicity (s1 aborts, u1 commits)", () => {
  const r = checkProtocol({ ...threePhaseCommitNodes({ votes: ["yes", "yes"] }), faults: { drops: 2 }, invariants: { atomic: atomicIn(2) } });
  assert.equal(r.verdict, "violated");
  const ce = r.counterexample!;
  assert.equal(ce.property, "atomic");
  const drops = ce.schedule.filter((s) => s.startsWith("drop"));
  assert.equal(drops.length, 2);
  for (const d of drops) assert.match(d, /u1 -> s1|s1 -> u1/);
  assert.deepEqual(ce.trace.records("abort").map((e) => e.node), ["s1"]);
  assert.deepEqual(ce.trace.records("decide").map((e) => [e.node, (e.detail as { decision: string }).decision]), [["u1", "commit"]]);
});

test("checkProtocol(twoPhaseCommitNodes): atomic, but a coordinator crash leaves a participant stuck", () => {
  const r = checkProtocol({ ...twoPhaseCommitNodes({ votes: ["yes", "yes"] }), faults: { crashes: 1, crashable: ["u1"] },
    invariants: { atomic: atomicIn(2) }, done: decidedIn(2), stopAtViolation: false });
  assert.equal(r.verdict, "violated");
  assert.equal(r.properties.find((p) => p.name === "atomic")?.status, "holds");
  assert.equal(r.counterexample?.property, "not stuck");
});

test("runThreePhaseCommit(options) and threePhaseCommitNodes(options) name the bad parameter", () => {
  assert.throws(() => runThreePhaseCommit({ seed: 1, participants: 2, votes: ["yes"] }), /votes must be an array of 2/);
  assert.throws(() => runThreePhaseCommit({ seed: 1, timeoutMs: 0 }), /timeoutMs must be a finite number > 0; got 0/);
  assert.throws(() => threePhaseCommitNodes({ ackTimeoutMs: -1 }), /threePhaseCommitNodes: ackTimeoutMs/);
  assert.throws(() => threePhaseCommitNodes({ seed: 1 } as never), /unknown option "seed"/);
});
