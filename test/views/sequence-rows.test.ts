import { test } from "node:test";
import assert from "node:assert/strict";
import { sequenceRows } from "../../src/views/sequence-rows";
import type { MessageFate } from "../../src/sim/trace";
import { everyFateTrace, retryWorld } from "./_worlds";

const DRAWN: Record<MessageFate, string> = {
  delivered: "delivered", lost: "lost", partition: "dropped", "held-then-partition": "dropped", intervention: "dropped",
  crashed: "dropped", "held-then-crashed": "dropped", "in-flight": "in-flight", held: "in-flight",
};

test("sequenceRows(trace) maps every engine fate to a drawn fate, keeping the engine's as the reason (seed 2)", () => {
  const trace = everyFateTrace();
  const engine = trace.messages();
  assert.equal(new Set(engine.map((m) => m.fate)).size, 9, "the fixture run has every fate");
  const rows = sequenceRows(trace);
  assert.equal(rows.messages.length, engine.length);
  rows.messages.forEach((r, i) => {
    const m = engine[i];
    assert.equal(r.id, m.id);
    assert.equal(r.reason, m.fate);
    assert.equal(r.kind, m.label);
    assert.equal(r.fate, m.fate === "delivered" && m.duplicate ? "duplicate" : DRAWN[m.fate]);
    // Arrows that reach the receiver end at deliverMs; drops on the way at dropMs; nothing else has an end.
    const atReceiver = m.fate === "delivered" || m.fate === "crashed" || m.fate === "held-then-crashed";
    assert.equal(r.deliverMs, atReceiver ? (m.deliverMs ?? m.dropMs) : null, `message ${m.id}`);
    assert.equal(r.dropMs, !atReceiver && r.fate !== "in-flight" ? m.dropMs : null, `message ${m.id}`);
  });
  const heldThenCrashed = rows.messages.find((r) => r.reason === "held-then-crashed")!;
  assert.deepEqual([heldThenCrashed.sendMs, heldThenCrashed.deliverMs, heldThenCrashed.fate], [250, 280, "dropped"]);
  assert.deepEqual(rows.nodes, ["u1", "s1", "s2"]);
});

test("sequenceRows(trace) labels messages by payload and records as kind(detail values)", () => {
  const rows = sequenceRows(everyFateTrace());
  assert.deepEqual(rows.messages.slice(0, 3).map((m) => [m.from, m.to, m.label]), [
    ["u1", "s1", "cmd(0, [s1, s2])"], ["u1", "s2", "cmd(0, [s1, s2])"], ["s1", "u1", "ack(0, s1, ⊥)"],
  ]);
  assert.deepEqual(rows.events.slice(0, 6).map((e) => [e.node, e.startMs, e.label]), [
    ["u1", 0, "issue(0)"], ["s1", 10, "execute(0)"], ["s1", 35, "execute(0)"], ["s2", 35, "execute(0)"], ["u1", 45, "commit(0)"], ["u1", 45, "issue(1)"],
  ]);
});

test("sequenceRows(trace) shades each crash..recover as a crash interval (seed 2: s1 down 60-120 and 260-300)", () => {
  const crashes = sequenceRows(everyFateTrace()).events.filter((e) => e.kind === "crash");
  assert.deepEqual(crashes, [
    { node: "s1", startMs: 60, endMs: 120, kind: "crash" },
    { node: "s1", startMs: 260, endMs: 300, kind: "crash" },
  ]);
});

test("sequenceRows(trace, { untilMs }) keeps what happened by the cut: later arrivals are in flight, open outages stay open", () => {
  const trace = everyFateTrace();
  const cut = sequenceRows(trace, { untilMs: 270 });
  assert.ok(cut.messages.every((m) => m.sendMs <= 270));
  assert.equal(cut.messages.length, trace.messages().filter((m) => m.sendMs <= 270).length);
  for (const m of cut.messages) {
    const end = m.deliverMs ?? m.dropMs;
    assert.ok(end === null || end <= 270, `message ${m.id} ends at ${end}`);
  }
  // Held at 250 towards s1, which crashed at 260 and was handed over at 280: still travelling at the cut.
  const held = cut.messages.find((m) => m.reason === "held-then-crashed")!;
  assert.deepEqual([held.fate, held.deliverMs, held.dropMs], ["in-flight", null, null]);
  assert.ok(cut.events.every((e) => e.startMs <= 270));
  assert.deepEqual(cut.events.filter((e) => e.kind === "crash"), [
    { node: "s1", startMs: 60, endMs: 120, kind: "crash" },
    { node: "s1", startMs: 260, kind: "crash" },
  ]);
  assert.deepEqual(sequenceRows(trace, { untilMs: 0 }).events.filter((e) => e.kind === "crash"), []);
});

test("sequenceRows(trace, { pointKinds, messageLabel }) picks the recorded kinds and overrides the message label", () => {
  const trace = retryWorld({ seed: 3, commands: 2 });
  const rows = sequenceRows(trace, { pointKinds: ["commit"], messageLabel: (m) => (m.label === "ack" ? undefined : `#${m.id}`) });
  assert.deepEqual(rows.events.map((e) => e.label), ["commit(0)", "commit(1)"]);
  assert.ok(rows.messages.every((m) => (m.kind === "ack" ? m.label === undefined : m.label === `#${m.id}`)));
  assert.deepEqual(sequenceRows(trace, { pointKinds: [] }).events, []);
});

test("sequenceRows(trace, options) rejects bad input naming the parameter", () => {
  const trace = retryWorld({ seed: 3, commands: 1 });
  assert.throws(() => sequenceRows(null as never), /sequenceRows\(trace, options\): trace must be a Trace/);
  assert.throws(() => sequenceRows(trace, { untilMs: -1 }), /untilMs must be a finite number in \[0, Infinity\); got -1/);
  assert.throws(() => sequenceRows(trace, { until: 5 } as never), /unknown option "until"/);
  assert.throws(() => sequenceRows(trace, { messageLabel: "x" as never }), /messageLabel must be a function/);
});

test("sequenceRows(trace, { timers: true }) marks each timer that fired on its node's lane, at its time, with its tag", () => {
  const trace = everyFateTrace();
  const fired = trace.rows().filter((r) => r.kind === "timer");
  assert.ok(fired.length > 0, "the fixture run has timers that fire");
  const rows = sequenceRows(trace, { timers: true });
  const timers = rows.events.filter((e) => e.kind === "timer");
  assert.deepEqual(timers.map((e) => [e.node, e.startMs, e.label]), fired.map((r) => [r.node, r.t, r.label]));
  assert.equal(sequenceRows(trace).events.filter((e) => e.kind === "timer").length, 0, "off by default");
  const cut = fired[Math.floor(fired.length / 2)].t;
  assert.ok(sequenceRows(trace, { timers: true, untilMs: cut }).events.filter((e) => e.kind === "timer").every((e) => e.startMs <= cut));
  assert.deepEqual(sequenceRows(trace, { timers: true, onlyNodes: ["s1", "s2"] }).events.filter((e) => e.kind === "timer"), [], "the client's timers go with its lane");
  assert.throws(() => sequenceRows(trace, { timers: "yes" as never }), /sequenceRows\(trace, options\): timers must be true or false; got "yes"/);
});
