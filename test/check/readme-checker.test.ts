import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

test("the src/sim/README.md guide 'Write and check your own protocol' runs and finds the duplicate execution", () => {
  const readme = fs.readFileSync(path.resolve(process.cwd(), "src/sim/README.md"), "utf8");
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  const code = blocks.find((b) => b.includes("checkProtocol"))!
    .replace(/from "distsys-lab"/, `from ${JSON.stringify(path.resolve(__dirname, "../../src/index"))}`)
    + "\nmodule.exports = { result, run };";
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const mod = { exports: {} as any };
  new Function("require", "module", "exports", js)(require, mod, mod.exports);
  const { result, run } = mod.exports;
  assert.equal(result.verdict, "violated");
  assert.deepEqual(result.counterexample.schedule, ["u1 -> s1: cmd", "drop s1 -> u1: ack", "u1: timer timeout", "u1 -> s1: cmd"]);
  assert.ok(run.records("execute").length >= 1);
});

test("the guide's 'Your handler in a real protocol' block runs: the hand-written ACK server is checked and simulated", () => {
  const readme = fs.readFileSync(path.resolve(process.cwd(), "src/sim/README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Your handler in a real protocol"));
  const code = [...section.matchAll(/```ts\n([\s\S]*?)```/g)][0][1]
    .replace(/from "distsys-lab"/, `from ${JSON.stringify(path.resolve(__dirname, "../../src/index"))}`)
    + "\nmodule.exports = { mine, myServer };";
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const mod = { exports: {} as any };
  new Function("require", "module", "exports", js)(require, mod, mod.exports);
  assert.equal(mod.exports.mine.verdict, "violated");
  assert.deepEqual(mod.exports.mine.counterexample.schedule, ["u1 -> s1: cmd 0", "drop s1 -> u1: ack 0", "u1: timer timeout", "u1 -> s1: cmd 0"]);
});
