import { test } from "node:test";
import assert from "node:assert/strict";
import { callText, payloadLabel, recordLabel, valueText } from "../../src/views/labels";

test("payloadLabel(payload) reads like the chapter: type(field values), null as ⊥", () => {
  assert.equal(payloadLabel({ type: "ok", t: 4, tStore: 0, c: null }), "ok(4, 0, ⊥)");
  assert.equal(payloadLabel({ type: "propose", t: 4, c: "c2" }), "propose(4, c2)");
  assert.equal(payloadLabel({ type: "cmd", id: "A1" }), "cmd(A1)");
  assert.equal(payloadLabel({ type: "nack", tMax: undefined }), "nack(⊥)");
  assert.equal(payloadLabel({ type: "+10" }), "+10");
  assert.equal(payloadLabel({ type: "vote", vote: true }), "vote(true)");
});

test("payloadLabel(payload) formats nested objects and arrays item by item", () => {
  assert.equal(payloadLabel({ type: "state", log: ["c1", null, 3], at: { t: 3, c: null } }), "state([c1, ⊥, 3], {t: 3, c: ⊥})");
  assert.equal(payloadLabel({ type: "batch", cmds: [] }), "batch([])");
  assert.equal(payloadLabel({ type: "deep", x: { y: { z: [null] } } }), "deep({y: {z: [⊥]}})");
});

test("payloadLabel(payload) does not repeat what the type already spells out", () => {
  assert.equal(payloadLabel({ type: "cmd 0", kind: "cmd", cmd: 0 }), "cmd 0");
  assert.equal(payloadLabel({ type: "msg 2", i: 2, extra: 7 }), "msg 2(7)");
});

test("payloadLabel(payload) without a type: a string is its own label, an object lists its values", () => {
  assert.equal(payloadLabel("ping"), "ping");
  assert.equal(payloadLabel(7), "7");
  assert.equal(payloadLabel(null), "⊥");
  assert.equal(payloadLabel({ a: 1, b: null }), "(1, ⊥)");
  assert.equal(payloadLabel({}), "()");
  assert.equal(payloadLabel(["x", 1]), "[x, 1]");
});

test("recordLabel(kind, detail) uses the same format as messages", () => {
  assert.equal(recordLabel("execute", { cmd: 0 }), "execute(0)");
  assert.equal(recordLabel("lock", { client: "u1", attempt: 2 }), "lock(u1, 2)");
  assert.equal(recordLabel("store", { t: 3, c: null }), "store(3, ⊥)");
  assert.equal(recordLabel("prepare", {}), "prepare");
  assert.equal(recordLabel("prepare", null), "prepare");
  assert.equal(recordLabel("execute", "c1"), "execute(c1)");
  assert.equal(recordLabel("seen", [1, 2]), "seen([1, 2])");
  assert.equal(callText("apply", { op: "+10", score: 10 }), "apply(+10, 10)");
});

test("valueText(value) shows ⊥ for nothing and strings without quotes", () => {
  assert.deepEqual([null, undefined, "a", 1.5, false, [], {}].map(valueText), ["⊥", "⊥", "a", "1.5", "false", "[]", "{}"]);
});
