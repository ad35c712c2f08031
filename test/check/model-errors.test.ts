import { test } from "node:test";
import assert from "node:assert/strict";
import { checkModel } from "../../src/check/check-model";

const base = { init: { n: 0 }, actions: () => ["up"], next: (s: { n: number }) => (s.n < 5 ? { n: s.n + 1 } : undefined) };

test("a model function that throws: the error names it and the action", () => {
  assert.throws(() => checkModel({ ...base, next: (s) => { if (s.n === 2) throw new Error("boom"); return { n: s.n + 1 }; } }),
    /checkModel: next\(state, "up"\) threw: boom/);
  assert.throws(() => checkModel({ ...base, actions: () => { throw new Error("no actions"); } }), /checkModel: actions\(state\) threw: no actions/);
  assert.throws(() => checkModel({ ...base, properties: [{ name: "p", always: () => { throw new Error("bad"); } }] }), /checkModel: property "p" threw: bad/);
  assert.throws(() => checkModel({ ...base, actions: () => "up" as unknown as string[] }), /actions\(state\) must return an array of actions; got "up"/);
});

test("a property that does not return a boolean is refused", () => {
  assert.throws(() => checkModel({ ...base, properties: [{ name: "p", always: (s) => s.n as unknown as boolean }] }), /property "p" must return true or false; got 0/);
});

test("next that modifies its argument, or is not deterministic, is caught", () => {
  assert.throws(() => checkModel({ ...base, init: { n: 0 }, next: (s) => { s.n++; return { n: s.n }; } }), /modified the state it was given \(action "up"\); return a new state instead/);
  let calls = 0;
  assert.throws(() => checkModel({ ...base, next: (s) => ({ n: s.n + 1 + (calls++ > 3 ? 1 : 0) }), properties: [{ name: "small", always: (s) => s.n < 3 }] }),
    /must be deterministic/);
});

test("a state that is not plain data names the part at fault", () => {
  assert.throws(() => checkModel({ init: { at: new Date(0) }, actions: () => [], next: () => undefined }),
    /checkModel \(the initial state\): state\.at is a Date instance; a state must be plain data/);
});
