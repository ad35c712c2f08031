import { test } from "node:test";
import assert from "node:assert/strict";
import * as os from "node:os";
import fc from "fast-check";
import { checkModel } from "../../src/check/check-model";
import { twoPhaseModel } from "../../src/check/models/two-phase-tla";
import { distances, graphArb } from "./random-models";
import { markedGraphModel, throwingModel } from "./graph-module";
import { SharedStore } from "../../src/check/shared-store";
import { KNOWN } from "../../src/check/state-store";

const closedForm = (n: number) => 6 ** n + 4 ** n + 2 ** n;

for (const strategy of ["bfs", "dfs"] as const) {
  test(`checkModel({ ...twoPhaseModel(n), threads: 2, strategy: "${strategy}" }) counts the same states as one thread`, () => {
    for (const n of [1, 3, 5, 6]) {
      const one = checkModel({ ...twoPhaseModel(n), threads: 1, strategy });
      const two = checkModel({ ...twoPhaseModel(n), threads: 2, strategy });
      assert.equal(one.distinctStates, closedForm(n));
      assert.equal(two.distinctStates, closedForm(n), `${n} RMs`);
      assert.equal(two.generatedStates, one.generatedStates, `${n} RMs: states generated`);
      assert.equal(two.threads, 2);
      assert.deepEqual(two.properties.map((p) => p.status), ["holds", "holds", "holds"]);
      if (strategy === "bfs") assert.equal(two.maxDepth, one.maxDepth);
      // The examples replay to where they should.
      const committed = two.properties[1].path?.states.at(-1);
      assert.ok(committed?.rmState.every((r) => r === "committed"));
    }
  });
}

test("checkModel with threads 2, breadth first: the paths are as short as with one thread (random graphs)", () => {
  fc.assert(fc.property(graphArb, (g) => {
    const d = distances(g);
    const one = checkModel({ ...markedGraphModel(g), threads: 1 });
    const two = checkModel({ ...markedGraphModel(g), threads: 2 });
    const shortest = Math.min(...g.marked.map((m, k) => (m ? d[k] : Infinity)));
    for (const r of [one, two]) {
      for (const p of r.properties) {
        assert.equal(p.path === undefined ? Infinity : p.path.actions.length, shortest, `${p.name}: ${JSON.stringify(g)}`);
      }
    }
    assert.equal(two.properties[0].status, one.properties[0].status);
    // Without a violation the search is complete: the same number of states.
    if (shortest === Infinity) assert.equal(two.distinctStates, one.distinctStates);
  }), { numRuns: 10, seed: 16, endOnFailure: true });
});

test("checkModel with threads 2 stops at maxStates with verdict incomplete", () => {
  const r = checkModel({ ...twoPhaseModel(5), threads: 2, maxStates: 1000 });
  assert.equal(r.verdict, "incomplete");
  assert.equal(r.limitReached, "maxStates");
  assert.equal(r.distinctStates, 1000);
});

test("checkModel with threads 2 reports an error thrown by the model in a worker, naming next", () => {
  assert.throws(() => checkModel({ ...throwingModel(3), threads: 2 }), /checkModel: next\(state, 1\) threw: no way on from 3/);
});

test('checkModel threads "auto": one thread for a small search, every core for a large one', () => {
  assert.equal(checkModel(twoPhaseModel(3)).threads, 1);
  const large = checkModel(twoPhaseModel(6)); // 50,816 states: more than the 20,000 tried on one thread
  assert.equal(large.threads, os.availableParallelism() > 1 ? os.availableParallelism() : 1);
  assert.equal(large.distinctStates, closedForm(6));
  // Other properties than the module's: one thread (threads: 2 would fail, as bad-input.cases.ts shows).
  const mine = checkModel({ ...twoPhaseModel(6), properties: [] });
  assert.equal(mine.threads, 1);
  assert.equal(mine.distinctStates, closedForm(6));
  // Without a module there is one thread.
  const { modelModule: _, ...closures } = twoPhaseModel(6);
  assert.equal(checkModel(closures).threads, 1);
});

test("SharedStore grows in place: after each growth every fingerprint is found once (random fingerprints)", () => {
  fc.assert(fc.property(fc.array(fc.tuple(fc.integer(), fc.integer()), { minLength: 40_000, maxLength: 80_000 }), (fps) => {
    const ctrl = new Int32Array(new SharedArrayBuffer(64 * 4));
    let store = SharedStore.create(ctrl, 1_000_000);
    let added = 0;
    const distinct = new Set(fps.map(([a, b]) => `${a === 0 ? 1 : a},${b === 0 ? 1 : b}`));
    let grew = 0;
    for (const [a, b] of fps) {
      if (store.add(a, b, 0, 0) < 0) added++;
      if (store.wantsGrowth) { store = store.grown().store.carry(store); grew++; }
    }
    assert.ok(grew >= 1, "the table grew");
    for (const [a, b] of fps) assert.equal(store.add(a, b, 0, 0), KNOWN);
    let occupied = 0;
    for (let i = 0; i < store.slots.length; i += 2) if (store.slots[i] !== 0) occupied++;
    assert.equal(occupied, distinct.size);
    assert.equal(added, distinct.size);
    assert.equal(store.added, distinct.size);
  }), { numRuns: 5, seed: 16, endOnFailure: true });
});
