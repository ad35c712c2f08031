// The random graph models of the fuzz's checker target (properties.cjs), in a module of their own so
// that checkModel's worker threads can load them (modelModule: this file, "graphModel", [cfg]).
"use strict";

/** A state of node k, with its keys in an order that depends on the edge taken (`via`). */
const state = (k, via) => (via % 2 === 0 ? { node: k, tags: new Set([`t${k % 3}`, k]), name: `n${k}` } : { name: `n${k}`, tags: new Set([k, `t${k % 3}`]), node: k });

/** The model of `cfg` ({ edges, bad, goal }): node 0 first; properties "never bad" and "some goal". */
function graphModel(cfg) {
  const { edges, bad, goal } = cfg;
  return {
    init: state(0, 0),
    actions: (s) => edges[s.node].map((to, i) => ({ to, i })),
    next: (_s, a) => (a.to < 0 ? undefined : state(a.to, a.i)),
    properties: [{ name: "never bad", always: (s) => !bad[s.node] }, { name: "some goal", sometimes: (s) => goal[s.node] }],
    modelModule: { path: __filename, export: "graphModel", args: [{ edges, bad, goal }] },
  };
}

module.exports = { graphModel, state };
