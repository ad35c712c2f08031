/**
 * One pass of a search: the store of states found, the properties it watches (the first state where
 * each one "hits"), the limits, the counters and the progress calls. The loops that drive a pass
 * are in search.ts (the main breadth- or depth-first search) and loops.ts (loop detection).
 */
import * as v8 from "v8";
import { fingerprintSharing } from "./fingerprint";
import { unsupported } from "./plain-data";
import type { CheckProgress } from "./options";
import { PROGRESS_EVERY_STATES } from "./options";
import { NOT_STORED, StateStore } from "./state-store";

/** The model: an initial state, the actions of a state, and the state an action leads to. */
export interface Model<S, A> {
  init: S;
  actions: (state: S) => readonly A[];
  next: (state: S, action: A) => S | undefined;
}

/** A predicate watched by a pass: it hits at the first state where `test(state) === wanted`. */
export interface Watch<S> {
  test: (state: S) => boolean;
  wanted: boolean;
  /** For error messages: e.g. `property "consistent"`. */
  label: string;
}

/** Which limit made a search incomplete. */
export type Limit = "maxStates" | "maxDepth" | "memory";

/** Counters shared by every pass of one check. */
export interface Totals {
  generated: number;
  startedMs: number;
  onProgress: ((p: CheckProgress) => void) | undefined;
}

/** Stop when the JavaScript heap is this full (the states waiting live there). */
const HEAP_FULL = 0.9;

export class Pass<S, A> {
  readonly store: StateStore;
  /** Per watch: the id of the first state where it hit, or -1. */
  readonly hits: number[];
  /** Watches not yet hit; the pass stops when it reaches 0 (if there were any). */
  private open: number;
  limitReached: Limit | null = null;
  /** True once the pass should end (every watch hit, a limit, or a dead end wanted and found). */
  stop = false;
  maxDepthSeen = 0;
  /** The id of the state the last add() found or stored (-1 when not stored). */
  lastId = -1;
  /** What is running now, for error messages. */
  stage = "";
  private readonly fp = new Int32Array(2);

  constructor(readonly model: Model<S, A>, readonly watches: readonly Watch<S>[], maxStates: number,
    readonly maxDepth: number, readonly phase: string, readonly totals: Totals) {
    this.store = new StateStore(maxStates);
    this.hits = watches.map(() => -1);
    this.open = watches.length;
  }

  /** Adds a state reached from `parent` by its action number `action`; true when it is new. */
  add(state: S, parent: number, action: number, depth: number, queued: number): boolean {
    try {
      fingerprintSharing(state, this.fp);
    } catch (e) {
      throw unsupported(`checkModel (${this.stage})`, state, e);
    }
    let r: number;
    try {
      r = this.store.add(this.fp[0], this.fp[1], parent, action);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      this.limit("memory");
      return false;
    }
    if (r >= 0) {
      this.lastId = r === NOT_STORED ? -1 : r;
      if (r === NOT_STORED) this.limit("maxStates");
      return false;
    }
    const id = ~r;
    this.lastId = id;
    if (parent < 0) this.store.setRoot(id);
    if (depth > this.maxDepthSeen) this.maxDepthSeen = depth;
    if (this.open > 0) this.watch(state, id);
    if ((id & (PROGRESS_EVERY_STATES - 1)) === PROGRESS_EVERY_STATES - 1) this.checkpoint(depth, queued);
    return true;
  }

  /** Records that the search was cut by `limit` (the first limit met wins). */
  limit(limit: Limit): void {
    if (this.limitReached === null || this.limitReached === "maxDepth") this.limitReached = limit;
    if (limit !== "maxDepth") this.stop = true;
  }

  /** The fingerprint lanes of the last state added. */
  lastFingerprint(): [number, number] {
    return [this.fp[0], this.fp[1]];
  }

  private watch(state: S, id: number): void {
    for (let w = 0; w < this.watches.length; w++) {
      if (this.hits[w] >= 0) continue;
      const watch = this.watches[w];
      this.stage = watch.label;
      const value: unknown = watch.test(state);
      if (typeof value !== "boolean") {
        throw new TypeError(`checkModel: ${watch.label} must return true or false; got ${typeof value === "string" ? JSON.stringify(value) : String(value)}`);
      }
      if (value === watch.wanted) {
        this.hits[w] = id;
        if (--this.open === 0) this.stop = true;
      }
    }
  }

  private checkpoint(depth: number, queued: number): void {
    const heap = v8.getHeapStatistics();
    if (heap.used_heap_size > HEAP_FULL * heap.heap_size_limit) this.limit("memory");
    const t = this.totals;
    if (t.onProgress !== undefined) {
      t.onProgress({
        phase: this.phase, distinctStates: this.store.size, generatedStates: t.generated, queued, depth,
        elapsedMs: performance.now() - t.startedMs,
      });
    }
  }
}
