/**
 * The main search of a check on worker threads. Each worker loads the model from its module
 * (closures cannot cross threads) and expands states from a frontier of its own into one shared
 * fingerprint store (shared-store.ts). This thread coordinates: it waits (Atomics.wait) while the
 * workers run, and acts at barriers, which a worker calls when it runs out of states, when the table
 * must grow, or when the search must stop. At a barrier, busy workers give part of their frontier to
 * the idle ones (through this thread), the table grows, or, breadth first, the next level begins
 * once the current level is done everywhere (level-synchronous: every state of depth d is found
 * before any state of depth d + 1 is expanded, so the first hit is still at the smallest depth).
 */
import * as path from "path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "worker_threads";
import { fingerprint } from "./fingerprint";
import type { Checked } from "./options";
import { ARRIVED, controlLength, DEAD, EPOCH, GENERATED, HITS, IDLE, LIMITS, LIMIT_DEPTH, LIMIT_MEMORY, LIMIT_STATES, loadModel, OPEN, PAUSE, STOP, type FromCoordinator, type ModelModule, type ToCoordinator, type WorkerSetup } from "./parallel-protocol";
import type { CheckLimit, Totals, Watch } from "./pass";
import { PROGRESS_EVERY_STATES } from "./options";
import { SharedStore } from "./shared-store";

const WORKER_FILE = path.join(__dirname, "parallel-worker.js");
/** How long the workers may take to start (load Node and the model's module) before the check fails. */
const START_TIMEOUT_MS = 120_000;

/** What the parallel search found (the figures of a Pass, and the store for paths). */
export interface ParallelOutcome {
  store: SharedStore;
  distinctStates: number;
  hits: number[];
  limitReached: CheckLimit | null;
  maxDepthSeen: number;
  peakBytes: number;
}

/** Runs the main search on `threads` worker threads, watching `watches` (named by `names`). */
export function parallelSearch<S, A>(o: Checked<S, A>, module: ModelModule, threads: number, watches: readonly Watch<S>[],
  names: readonly string[], totals: Totals): ParallelOutcome {
  const mismatch = moduleMismatch(o, module, names);
  if (mismatch !== undefined) throw new TypeError(`checkModel: ${mismatch}`);
  const ctrl = new Int32Array(new SharedArrayBuffer(controlLength(watches.length) * 4));
  for (let w = 0; w < watches.length; w++) ctrl[HITS + w] = -1;
  ctrl[OPEN] = watches.length === 0 ? -1 : watches.length;
  let store = SharedStore.create(ctrl, o.maxStates);
  let peakBytes = store.bytes;
  const ports: MessagePort[] = [], workers: Worker[] = [];
  let generated = 0, added = 0, maxDepthSeen = 0, progressAt = PROGRESS_EVERY_STATES;
  const progress = (queued: number) => {
    if (totals.onProgress === undefined || store.size < progressAt) return;
    progressAt = (Math.floor(store.size / PROGRESS_EVERY_STATES) + 1) * PROGRESS_EVERY_STATES;
    let g = 0;
    for (let i = 0; i < threads; i++) g += Atomics.load(ctrl, GENERATED + i);
    totals.onProgress({ phase: "search", distinctStates: store.size, generatedStates: totals.generated + g, queued, depth: maxDepthSeen, elapsedMs: performance.now() - totals.startedMs });
  };
  try {
    for (let index = 0; index < threads; index++) {
      const { port1, port2 } = new MessageChannel();
      const setup: WorkerSetup = {
        checkModelWorker: true, index, threads, ctrl: ctrl.buffer as SharedArrayBuffer, store: store.buffers, port: port2, module,
        strategy: o.strategy, maxStates: o.maxStates, maxDepth: o.maxDepth,
        watches: watches.map((w, i) => ({ name: names[i], wanted: w.wanted, label: w.label })),
      };
      const worker = new Worker(WORKER_FILE, { workerData: setup, transferList: [port2] });
      worker.unref();
      workers.push(worker);
      ports.push(port1);
    }
    let first = true;
    for (;;) {
      // Wait until every worker is at the barrier (reporting progress meanwhile).
      let waited = 0;
      for (let a = Atomics.load(ctrl, ARRIVED); a < threads; a = Atomics.load(ctrl, ARRIVED)) {
        Atomics.wait(ctrl, ARRIVED, a, 100);
        if (Atomics.load(ctrl, DEAD) !== 0) throw new Error("checkModel: a worker thread stopped unexpectedly");
        // A worker that could not start reports nothing (its error event would need this thread's event loop).
        if (first && ++waited >= START_TIMEOUT_MS / 100) throw new Error(`checkModel: ${threads - a} of ${threads} worker threads did not start within ${START_TIMEOUT_MS / 1000} s`);
        progress(0);
      }
      const reports = ports.map((p) => receiveMessageOnPort(p)?.message as ToCoordinator);
      const failed = reports.find((r) => r.error !== undefined)?.error;
      if (failed !== undefined) throw rebuilt(failed);
      generated = 0;
      added = 0;
      for (const r of reports) { generated += r.generated; added += r.added; maxDepthSeen = Math.max(maxDepthSeen, r.maxDepth); }
      const messages: FromCoordinator[] = reports.map(() => ({}));
      const pool: { states: unknown[]; meta: Int32Array }[] = reports.flatMap((r) => (r.states !== undefined && r.meta !== undefined ? [{ states: r.states, meta: r.meta }] : []));
      const pending = reports.some((r) => r.pending > 0);
      let done = false;
      if (first) { messages[0].init = true; first = false; }
      else if (Atomics.load(ctrl, STOP) !== 0) done = true;
      else if (pool.length === 0 && reports.every((r) => r.current === 0) && !pending) {
        if (reports.some((r) => r.next > 0)) for (const m of messages) m.advance = true;
        else done = true;
      }
      if (done) {
        for (const p of ports) p.postMessage({ done: true });
      } else {
        if (pending || store.wantsGrowth) {
          const g = store.grown();
          store = g.store;
          peakBytes = Math.max(peakBytes, g.transientBytes);
          for (const m of messages) m.table = store.buffers;
        }
        share(pool, reports, messages);
        ports.forEach((p, i) => p.postMessage(messages[i]));
      }
      progress(reports.reduce((n, r) => n + r.current + r.next, 0));
      Atomics.store(ctrl, ARRIVED, 0);
      Atomics.store(ctrl, IDLE, 0);
      Atomics.store(ctrl, PAUSE, 0);
      Atomics.add(ctrl, EPOCH, 1);
      Atomics.notify(ctrl, EPOCH);
      if (done) break;
    }
  } finally {
    for (const w of workers) void w.terminate();
  }
  totals.generated += generated;
  const limits = Atomics.load(ctrl, LIMITS);
  const limitReached: CheckLimit | null = limits & LIMIT_MEMORY ? "memory" : limits & LIMIT_STATES ? "maxStates" : limits & LIMIT_DEPTH ? "maxDepth" : null;
  const hits = watches.map((_, w) => Atomics.load(ctrl, HITS + w));
  return { store, distinctStates: added, hits, limitReached, maxDepthSeen, peakBytes: Math.max(peakBytes, store.bytes) };
}

