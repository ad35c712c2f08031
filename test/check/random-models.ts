// Random small models for the checker's tests: a directed graph over nodes 0..n-1 (node 0 is the
// initial state), each node's out-edges its actions (an edge to -1 is an action that is never
// enabled), and a set of marked nodes the properties look at. A brute force on the graph itself
// gives what the checker must find.
import fc from "fast-check";
import type { CheckModelOptions } from "../../src/check/options";

export interface Graph { edges: number[][]; marked: boolean[] }
export interface NodeState { node: number; name: string; parity: boolean[] }
export type EdgeAction = { to: number };

export const graphArb = fc.integer({ min: 1, max: 12 }).chain((n) => fc.record({
  edges: fc.array(fc.array(fc.integer({ min: -1, max: n - 1 }), { maxLength: 4 }), { minLength: n, maxLength: n }),
  marked: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
}));

/** The graph as a model; states are small objects (so fingerprints see nested data). */
export function graphModel(g: Graph): CheckModelOptions<NodeState, EdgeAction> {
  const state = (k: number): NodeState => ({ node: k, name: `n${k}`, parity: [k % 2 === 0, k % 3 === 0] });
  return {
    init: state(0),
    actions: (s) => g.edges[s.node].map((to) => ({ to })),
    next: (_s, a) => (a.to < 0 ? undefined : state(a.to)),
  };
}

/** Breadth-first distances from node 0 through nodes where `through` holds (Infinity: unreachable). */
export function distances(g: Graph, through: (k: number) => boolean = () => true): number[] {
  const d = g.edges.map(() => Infinity);
  if (!through(0)) return d;
  d[0] = 0;
  const queue = [0];
  for (let i = 0; i < queue.length; i++) {
    for (const t of g.edges[queue[i]]) {
      if (t >= 0 && through(t) && d[t] === Infinity) { d[t] = d[queue[i]] + 1; queue.push(t); }
    }
  }
  return d;
}

/** Whether a path from 0 through unmarked nodes only ends (a dead end) or loops: eventually(marked) fails. */
export function eventuallyFails(g: Graph): boolean {
  const d = distances(g, (k) => !g.marked[k]);
  const region = g.edges.map((_, k) => d[k] < Infinity);
  const succ = (k: number) => g.edges[k].filter((t) => t >= 0);
  if (region.some((inside, k) => inside && succ(k).length === 0)) return true;
  // A cycle inside the region: Kahn's algorithm cannot remove every node.
  const indegree = g.edges.map(() => 0);
  region.forEach((inside, k) => { if (inside) for (const t of succ(k)) if (region[t]) indegree[t]++; });
  const ready = region.flatMap((inside, k) => (inside && indegree[k] === 0 ? [k] : []));
  let removed = 0;
  while (ready.length > 0) {
    const k = ready.pop() as number;
    removed++;
    for (const t of succ(k)) if (region[t] && --indegree[t] === 0) ready.push(t);
  }
  return removed < region.filter(Boolean).length;
}
