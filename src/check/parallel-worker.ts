/**
 * One worker thread of a parallel search (see parallel-search.ts): it loads the model from its
 * module, then expands states from its own frontier into the shared store until the coordinator
 * calls a barrier. Between barriers it runs alone; at a barrier it reports its figures, gives part
 * of its frontier to idle workers, and waits for the coordinator's next message (a new table, the
 * next breadth-first level, states given to it, or the end).
 */
import * as v8 from "v8";
import { isMainThread, receiveMessageOnPort, workerData} from "worker_threads";
import { fingerprintInto, fingerprintSharing, forgetShared, shareParts } from "./fingerprint";
import { Frontier } from "./frontier";
import { checkModelOptions, type Checked } from "./options";
import { unsupported } from "./plain-data";
import { assertUnchanged, withContext } from "./search";
import { NOT_STORED } from "./state-store";
import { FULL, SharedStore, type SharedStoreBuffers } from "./shared-store";
import { ARRIVED, DEAD, EPOCH, GENERATED, HITS, IDLE, LIMITS, LIMIT_DEPTH, LIMIT_MEMORY, LIMIT_STATES, loadModel, OPEN, PAUSE, STOP, type FromCoordinator, type ToCoordinator, type WorkerSetup } from "./parallel-protocol";

const MUTATION_CHECKS = 1000;
const HEAP_CHECK_EVERY = 1024;