/** Gives the donated states to the workers that have none, in equal shares. */
function share(pool: { states: unknown[]; meta: Int32Array }[], reports: ToCoordinator[], messages: FromCoordinator[]): void {
  if (pool.length === 0) return;
  const states = pool.flatMap((p) => p.states);
  const meta = new Int32Array(states.length * 4);
  let at = 0;
  for (const p of pool) { meta.set(p.meta, at); at += p.meta.length; }
  let takers = reports.flatMap((r, i) => (r.current === 0 && r.states === undefined ? [i] : []));
  if (takers.length === 0) takers = [0];
  const each = Math.ceil(states.length / takers.length);
  takers.forEach((t, k) => {
    const from = k * each, to = Math.min(states.length, from + each);
    if (from < to) { messages[t].states = states.slice(from, to); messages[t].meta = meta.slice(from * 4, to * 4); }
  });
}

/**
 * Why the model the module gives is not the one in the options (other always and sometimes
 * properties, another initial state), or undefined when it is.
 */
export function moduleMismatch<S, A>(o: Checked<S, A>, module: ModelModule, names: readonly string[]): string | undefined {
  let loaded;
  try {
    loaded = loadModel(module);
  } catch (e) {
    throw new Error(`checkModel: modelModule ${module.path} (export ${JSON.stringify(module.export)}) could not be loaded: ${(e as Error).message}`);
  }
  const theirs = (loaded.properties ?? []).filter((p) => !("eventually" in p)).map((p) => p.name);
  if (theirs.length !== names.length || theirs.some((n, i) => n !== names[i])) {
    return `with threads > 1 the workers check the properties of the model that modelModule returns (${JSON.stringify(theirs)}), ` +
      `but the options have always and sometimes properties ${JSON.stringify(names)}; give the same properties in the module, or threads: 1`;
  }
  if (fingerprint(loaded.init) !== fingerprint(o.init)) {
    return "with threads > 1 the workers start from the initial state of the model that modelModule returns, which differs from the options' init; give the same model, or threads: 1";
  }
  return undefined;
}

/** An error reported by a worker, as the same kind of error here. */
function rebuilt(e: { name: string; message: string }): Error {
  const Kind = e.name === "TypeError" ? TypeError : e.name === "RangeError" ? RangeError : Error;
  return new Kind(e.message);
}
