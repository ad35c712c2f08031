// The "write the protocol" checks (exercise 4 of notebooks 01, 03, 04, 05): each accepts the right
// handler (as the hidden solution cells do) and rejects plausible wrong ones with the shortest
// counterexample drawn; a missing, malformed, throwing or random handler gets a clear message.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkHandlerExercise, nb01CheckSequenceServer, nb03CheckSerializer, nb04CheckLockOrder, nb05CheckAcceptor, clientServerNodes, runClientServer, type NodeHandlers } from "../../src";
import * as a from "./_protocol-answers";

const right = (r: { verdict: { correct: boolean }; chart: unknown; runs: number; states: number | null }, runs: number) => {
  assert.equal(r.verdict.correct, true, String(r));
  assert.equal(r.chart, null);
  assert.equal(r.runs, runs);
  assert.ok(r.states !== null && r.states > 1);
  assert.match(String(r), new RegExp(`^✔ correct \\(exercise 4\\): holds in all [\\d,]+ states \\(.*\\) and in ${runs} seeded runs`));
};
const wrong = (r: { verdict: { correct: boolean }; chart: unknown }, property: string) => {
  assert.equal(r.verdict.correct, false);
  assert.match(String(r), new RegExp(`^✘ not yet \\(exercise 4\\): .*"${property}" is violated\\. The diagram shows the shortest schedule`));
  assert.ok(r.chart !== null, "a counterexample comes with its diagram");
};

test("nb01CheckSequenceServer accepts the sequence-number server and rejects servers without dedup or without ACKs of copies", () => {
  right(nb01CheckSequenceServer(a.seqServer), 100);
  wrong(nb01CheckSequenceServer(a.noDedupServer), "each command executed at most once");
  wrong(nb01CheckSequenceServer(a.silentDedupServer), "the client never gives up");
});

test("nb03CheckSerializer accepts a stop-and-wait serializer and rejects one that forwards every command on arrival", () => {
  right(nb03CheckSerializer(a.stopAndWaitSerializer), 50);
  wrong(nb03CheckSerializer(a.eagerSerializer), "same order on every server");
  wrong(nb03CheckSerializer(a.lonelySerializer), "not stuck");
});

test("nb04CheckLockOrder accepts one global order and rejects rotated orders and a single client going backwards", () => {
  right(nb04CheckLockOrder(a.sameOrder), 50);
  right(nb04CheckLockOrder((_c, servers) => [...servers].reverse()), 50);
  wrong(nb04CheckLockOrder(a.rotatedOrder), "not stuck");
  wrong(nb04CheckLockOrder(a.oneBackwards), "not stuck");
});

test("nb05CheckAcceptor accepts the chapter's acceptor and rejects one that stores a proposal with a lower ticket", () => {
  right(nb05CheckAcceptor(a.paxosAcceptor), 100);
  wrong(nb05CheckAcceptor(a.lowerTicketAcceptor), "the servers execute at most one command");
});

test("an unanswered exercise says so, without running anything", () => {
  for (const r of [nb01CheckSequenceServer(undefined), nb03CheckSerializer(undefined), nb04CheckLockOrder(undefined), nb05CheckAcceptor(undefined)]) {
    assert.equal(r.verdict.correct, false);
    assert.match(String(r), /not answered yet: write your answer in the cell above/);
    assert.deepEqual([r.chart, r.states, r.runs], [null, null, 0]);
  }
});

test("a malformed, throwing or random handler gets the protocol's or the checker's message", () => {
  assert.match(String(nb01CheckSequenceServer({ onmessage() {} } as NodeHandlers)), /cannot be checked: server has an unknown option "onmessage"/);
  assert.match(String(nb04CheckLockOrder(() => ["s1"])), /cannot be checked: twoPhaseNodes: lockOrder\("u1", \["s1","s2","s3"\]\) must be an array with every server once/);
  const thrown = nb01CheckSequenceServer({ onMessage() { throw new Error("not written yet"); } });
  assert.match(String(thrown), /threw an error: checkProtocol: s1's onMessage\(.*\) threw: not written yet; schedule: 1\. u1 -> s1: cmd 0/);
  assert.ok(thrown.chart !== null, "the schedule that makes it throw is drawn");
  assert.match(String(nb01CheckSequenceServer({ onMessage(ctx, msg) { if (Math.random() < 2) ctx.send(msg.from, msg.payload); } })),
    /cannot be checked: .*s1 called Math\.random\(\)/);
});

test("checkHandlerExercise reports a seeded run that breaks what the check's budget could not", () => {
  // The check allows no fault at all, so a server that executes every copy passes it; the seeded runs lose messages.
  const r = checkHandlerExercise({
    exercise: "exercise 9", answer: a.noDedupServer, role: "your server",
    check: (s: NodeHandlers) => ({ ...clientServerNodes({ protocol: "seq", commands: 1, maxTransmissions: 2, server: s }), history: ["execute"],
      invariants: { once: (v) => v.records("execute").length <= 1 } }),
    budget: "no faults",
    simulate: { runs: 20, seed: 1, run: (s, seed) => {
      const run = runClientServer({ seed, protocol: "seq", server: s, commands: 10, lossRate: 0.4 });
      return { violation: run.duplicates > 0 ? `${run.duplicates} duplicate executions` : null, trace: run.trace };
    } },
    hint: "look again.", success: "fine.",
  });
  assert.equal(r.verdict.correct, false);
  assert.match(String(r), /Holds in all \d+ states \(no faults\), but seeded run \d+ \(seed "1\/run\/\d+", with more faults than the check's budget\) breaks it: \d+ duplicate executions/);
  assert.ok(r.chart !== null && r.runs >= 1);
});
