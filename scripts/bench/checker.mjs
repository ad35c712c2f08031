// The checker and stateright cases of scripts/bench.mjs: the model checker on Gray and Lamport's
// TwoPhase (3, 5, 7 and 8 resource managers; each size in a fresh process), depth first (what
// Stateright's `check` does) on every core (threads "auto"), then at the largest size on one thread
// (the scaling) and breadth first on every core; and Stateright's own `2pc`
// example at the same sizes when cargo is available (scripts/bench/stateright.mjs).
import { runStateright, stateright2pc, STATERIGHT_VERSION } from "./stateright.mjs";

/** The RM counts; the headline figures are those of the largest. --quick stops at 7 RMs. */
export const checkerSizes = (quick) => ({ rms: quick ? [3, 5, 7] : [3, 5, 7, 8], warmupRms: 5 });

/**
 * One repetition of the cases asked for: `nodeCase(name, params)` runs a case of node-cases.mjs in a
 * fresh process; `add(key, record, field)` files a sample. `state` carries the Stateright build
 * (made once) across repetitions.
 */
export async function checkerRepetition({ want, sizes, nodeCase, add, log, state }) {
  const largest = sizes.rms.at(-1);
  if (want.has("checker")) {
    for (const rms of sizes.rms) {
      const rec = nodeCase("checker", { rms, warmupRms: sizes.warmupRms, strategy: "dfs" });
      add(`checker:${rms}:states`, rec, "distinctStates");
      add(`checker:${rms}:s`, rec, "seconds");
      if (rms === largest) {
        add("checkerRate", rec, "statesPerS");
        add("checkerMem", rec, "peakRssMB");
        add("checkerCpu", rec, "cpuSeconds");
        add("checkerThreads", rec, "threads");
      }
    }
    const one = nodeCase("checker", { rms: largest, warmupRms: sizes.warmupRms, strategy: "dfs", threads: 1 });
    add("checker1Rate", one, "statesPerS");
    add("checker1Cpu", one, "cpuSeconds");
    add("checker1Mem", one, "peakRssMB");
    const bfs = nodeCase("checker", { rms: largest, warmupRms: sizes.warmupRms, strategy: "bfs" });
    add("checkerBfsS", bfs, "seconds");
    add("checkerBfsRate", bfs, "statesPerS");
    add("checkerBfsMem", bfs, "peakRssMB");
  }
  if (want.has("stateright")) {
    state.build ??= stateright2pc(log);
    if (state.build.skipped) {
      if (!state.told) log(`stateright: skipped (${state.build.skipped}); its figures are null`);
      state.told = true;
      return;
    }
    for (const rms of sizes.rms) {
      const rec = await runStateright(state.build.binary, rms);
      add(`stateright:${rms}:states`, rec, "distinctStates");
      add(`stateright:${rms}:s`, rec, "seconds");
      add(`stateright:${rms}:processS`, rec, "processSeconds");
      if (rms === largest) {
        add("staterightRate", rec, "statesPerS");
        add("staterightMem", rec, "peakRssMB");
        add("staterightCpu", rec, "cpuSeconds");
        add("staterightThreads", rec, "threads");
      }
    }
  }
}

