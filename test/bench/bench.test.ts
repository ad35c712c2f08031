// Smoke test of `npm run bench`: a quick kernel-only run must end with one JSON line holding every
// documented key; a quick checker-only run gives TwoPhase's state counts by RM count and its figures;
// without cargo the stateright case is skipped with null figures; the strict runner's per-cell JSON,
// which the notebooks case reads, must have its shape. Timings are printed by the script, never asserted here.
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
// The model checker (TwoPhase) and Stateright's 2pc: by RM count, or one figure at the largest size.
const CHECKER_BY_RMS = ["checker_twophase_distinct_states", "checker_twophase_s"];
const STATERIGHT_BY_RMS = ["stateright_twophase_distinct_states", "stateright_twophase_s", "stateright_twophase_process_s"];
const CHECKER_FIGURES = ["checker_states_per_s", "checker_peak_rss_mb", "checker_cpu_s", "checker_bfs_s",
  "checker_bfs_states_per_s", "checker_bfs_peak_rss_mb", "checker_1thread_states_per_s", "checker_1thread_cpu_s",
  "checker_1thread_peak_rss_mb", "checker_thread_scaling", "checker_states_per_cpu_s", "checker_1thread_states_per_cpu_s"];
const STATERIGHT_FIGURES = ["stateright_states_per_s", "stateright_peak_rss_mb", "stateright_cpu_s", "stateright_states_per_cpu_s", "stateright_threads"];
const CHECKER_KEYS = [...CHECKER_BY_RMS, ...CHECKER_FIGURES, "checker_threads", ...STATERIGHT_BY_RMS, ...STATERIGHT_FIGURES,
  "checker_matches_stateright", "checker_vs_stateright_per_cpu_s", "stateright_version", "stateright_skipped"];
const CHECKER_TARGETS: [string, string][] = [["checker_vs_stateright", ">="], ["checker_peak_rss_mb", "<="]];

/** Runs the bench on the compiled src/ next to this test with `args`; returns its JSON line. */
function benchJson(args: string[], env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  const all = [path.join(REPO, "scripts", "bench.mjs"), ...args, "--json"];
  if (fs.existsSync(path.join(DIST, "index.js"))) all.push("--dist", DIST);
  const res = spawnSync(process.execPath, all, { cwd: REPO, encoding: "utf8", timeout: 300_000, env });
  assert.equal(res.status, 0, `bench exited ${res.status}: ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split("\n").pop()!) as Record<string, unknown>;
}

test("node scripts/bench.mjs --quick --only kernel --json ends with a JSON line of every key", () => {
  const args = [path.join(REPO, "scripts", "bench.mjs"), "--quick", "--only", "kernel", "--json"];
  if (fs.existsSync(path.join(DIST, "sim", "kernel.js"))) args.push("--dist", DIST);
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
  // The model checker's keys are there, null without the checker and stateright cases; so are its targets.
  for (const key of CHECKER_KEYS) {
    assert.ok(key in out, `missing key ${key}`);
    assert.equal(out[key], null, `${key} is null without the checker and stateright cases`);
  }
  for (const [key, op] of CHECKER_TARGETS) {
    const t = ratios.find((x) => x.key === key);
    assert.ok(t, `missing target ${key}`);
    assert.equal(t.value, null, `${key} is not measured without the checker cases`);
    assert.equal(t.op, op);
  }
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

test("bench --quick --only checker: TwoPhase's distinct states by RM count (TLC's counts), seconds, the 7-RM figures", () => {
  const out = benchJson(["--quick", "--only", "checker"]);
  // --quick stops at 7 RMs; the counts are 6^n + 4^n + 2^n.
  assert.deepEqual(out.checker_twophase_distinct_states, { 3: 288, 5: 8832, 7: 296448 });
  const s = out.checker_twophase_s as Record<string, unknown>;
  assert.deepEqual(Object.keys(s), ["3", "5", "7"]);
  for (const v of Object.values(s)) assert.ok(typeof v === "number" && v >= 0);
  for (const key of CHECKER_FIGURES) assert.ok(typeof out[key] === "number" && (out[key] as number) > 0, `${key} is measured`);
  // threads "auto": every core at 7 RMs (296,448 states), one thread on a 1-core machine.
  assert.equal(out.checker_threads, os.availableParallelism() > 1 ? os.availableParallelism() : 1);
  assert.deepEqual((out.sizes as Record<string, unknown>).checker_rms, [3, 5, 7]);
  // Stateright was not asked for: its figures and the ratio are null; the memory target is evaluated.
  for (const key of [...STATERIGHT_BY_RMS, ...STATERIGHT_FIGURES, "checker_matches_stateright", "checker_vs_stateright_per_cpu_s",
    "stateright_skipped"]) assert.equal(out[key], null, key);
  const ratios = out.ratios as { key: string; value: number | null; met: boolean | null }[];
  assert.equal(ratios.find((t) => t.key === "checker_vs_stateright")!.value, null);
  const mem = ratios.find((t) => t.key === "checker_peak_rss_mb")!;
  assert.equal(mem.value, out.checker_peak_rss_mb);
  assert.equal(typeof mem.met, "boolean");
});

test("bench --only stateright without cargo says so and skips: null figures", () => {
  // A fresh temp folder (no cached build) and a PATH with only this node on it (no cargo).
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-nocargo-"));
  const env = { ...process.env, PATH: path.dirname(process.execPath), TMPDIR: tmp, TMP: tmp, TEMP: tmp };
  const out = benchJson(["--quick", "--only", "stateright"], env);
  assert.equal(out.stateright_skipped, "cargo not found");
  for (const key of [...STATERIGHT_BY_RMS, ...STATERIGHT_FIGURES, ...CHECKER_BY_RMS, ...CHECKER_FIGURES]) assert.equal(out[key], null, key);
  fs.rmSync(tmp, { recursive: true, force: true });
});
