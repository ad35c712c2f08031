import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

test("the src/sim/README.md example compiles and runs", () => {
  // Compiled layout: <out>/test/sim/readme.test.js; the repository is found from the working directory.
  const readme = fs.readFileSync(path.resolve(process.cwd(), "src/sim/README.md"), "utf8");
  const code = /```ts\n([\s\S]*?)```/.exec(readme)![1]
    .replace(/from "distsys-lab"/, `from ${JSON.stringify(path.resolve(__dirname, "../../src/index"))}`)
    + "\nmodule.exports = trace;";
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const mod = { exports: {} as any };
  new Function("require", "module", "exports", js)(require, mod, mod.exports);
  const s = mod.exports.summary();
  assert.equal(s.records, 10);
  assert.equal(s.sent + s.duplicated, s.delivered + s.dropped + s.inFlight);
});

test("the src/sim/README.md Monte Carlo example runs: about 90% of runs deliver (5 standard errors)", () => {
  const readme = fs.readFileSync(path.resolve(process.cwd(), "src/sim/README.md"), "utf8");
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  const code = blocks.find((b) => b.includes("monteCarlo"))!
    .replace(/from "distsys-lab"/, `from ${JSON.stringify(path.resolve(__dirname, "../../src/index"))}`)
    + "\nmodule.exports = delivered;";
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const mod = { exports: {} as any };
  new Function("require", "module", "exports", js)(require, mod, mod.exports);
  const delivered = mod.exports as number[];
  assert.equal(delivered.length, 10_000);
  const p = delivered.reduce((a, b) => a + b, 0) / delivered.length;
  assert.ok(Math.abs(p - 0.9) < 5 * Math.sqrt(0.9 * 0.1 / 10_000), `delivered share ${p}`);
});
