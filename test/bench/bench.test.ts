// Smoke test of `npm run bench`: a quick kernel-only run must end with one JSON line holding every
// documented key; the strict runner's per-cell JSON, which the notebooks case reads, must have its
// shape. Timings are printed by the script, never asserted here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The repository: the nearest folder above this file that has scripts/bench.mjs. */
function findRepo(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "scripts", "bench.mjs"))) return dir;
  }
  return process.cwd();
}

const REPO = findRepo();
// The compiled src/ next to this compiled test (build/src in npm test), so the bench loads the same build.
const DIST = path.resolve(__dirname, "..", "..", "src");

const KEYS = ["engine_events_per_s", "bare_loop_events_per_s", "simpy_events_per_s", "score_race_runs_per_s",
  "simpy_score_race_runs_per_s", "failure_year_s", "simpy_failure_year_s", "progress_overhead_pct",
  "notebook_seconds", "notebook_kernel_start_s", "notebook_cell_median_ms", "notebook_cell_max_ms",
  "notebook_chart_cell_median_ms", "machine", "ratios"];
// The notebook per-cell figures: each an object keyed by notebook name when the notebooks case runs.
const NOTEBOOK_KEYS = ["notebook_seconds", "notebook_kernel_start_s", "notebook_cell_median_ms", "notebook_cell_max_ms",
  "notebook_chart_cell_median_ms"];
const NOTEBOOK_TARGETS = ["slowest_chart_cell_median_ms", "slowest_cell_ms", "slowest_run_all_s"];

test("node scripts/bench.mjs --quick --only kernel --json ends with a JSON line of every key", () => {
  const args = [path.join(REPO, "scripts", "bench.mjs"), "--quick", "--only", "kernel", "--json"];
  if (fs.existsSync(path.join(DIST, "engine", "kernel.js"))) args.push("--dist", DIST);
  const res = spawnSync(process.execPath, args, { cwd: REPO, encoding: "utf8", timeout: 300_000 });
  assert.equal(res.status, 0, `bench exited ${res.status}: ${res.stderr}`);
  const last = res.stdout.trim().split("\n").pop()!;
  const out = JSON.parse(last) as Record<string, unknown>;
  for (const key of KEYS) assert.ok(key in out, `missing key ${key}`);
  for (const key of ["engine_events_per_s", "bare_loop_events_per_s"]) {
    assert.equal(typeof out[key], "number", `${key} should be measured`);
    assert.ok((out[key] as number) > 0, `${key} should be positive`);
  }
  // SimPy may be missing on a machine without the package index; then its figure is null.
  assert.ok(out.simpy_events_per_s === null || typeof out.simpy_events_per_s === "number");
  // Cases not asked for are null.
  for (const key of ["score_race_runs_per_s", "failure_year_s", "progress_overhead_pct", ...NOTEBOOK_KEYS]) assert.equal(out[key], null, key);
  // Every target is listed; the notebook ones are not measured here; the score race against SimPy has none.
  const ratios = out.ratios as { key: string; value: number | null; op: string; target: number; met: boolean | null }[];
  const keys = ratios.map((t) => t.key);
  for (const key of NOTEBOOK_TARGETS) {
    const t = ratios.find((x) => x.key === key);
    assert.ok(t, `missing target ${key}`);
    assert.equal(t.value, null, `${key} is not measured without the notebooks case`);
    assert.equal(t.op, "<=");
  }
  assert.ok(!keys.includes("score_vs_simpy"), "the score race's SimPy target is retired");
  const machine = out.machine as Record<string, unknown>;
  for (const key of ["cores", "node", "python"]) assert.ok(key in machine, `machine.${key}`);
  assert.equal(typeof machine.cores, "number");
});

test("run_notebooks.py --json gives kernel start-up and one timed entry per code cell, charts marked", () => {
  const python = process.env.DISTSYS_PYTHON ?? path.join(REPO, ".venv", "bin", "python");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-cells-"));
  const json = path.join(dir, "results.json");
  const res = spawnSync(python, [path.join(REPO, "scripts", "run_notebooks.py"), "--output-dir", dir, "--json", json,
    path.join(REPO, "test", "notebooks", "show.ipynb")], { encoding: "utf8", env: { ...process.env, JUPYTER_PATH: path.join(REPO, ".jupyter") } });
  assert.equal(res.status, 0, res.stdout + res.stderr);
  const [r] = JSON.parse(fs.readFileSync(json, "utf8")) as { kernelStartSeconds: unknown; codeCells: number; cells: { cell: number; ms: unknown; chart: unknown }[] }[];
  assert.equal(typeof r.kernelStartSeconds, "number");
  assert.equal(r.cells.length, r.codeCells);
  for (const c of r.cells) {
    assert.equal(typeof c.cell, "number");
    assert.equal(typeof c.ms, "number", `cell ${c.cell} is timed`);
    assert.equal(typeof c.chart, "boolean");
  }
  // show.ipynb: an import, a chart built, then two show() calls.
  assert.deepEqual(r.cells.map((c) => c.chart), [false, false, true, true]);
  // The timings stay out of the saved notebook.
  const nb = JSON.parse(fs.readFileSync(path.join(dir, "show.ipynb"), "utf8"));
  for (const cell of nb.cells) assert.ok(!("execution" in (cell.metadata ?? {})), "no record_timing metadata saved");
  fs.rmSync(dir, { recursive: true, force: true });
});
