import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as path from "path";

// "Never an out-of-memory crash": a model whose breadth-first queue outgrows a small heap (a binary
// tree of states of 200 numbers each, in a Node process limited to 96 MB of old space) must stop with
// verdict "incomplete" and limitReached "memory", not abort the process.
test("a search that would fill the heap stops with limitReached: memory instead of crashing", () => {
  const checker = path.join(__dirname, "..", "..", "src", "check", "check-model.js");
  const script = `
    const { checkModel } = require(${JSON.stringify(checker)});
    const r = checkModel({ init: { n: 0, pad: [] }, actions: () => [1, 2],
      next: (s, d) => ({ n: s.n * 2 + d, pad: Array.from({ length: 200 }, (_, i) => s.n + i) }),
      properties: [{ name: "any", always: () => true }] });
    console.log(JSON.stringify({ verdict: r.verdict, limitReached: r.limitReached, states: r.distinctStates, status: r.properties[0].status }));`;
  const out = spawnSync(process.execPath, ["--max-old-space-size=96", "-e", script], { encoding: "utf8", timeout: 60_000 });
  assert.equal(out.status, 0, out.stderr.slice(0, 500));
  const r = JSON.parse(out.stdout);
  assert.equal(r.verdict, "incomplete");
  assert.equal(r.limitReached, "memory");
  assert.equal(r.status, "unknown");
  assert.ok(r.states > 10_000, `only ${r.states} states before stopping`);
});
