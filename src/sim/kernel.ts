/**
 * The discrete-event kernel: a virtual clock in milliseconds and an event queue.
 *
 * The queue is an {@link EventHeap} of (time, slot). A slot indexes a small table holding the event's
 * handler number and numeric argument, so scheduling an event allocates nothing: handlers are
 * registered once with {@link Kernel.register} and events carry `(handler, arg)`. Equal-time events
 * run in the order they were scheduled (a sequence number breaks ties), so a run is a pure function
 * of its inputs.
 */
import { checkInteger, checkNonNegative, checkKeys, fail } from "../validate";
import { grow, INITIAL_CAPACITY } from "./columns";
import { EventHeap } from "./event-heap";

/** A registered event handler; receives the numeric argument given when the event was scheduled. */
export type KernelHandler = (arg: number) => void;

/** Options for {@link Kernel}. */
export interface KernelOptions {
  /**
   * Hard limit on the number of events the kernel will ever process. Processing one more throws an
   * Error, so a runaway protocol cannot hang a notebook.
   * @defaultValue 10_000_000
   */
  maxEvents?: number;
}

/** Options for {@link Kernel.run}. */
export interface RunOptions {
  /** Stop after running every event at time <= untilMs; the clock is then set to untilMs. */
  untilMs?: number;
  /** Stop (without error) after this many events in this call. */
  maxEvents?: number;
}

/** Why {@link Kernel.run} returned. */
export type StopReason = "quiescent" | "until" | "maxEvents";

/** The default hard event limit (10 million). */
export const DEFAULT_MAX_EVENTS = 10_000_000;

const SLOT_BITS = 2 ** 24; // ids encode (generation, slot); at most 16.7 million pending events
const CLOSURE = -1;
const CANCELLED = -2;

/** The event kernel. Most code uses a World; the kernel is exposed for benchmarks and custom models. */
export class Kernel {
  /** Current virtual time in ms. Never decreases. */
  now = 0;
  /** Events processed so far (over all runs). */
  processed = 0;
  /** The hard event limit (see {@link KernelOptions.maxEvents}). */
  readonly maxEvents: number;

  private handlers: KernelHandler[] = [];
  private heap = new EventHeap();
  /** The heap's top is the event being run; the next push replaces it (see EventHeap.replaceTop). */
  private topSpent = false;
  private seq = 0;
  // Slot table: small typed arrays that double as needed (see INITIAL_CAPACITY).
  private sHandler = new Int32Array(INITIAL_CAPACITY);
  private sArg = new Float64Array(INITIAL_CAPACITY);
  private sGen = new Uint32Array(INITIAL_CAPACITY);
  private sFn: (((() => void) | null))[] = [];
  private free = new Int32Array(INITIAL_CAPACITY);
  private nFree = 0;
  private nSlots = 0;
  private live = 0;

  constructor(options: KernelOptions = {}) {
    checkKeys("Kernel options", options, ["maxEvents"]);
    this.maxEvents = checkInteger("maxEvents", options.maxEvents ?? DEFAULT_MAX_EVENTS, 1);
  }

  /** Registers a handler once; returns its number for {@link at} and {@link after}. */
  register(handler: KernelHandler): number {
    if (typeof handler !== "function") fail("handler", handler, "a function");
    this.handlers.push(handler);
    return this.handlers.length - 1;
  }

  /** Number of scheduled, not cancelled, events. */
  get pending(): number {
    return this.live;
  }

  /**
   * Schedules handler `handler` with `arg` at absolute time `timeMs` (>= now; scheduling in the past
   * throws). Returns an event id for {@link cancel}.
   */
  at(timeMs: number, handler: number, arg = 0): number {
    if (!(timeMs >= this.now) || timeMs === Infinity) {
      fail("timeMs", timeMs, `a finite time >= now (${this.now} ms); the clock never goes backwards`);
    }
    const slot = this.allocSlot();
    this.sHandler[slot] = handler;
    this.sArg[slot] = arg;
    this.push(timeMs, slot);
    return this.sGen[slot] * SLOT_BITS + slot;
  }

  /** Schedules handler `handler` with `arg` at now + delayMs (delayMs >= 0). */
  after(delayMs: number, handler: number, arg = 0): number {
    if (!(delayMs >= 0)) fail("delayMs", delayMs, "a finite number >= 0");
    return this.at(this.now + delayMs, handler, arg);
  }

