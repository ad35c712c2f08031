import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "path";
import fc from "fast-check";
import * as lib from "../../src";
import { REPO } from "../reliability/repo";

// The checker's fuzz target (npm run fuzz runs it 10,000 times; test/reliability/fuzz.test.ts a few
// hundred) must catch a checker that breaks its promises: here, one whose breadth-first search is
// really depth first (and the reverse), so its counterexamples are not the shortest.
const { fuzzTargets } = require(path.join(REPO, "scripts", "fuzz", "properties.cjs"));

test("fuzz harness: the checker target catches a breadth-first search that is not", () => {
  const swapped = { ...lib, checkModel: (o: lib.CheckModelOptions<unknown, unknown>) => lib.checkModel({ ...o, strategy: o.strategy === "dfs" ? "bfs" : "dfs" }) };
  const target = fuzzTargets(swapped, fc).find((t: { name: string }) => t.name === "checker");
  const out = fc.check(fc.property(target.arbitrary, (cfg: unknown) => target.check(cfg)), { numRuns: 2000, seed: 1 });
  assert.ok(out.failed, "2,000 random models did not catch it");
  assert.match(String((out.errorInstance as Error)?.message), /BFS path for .* is longer than DFS's/);
});
