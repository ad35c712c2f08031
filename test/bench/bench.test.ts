// Smoke test of `npm run bench`: a quick kernel-only run must end with one JSON line holding every
// documented key. Timings are printed by the script, never asserted here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
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
  "simpy_score_race_runs_per_s", "failure_year_s", "simpy_failure_year_s",
  "notebook_seconds", "machine"];

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
  for (const key of ["score_race_runs_per_s", "failure_year_s", "notebook_seconds"]) assert.equal(out[key], null, key);
  const machine = out.machine as Record<string, unknown>;
  for (const key of ["cores", "node", "python"]) assert.ok(key in machine, `machine.${key}`);
  assert.equal(typeof machine.cores, "number");
});
