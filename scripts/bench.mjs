// npm run bench [-- --json] [--quick] [--only kernel,seeding,network,score,failure,explore,progress,notebooks,checker,stateright] [--runs N] [--chart F.svg] [--save F.json]
//
// Performance as ratios measured in one run on one machine: our engine against SimPy (what a user
// would pick instead) and against a bare typed-array heap loop in Node (the practical limit).
// Every case runs in a fresh process after a warm-up; each figure is the median of --runs runs
// (default 3; 1 with --quick), cases interleaved so that machine noise spreads over all of them.
//
// Cases (see docs/benchmarks.md):
//   kernel     hold model, 1,000 pending events: events/s of the engine kernel, a bare heap, SimPy
//   seeding    rngs created per second (createRng + one draw)
//   network    messages sent per second through the network layer (two nodes, loss and duplication)
//   score      score race Monte Carlo through the public API (monteCarlo over runScoreRace): runs/s on
//              one core, ours and SimPy's; their ratio is measured and printed, with no target
//   failure    1e6 nodes for one year (MTBF 3 years, 1-day repairs): seconds and peak memory, ours
//              and SimPy (SimPy measured at fewer nodes and scaled linearly); ours again with
//              recordFailureTimes (the cost of keeping every failure time)
//   explore    exhaustive exploration of 9 messages (9! schedules, no key: equal states merged) and of
//              15 messages with a state key: seconds each
//   progress   the progress line's cost: a cheap monteCarlo with progress forced on and off (percent)
//   notebooks  headless execution time of every notebook in notebooks/ (Run All, kernel start-up
//              included), and what re-running cells feels like: kernel start-up, the median and the
//              slowest code cell, and the median cell that shows a chart (Vega-Lite output)
//   checker    the model checker on Gray and Lamport's TwoPhase, 3, 5, 7 and 8 resource managers: distinct
//              states and seconds, depth first (one thread); states/s and peak RSS at 8 RMs, breadth first too
//   stateright the same model in Stateright (its own `2pc` example, built from the crate's package when
//              cargo is available; skipped without cargo): distinct states and seconds, states/s at 8 RMs
//
// With --json the last line printed is one JSON object with every figure (null where not measured).
// Installs SimPy into the project's .venv when missing (not part of requirements.txt).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bootstrap, jupyterEnv, REPO, runMain, UserError } from "./lib/bootstrap.mjs";
import { lessonNotebooks } from "./notebooks.mjs";
import { checkTargets } from "./bench/targets.mjs";
import { saveRatioChart } from "./bench/chart.mjs";
import { checkerRepetition, checkerResult, checkerSizes, checkerTable } from "./bench/checker.mjs";

const CASES = ["kernel", "seeding", "network", "score", "failure", "explore", "progress", "notebooks", "checker", "stateright"];

function parseArgs(argv) {
  const opts = { json: false, quick: false, only: CASES, runs: undefined, distDir: path.join(REPO, "dist"), ownDist: false, chart: null, save: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (v === undefined) throw new UserError(`${a} needs a value`);
      return v;
    };
    if (a === "--json") opts.json = true;
    else if (a === "--quick") opts.quick = true;
    else if (a === "--only" || a.startsWith("--only=")) {
      opts.only = value().split(",").map((s) => s.trim()).filter(Boolean);
      const bad = opts.only.filter((c) => !CASES.includes(c));
      if (bad.length > 0) throw new UserError(`--only: unknown case ${bad.join(", ")}; known: ${CASES.join(", ")}`);
    } else if (a === "--runs" || a.startsWith("--runs=")) {
      opts.runs = Number(value());
      if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new UserError(`--runs must be an integer >= 1; got ${opts.runs}`);
    } else if (a === "--dist" || a.startsWith("--dist=")) {
      opts.distDir = path.resolve(value()); // a compiled src/ elsewhere (tests, development): no bootstrap build
      opts.ownDist = true;
    } else if (a === "--chart" || a.startsWith("--chart=")) {
      opts.chart = path.resolve(value()); // the ratio chart (.svg, .png, .html)
    } else if (a === "--save" || a.startsWith("--save=")) {
      opts.save = path.resolve(value()); // the JSON result, also written to this file
    } else if (a === "--help" || a === "-h") {
      console.log("usage: npm run bench -- [--json] [--quick] [--only kernel,seeding,network,score,failure,explore,progress,notebooks,checker,stateright] [--runs N] [--dist DIR] [--chart FILE.svg] [--save FILE.json]");
      process.exit(0);
    } else throw new UserError(`unknown option ${a}; try --help`);
  }
  opts.runs ??= opts.quick ? 1 : 3;
  return opts;
}

