/**
 * checkModel: every state a model can reach, with its properties checked in each; in the style of
 * TLC and Stateright. Breadth first by default, so every counterexample (and every example of a
 * `sometimes` property) is a shortest path.
 */
import type { EventuallyOutcome } from "./eventually";
import { checkEventually } from "./eventually";
import type { CheckModelOptions, CheckProgress, Checked, PropertyKind } from "./options";
import { checkModelOptions } from "./options";
import type { CheckLimit, Model, Totals, Watch } from "./pass";
import { Pass } from "./pass";
import type { CheckPath } from "./paths";
import { pathTo } from "./paths";
import * as os from "os";
import { moduleMismatch, parallelSearch } from "./parallel-search";
import type { ModelModule } from "./parallel-protocol";
import { AUTO_SERIAL_STATES } from "./options";
import { search } from "./search";
import { startProgress } from "../stats/progress";

/** What a check found for one property. */
export interface PropertyResult<S, A> {
  name: string;
  kind: PropertyKind;
  /**
   * "holds": always: no reachable state breaks it; sometimes: a state where it holds was found
   * (`path` leads there); eventually: no path avoids it forever.
   * "violated": always: `path` leads to a state where it is false; sometimes: no reachable state
   * satisfies it; eventually: `path` never satisfies it and ends or loops.
   * "unknown": a limit cut the search before it was decided.
   */
  status: "holds" | "violated" | "unknown";
  /** The counterexample (always, eventually) or the example (sometimes); a shortest one with "bfs". */
  path?: CheckPath<S, A>;
}

/** The result of {@link checkModel}. */
export interface CheckModelResult<S, A> extends CheckFigures {
  /** "violated" if any property is; else "incomplete" if any is unknown (or a limit was met); else "holds". */
  verdict: "holds" | "violated" | "incomplete";
  /** One entry per property, in the order given. */
  properties: PropertyResult<S, A>[];
  /** The threads the main search ran on (see the `threads` option; `eventually` passes run on one). */
  threads: number;
}

/** The figures of a check, for {@link checkModel} and checkProtocol alike. */
export interface CheckFigures {
  /** Distinct states found by the main search. */
  distinctStates: number;
  /** Successor states the main search computed, duplicates included (TLC's "states generated"). */
  generatedStates: number;
  /** The largest number of actions from the initial state to a state found. */
  maxDepth: number;
  /** Wall-clock milliseconds of the whole check. */
  elapsedMs: number;
  /** The most bytes the fingerprint store held (the states waiting in the queue are extra). */
  peakStoredBytes: number;
  /** The limit that cut the main search or a property's pass, or null. */
  limitReached: CheckLimit | null;
}

/**
 * Explores every state reachable from `init` (breadth first unless `strategy: "dfs"`), keeping
 * each distinct state as a 64-bit fingerprint, and checks the named properties: `always` in every
 * state, `sometimes` in some state, `eventually` on every path (a pass of its own per property).
 * The search stops early once every always and sometimes property is decided.
 *
 * @throws RangeError or TypeError naming the option, for bad options; TypeError for a state that
 *   is not plain data or a property that does not return a boolean; Error naming the model
 *   function that threw
 * @example
 * // A counter that may go up by 1 or 2 until 4:
 * checkModel({ init: 0, actions: () => [1, 2], next: (n, d) => (n + d <= 4 ? n + d : undefined),
 *   properties: [{ name: "reaches 4", sometimes: (n) => n === 4 }] })
 * // verdict "holds"; properties[0].path: { states: [0, 2, 4], actions: [2, 2] }; distinctStates 5
 */
export function checkModel<S, A>(options: CheckModelOptions<S, A>): CheckModelResult<S, A> {
  const o = checkModelOptions(options);
  // In a notebook, a check that takes more than about 1 s shows one progress line; an interrupt
  // stops it with one line saying how far it got.
  const progress = startProgress({ label: "checkModel", unit: "states", progress: o.progress });
  const onProgress = (p: CheckProgress) => {
    progress.tick(p.distinctStates, { queue: p.queued, depth: p.depth });
    o.onProgress?.(p);
  };
  const totals: Totals = { generated: 0, startedMs: performance.now(), onProgress };
  const model: Model<S, A> = { init: o.init, actions: o.actions, next: o.next };
  const result = progress.run(() => runCheck(model, o, totals));
  progress.done({ depth: result.maxDepth });
  return result;
}

