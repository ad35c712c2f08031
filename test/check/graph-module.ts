// A random graph (random-models.ts) as a model that worker threads can load: this module's path,
// the export name and the graph (plain data) are its modelModule.
import type { CheckModelOptions } from "../../src/check/options";
import { graphModel, type EdgeAction, type Graph, type NodeState } from "./random-models";

/** The graph's model with a counterexample property (never marked) and an example one (some marked). */
export function markedGraphModel(g: Graph): CheckModelOptions<NodeState, EdgeAction> {
  return {
    ...graphModel(g),
    properties: [{ name: "never marked", always: (s) => !g.marked[s.node] }, { name: "some marked", sometimes: (s) => g.marked[s.node] }],
    modelModule: { path: __filename, export: "markedGraphModel", args: [g] },
  };
}

/** A model whose next throws at node `at` (for the error a worker reports). */
export function throwingModel(at: number): CheckModelOptions<number, number> {
  return {
    init: 0, actions: () => [1, 2],
    next: (n, d) => { if (n === at) throw new Error(`no way on from ${n}`); return n + d <= 2 * at ? n + d : undefined; },
    modelModule: { path: __filename, export: "throwingModel", args: [at] },
  };
}
