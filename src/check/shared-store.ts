/**
 * The visited-state store of a search on worker threads: the same content as StateStore (every
 * distinct state as its 64-bit fingerprint in an open-addressing hash set, a predecessor table), in
 * SharedArrayBuffers that every worker reads and writes at once. A new fingerprint is claimed with
 * a compare-and-swap on its first lane, so two workers that find the same state at once store it
 * once; ids come from an atomic counter. The buffers are growable; the table grows (in place, the
 * coordinator rehashing it) only while every worker waits at a barrier.
 */
import { KNOWN, NOT_STORED } from "./state-store";

/** What {@link SharedStore.add} returns when the table is too full to take a state before it grows. */
export const FULL = 0x7ffffffd;

/**
 * The index in the control array (an Int32Array over a SharedArrayBuffer) of the ids taken: on a
 * cache line of its own (the other fields are read at every step and written rarely).
 */
export const SIZE = 16;

/** Ids a worker takes at once (one atomic add per block, not per state), while far from the limits. */
const ID_BLOCK = 64;

/** A SharedArrayBuffer that can grow in place (ES2024; Node 20 has it, TypeScript 5.0's lib does not). */
interface Growable { grow(bytes: number): void }
type GrowableConstructor = new (bytes: number, options: { maxByteLength: number }) => SharedArrayBuffer;
const growable = (bytes: number, max: number): SharedArrayBuffer => new (SharedArrayBuffer as unknown as GrowableConstructor)(bytes, { maxByteLength: max });

/** The first table: 2^16 slots. */
const FIRST_CAPACITY = 1 << 16;

/** The buffers of a store, as they are posted to a worker. */
export interface SharedStoreBuffers {
  slots: SharedArrayBuffer;
  parents: SharedArrayBuffer;
  actions: SharedArrayBuffer;
}

export class SharedStore {
  /** Per slot: fingerprint lanes 1 and 2, each made non-zero; a 0 in lane 1 marks an empty slot. */
  readonly slots: Int32Array;
  private readonly mask: number;
  /** Ids up to this many are taken; beyond, add returns FULL (the barrier grows the table first). */
  private readonly hardIds: number;
  /** Per id: the predecessor's id (-1 for the initial state) and the action number taken there. */
  private readonly parents: Int32Array;
  private readonly actionIndex: Int32Array;
  /** This worker's block of ids: the next one and the end. */
  private nextId = 0;
  private endId = 0;
  /** The states this worker added (ids in a block it did not use are never states). */
  added = 0;

  constructor(readonly buffers: SharedStoreBuffers, private readonly ctrl: Int32Array, private readonly maxStates: number) {
    this.slots = new Int32Array(buffers.slots);
    this.mask = this.slots.length / 2 - 1;
    this.hardIds = Math.min(maxStates, ((this.mask + 1) * 9) >>> 4);
    this.parents = new Int32Array(buffers.parents);
    this.actionIndex = new Int32Array(buffers.actions);
  }

  /** A new, empty store for at most `maxStates` states (the predecessor buffers reserve that many). */
  static create(ctrl: Int32Array, maxStates: number): SharedStore {
    const ids = idsFor(FIRST_CAPACITY, maxStates);
    // The largest table: the first whose 9/16 holds maxStates (the address space is reserved, not used).
    let most = FIRST_CAPACITY;
    while ((most * 9) / 16 < maxStates) most *= 2;
    return new SharedStore({
      slots: growable(FIRST_CAPACITY * 8, most * 8),
      parents: growable(ids * 4, maxStates * 4),
      actions: growable(ids * 4, maxStates * 4),
    }, ctrl, maxStates);
  }

  /** Ids taken (the states stored, and on threads up to ID_BLOCK a worker more). */
  get size(): number {
    return Math.min(Atomics.load(this.ctrl, SIZE), this.maxStates);
  }

  /** Table slots. */
  get capacity(): number {
    return this.mask + 1;
  }

  /** Whether the barrier should grow the table (half full). */
  get wantsGrowth(): boolean {
    return Atomics.load(this.ctrl, SIZE) * 2 >= this.capacity && this.capacity * 9 / 16 < this.maxStates;
  }

  /** Bytes held by the buffers. */
  get bytes(): number {
    return this.buffers.slots.byteLength + this.buffers.parents.byteLength + this.buffers.actions.byteLength;
  }

  /**
   * Looks a fingerprint up; when absent, stores it as a new state reached from `parent` by its
   * action number `action`. Returns ~id (negative) for a new state, KNOWN for a state already
   * stored, NOT_STORED when new but maxStates are stored, FULL when the table must grow first.
   */
  add(f1: number, f2: number, parent: number, action: number): number {
    if (f1 === 0) f1 = 1;
    if (f2 === 0) f2 = 1;
    const slots = this.slots, ctrl = this.ctrl, mask = this.mask;
    let i = (f1 ^ Math.imul(f2, 0x9e3779b1)) & mask;
    for (;;) {
      const at = i * 2;
      let g1 = Atomics.load(slots, at);
      if (g1 === 0) {
        if (this.nextId === this.endId && Atomics.load(ctrl, SIZE) >= this.hardIds) return this.hardIds === this.maxStates ? NOT_STORED : FULL;
        g1 = Atomics.compareExchange(slots, at, 0, f1);
        if (g1 === 0) {
          const id = this.takeId();
          // Workers that passed the size check together may take a few ids beyond hardIds: the
          // predecessor buffers have ID_SLACK entries more.
          if (id < this.maxStates) { this.parents[id] = parent; this.actionIndex[id] = action; }
          Atomics.store(slots, at + 1, f2);
          if (id >= this.maxStates) return NOT_STORED;
          this.added++;
          return ~id;
        }
      }
      if (g1 === f1) {
        let g2 = Atomics.load(slots, at + 1);
        while (g2 === 0) g2 = Atomics.load(slots, at + 1); // the worker that claimed it is storing lane 2
        if (g2 === f2) return KNOWN;
      }
      i = (i + 1) & mask;
    }
  }