  /** Convenience: runs `fn` after `delayMs`. Allocates a closure; prefer registered handlers in hot paths. */
  schedule(delayMs: number, fn: () => void): number {
    if (typeof fn !== "function") fail("fn", fn, "a function");
    const id = this.after(delayMs, CLOSURE, 0);
    this.sFn[id % SLOT_BITS] = fn;
    return id;
  }

  /** Cancels a pending event in O(1). Returns false if it already ran or was cancelled. */
  cancel(id: number): boolean {
    const slot = id % SLOT_BITS;
    if (!(slot < this.nSlots) || this.sGen[slot] !== Math.floor(id / SLOT_BITS) || this.sHandler[slot] === CANCELLED) return false;
    this.sHandler[slot] = CANCELLED; // the heap entry is skipped (and the slot freed) when it reaches the top
    this.sFn[slot] = null;
    this.live--;
    return true;
  }

  /**
   * Runs events in time order. Stops when the queue is empty ("quiescent"), when the next event is
   * later than `untilMs` ("until"; the clock is then advanced to untilMs), or after `maxEvents`
   * events in this call ("maxEvents"). Throws if the kernel's hard limit is exceeded.
   */
  run(options: RunOptions = {}): StopReason {
    checkKeys("run options", options, ["untilMs", "maxEvents"]);
    const until = options.untilMs === undefined ? Infinity : checkNonNegative("untilMs", options.untilMs);
    const budget = options.maxEvents === undefined ? Infinity : checkInteger("maxEvents", options.maxEvents, 0);
    if (until < this.now) fail("untilMs", until, `a time >= now (${this.now} ms)`);
    const heap = this.heap;
    if (this.topSpent) this.dropSpentTop(); // a handler threw during the previous run
    let count = 0;
    for (;;) {
      if (heap.size === 0) {
        if (until !== Infinity) this.now = until;
        return "quiescent";
      }
      const t = heap.time[0];
      if (t > until) {
        this.now = until;
        return "until";
      }
      if (count >= budget) return "maxEvents";
      const slot = heap.slot[0];
      const h = this.sHandler[slot];
      if (h === CANCELLED) { heap.removeTop(); this.release(slot); continue; }
      if (this.processed >= this.maxEvents) { // the queue is left intact for inspection
        throw new Error(`simulation exceeded its limit of maxEvents = ${this.maxEvents} events at t = ${this.now} ms ` +
          "(a protocol that never stops?); pass a larger maxEvents, or run with untilMs");
      }
      this.now = t;
      this.processed++;
      count++;
      this.live--;
      const arg = this.sArg[slot];
      this.topSpent = true;
      if (h === CLOSURE) {
        const fn = this.sFn[slot]!;
        this.sFn[slot] = null;
        this.release(slot);
        fn();
      } else {
        this.release(slot);
        this.handlers[h](arg);
      }
      if (this.topSpent) this.dropSpentTop();
    }
  }

  private dropSpentTop(): void {
    this.topSpent = false;
    this.heap.removeTop();
  }

  private allocSlot(): number {
    let slot: number;
    if (this.nFree > 0) slot = this.free[--this.nFree];
    else {
      slot = this.nSlots++;
      if (slot >= this.sHandler.length) this.growSlots();
      if (slot >= SLOT_BITS) throw new Error(`too many pending events (more than ${SLOT_BITS})`);
    }
    this.live++;
    return slot;
  }

  /** Returns a popped slot to the free list; bumping the generation invalidates its old event id. */
  private release(slot: number): void {
    this.sGen[slot] = (this.sGen[slot] + 1) & 0x1fffffff; // keeps ids below 2^53
    this.free[this.nFree++] = slot; // the free list is as long as the slot table
  }

  private growSlots(): void {
    this.sHandler = grow(this.sHandler, Int32Array);
    this.sArg = grow(this.sArg, Float64Array);
    this.sGen = grow(this.sGen, Uint32Array);
    this.free = grow(this.free, Int32Array);
  }

  private push(time: number, slot: number): void {
    if (this.topSpent) {
      this.topSpent = false;
      this.heap.replaceTop(time, slot, this.seq++);
    } else {
      this.heap.push(time, slot, this.seq++);
    }
  }
}
