/**
 * Parameter sweeps: run a Monte Carlo experiment in every cell of a grid of parameter values and
 * collect tidy rows (one column per parameter), ready for a faceted or line chart.
 */
import { deriveSeed, type Seed } from "../random/rng";
import { checkKeys, fail } from "../validate";
import { checkRunOptions } from "./internal";
import { runInto } from "./montecarlo";
import { checkProgressMode, startProgress, type ProgressMode } from "./progress";
import { formatCount } from "./progress-line";

/** A value a grid parameter can take. */
export type SweepValue = number | string | boolean;

/** A grid: each parameter name maps to the non-empty list of values it takes. */
export type SweepGrid = Record<string, readonly SweepValue[]>;

/** One cell of a grid: each parameter name with one of its values. */
export type SweepParams<G extends SweepGrid> = { [K in keyof G]: G[K][number] };

/**
 * A tidy row of a sweep: the cell's parameters `P` and the measures `M` (the fields of what
 * `summarize` returned, or of one run's result).
 */
export type SweepRow<P = Record<string, SweepValue>, M = Record<string, unknown>> = P & M;

/**
 * The measures of a row without `summarize`: the run's index and its result's fields when the result
 * is a plain object, else the result as `value`.
 */
export type SweepRunMeasures<T> = { run: number } & (T extends readonly unknown[] | ((...args: never[]) => unknown) ? { value: T }
  : T extends object ? T : { value: T });

/** Options for {@link sweep}: a grid `G`, runs returning `T`, and optionally a summary `M` per cell. */
export interface SweepOptions<G extends SweepGrid, T, M extends object = object> {
  /** Parameter names and their values, e.g. `{ lossRate: [0, 0.1, 0.2], delayMs: [10, 100] }`. */
  grid: G;
  /** Runs in each cell, an integer in [1, 10_000_000]. */
  runs: number;
  /** The experiment seed; each cell's seed is derived from it and the cell's parameter values. */
  seed: Seed;
  /** One run with the cell's parameters, its own seed and its index within the cell. */
  run: (params: SweepParams<G>, seed: string, index: number) => T;
  /**
   * Turns one cell's results into one row or several; the cell's parameters are added to every row.
   * @defaultValue none: one row per run, `{ ...params, run: index, ...result }` for object results
   * or `{ ...params, run: index, value: result }` otherwise
   */
  summarize?: (results: T[], params: SweepParams<G>) => M | readonly M[];
  /**
   * A progress line over all cells' runs (`sweep 12 cells × 10,000 runs: ...`) once the sweep takes
   * more than about 1 s: "auto" in a notebook only, true also in a plain Node script, false never.
   * @defaultValue "auto"
   */
  progress?: ProgressMode;
}

/**
 * Every combination of the grid's values, first parameter varying slowest, e.g.
 * `gridCells({ a: [1, 2], b: ["x", "y"] })` gives a=1,b=x; a=1,b=y; a=2,b=x; a=2,b=y.
 */
export function gridCells<G extends SweepGrid>(grid: G): SweepParams<G>[] {
  checkGrid("gridCells(grid): grid", grid);
  let cells: Record<string, SweepValue>[] = [{}];
  for (const [name, values] of Object.entries(grid)) {
    const next: Record<string, SweepValue>[] = [];
    for (const cell of cells) for (const v of values) next.push({ ...cell, [name]: v });
    cells = next;
  }
  return cells as SweepParams<G>[];
}

/**
 * The seed of one grid cell: the experiment seed followed by "cell" and each `name=value` pair in
 * name order, e.g. `"42/cell/delayMs=10/lossRate=0.1"`. It depends only on this cell's values, so
 * adding a value to the grid (or reordering the grid's keys) leaves every other cell's runs unchanged.
 */
export function cellSeed(seed: Seed, params: Record<string, SweepValue>): string {
  const parts = Object.keys(params).sort().map((k) => `${k}=${String(params[k])}`);
  return deriveSeed(seed, "cell", ...parts);
}

