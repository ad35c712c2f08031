import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { REPO } from "./repo";

// Runs test/reliability/notebook_twice.py on the show() fixture notebook: its cells twice in one
// tslab kernel, then once in a fresh kernel; the Vega-Lite JSON of every chart must match across the
// three passes. (The lesson notebooks: `.venv/bin/python test/reliability/notebook_twice.py notebooks/*.ipynb`.)
const PYTHON = process.env.DISTSYS_PYTHON ?? path.join(REPO, ".venv", "bin", "python");

test("notebook_twice.py: show.ipynb run twice in one kernel and once after a restart gives identical charts", { skip: !fs.existsSync(PYTHON) && "no .venv (run npm test once to create it)" }, () => {
  const r = spawnSync(PYTHON, [path.join(REPO, "test", "reliability", "notebook_twice.py"), path.join(REPO, "test", "notebooks", "show.ipynb")],
    { encoding: "utf8", env: { ...process.env, JUPYTER_PATH: process.env.JUPYTER_PATH ?? path.join(REPO, ".jupyter") }, timeout: 300_000 });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  const result = JSON.parse(r.stdout.trim().split("\n").pop()!);
  assert.ok(result.charts >= 1, "the notebook showed no chart");
  assert.deepEqual({ errors: result.errors, sameInKernel: result.sameInKernel, sameAfterRestart: result.sameAfterRestart },
    { errors: 0, sameInKernel: true, sameAfterRestart: true });
});