function runCheck<S, A>(model: Model<S, A>, o: Checked<S, A>, totals: Totals): CheckModelResult<S, A> {

  const found = new Map<string, PropertyResult<S, A>>();
  const main = mainSearch(model, o, totals, found);
  let { peakStoredBytes, limitReached } = main;

  // Then one pass per eventually property.
  for (const p of o.properties.filter((q) => q.kind === "eventually")) {
    const r: EventuallyOutcome<S, A> = checkEventually(model, p.name, p.test, o.maxStates, o.maxDepth, totals);
    const status = r.path !== undefined ? "violated" : r.limitReached === null ? "holds" : "unknown";
    found.set(p.name, { name: p.name, kind: p.kind, status, ...(r.path ? { path: r.path } : {}) });
    peakStoredBytes = Math.max(peakStoredBytes, r.peakStoredBytes);
    limitReached ??= r.limitReached;
  }

  const properties = o.properties.map((p) => found.get(p.name) as PropertyResult<S, A>);
  const verdict = properties.some((p) => p.status === "violated") ? "violated"
    : properties.some((p) => p.status === "unknown") || (properties.length === 0 && limitReached !== null) ? "incomplete" : "holds";
  return {
    verdict, properties, threads: main.threads, distinctStates: main.distinctStates, generatedStates: main.generatedStates, maxDepth: main.maxDepth,
    elapsedMs: performance.now() - totals.startedMs, peakStoredBytes, limitReached,
  };
}

/**
 * The main search, watching always (hit: false) and sometimes (hit: true) properties; their results
 * go to `found`. Returns the figures only, so that its store can be collected before the next pass.
 */
function mainSearch<S, A>(model: Model<S, A>, o: Checked<S, A>, totals: Totals, found: Map<string, PropertyResult<S, A>>) {
  const watched = o.properties.filter((p) => p.kind !== "eventually");
  const watches: Watch<S>[] = watched.map((p) => ({ test: p.test, wanted: p.kind === "sometimes", label: `property ${JSON.stringify(p.name)}` }));
  const names = watched.map((p) => p.name);
  const main = searchOn(threadsFor(o, names), model, o, watches, names, totals);
  const complete = main.limitReached === null;
  watched.forEach((p, w) => {
    const hit = main.hits[w];
    const path = hit >= 0 ? pathTo(model, main.store, hit, (last) => p.test(last) === watches[w].wanted) : undefined;
    const status = hit >= 0 ? (p.kind === "always" ? "violated" : "holds") : !complete ? "unknown" : p.kind === "always" ? "holds" : "violated";
    found.set(p.name, { name: p.name, kind: p.kind, status, ...(path ? { path } : {}) });
  });
  return {
    distinctStates: main.distinctStates, generatedStates: totals.generated, maxDepth: main.maxDepthSeen,
    peakStoredBytes: main.peakBytes, limitReached: main.limitReached, threads: main.threads,
  };
}

/**
 * The threads asked for: "auto" is one per core (after a first try on one thread) when the model has
 * a module that gives the same model (else one thread; an explicit number fails on a mismatch).
 */
function threadsFor<S, A>(o: Checked<S, A>, names: readonly string[]): number | "auto" {
  if (o.modelModule === undefined) return 1;
  if (o.threads !== "auto") return o.threads;
  return os.availableParallelism() > 1 && moduleMismatch(o, o.modelModule, names) === undefined ? "auto" : 1;
}

/**
 * The main search on one thread (a Pass) or on worker threads. "auto": first on this thread up to
 * AUTO_SERIAL_STATES states; a search that is not done by then starts again on every core.
 */
function searchOn<S, A>(threads: number | "auto", model: Model<S, A>, o: Checked<S, A>, watches: Watch<S>[], names: string[], totals: Totals) {
  if (threads === "auto") {
    const generated = totals.generated;
    const first = serial(model, o, watches, totals, Math.min(o.maxStates, AUTO_SERIAL_STATES));
    if (first.limitReached !== "maxStates" || o.maxStates <= AUTO_SERIAL_STATES) return first;
    totals.generated = generated;
    threads = os.availableParallelism();
  }
  if (threads === 1) return serial(model, o, watches, totals, o.maxStates);
  const p = parallelSearch(o, o.modelModule as ModelModule, threads, watches, names, totals);
  return { ...p, threads };
}

function serial<S, A>(model: Model<S, A>, o: Checked<S, A>, watches: Watch<S>[], totals: Totals, maxStates: number) {
  const main = new Pass<S, A>(model, watches, maxStates, o.maxDepth, "search", totals);
  search(main, { strategy: o.strategy });
  return { store: main.store, distinctStates: main.store.size, hits: main.hits, limitReached: main.limitReached, maxDepthSeen: main.maxDepthSeen, peakBytes: main.store.peakBytes, threads: 1 };
}
