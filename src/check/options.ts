/**
 * The options of {@link checkModel}: a model (initial state, actions, next state), named properties
 * of three kinds, a search strategy and limits; and their validation, once at the entry point.
 */
import { checkProgressMode, type ProgressMode } from "../stats/progress";
import * as fs from "fs";
import * as path from "path";
import { checkInteger, checkKeys, checkOneOf, describeValue, fail } from "../validate";

/** A property: a name and a predicate over states, under one of three keys that give its kind. */
export type PropertySpec<S> =
  /** An invariant: every reachable state must satisfy it; a state that does not is a counterexample. */
  | { name: string; always: (state: S) => boolean }
  /** An example is wanted: some reachable state satisfies it (the shortest path to one is reported). */
  | { name: string; sometimes: (state: S) => boolean }
  /**
   * On every maximal path some state satisfies it; a counterexample is a path on which it never
   * holds and that either ends (no action is enabled) or loops.
   */
  | { name: string; eventually: (state: S) => boolean };

export type PropertyKind = "always" | "sometimes" | "eventually";
export const PROPERTY_KINDS: readonly PropertyKind[] = ["always", "sometimes", "eventually"];

/** Where a worker thread loads the model: a module file, an exported function, its arguments. */
export interface ModelModule {
  /** The absolute path of a CommonJS module (for example `__filename` of the module that defines the model). */
  path: string;
  /** The name of an exported function that returns the model's options (init, actions, next, properties). */
  export: string;
  /** The arguments it is called with (plain data: they are copied to each worker). @defaultValue [] */
  args?: readonly unknown[];
}

/** What {@link CheckModelOptions.onProgress} receives. */
export interface CheckProgress {
  /** "search", or `eventually "<name>"` during the pass for that property. */
  phase: string;
  /** Distinct states stored by the current pass. */
  distinctStates: number;
  /** Successor states computed by all passes, duplicates included. */
  generatedStates: number;
  /** States found but not yet expanded (queue or stack). */
  queued: number;
  /** The depth being explored (actions from the initial state). */
  depth: number;
  /** Milliseconds since the check started. */
  elapsedMs: number;
}

/** Options for {@link checkModel}. `S` is the state type, `A` the action type. */
export interface CheckModelOptions<S, A> {
  /** The initial state (plain data: see {@link fingerprint}). */
  init: S;
  /** The actions that may be taken in a state (an empty list: the state is a dead end). */
  actions: (state: S) => readonly A[];
  /**
   * The state after taking `action` in `state`: a NEW state (never modify `state`), or undefined
   * when the action is not enabled there. Must be deterministic: paths are rebuilt by replaying it.
   */
  next: (state: S, action: A) => S | undefined;
  /** Named properties, checked in every state found. @defaultValue [] (only count the states) */
  properties?: readonly PropertySpec<S>[];
  /**
   * "bfs" (breadth first: every counterexample and example is a shortest one) or "dfs" (depth
   * first: less memory for the states waiting, longer paths). @defaultValue "bfs"
   */
  strategy?: "bfs" | "dfs";
  /** Stop with verdict "incomplete" once this many distinct states are stored. @defaultValue 5,000,000 */
  maxStates?: number;
  /** Do not expand states this many actions from the initial state. @defaultValue no bound */
  maxDepth?: number;
  /** Called with the figures reached every {@link PROGRESS_EVERY_STATES} new states of a pass. @defaultValue none */
  onProgress?: (progress: CheckProgress) => void;
  /**
   * Whether a progress line (states, states/s, queue, depth) is shown once the check takes more than
   * about 1 s: "auto" in a notebook kernel only, true always, false never. @defaultValue "auto"
   */
  progress?: ProgressMode;
  /**
   * Worker threads for the main search: a number (1 to 256), or "auto": when `modelModule` is given,
   * a search that is still going after {@link AUTO_SERIAL_STATES} states starts again on one thread
   * per core (os.availableParallelism()); else (no module, or one whose properties or initial state
   * differ from these options') 1. More than 1 needs `modelModule`. Exact either way
   * (the same distinct states); breadth first stays level by level, so paths are still shortest.
   * @defaultValue "auto"
   */
  threads?: number | "auto";
  /**
   * Where worker threads load this same model (closures cannot be sent to a thread): a CommonJS
   * module's absolute path, the name of an exported function that returns these options (init,
   * actions, next, properties), and its arguments. The workers check the module's properties; the
   * options' must have the same names. `twoPhaseModel` sets it. @defaultValue none (one thread)
   */
  modelModule?: ModelModule;
}

/** With threads "auto", a search runs on one thread up to this many states before it starts again on all cores. */
export const AUTO_SERIAL_STATES = 20_000;
/** The most worker threads accepted. */
export const MAX_THREADS = 256;

/** The default of `maxStates`: 5 million states (about 160 MB of fingerprints and predecessors). */
export const DEFAULT_MAX_STATES = 5_000_000;
/** The largest `maxStates` accepted: 2^27 states (about 3 GB of store). */
export const MAX_MAX_STATES = 2 ** 27;
/** How often onProgress is called: every this many new states. */
export const PROGRESS_EVERY_STATES = 1 << 15;

