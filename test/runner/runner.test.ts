// The strict notebook runner must never pass a broken notebook. Each fixture used here (under
// test/notebooks/fixtures) fails in one known way, or passes; the runner must report exactly that.
// (progress.ipynb and interrupt.ipynb, long work in the real kernel, belong to progress.test.ts.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const REPO = path.resolve(__dirname, "..", "..", "..");
const PYTHON = process.env.DISTSYS_PYTHON ?? path.join(REPO, ".venv", "bin", "python");
const FIXTURES = path.join(REPO, "test", "notebooks", "fixtures");

interface Failure { cell: number | null; firstLine: string; reason: string; stderr: string }
interface Result { notebook: string; ok: boolean; seconds: number; codeCells: number; failures: Failure[] }

function runFixtures(names: string[]): { status: number | null; stdout: string; results: Map<string, Result> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "runner-"));
  const json = path.join(dir, "results.json");
  const files = names.map((n) => path.join(FIXTURES, `${n}.ipynb`));
  const res = spawnSync(PYTHON, [path.join(REPO, "scripts", "run_notebooks.py"), "--cell-timeout", "8",
    "--output-dir", dir, "--json", json, ...files], { encoding: "utf8", env: { ...process.env, JUPYTER_PATH: path.join(REPO, ".jupyter") } });
  const results = new Map<string, Result>();
  for (const r of JSON.parse(fs.readFileSync(json, "utf8")) as Result[]) results.set(path.basename(r.notebook, ".ipynb"), r);
  return { status: res.status, stdout: res.stdout, results };
}

const run = runFixtures(["passes", "type-error", "throws", "stderr", "timeout", "solution-rejected"]);

test("run_notebooks.py exits 1 when any notebook fails and prints a summary line", () => {
  assert.equal(run.status, 1);
  assert.match(run.stdout, /notebooks: 1 passed, 5 failed in [\d.]+ s/);
});

test("run_notebooks.py passes a good notebook and reports its time", () => {
  const r = run.results.get("passes")!;
  assert.equal(r.ok, true);
  assert.equal(r.codeCells, 2);
  assert.ok(r.seconds > 0);
  assert.match(run.stdout, /ok {3}.*passes\.ipynb \(2 cells, [\d.]+ s\)/);
});

test("run_notebooks.py fails a type error at its cell, with the compiler's message", () => {
  const [f] = run.results.get("type-error")!.failures;
  assert.equal(f.cell, 2);
  assert.equal(f.firstLine, 'const n: number = "not a number";');
  assert.match(f.reason, /status 'error'/);
  assert.match(f.stderr, /Type 'string' is not assignable to type 'number'/);
});

test("run_notebooks.py fails a run-time throw at its cell, with the error text", () => {
  const [f] = run.results.get("throws")!.failures;
  assert.equal(f.cell, 2);
  assert.match(f.reason, /status 'error'/);
  assert.match(f.stderr, /boom at run time/);
});

test("run_notebooks.py fails a cell that writes to stderr even though its status is ok", () => {
  const [f] = run.results.get("stderr")!.failures;
  assert.equal(f.cell, 2);
  assert.equal(f.reason, "stderr output");
  assert.match(f.stderr, /something went wrong on stderr/);
});

test("run_notebooks.py stops a cell that never finishes at the cell timeout", () => {
  const [f] = run.results.get("timeout")!.failures;
  assert.equal(f.cell, 2);
  assert.equal(f.firstLine, "// spins forever");
  assert.match(f.reason, /timeout: cell ran longer than 8(\.0)? s/);
});

test("run_notebooks.py reports each failing notebook by name, cell and first line", () => {
  assert.match(run.stdout, /FAIL .*type-error\.ipynb cell 2 `const n: number = "not a number";`/);
  assert.match(run.stdout, /FAIL .*timeout\.ipynb cell 2 `\/\/ spins forever`: timeout/);
});

test("run_notebooks.py fails a solution cell whose self-check prints ✘, and only a solution cell", () => {
  // Cell 1 (a solution printing ✔) and cell 2 (an unanswered exercise printing ✘, not a solution) pass;
  // cell 3, a solution whose last expression is a string starting with ✘, fails the notebook.
  const [f, ...more] = run.results.get("solution-rejected")!.failures;
  assert.equal(more.length, 0);
  assert.equal(f.cell, 3);
  assert.match(f.reason, /a solution cell's self-check printed ✘/);
  assert.match(f.stderr, /✘ not yet \(exercise 2\): a solution the check rejects/);
  assert.match(run.stdout, /FAIL .*solution-rejected\.ipynb cell 3/);
});