  /** The next id of this worker's block; a new block (or, near the limits, one id) when it is used up. */
  private takeId(): number {
    if (this.nextId < this.endId) return this.nextId++;
    const block = Atomics.load(this.ctrl, SIZE) + ID_BLOCK * 512 < this.hardIds ? ID_BLOCK : 1;
    const base = Atomics.add(this.ctrl, SIZE, block);
    this.nextId = base + 1;
    this.endId = base + block;
    return base;
  }

  /** Takes over the block and the count of the store this one replaces (after a growth). */
  carry(from: SharedStore): SharedStore {
    this.nextId = from.nextId;
    this.endId = from.endId;
    this.added = from.added;
    return this;
  }

  /** Whether a fingerprint is stored (once the workers are stopped). */
  has(f1: number, f2: number): boolean {
    if (f1 === 0) f1 = 1;
    if (f2 === 0) f2 = 1;
    const slots = this.slots, mask = this.mask;
    for (let i = (f1 ^ Math.imul(f2, 0x9e3779b1)) & mask; ; i = (i + 1) & mask) {
      if (slots[i * 2] === 0) return false;
      if (slots[i * 2] === f1 && slots[i * 2 + 1] === f2) return true;
    }
  }

  /** Ids are not kept in the slots: always -1 (paths are checked with has). */
  find(): number {
    return -1;
  }

  /** The action numbers from the initial state to state `id`, in order. */
  actionPath(id: number): number[] {
    const out: number[] = [];
    for (let s = id; this.parents[s] >= 0; s = this.parents[s]) out.push(this.actionIndex[s]);
    return out.reverse();
  }

  /**
   * The store with twice the slots and the same content, in the same buffers (called by the
   * coordinator while every worker waits). The table grows in place, without a copy that would
   * stay in memory until a garbage collection: see rehash. Returns the store and the bytes held.
   */
  grown(): { store: SharedStore; transientBytes: number } {
    const cap = this.capacity * 2;
    (this.buffers.slots as unknown as Growable).grow(cap * 8);
    const placedBytes = rehash(new Int32Array(this.buffers.slots), this.capacity);
    const ids = idsFor(cap, this.maxStates);
    for (const b of [this.buffers.parents, this.buffers.actions]) if (b.byteLength < ids * 4) (b as unknown as Growable).grow(ids * 4);
    const store = new SharedStore(this.buffers, this.ctrl, this.maxStates);
    return { store, transientBytes: store.bytes + placedBytes };
  }
}

/**
 * Rehashes in place a table of `old` slots whose buffer has just doubled (`slots` has 2 * old
 * slots, the upper half zero). The entries are packed at the start, moved to the end, and placed
 * from there one by one at their new home (or the first slot after it that is empty or holds an
 * entry not yet placed, which is then placed next). No placed entry ever probes past an entry not
 * yet placed, so taking one out of its slot never cuts a probe chain. Returns the bytes of the
 * "placed" bit map.
 */
function rehash(slots: Int32Array, old: number): number {
  const cap = old * 2, mask = cap - 1;
  let n = 0;
  for (let i = 0; i < old; i++) {
    if (slots[i * 2] === 0) continue;
    slots[n * 2] = slots[i * 2]; slots[n * 2 + 1] = slots[i * 2 + 1]; n++;
  }
  const from = cap - n;
  slots.copyWithin(from * 2, 0, n * 2);
  slots.fill(0, 0, from * 2);
  const placed = new Uint8Array(cap >>> 3);
  const isPlaced = (i: number) => (placed[i >>> 3] & (1 << (i & 7))) !== 0;
  for (let q = from; q < cap; q++) {
    if (slots[q * 2] === 0 || isPlaced(q)) continue;
    let f1 = slots[q * 2], f2 = slots[q * 2 + 1];
    slots[q * 2] = 0; slots[q * 2 + 1] = 0;
    for (;;) {
      let i = (f1 ^ Math.imul(f2, 0x9e3779b1)) & mask;
      while (slots[i * 2] !== 0 && isPlaced(i)) i = (i + 1) & mask;
      const g1 = slots[i * 2], g2 = slots[i * 2 + 1];
      slots[i * 2] = f1; slots[i * 2 + 1] = f2;
      placed[i >>> 3] |= 1 << (i & 7);
      if (g1 === 0) break;
      f1 = g1; f2 = g2; // an entry not yet placed: place it next
    }
  }
  return placed.byteLength;
}

/** Ids beyond the size check that concurrent adds may take (one per worker at most). */
const ID_SLACK = 4096;

/** The predecessor entries for a table of `capacity` slots (9/16 of them may be taken), within maxStates. */
function idsFor(capacity: number, maxStates: number): number {
  return Math.min(maxStates, ((capacity * 9) >>> 4) + ID_SLACK);
}