/** Work sizes. SimPy gets less work (it is slow); its figures are rates, or scaled, and say so. */
function sizes(quick) {
  const q = quick ? 10 : 1;
  return {
    kernel: { events: 10_000_000 / q, warmupEvents: 1_000_000 / q },
    simpyKernel: { events: 1_000_000 / q, warmupEvents: 100_000 / q },
    seeding: { rngs: 300_000 / q, warmupRngs: 30_000 / q },
    network: { messages: 1_000_000 / q, warmupMessages: 100_000 / q },
    score: { runs: 200_000 / q, warmupRuns: 20_000 / q },
    simpyScore: { runs: 50_000 / q, warmupRuns: 5_000 / q },
    failure: { nodes: 1_000_000, warmupNodes: 100_000 },
    simpyFailure: { nodes: 100_000 / q, warmupNodes: 1_000 },
    exploreFull: { messages: 9, warmupMessages: 7, keyed: false },
    exploreKeyed: { messages: 15, warmupMessages: 12, keyed: true },
    // Runs of about 0.5 µs: more than 1 s even with --quick, so that the line is drawn and redrawn.
    progress: { runs: quick ? 3_000_000 : 4_000_000, warmupRuns: 200_000, reps: quick ? 1 : 2 },
    checker: checkerSizes(quick),
  };
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs one case in a fresh process; returns its JSON line, or { error }. */
function runCase(cmd, args, env) {
  const res = spawnSync(cmd, args, { cwd: REPO, encoding: "utf8", env, maxBuffer: 64 * 2 ** 20 });
  const line = (res.stdout ?? "").trim().split("\n").pop();
  if (res.status !== 0 || !line?.startsWith("{")) {
    const why = (res.stderr || res.error?.message || `exit ${res.status}`).trim().split("\n").slice(-3).join(" | ");
    return { error: why };
  }
  return JSON.parse(line);
}

/** With --dist the build is not ours to make: use the project's .venv (or DISTSYS_PYTHON) as it is. */
function existingPython() {
  const venv = path.join(REPO, ".venv", process.platform === "win32" ? "Scripts/python.exe" : "bin/python");
  const python = process.env.DISTSYS_PYTHON ?? (fs.existsSync(venv) ? venv : null);
  return python ? { python } : bootstrap();
}

function ensureSimpy(python, log) {
  const has = () => spawnSync(python, ["-c", "import simpy"], { stdio: "ignore" }).status === 0;
  if (has()) return true;
  log("SimPy is not in .venv: pip install simpy (benchmarks only; not in requirements.txt) ...");
  spawnSync(python, ["-m", "pip", "install", "--disable-pip-version-check", "-q", "simpy"], { cwd: REPO, stdio: "inherit" });
  if (has()) return true;
  log("could not install SimPy: the SimPy figures will be null");
  return false;
}

function pythonVersions(python) {
  const res = spawnSync(python, ["-c",
    "import sys, json\ntry:\n import simpy; v = simpy.__version__\nexcept Exception: v = None\n" +
    "print(json.dumps({'python': sys.version.split()[0], 'simpy': v}))"], { encoding: "utf8" });
  try { return JSON.parse(res.stdout.trim()); } catch { return { python: null, simpy: null }; }
}

function machineInfo(py) {
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism(),
    cpu: cpus[0]?.model ?? "unknown",
    memoryGB: Math.round(os.totalmem() / 2 ** 30 * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.versions.node,
    python: py.python,
    simpy: py.simpy,
    loadavgStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

/**
 * One notebook run's per-cell figures, from the strict runner's JSON: kernel start-up (s), the median
 * and the slowest code cell (ms), and the median of the cells whose outputs hold a chart (ms; null
 * when none does).
 */
function cellFigures(res) {
  const ms = (cells) => cells.map((c) => c.ms).filter((x) => typeof x === "number");
  const cells = res.cells ?? [];
  const all = ms(cells);
  return {
    kernelStart: res.kernelStartSeconds ?? null,
    cellMedian: median(all),
    cellMax: all.length > 0 ? Math.max(...all) : null,
    chartMedian: median(ms(cells.filter((c) => c.chart))),
  };
}

/**
 * The notebooks case: the strict runner over every notebook, `reps` times. Per notebook, the median
 * over the repetitions of its seconds (Run All) and of each per-cell figure of cellFigures.
 */
function notebookCase(python, reps, log) {
  const files = lessonNotebooks();
  const empty = () => ({ seconds: {}, kernelStart: {}, cellMedian: {}, cellMax: {}, chartMedian: {}, failed: [] });
  if (files.length === 0) {
    log("notebooks: notebooks/ holds no notebooks");
    return empty();
  }
  const per = {};
  const perCell = {};
  const failed = new Set();
  for (let r = 0; r < reps; r++) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "distsys-bench-nb-"));
    const json = path.join(tmp, "results.json");
    const runner = path.join(REPO, "scripts", "run_notebooks.py");
    spawnSync(python, [runner, "--json", json, "--output-dir", path.join(tmp, "out"), ...files],
      { cwd: REPO, stdio: ["ignore", "ignore", "inherit"], env: jupyterEnv() });
    const results = fs.existsSync(json) ? JSON.parse(fs.readFileSync(json, "utf8")) : [];
    for (const res of results) {
      const name = path.basename(res.notebook, ".ipynb");
      (per[name] ??= []).push(res.seconds);
      (perCell[name] ??= []).push(cellFigures(res));
      if (!res.ok) failed.add(name);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
    log(`notebooks run ${r + 1}/${reps}: ${results.map((x) => `${path.basename(x.notebook, ".ipynb")} ${x.seconds} s${x.ok ? "" : " FAILED"}`).join(", ")}`);
  }
  const out = empty();
  for (const [name, xs] of Object.entries(per)) out.seconds[name] = median(xs);
  for (const [name, runs] of Object.entries(perCell)) {
    for (const key of ["kernelStart", "cellMedian", "cellMax", "chartMedian"]) out[key][name] = median(runs.map((x) => x[key]));
  }
  out.failed = [...failed];
  return out;
}

runMain(async () => {
  const opts = parseArgs(process.argv.slice(2));
  const log = (msg) => console.log(`[bench] ${msg}`);
  const { python } = opts.ownDist ? existingPython() : bootstrap();
  const simpy = ensureSimpy(python, log);
  const py = pythonVersions(python);
  const machine = machineInfo(py);
  const S = sizes(opts.quick);
  const want = new Set(opts.only);
  const distDir = opts.distDir;
  const nodeCase = (name, params) => runCase(process.execPath, [path.join(REPO, "scripts", "bench", "node-cases.mjs"), name, JSON.stringify({ distDir, ...params })], process.env);
  const simpyCase = (name, params) => simpy
    ? runCase(python, [path.join(REPO, "scripts", "bench", "simpy_cases.py"), name, JSON.stringify(params)], process.env)
    : { error: "SimPy not installed" };

  log(`${machine.cores} cores (${machine.cpu}), Node ${machine.node}, Python ${machine.python}, SimPy ${machine.simpy}; ` +
    `load average ${machine.loadavgStart.join(" ")}; ${opts.runs} run(s) per case${opts.quick ? ", --quick sizes" : ""}`);

  // Each repetition runs every case once (fresh processes), so noise spreads over all of them.
  const samples = {};
  const add = (key, rec, field) => {
    (samples[key] ??= { values: [], records: [] });
    if (rec.error) log(`${key}: ERROR ${rec.error}`);
    else samples[key].values.push(rec[field]);
    samples[key].records.push(rec);
  };
  const checkerState = {}; // the Stateright build, made once for every repetition
  for (let r = 0; r < opts.runs; r++) {
    if (want.has("kernel")) {
      add("engine", nodeCase("kernel", S.kernel), "eventsPerS");
      add("bare", nodeCase("bare", S.kernel), "eventsPerS");
      add("simpyKernel", simpyCase("kernel", S.simpyKernel), "eventsPerS");
    }
    if (want.has("seeding")) add("seeding", nodeCase("seeding", S.seeding), "rngsPerS");
    if (want.has("network")) add("network", nodeCase("network", S.network), "messagesPerS");
    if (want.has("score")) {
      add("score", nodeCase("score", S.score), "runsPerS");
      add("simpyScore", simpyCase("score", S.simpyScore), "runsPerS");
    }
    if (want.has("failure")) {
      const ours = nodeCase("failure", S.failure);
      add("failure", ours, "seconds");
      add("failureMem", ours, "peakRssMB");
      const theirs = simpyCase("failure", S.simpyFailure);
      const scale = S.failure.nodes / S.simpyFailure.nodes;
      add("simpyFailure", theirs.error ? theirs : { ...theirs, scaledSeconds: theirs.seconds * scale }, "scaledSeconds");
      add("simpyFailureMem", theirs, "peakRssMB");
      const withTimes = nodeCase("failure", { ...S.failure, recordFailureTimes: true });
      add("failureTimes", withTimes, "seconds");
      add("failureTimesMem", withTimes, "peakRssMB");
    }
    if (want.has("progress")) add("progress", nodeCase("progress", S.progress), "overheadPct");
    if (want.has("explore")) {
      add("exploreFull", nodeCase("explore", S.exploreFull), "seconds");
      add("exploreKeyed", nodeCase("explore", S.exploreKeyed), "seconds");
    }
    await checkerRepetition({ want, sizes: S.checker, nodeCase, add, log, state: checkerState });
    log(`run ${r + 1}/${opts.runs} done (load ${os.loadavg()[0].toFixed(2)})`);
  }
  const m = (key) => (samples[key] ? median(samples[key].values) : null);
  const notebooks = want.has("notebooks") ? notebookCase(python, opts.runs, log) : null;
  machine.loadavgEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);

  const result = {
    engine_events_per_s: m("engine"),
    bare_loop_events_per_s: m("bare"),
    simpy_events_per_s: m("simpyKernel"),
    rng_seeds_per_s: m("seeding"),
    network_messages_per_s: m("network"),
    score_race_runs_per_s: m("score"),
    simpy_score_race_runs_per_s: m("simpyScore"),
    failure_year_s: m("failure"),
    failure_year_peak_rss_mb: m("failureMem"),
    simpy_failure_year_s: m("simpyFailure"),
    simpy_failure_peak_rss_mb: m("simpyFailureMem"),
    failure_year_with_times_s: m("failureTimes"),
    failure_year_with_times_peak_rss_mb: m("failureTimesMem"),
    explore_full_walk_s: m("exploreFull"),
    explore_keyed_s: m("exploreKeyed"),
    progress_overhead_pct: m("progress"),
    notebook_seconds: notebooks ? notebooks.seconds : null,
    notebook_total_s: notebooks ? Object.values(notebooks.seconds).reduce((a, b) => a + b, 0) : null,
    notebooks_failed: notebooks ? notebooks.failed : null,
    notebook_kernel_start_s: notebooks ? notebooks.kernelStart : null,
    notebook_cell_median_ms: notebooks ? notebooks.cellMedian : null,
    notebook_cell_max_ms: notebooks ? notebooks.cellMax : null,
    notebook_chart_cell_median_ms: notebooks ? notebooks.chartMedian : null,
    ...checkerResult({ want, sizes: S.checker, m, state: checkerState }),
    sizes: {
      kernel_events: want.has("kernel") ? S.kernel.events : null,
      simpy_kernel_events: want.has("kernel") ? S.simpyKernel.events : null,
      seeding_rngs: want.has("seeding") ? S.seeding.rngs : null,
      network_messages: want.has("network") ? S.network.messages : null,
      score_runs: want.has("score") ? S.score.runs : null,
      simpy_score_runs: want.has("score") ? S.simpyScore.runs : null,
      failure_nodes: want.has("failure") ? S.failure.nodes : null,
      simpy_failure_nodes_measured: want.has("failure") ? S.simpyFailure.nodes : null,
      explore_full_walk_messages: want.has("explore") ? S.exploreFull.messages : null,
      explore_keyed_messages: want.has("explore") ? S.exploreKeyed.messages : null,
      progress_runs: want.has("progress") ? S.progress.runs : null,
      checker_rms: want.has("checker") || want.has("stateright") ? S.checker.rms : null,
    },
    runs_per_case: opts.runs,
    quick: opts.quick,
    machine,
  };
  result.ratios = checkTargets(result);

  printTable(result, log);
  if (opts.save) fs.writeFileSync(opts.save, `${JSON.stringify(result, null, 2)}\n`);
  if (opts.chart) {
    try {
      log(`chart written to ${await saveRatioChart(result, opts.chart, distDir)}`);
    } catch (error) {
      log(`could not write the chart: ${error?.message ?? error}`);
    }
  }
  if (opts.json) console.log(JSON.stringify(result));
  return 0;
});

