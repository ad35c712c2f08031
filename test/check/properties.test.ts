import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { checkModel } from "../../src/check/check-model";
import type { CheckModelOptions } from "../../src/check/options";
import { distances, eventuallyFails, graphArb, graphModel } from "./random-models";

// A counter from 0 that goes up by 1 or 2 while below `top`; at `top` it stops (a dead end).
const counter = (top: number): CheckModelOptions<number, number> => ({
  init: 0, actions: () => [1, 2], next: (n, d) => (n + d <= top ? n + d : undefined),
});

test("always: a violation comes back with a shortest path to it", () => {
  const r = checkModel({ ...counter(10), properties: [{ name: "below 7", always: (n) => n < 7 }] });
  assert.equal(r.verdict, "violated");
  assert.equal(r.properties[0].status, "violated");
  // 4 steps at least (7 > 3 * 2); breadth first tries +1 before +2, so the first one found starts with +1.
  assert.deepEqual(r.properties[0].path, { states: [0, 1, 3, 5, 7], actions: [1, 2, 2, 2] });
});

test("sometimes: holds with the shortest example; violated when no reachable state satisfies it", () => {
  const r = checkModel({ ...counter(4), properties: [{ name: "reaches 4", sometimes: (n) => n === 4 }, { name: "reaches 5", sometimes: (n) => n === 5 }] });
  assert.deepEqual(r.properties[0], { name: "reaches 4", kind: "sometimes", status: "holds", path: { states: [0, 2, 4], actions: [2, 2] } });
  assert.deepEqual(r.properties[1], { name: "reaches 5", kind: "sometimes", status: "violated" });
  assert.equal(r.verdict, "violated");
  assert.equal(r.distinctStates, 5);
});

test("eventually: holds when every path gets there; a path that ends before is the shortest such path", () => {
  const ends = checkModel({ ...counter(6), properties: [{ name: "reaches 6", eventually: (n) => n === 6 }, { name: "odd", eventually: (n) => n % 2 === 1 }] });
  assert.equal(ends.properties[0].status, "holds");
  // 0 -> 2 -> 4 -> 6 never passes an odd number and 6 is a dead end.
  assert.deepEqual(ends.properties[1].path, { states: [0, 2, 4, 6], actions: [2, 2, 2] });
  assert.equal(ends.verdict, "violated");
});

test("eventually: a path that loops forever without it is a counterexample with loopsBackTo", () => {
  // 0 -> 1 -> 2 -> 1 ... (a loop), and 2 -> 3 (done). "done" is not inevitable: 1, 2, 1, 2, ...
  const model: CheckModelOptions<number, number> = {
    init: 0, actions: (n) => (n === 0 ? [1] : n === 1 ? [2] : n === 2 ? [1, 3] : []), next: (_n, to) => to,
    properties: [{ name: "done", eventually: (n) => n === 3 }],
  };
  const r = checkModel(model);
  assert.equal(r.verdict, "violated");
  assert.deepEqual(r.properties[0].path, { states: [0, 1, 2], actions: [1, 2, 1], loopsBackTo: 1 });
  // A self-loop is a loop too.
  const stutter = checkModel({ init: "a", actions: () => ["stay"], next: (s: string) => s, properties: [{ name: "b", eventually: (s) => s === "b" }] });
  assert.deepEqual(stutter.properties[0].path, { states: ["a"], actions: ["stay"], loopsBackTo: 0 });
  // The initial state satisfying it: holds at once.
  assert.equal(checkModel({ ...model, properties: [{ name: "zero", eventually: (n) => n === 0 }] }).properties[0].status, "holds");
});

test("maxStates stops with verdict incomplete and the numbers reached, unknown properties", () => {
  const r = checkModel({ init: 0, actions: () => [1], next: (n, d) => n + d, maxStates: 1000, properties: [{ name: "finite", always: () => true }] });
  assert.equal(r.verdict, "incomplete");
  assert.equal(r.limitReached, "maxStates");
  assert.equal(r.distinctStates, 1000);
  assert.equal(r.maxDepth, 999);
  assert.equal(r.properties[0].status, "unknown");
  assert.ok(r.peakStoredBytes > 0 && r.elapsedMs >= 0);
  // A violation found before the limit is still a violation.
  const v = checkModel({ init: 0, actions: () => [1], next: (n, d) => n + d, maxStates: 1000, properties: [{ name: "small", always: (n) => n < 10 }] });
  assert.equal(v.verdict, "violated");
  assert.equal(v.properties[0].path?.states.length, 11);
});