/**
 * Runs `runs` seeded runs in every cell of `grid` and returns tidy rows, typed: each row has the
 * cell's parameters and the fields `summarize` returned (or, without summarize, `run` and the run's
 * result). Run i of a cell uses seed `runSeed(cellSeed(seed, params), i)`.
 *
 * @example
 * const rows = sweep({ grid: { lossRate: [0, 0.1, 0.2] }, runs: 1000, seed: SEED,
 *   run: (p, s) => runClientServer({ lossRate: p.lossRate, seed: s }).duplicates > 0,
 *   summarize: (dup) => wilson(dup.filter(Boolean).length, dup.length) });
 * rows[0].lossRate; rows[0].p; // typed: number, number
 */
export function sweep<G extends SweepGrid, T, M extends object>(
  options: SweepOptions<G, T, M> & { summarize: (results: T[], params: SweepParams<G>) => M | readonly M[] }): SweepRow<SweepParams<G>, M>[];
export function sweep<G extends SweepGrid, T>(options: SweepOptions<G, T> & { summarize?: undefined }): SweepRow<SweepParams<G>, SweepRunMeasures<T>>[];
export function sweep<G extends SweepGrid, T, M extends object>(options: SweepOptions<G, T, M>): SweepRow<SweepParams<G>, object>[] {
  const fn = "sweep";
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, ["grid", "runs", "seed", "run", "summarize", "progress"]);
  const { runs, seed } = checkRunOptions(fn, options);
  const progress = checkProgressMode(`${fn}: progress`, options.progress);
  const { run, summarize } = options;
  if (typeof run !== "function") fail(`${fn}: run`, run, "a function (params, seed, index) => result");
  if (summarize !== undefined && typeof summarize !== "function") fail(`${fn}: summarize`, summarize, "a function (results, params) => row or rows");
  const cells = gridCells(options.grid);
  const total = cells.length * runs;
  const rows: SweepRow<SweepParams<G>, object>[] = [];
  const p = startProgress({ label: `${fn} ${formatCount(cells.length)} cells × ${formatCount(runs)} runs`, total, unit: "runs", progress });
  p.run(() => cells.forEach((params, c) => addCell(params, c)));
  p.done();
  return rows;

  function addCell(params: SweepParams<G>, c: number): void {
    const cellRun = (s: string, i: number) => run(params, s, i);
    const results = runInto(new Array<T>(runs), runs, cellSeed(seed, params as Record<string, SweepValue>), cellRun, p, c * runs);
    if (summarize === undefined) {
      results.forEach((r, i) => rows.push(isPlainObject(r) ? { ...params, run: i, ...r } : { ...params, run: i, value: r }));
      return;
    }
    const out = summarize(results, params);
    for (const row of (Array.isArray(out) ? out : [out]) as unknown[]) {
      if (!isPlainObject(row)) fail(`${fn}: summarize result`, row, "an object or an array of objects");
      rows.push({ ...params, ...row });
    }
  }
}

function checkGrid(name: string, grid: unknown): asserts grid is SweepGrid {
  if (grid === null || typeof grid !== "object" || Array.isArray(grid)) {
    fail(name, grid, "an object mapping parameter names to non-empty arrays of values");
  }
  const entries = Object.entries(grid);
  if (entries.length === 0) fail(name, grid, "an object with at least one parameter");
  for (const [key, values] of entries) {
    if (!Array.isArray(values) || values.length === 0) fail(`${name}.${key}`, values, "a non-empty array of numbers, strings or booleans");
    values.forEach((v, i) => {
      const ok = typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
      if (!ok) fail(`${name}.${key}[${i}]`, v, "a finite number, a string or a boolean");
    });
    const seen = new Set(values.map((v) => String(v)));
    if (seen.size !== values.length) fail(`${name}.${key}`, values, "an array of distinct values");
  }
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}