function work(setup: WorkerSetup): void {
  const { ctrl: ctrlBuffer, port, strategy, maxStates, maxDepth, watches, threads } = setup;
  const ctrl = new Int32Array(ctrlBuffer);
  const lifo = strategy === "dfs";
  let o: Checked<unknown, unknown> = undefined as unknown as Checked<unknown, unknown>;
  let tests: ((state: unknown) => boolean)[] = [];
  let error: unknown;
  try {
    o = checkModelOptions(loadModel(setup.module));
    tests = watches.map((w) => {
      const p = o.properties.find((q) => q.name === w.name);
      if (p === undefined) throw new Error(`checkModel: property ${JSON.stringify(w.name)} is not in the model that modelModule returns in a worker thread`);
      return p.test;
    });
  } catch (e) { error = e; }
  let store = new SharedStore(setup.store, ctrl, maxStates);
  const current = new Frontier<unknown>(lifo);
  // Breadth first: the states of the next level (found while the current level is expanded).
  const nextLevel = lifo ? current : new Frontier<unknown>(false);
  const pending: { state: unknown; parent: number; action: number; depth: number }[] = [];
  const fp = new Int32Array(2), check = new Int32Array(2);
  let generated = 0, maxDepthSeen = 0, expansions = 0, stage = "", epoch = 0;

  const stopAll = () => { Atomics.store(ctrl, STOP, 1); Atomics.store(ctrl, PAUSE, 1); };
  const limit = (bit: number) => { Atomics.or(ctrl, LIMITS, bit); if (bit !== LIMIT_DEPTH) stopAll(); };

  /** Offers a state to the store; a new one is watched and queued. */
  const offer = (state: unknown, parent: number, action: number, depth: number, to: Frontier<unknown>, hashed = false): void => {
    stage = "next(state, action)";
    if (!hashed) fingerprintOf(state);
    const r = store.add(fp[0], fp[1], parent, action);
    if (r === FULL) { pending.push({ state, parent, action, depth }); Atomics.store(ctrl, PAUSE, 1); return; }
    if (r >= 0) { if (r === NOT_STORED) limit(LIMIT_STATES); return; }
    const id = ~r;
    if (depth > maxDepthSeen) maxDepthSeen = depth;
    if (Atomics.load(ctrl, OPEN) > 0) {
      for (let w = 0; w < tests.length; w++) {
        if (Atomics.load(ctrl, HITS + w) >= 0) continue;
        stage = watches[w].label;
        const value: unknown = tests[w](state);
        if (typeof value !== "boolean") throw new TypeError(`checkModel: ${watches[w].label} must return true or false; got ${typeof value === "string" ? JSON.stringify(value) : String(value)}`);
        if (value === watches[w].wanted && Atomics.compareExchange(ctrl, HITS + w, -1, id) === -1 && Atomics.sub(ctrl, OPEN, 1) === 1) stopAll();
      }
    }
    if ((id & (HEAP_CHECK_EVERY - 1)) === 0) {
      Atomics.store(ctrl, GENERATED + setup.index, generated);
      const heap = v8.getHeapStatistics();
      if (heap.total_available_size < 0.1 * heap.heap_size_limit + 64 * 2 ** 20) limit(LIMIT_MEMORY);
    }
    to.push(state, id, depth, fp[0], fp[1]);
  };

  const fingerprintOf = (state: unknown): void => {
    try { fingerprintSharing(state, fp); } catch (e) { throw unsupported(`checkModel (${stage})`, state, e); }
  };

  /** Expands one state of the current frontier. */
  const expand = (): void => {
    const state = current.take();
    const { id, depth, f1, f2 } = current;
    const verify = expansions++ < MUTATION_CHECKS;
    if (verify) fingerprintInto(state, check, 0);
    shareParts(state);
    stage = "actions(state)";
    let action: unknown;
    try {
      const list = o.actions(state);
      if (!Array.isArray(list)) throw new TypeError("checkModel: actions(state) must return an array of actions");
      for (let i = 0; i < list.length; i++) {
        action = list[i];
        stage = "next(state, action)";
        const to = o.next(state, action);
        if (to === undefined) continue;
        generated++;
        if (depth >= maxDepth) { limit(LIMIT_DEPTH); break; }
        fingerprintOf(to);
        if (fp[0] === f1 && fp[1] === f2) continue;
        offer(to, id, i, depth + 1, nextLevel, true);
      }
      if (verify) assertUnchanged(state, check, action);
    } catch (e) {
      throw withContext(e, stage, action);
    } finally {
      forgetShared();
    }
  };

  /** Waits for the coordinator's next message; false at the end. */
  const barrier = (error?: unknown): boolean => {
    const idle = Atomics.load(ctrl, IDLE);
    const report: ToCoordinator = { current: current.length, next: lifo ? 0 : nextLevel.length, pending: pending.length, generated, added: store.added, maxDepth: maxDepthSeen };
    if (error !== undefined) {
      const e = error as Error;
      report.error = { name: e?.name ?? "Error", message: e?.message ?? String(error) };
    } else if (idle > 0 && current.length >= 2 && Atomics.load(ctrl, STOP) === 0) {
      const gift = current.donate(Math.max(1, Math.floor((current.length * idle) / threads)));
      report.states = gift.states;
      report.meta = gift.meta;
      report.current = current.length;
    }
    Atomics.store(ctrl, GENERATED + setup.index, generated);
    port.postMessage(report);
    Atomics.add(ctrl, ARRIVED, 1);
    Atomics.notify(ctrl, ARRIVED);
    Atomics.wait(ctrl, EPOCH, epoch);
    epoch = Atomics.load(ctrl, EPOCH);
    const m = receiveMessageOnPort(port)?.message as FromCoordinator | undefined;
    if (m === undefined) throw new Error("checkModel: a worker thread found no message at a barrier");
    if (m.done) return false;
    if (m.table !== undefined) store = new SharedStore(m.table as SharedStoreBuffers, ctrl, maxStates).carry(store);
    if (m.init) offer(o.init, -1, 0, 0, current);
    if (m.advance) while (nextLevel.length > 0 && nextLevel !== current) { const s = nextLevel.take(); current.push(s, nextLevel.id, nextLevel.depth, nextLevel.f1, nextLevel.f2); }
    if (m.states !== undefined && m.meta !== undefined) current.receive(m.states, m.meta);
    if (m.table !== undefined) for (const p of pending.splice(0)) offer(p.state, p.parent, p.action, p.depth, lifo ? current : nextLevel);
    return true;
  };

  try {
    if (!barrier(error)) return;
  } catch (e) { error = e; }
  for (;;) {
    if (error === undefined) {
      try {
        if (current.length === 0) { Atomics.add(ctrl, IDLE, 1); Atomics.store(ctrl, PAUSE, 1); }
        // At least one expansion a round, so that a worker with states always makes progress.
        while (current.length > 0) {
          expand();
          if (Atomics.load(ctrl, PAUSE) !== 0) break;
        }
        if (current.length === 0 && Atomics.load(ctrl, PAUSE) === 0) { Atomics.add(ctrl, IDLE, 1); Atomics.store(ctrl, PAUSE, 1); }
      } catch (e) {
        error = e;
        stopAll();
      }
    }
    let more: boolean;
    try { more = barrier(error); } catch (e) { error = e; stopAll(); more = true; }
    if (!more) return;
  }
}

if (!isMainThread && (workerData as { checkModelWorker?: boolean } | null)?.checkModelWorker === true) {
  const setup = workerData as WorkerSetup;
  try {
    work(setup);
  } catch (e) {
    const ctrl = new Int32Array(setup.ctrl);
    Atomics.store(ctrl, DEAD, 1);
    Atomics.notify(ctrl, ARRIVED);
    throw e;
  } finally {
    setup.port.close();
  }
}