function printTable(r, log) {
  const f = (x, digits = 0) => (x === null || x === undefined ? "-" : Number(x).toLocaleString("en-US", { maximumFractionDigits: digits }));
  const lines = [];
  if (r.engine_events_per_s !== null || r.simpy_events_per_s !== null) lines.push(
    ["kernel: hold model, 1,000 pending events", ""],
    [`  engine (${f(r.sizes.kernel_events)} events)`, `${f(r.engine_events_per_s)} events/s`],
    ["  bare typed-array heap loop", `${f(r.bare_loop_events_per_s)} events/s`],
    [`  SimPy timeout callbacks (${f(r.sizes.simpy_kernel_events)} events)`, `${f(r.simpy_events_per_s)} events/s`]);
  if (r.sizes.seeding_rngs !== null) lines.push(
    [`rng seeding (${f(r.sizes.seeding_rngs)} rngs, createRng + one draw)`, `${f(r.rng_seeds_per_s)} rngs/s`]);
  if (r.sizes.network_messages !== null) lines.push(
    [`network layer, loss 0.1, duplication 0.05 (${f(r.sizes.network_messages)} messages)`, `${f(r.network_messages_per_s)} messages sent/s`]);
  if (r.sizes.score_runs !== null) lines.push(
    ["score race Monte Carlo (monteCarlo over runScoreRace)", ""],
    [`  engine, one core (${f(r.sizes.score_runs)} runs)`, `${f(r.score_race_runs_per_s)} runs/s`],
    [`  SimPy, one core (${f(r.sizes.simpy_score_runs)} runs)`, `${f(r.simpy_score_race_runs_per_s)} runs/s`]);
  if (r.score_race_runs_per_s && r.simpy_score_race_runs_per_s) lines.push(
    ["  ours / SimPy, one core (measured ratio, no target)", `${f(r.score_race_runs_per_s / r.simpy_score_race_runs_per_s, 2)}x`]);
  if (r.sizes.failure_nodes !== null) lines.push(
    ["failures: 1e6 nodes, 1 year, MTBF 3 years, 1-day repairs", ""],
    ["  engine (simulateClusterFailures)", `${f(r.failure_year_s, 3)} s, peak RSS ${f(r.failure_year_peak_rss_mb, 1)} MB`],
    [`  SimPy, one process per node (measured at ${f(r.sizes.simpy_failure_nodes_measured)} nodes, time scaled x${f(r.sizes.failure_nodes / r.sizes.simpy_failure_nodes_measured)})`,
      `${f(r.simpy_failure_year_s, 1)} s, peak RSS ${f(r.simpy_failure_peak_rss_mb, 1)} MB at the measured size`],
    ["  engine, recordFailureTimes", `${f(r.failure_year_with_times_s, 3)} s, peak RSS ${f(r.failure_year_with_times_peak_rss_mb, 1)} MB`]);
  if (r.sizes.explore_full_walk_messages !== null) lines.push(
    ["explore (exhaustive delivery orders)", ""],
    [`  full walk, ${r.sizes.explore_full_walk_messages} messages`, `${f(r.explore_full_walk_s, 3)} s`],
    [`  with a state key, ${r.sizes.explore_keyed_messages} messages`, `${f(r.explore_keyed_s, 3)} s`]);
  if (r.sizes.progress_runs !== null) lines.push(
    [`progress line, cheap monteCarlo (${f(r.sizes.progress_runs)} runs), forced on vs off`, `${f(r.progress_overhead_pct, 2)} % overhead`]);
  lines.push(...checkerTable(r, f));
  if (r.notebook_seconds) {
    // Per notebook: Run All (kernel start-up included), then what re-running cells feels like.
    lines.push(["notebooks (strict headless runner)", "Run All; kernel start-up; code cells median, slowest; chart cells median"]);
    for (const [name, s] of Object.entries(r.notebook_seconds)) {
      lines.push([`  ${name}${r.notebooks_failed.includes(name) ? " (FAILED)" : ""}`,
        `${f(s, 1)} s; ${f(r.notebook_kernel_start_s[name], 2)} s; ${f(r.notebook_cell_median_ms[name])} ms, ` +
        `${f(r.notebook_cell_max_ms[name])} ms; ${f(r.notebook_chart_cell_median_ms[name])} ms`]);
    }
    lines.push(["  total", `${f(r.notebook_total_s, 1)} s`]);
  }
  const w = Math.max(0, ...lines.map(([a]) => a.length));
  for (const [a, b] of lines) console.log(`${a.padEnd(w)}  ${b}`);
  console.log("ratios against targets:");
  const lw = Math.max(44, ...r.ratios.map((t) => t.label.length));
  for (const t of r.ratios) {
    const verdict = t.value === null ? "not measured" : t.met ? "met" : "MISSED";
    console.log(`  ${t.label.padEnd(lw)} ${t.value === null ? "-" : t.value.toFixed(2).padStart(8)}  target ${t.op} ${t.target}  ${verdict}`);
  }
  log(`load average at the end ${r.machine.loadavgEnd.join(" ")}`);
}