const KEYS = ["init", "actions", "next", "properties", "strategy", "maxStates", "maxDepth", "onProgress", "progress", "threads", "modelModule"];

/** A property after validation. */
export interface Property<S> {
  name: string;
  kind: PropertyKind;
  test: (state: S) => boolean;
}

/** Options after validation, defaults applied. */
export interface Checked<S, A> {
  init: S;
  actions: (state: S) => readonly A[];
  next: (state: S, action: A) => S | undefined;
  properties: Property<S>[];
  strategy: "bfs" | "dfs";
  maxStates: number;
  maxDepth: number;
  onProgress: ((progress: CheckProgress) => void) | undefined;
  progress: ProgressMode;
  threads: number | "auto";
  modelModule: ModelModule | undefined;
}

/** Validates the options of checkModel, naming the option, the value and the valid range. */
export function checkModelOptions<S, A>(options: CheckModelOptions<S, A>): Checked<S, A> {
  const fn = "checkModel";
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, KEYS);
  if (!("init" in options) || options.init === undefined) fail(`${fn}: init`, options.init, "the initial state (plain data)");
  for (const f of ["actions", "next"] as const) {
    if (typeof options[f] !== "function") fail(`${fn}: ${f}`, options[f], "a function");
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== "function") fail(`${fn}: onProgress`, options.onProgress, "a function");
  const strategy = checkOneOf(`${fn}: strategy`, options.strategy ?? "bfs", ["bfs", "dfs"]);
  const maxStates = checkInteger(`${fn}: maxStates`, options.maxStates ?? DEFAULT_MAX_STATES, 1, MAX_MAX_STATES);
  const maxDepth = options.maxDepth === undefined ? Infinity : checkInteger(`${fn}: maxDepth`, options.maxDepth, 0, 1_000_000_000);
  const modelModule = options.modelModule === undefined ? undefined : checkModelModule(`${fn}: modelModule`, options.modelModule);
  const t: unknown = options.threads;
  const threads = t === undefined || t === "auto" ? "auto" : t;
  if (threads !== "auto" && !(Number.isInteger(threads) && (threads as number) >= 1 && (threads as number) <= MAX_THREADS)) {
    fail(`${fn}: threads`, t, `an integer in [1, ${MAX_THREADS}] or "auto"`);
  }
  if (threads !== "auto" && (threads as number) > 1 && modelModule === undefined) {
    fail(`${fn}: threads`, threads, '1 or "auto" unless modelModule is given (worker threads load the model from a module file)');
  }
  return {
    threads: threads as number | "auto", modelModule,
    init: options.init, actions: options.actions, next: options.next, properties: checkProperties(fn, options.properties ?? []),
    strategy, maxStates, maxDepth, onProgress: options.onProgress, progress: checkProgressMode(`${fn}: progress`, options.progress),
  };
}

function checkModelModule(name: string, m: unknown): ModelModule {
  if (m === null || typeof m !== "object") fail(name, m, 'an object { path, export, args } such as { path: __filename, export: "myModel", args: [3] }');
  const spec = m as Record<string, unknown>;
  checkKeys(name, spec, ["path", "export", "args"]);
  if (typeof spec.path !== "string" || !path.isAbsolute(spec.path) || !fs.existsSync(spec.path)) fail(`${name}.path`, spec.path, "the absolute path of an existing module file");
  if (typeof spec.export !== "string" || spec.export.length === 0) fail(`${name}.export`, spec.export, "the name of an exported function");
  if (spec.args !== undefined && !Array.isArray(spec.args)) fail(`${name}.args`, spec.args, "an array of arguments (plain data)");
  return { path: spec.path, export: spec.export, args: (spec.args as unknown[] | undefined) ?? [] };
}

function checkProperties<S>(fn: string, list: unknown): Property<S>[] {
  if (!Array.isArray(list)) fail(`${fn}: properties`, list, 'an array of properties such as { name: "safe", always: (state) => ... }');
  const seen = new Set<string>();
  return list.map((p: unknown, i) => {
    const at = `${fn}: properties[${i}]`;
    if (p === null || typeof p !== "object") fail(at, p, 'a property such as { name: "safe", always: (state) => ... }');
    const spec = p as Record<string, unknown>;
    checkKeys(`${at}`, spec, ["name", ...PROPERTY_KINDS]);
    if (typeof spec.name !== "string" || spec.name.length === 0) fail(`${at}.name`, spec.name, "a non-empty string");
    if (seen.has(spec.name)) fail(`${at}.name`, spec.name, `a name not used by another property (${describeValue(spec.name)} repeats)`);
    seen.add(spec.name);
    const kinds = PROPERTY_KINDS.filter((k) => spec[k] !== undefined);
    if (kinds.length !== 1) fail(at, p, "a property with exactly one of always, sometimes, eventually");
    const kind = kinds[0];
    if (typeof spec[kind] !== "function") fail(`${at}.${kind}`, spec[kind], "a function (state) => boolean");
    return { name: spec.name, kind, test: spec[kind] as (state: S) => boolean };
  });
}
