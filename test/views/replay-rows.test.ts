import { test } from "node:test";
import assert from "node:assert/strict";
import { replayRows } from "../../src/views/replay-rows";
import { REPLAY_MAX_STEPS } from "../../src/charts/replay";
import { findRunSeed } from "../../src/stats/seed-search";
import { runClientServer } from "../../src/protocols/client-server";
import { clientServerState, paxosState } from "../../src/lessons/replay-states";
import { runPaxos } from "../../src/protocols/paxos";
import { everyFateTrace } from "./_worlds";

/** Notebook 01's lost-ACK run: 3 commands, loss 0.2, the first seed with one duplicate execution and no lost command. */
function lostAckTrace() {
  const small = { protocol: "ack" as const, lossRate: 0.2, commands: 3, delayMs: 10, timeoutMs: 50 };
  return findRunSeed({ seed: 42, run: (seed) => runClientServer({ ...small, seed }), where: (r) => r.duplicates === 1 && r.lost.cmd === 0 }).result.trace;
}

test("replayRows(trace) makes one captioned step per send, delivery, drop and record, numbered from 1 (notebook 01's lost ACK, seed 42)", () => {
  const rows = replayRows(lostAckTrace(), { state: clientServerState, timers: true });
  assert.deepEqual(rows.nodes, ["u1", "s1"]);
  assert.equal(rows.steps.length, 21);
  assert.deepEqual(rows.steps.map((s) => s.step), rows.steps.map((_, i) => i + 1));
  assert.deepEqual(rows.steps.slice(0, 5).map((s) => s.text), ["u1 sends cmd 0 to s1", "s1 receives cmd 0 from u1", "s1: execute(0)", "s1 sends ack 0 to u1", "u1 receives ack 0 from s1"]);
  const lost = rows.steps.find((s) => /is lost/.test(s.text))!;
  assert.equal(lost.text, "ack 2 from s1 to u1 is lost");
  assert.equal(rows.steps[lost.step].text, "u1's timer fires (timeout)");
  const ack2 = rows.messages.find((m) => m.fate === "lost")!;
  assert.deepEqual([ack2.sendStep, ack2.endStep, ack2.kind, ack2.label], [14, lost.step, "ack", "ack 2"]);
  assert.ok(rows.messages.every((m) => m.endStep !== null && m.endStep > m.sendStep));
  assert.equal(rows.marks.length, 4);
});

test("replayRows(trace, { state }) keeps each node's state lines as segments of steps, a changed line flagged", () => {
  const rows = replayRows(lostAckTrace(), { state: clientServerState });
  const at = (node: string, step: number) => rows.states.filter((s) => s.node === node && s.fromStep <= step && (s.toStep === null || step < s.toStep)).sort((a, b) => a.line - b.line).map((s) => s.text);
  assert.deepEqual(at("s1", 1), ["executed —"]);
  assert.deepEqual(at("s1", 3), ["executed 0"]);
  const last = rows.steps.length;
  assert.deepEqual(at("s1", last), ["executed 0, 1, 2, 2"]);
  assert.deepEqual(at("u1", last), ["cmd 2: 2 copies sent", "acked 0, 1, 2"]);
  // Segments of one line of one node never overlap, and every segment but the first of a line is a change.
  for (const s of rows.states) assert.ok(s.toStep === null || s.toStep > s.fromStep || s.toStep === s.fromStep);
  assert.equal(rows.states.find((s) => s.node === "s1" && s.text === "executed 0")!.changed, true);
  assert.equal(rows.states.find((s) => s.node === "s1" && s.text === "executed —")!.changed, false);
});

test("replayRows(trace) shades outages from the crash step, and untilMs leaves messages in flight", () => {
  // s1 is down from 60 to 120 ms; a duplicate copy and a message to the crashed s1 are in the first 150 ms.
  const rows = replayRows(everyFateTrace(), { untilMs: 125 });
  assert.equal(rows.outages.length, 1);
  const o = rows.outages[0];
  assert.deepEqual([o.node, o.startMs, o.endMs, rows.steps[o.startStep - 1].text, rows.steps[o.endStep! - 1].text], ["s1", 60, 120, "s1 crashes", "s1 recovers"]);
  assert.ok(rows.steps.every((s) => s.t <= 125));
  const cut = replayRows(everyFateTrace(), { untilMs: 64 });
  assert.ok(cut.messages.some((m) => m.endStep === null && m.fate === "in-flight"), "a message still travelling at the cut");
  assert.ok(cut.outages.every((x) => x.endStep === null), "still down at the cut");
});

test("replayRows(trace) holds at most REPLAY_MAX_STEPS steps and says where to cut", () => {
  const trace = runPaxos({ seed: 42 }).trace;
  assert.throws(() => replayRows(trace), new RegExp(`at most ${REPLAY_MAX_STEPS} steps: cut it with untilMs \\(step ${REPLAY_MAX_STEPS} is at [\\d.]+ ms\\) or onlyNodes`));
  const rows = replayRows(trace, { state: paxosState, untilMs: 30 });
  const s1 = rows.states.filter((s) => s.node === "s1" && s.toStep === null).sort((a, b) => a.line - b.line).map((s) => s.text);
  assert.equal(s1[0].startsWith("T_max "), true);
  assert.throws(() => replayRows(trace, { onlyNodes: ["x9"] }), /onlyNodes must be a non-empty array of node names/);
  assert.throws(() => replayRows(trace, { untilMs: -1 }), /untilMs/);
  assert.throws(() => replayRows(trace, { colour: 1 } as never), /colour/);
});
