// The performance targets of scripts/bench.mjs, as ratios of figures measured in the same run.

const ratio = (a, b) => (typeof a === "number" && typeof b === "number" && b > 0 ? a / b : null);
/** The largest number among an object's values (a figure keyed by notebook), or null. */
const largest = (byName) => {
  const xs = Object.values(byName ?? {}).filter((x) => typeof x === "number");
  return xs.length > 0 ? Math.max(...xs) : null;
};

/**
 * Each target: a label, how to compute its value from the bench result, and the bound. The score race
 * against SimPy (score_race_runs_per_s / simpy_score_race_runs_per_s) is measured and printed but has
 * no target any more (its 20x target was retired).
 */
export const TARGETS = [
  { key: "engine_vs_simpy", label: "engine / SimPy events/s", op: ">=", target: 10,
    value: (r) => ratio(r.engine_events_per_s, r.simpy_events_per_s) },
  { key: "engine_vs_bare", label: "engine / bare heap loop events/s", op: ">=", target: 0.6,
    value: (r) => ratio(r.engine_events_per_s, r.bare_loop_events_per_s) },
  { key: "failure_vs_simpy", label: "failure year: SimPy s / engine s", op: ">=", target: 40,
    value: (r) => ratio(r.simpy_failure_year_s, r.failure_year_s) },
  { key: "failure_peak_rss_mb", label: "failure year: engine peak MB", op: "<", target: 100,
    value: (r) => r.failure_year_peak_rss_mb ?? null },
  { key: "progress_overhead_pct", label: "progress line overhead, cheap monteCarlo (%)", op: "<", target: 2,
    value: (r) => r.progress_overhead_pct ?? null },
  { key: "notebooks_total_s", label: "all notebooks together (s)", op: "<=", target: 60,
    value: (r) => (r.notebook_seconds && Object.keys(r.notebook_seconds).length > 0 ? r.notebook_total_s : null) },
  // What a student feels re-running cells (targets for 2 cores): each notebook's median chart cell,
  // every code cell, and each notebook's Run All with kernel start-up.
  { key: "slowest_chart_cell_median_ms", label: "slowest notebook's chart-cell median (ms)", op: "<=", target: 250,
    value: (r) => largest(r.notebook_chart_cell_median_ms) },
  { key: "slowest_cell_ms", label: "slowest code cell, any notebook (ms)", op: "<=", target: 2000,
    value: (r) => largest(r.notebook_cell_max_ms) },
  { key: "slowest_run_all_s", label: "slowest notebook Run All with kernel start (s)", op: "<=", target: 10,
    value: (r) => largest(r.notebook_seconds) },
  // The model checker on TwoPhase with 8 RMs (depth first) against Stateright's `2pc check 8`.
  { key: "checker_vs_stateright", label: "checker / Stateright distinct states/s (8 RMs)", op: ">=", target: 0.5,
    value: (r) => ratio(r.checker_states_per_s, r.stateright_states_per_s) },
  { key: "checker_peak_rss_mb", label: "checker peak MB (8 RMs, depth first)", op: "<=", target: 150,
    value: (r) => r.checker_peak_rss_mb ?? null },
];

/** Evaluates every target on a bench result: [{ key, label, value, op, target, met }]. */
export function checkTargets(result) {
  return TARGETS.map((t) => {
    const value = t.value(result);
    const met = value === null ? null : t.op === ">=" ? value >= t.target : t.op === "<" ? value < t.target : value <= t.target;
    return { key: t.key, label: t.label, value, op: t.op, target: t.target, met };
  });
}
