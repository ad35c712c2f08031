/**
 * One pass of a search: the store of states found, the properties it watches (the first state where
 * each one "hits"), the limits, the counters and the progress calls. The loops that drive a pass
 * are in search.ts (the main breadth- or depth-first search) and eventually.ts (dead ends and loops).
 */
import * as v8 from "v8";
import { fingerprintSharing } from "./fingerprint";
import { unsupported } from "./plain-data";
import type { CheckProgress } from "./options";
import { PROGRESS_EVERY_STATES } from "./options";
import { KNOWN, NOT_STORED, StateStore } from "./state-store";

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
export type CheckLimit = "maxStates" | "maxDepth" | "memory";

/** Counters shared by every pass of one check. */
export interface Totals {
  generated: number;
  startedMs: number;
  onProgress: ((p: CheckProgress) => void) | undefined;
}

/**
 * Stop when less of the JavaScript heap (where the states waiting live) is available than this share
 * of its limit plus HEAP_MARGIN_BYTES (V8 keeps part of the limit for the young generation)...
 */
const HEAP_FREE_SHARE = 0.1;
const HEAP_MARGIN_BYTES = 64 * 2 ** 20;
/** ...as checked every this many new states (a power of 2, dividing PROGRESS_EVERY_STATES). */
const HEAP_CHECK_EVERY = 1024;

export class Pass<S, A> {
  readonly store: StateStore;
  /** Per watch: the id of the first state where it hit, or -1. */
  readonly hits: number[];
  /** Watches not yet hit; the pass stops when it reaches 0 (if there were any). */
  private open: number;
  limitReached: CheckLimit | null = null;
  /** True once the pass should end (every watch hit, a limit, or a dead end wanted and found). */
  stop = false;
  maxDepthSeen = 0;
  /** The id of the state the last add() stored, or found (with ids); else -1. */
  lastId = -1;
  /** What is running now, for error messages. */
  stage = "";
  private readonly fp = new Int32Array(2);
  /**
   * @internal What is fingerprinted instead of a state (for `explore`'s `key`: states with the same
   * key are one state). @defaultValue undefined (the state itself)
   */
  identity: ((state: S) => unknown) | undefined = undefined;

  /** `withIds`: the store can give the id of a state found again (see StateStore). */
  constructor(readonly model: Model<S, A>, readonly watches: readonly Watch<S>[], maxStates: number,
    readonly maxDepth: number, readonly phase: string, readonly totals: Totals, withIds = false) {
    this.store = new StateStore(maxStates, withIds);
    this.hits = watches.map(() => -1);
    this.open = watches.length;
  }

  /** The fingerprint lanes of the state last added. */
  get f1(): number { return this.fp[0]; }
  get f2(): number { return this.fp[1]; }

  /** Adds a state reached from `parent` by its action number `action`; true when it is new. */
  add(state: S, parent: number, action: number, depth: number, queued: number): boolean {
    this.fingerprint(state);
    return this.recordNew(state, parent, action, depth, queued);
  }

  /**
   * Like add, for a successor of the state `parent` whose fingerprint is (p1, p2): a successor
   * equal to it (an action that changes nothing) is known without a look in the store.
   */
  addSuccessor(state: S, parent: number, action: number, depth: number, queued: number, p1: number, p2: number): boolean {
    this.fingerprint(state);
    if (this.fp[0] === p1 && this.fp[1] === p2) { this.lastId = parent; return false; }
    return this.recordNew(state, parent, action, depth, queued);
  }

  private fingerprint(state: S): void {
    const value = this.identity === undefined ? state : this.identity(state);
    try {
      fingerprintSharing(value, this.fp);
    } catch (e) {
      throw unsupported(`checkModel (${this.stage})`, value, e);
    }
  }

  private recordNew(state: S, parent: number, action: number, depth: number, queued: number): boolean {
    let r: number;
    try {
      r = this.store.add(this.fp[0], this.fp[1], parent, action);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      this.limit("memory");
      return false;
    }
    if (r >= 0) {
      this.lastId = r === NOT_STORED || r === KNOWN ? -1 : r;
      if (r === NOT_STORED) this.limit("maxStates");
      return false;
    }
    const id = ~r;
    this.lastId = id;
    if (depth > this.maxDepthSeen) this.maxDepthSeen = depth;
    if (this.open > 0) this.watch(state, id);
    if ((id & (HEAP_CHECK_EVERY - 1)) === HEAP_CHECK_EVERY - 1) this.checkpoint(id, depth, queued);
    return true;
  }

  /** Records that the search was cut by `limit` (the first limit met wins). */
  limit(limit: CheckLimit): void {
    if (this.limitReached === null || this.limitReached === "maxDepth") this.limitReached = limit;
    if (limit !== "maxDepth") this.stop = true;
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

  /** Every HEAP_CHECK_EVERY new states: stop before the heap is full; call onProgress when due. */
  private checkpoint(id: number, depth: number, queued: number): void {
    const heap = v8.getHeapStatistics();
    if (heap.total_available_size < HEAP_FREE_SHARE * heap.heap_size_limit + HEAP_MARGIN_BYTES) this.limit("memory");
    const t = this.totals;
    if (t.onProgress !== undefined && (id & (PROGRESS_EVERY_STATES - 1)) === PROGRESS_EVERY_STATES - 1) {
      const stage = this.stage;
      this.stage = "onProgress";
      t.onProgress({
        phase: this.phase, distinctStates: this.store.size, generatedStates: t.generated, queued, depth,
        elapsedMs: performance.now() - t.startedMs,
      });
      this.stage = stage;
    }
  }
}