/** The JSON keys of both cases, from `m(key)` (the median of a sample, or null). */
export function checkerResult({ want, sizes, m, state }) {
  const byRms = (prefix, what, on) => (on ? Object.fromEntries(sizes.rms.map((n) => [n, m(`${prefix}:${n}:${what}`)])) : null);
  const ours = want.has("checker");
  const theirs = want.has("stateright") && !state.build?.skipped;
  return {
    checker_twophase_distinct_states: byRms("checker", "states", ours),
    checker_twophase_s: byRms("checker", "s", ours),
    checker_states_per_s: m("checkerRate"),
    checker_peak_rss_mb: m("checkerMem"),
    checker_cpu_s: m("checkerCpu"),
    checker_bfs_s: m("checkerBfsS"),
    checker_bfs_states_per_s: m("checkerBfsRate"),
    checker_bfs_peak_rss_mb: m("checkerBfsMem"),
    checker_threads: m("checkerThreads"),
    // The same search on one thread: its rate, CPU seconds and peak RSS, and the speed-up of all cores.
    checker_1thread_states_per_s: m("checker1Rate"),
    checker_1thread_cpu_s: m("checker1Cpu"),
    checker_1thread_peak_rss_mb: m("checker1Mem"),
    checker_thread_scaling: m("checkerRate") && m("checker1Rate") ? m("checkerRate") / m("checker1Rate") : null,
    // Distinct states per CPU second (every thread), all cores and one thread.
    checker_states_per_cpu_s: m("checkerCpu") && m(`checker:${sizes.rms.at(-1)}:states`) ? m(`checker:${sizes.rms.at(-1)}:states`) / m("checkerCpu") : null,
    checker_1thread_states_per_cpu_s: m("checker1Cpu") && m(`checker:${sizes.rms.at(-1)}:states`) ? m(`checker:${sizes.rms.at(-1)}:states`) / m("checker1Cpu") : null,
    stateright_states_per_cpu_s: m("staterightCpu") && m(`stateright:${sizes.rms.at(-1)}:states`) ? m(`stateright:${sizes.rms.at(-1)}:states`) / m("staterightCpu") : null,
    stateright_twophase_distinct_states: byRms("stateright", "states", theirs),
    stateright_twophase_s: byRms("stateright", "s", theirs),
    stateright_twophase_process_s: byRms("stateright", "processS", theirs),
    stateright_states_per_s: m("staterightRate"),
    stateright_peak_rss_mb: m("staterightMem"),
    stateright_cpu_s: m("staterightCpu"),
    stateright_threads: m("staterightThreads"),
    // Distinct states per CPU second (user + system, every thread), ours over Stateright's: steadier
    // than the wall-clock ratio on a busy machine, where two threads get less than two cores.
    checker_vs_stateright_per_cpu_s: m("checkerCpu") && m("staterightCpu") && m(`checker:${sizes.rms.at(-1)}:states`)
      ? (m(`checker:${sizes.rms.at(-1)}:states`) / m("checkerCpu")) / (m(`stateright:${sizes.rms.at(-1)}:states`) / m("staterightCpu")) : null,
    // Whether both checkers found the same number of distinct states at every size (null: not both run).
    checker_matches_stateright: ours && theirs
      ? sizes.rms.every((n) => m(`checker:${n}:states`) !== null && m(`checker:${n}:states`) === m(`stateright:${n}:states`)) : null,
    stateright_version: theirs ? STATERIGHT_VERSION : null,
    stateright_skipped: want.has("stateright") ? (state.build?.skipped ?? null) : null,
  };
}

/** Table lines ([label, figure]) for printTable. */
export function checkerTable(r, f) {
  const lines = [];
  const largest = r.sizes.checker_rms?.at(-1);
  const row = (n) => {
    const states = (src) => (src ? src[n] : null);
    const s = (src) => (src ? src[n] : null);
    const theirs = r.stateright_twophase_distinct_states
      ? `; Stateright ${f(states(r.stateright_twophase_distinct_states))} states, ${f(s(r.stateright_twophase_s), 2)} s (process ${f(s(r.stateright_twophase_process_s), 2)} s)`
      : "";
    return [`  ${n} RMs`, `ours ${f(states(r.checker_twophase_distinct_states))} states, ${f(s(r.checker_twophase_s), 2)} s${theirs}`];
  };
  if (r.checker_twophase_distinct_states || r.stateright_twophase_distinct_states || r.stateright_skipped) {
    lines.push(["model checker: TwoPhase, depth first", `threads: ours ${r.checker_threads ?? "-"}, Stateright ${r.stateright_threads ?? "-"}`]);
    for (const n of r.sizes.checker_rms ?? []) lines.push(row(n));
    lines.push(
      [`  ours, ${largest} RMs, depth first, ${r.checker_threads ?? "-"} threads`, `${f(r.checker_states_per_s)} states/s, peak RSS ${f(r.checker_peak_rss_mb, 1)} MB, ${f(r.checker_cpu_s, 2)} CPU s`],
      [`  ours, ${largest} RMs, depth first, 1 thread`, `${f(r.checker_1thread_states_per_s)} states/s, peak RSS ${f(r.checker_1thread_peak_rss_mb, 1)} MB, ${f(r.checker_1thread_cpu_s, 2)} CPU s; all cores / one: ${f(r.checker_thread_scaling, 2)}x`],
      [`  ours, ${largest} RMs, breadth first`, `${f(r.checker_bfs_states_per_s)} states/s, ${f(r.checker_bfs_s, 2)} s, peak RSS ${f(r.checker_bfs_peak_rss_mb, 1)} MB`],
      [`  Stateright ${r.stateright_version ?? ""} 2pc check ${largest}`, r.stateright_skipped ? `skipped: ${r.stateright_skipped}`
        : `${f(r.stateright_states_per_s)} states/s, peak RSS ${f(r.stateright_peak_rss_mb, 1)} MB, ${f(r.stateright_cpu_s, 2)} CPU s`]);
    if (r.checker_vs_stateright_per_cpu_s !== null) lines.push(["  ours / Stateright, distinct states per CPU second (no target)", `${f(r.checker_vs_stateright_per_cpu_s, 2)}x`]);
    if (r.checker_matches_stateright !== null) lines.push(["  same distinct-state counts at every size", r.checker_matches_stateright ? "yes" : "NO"]);
  }
  return lines;
}