test("maxDepth: states that far are not expanded; the search is incomplete when that cut anything", () => {
  const r = checkModel({ ...counter(100), maxDepth: 3, properties: [{ name: "small", always: (n) => n <= 6 }] });
  assert.equal(r.maxDepth, 3);
  assert.equal(r.distinctStates, 7); // 0..6
  assert.equal(r.verdict, "incomplete");
  assert.equal(r.limitReached, "maxDepth");
  assert.equal(r.properties[0].status, "unknown");
  const whole = checkModel({ ...counter(4), maxDepth: 4 });
  assert.equal(whole.verdict, "holds");
  assert.equal(whole.limitReached, null);
});

test("the search stops early once every always and sometimes property is decided", () => {
  const r = checkModel({ init: 0, actions: () => [1], next: (n, d) => n + d, properties: [{ name: "ten", sometimes: (n) => n === 10 }] });
  assert.equal(r.verdict, "holds");
  assert.equal(r.distinctStates, 11);
});

test("onProgress is called with the figures reached, every 32,768 new states", () => {
  const seen: number[] = [];
  checkModel({ init: 0, actions: () => [1], next: (n, d) => (n < 100_000 ? n + d : undefined), onProgress: (p) => seen.push(p.distinctStates) });
  assert.deepEqual(seen, [32_768, 65_536, 98_304]);
});

test("random graphs: BFS and DFS find the same number of states; BFS counterexamples are shortest (brute force); eventually agrees with a brute force", () => {
  fc.assert(fc.property(graphArb, (g) => {
    const model = graphModel(g);
    const reachable = distances(g).filter((d) => d < Infinity).length;
    const shortest = Math.min(...distances(g).filter((_, k) => g.marked[k]));
    const properties = [{ name: "unmarked", always: (s: { node: number }) => !g.marked[s.node] }, { name: "marked", eventually: (s: { node: number }) => g.marked[s.node] }];
    const bfs = checkModel({ ...model, properties: [properties[0]] });
    const dfs = checkModel({ ...model, properties: [], strategy: "dfs" });
    assert.equal(dfs.distinctStates, reachable);
    const dfsBad = checkModel({ ...model, properties: [properties[0]], strategy: "dfs" }).properties[0];
    assert.equal(dfsBad.status, shortest === Infinity ? "holds" : "violated");
    if (dfsBad.path) {
      assert.ok(g.marked[dfsBad.path.states[dfsBad.path.states.length - 1].node], "a depth-first counterexample ends in a violating state");
      assert.ok(dfsBad.path.actions.length >= shortest);
    }
    if (shortest === Infinity) {
      assert.equal(bfs.properties[0].status, "holds");
      assert.equal(bfs.distinctStates, reachable);
    } else {
      assert.equal(bfs.properties[0].path?.actions.length, shortest);
    }
    const ev = checkModel({ ...model, properties: [properties[1]] }).properties[0];
    assert.equal(ev.status === "violated", eventuallyFails(g), JSON.stringify(g));
    if (ev.path) {
      const nodes = ev.path.states.map((s) => s.node);
      assert.ok(nodes.every((k) => !g.marked[k]));
      nodes.slice(1).forEach((k, i) => assert.ok(g.edges[nodes[i]].includes(k)));
      const last = nodes[nodes.length - 1];
      if (ev.path.loopsBackTo === undefined) assert.ok(g.edges[last].every((t) => t < 0), "a path that ends must end in a dead end");
      else assert.ok(g.edges[last].includes(nodes[ev.path.loopsBackTo]), "the loop must close");
    }
  }), { numRuns: 300, seed: 3 });
});
