import { test } from "node:test";
import assert from "node:assert/strict";
import {
  afterPrediction, selfCheckByRunning, selfCheckEqual, selfCheckNumber, selfCheckPrediction, selfCheckWith,
} from "../../src/lessons/checks/verdict";

const NOT_ANSWERED = /^✘ not yet \(exercise 9\): not answered yet: write your answer in the cell above\.$/;

test("every self-check says 'not answered yet' for an unanswered exercise (undefined or null), never a type complaint", () => {
  for (const answer of [undefined, null]) {
    assert.match(String(selfCheckNumber("exercise 9", answer, 3)), NOT_ANSWERED);
    assert.match(String(selfCheckEqual("exercise 9", answer, "x")), NOT_ANSWERED);
    assert.match(String(selfCheckWith("exercise 9", answer, () => true)), NOT_ANSWERED);
    let ran = false;
    assert.match(String(selfCheckByRunning("exercise 9", answer, () => { ran = true; return { ok: true, success: "" }; })), NOT_ANSWERED);
    assert.equal(ran, false, "selfCheckByRunning ran the experiment for an unanswered exercise");
    const p = selfCheckPrediction("exercise 9", answer, 2, { explain: "why" });
    assert.equal(p.correct, false);
    assert.match(String(p), /not answered yet: write your prediction in the cell above/);
  }
});

test("selfCheckNumber(exercise, answer, expected) says too high or too low with the hint, and complains about a non-number", () => {
  assert.equal(String(selfCheckNumber("exercise 9", 4, 3, { hint: "think." })), "✘ not yet (exercise 9): too high. think.");
  assert.equal(String(selfCheckNumber("exercise 9", 2, 3, { relTolerance: 0 })), "✘ not yet (exercise 9): too low.");
  assert.equal(String(selfCheckNumber("exercise 9", 3.1, 3, { success: "yes." })), "✔ correct (exercise 9): yes.");
  assert.match(String(selfCheckNumber("exercise 9", "3", 3)), /should be a finite number; got a string/);
  assert.match(String(selfCheckNumber("exercise 9", NaN, 3)), /got NaN/);
});

test("selfCheckByRunning(exercise, answer, judge) passes the judge's verdict on, and turns a thrown error into a hint", () => {
  assert.equal(String(selfCheckByRunning("exercise 9", 1, () => ({ ok: true, success: "broken." }))), "✔ correct (exercise 9): broken.");
  assert.equal(String(selfCheckByRunning("exercise 9", 1, () => ({ ok: false, hint: "holds." }))), "✘ not yet (exercise 9): holds.");
  const thrown = selfCheckByRunning("exercise 9", -1, () => { throw new RangeError("lossRate must be a number in [0, 1]; got -1"); });
  assert.equal(String(thrown), "✘ not yet (exercise 9): that value does not run: lossRate must be a number in [0, 1]; got -1.");
});

test("selfCheckPrediction(exercise, prediction, actual) accepts a close number or the right choice, explains either way, never prints the result", () => {
  const close = selfCheckPrediction("exercise 9", 3.9, 3.73, { explain: "squares." });
  assert.equal(String(close), "✔ correct (exercise 9): a good prediction. squares.");
  const low = selfCheckPrediction("exercise 9", 2, 3.73, { explain: "squares." });
  assert.equal(low.correct, false);
  assert.match(String(low), /too low.*squares\./);
  assert.doesNotMatch(String(low), /3\.7/);
  const choices = ["more", "fewer", "the same"];
  assert.equal(selfCheckPrediction("exercise 9", " The same ", "the same", { choices, explain: "" }).correct, true);
  const wrong = selfCheckPrediction("exercise 9", "more", "the same", { choices, explain: "only the ACKs matter." });
  assert.equal(String(wrong), "✘ not yet (exercise 9): the run above says otherwise. only the ACKs matter.");
  assert.match(String(selfCheckPrediction("exercise 9", "maybe", "the same", { choices, explain: "" })), /should be one of "more", "fewer", "the same"; got "maybe"/);
  assert.match(String(selfCheckPrediction("exercise 9", "4", 3.73, { explain: "" })), /should be a finite number; got a string/);
});

test("afterPrediction(prediction, run) runs nothing until a prediction is written down", () => {
  let runs = 0;
  assert.match(String(afterPrediction(undefined, () => ++runs)), /^not answered yet: write your prediction in the cell above/);
  assert.equal(runs, 0);
  assert.equal(afterPrediction(0, () => ++runs), 1);
});
