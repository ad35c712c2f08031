/**
 * The visited-state store of a search: every distinct state as its 64-bit fingerprint in an
 * open-addressing hash set (typed arrays, linear probing), numbered 0, 1, 2, ... in discovery
 * order, with a predecessor table (the state it was first reached from and the index of the action
 * taken there) from which a path is rebuilt by replaying actions. About 32 bytes a state; no state
 * object is kept here.
 */

/** Slots per state at most (load factor 1/2): short probe runs. */
const MIN_SLOTS_PER_STATE = 2;
const FIRST_CAPACITY = 1 << 12;

export class StateStore {
  /** Per slot: fingerprint lane 1, lane 2, state id + 1 (0: empty slot). */
  private slots: Int32Array;
  private mask: number;
  /** Per state id: the predecessor's id (-1 for the initial state) and the action index taken there. */
  private parents: Int32Array;
  private actionIndex: Int32Array;
  /** Number of states stored. */
  size = 0;
  /** The largest number of bytes the typed arrays have held. */
  peakBytes = 0;

  constructor(private readonly maxStates: number) {
    const cap = FIRST_CAPACITY;
    this.slots = new Int32Array(cap * 3);
    this.mask = cap - 1;
    const ids = Math.min(cap, maxStates);
    this.parents = new Int32Array(ids);
    this.actionIndex = new Int32Array(ids);
    this.notePeak();
  }

  /** True when `maxStates` states are stored (the next new state cannot be). */
  get full(): boolean {
    return this.size >= this.maxStates;
  }

  /**
   * Looks a fingerprint up; when absent (and the store is not full) stores it as a new state reached
   * from `parent` by its action number `action`. Returns the state's id: >= 0 for a state already
   * stored, ~id (negative) for the new state, or NOT_STORED when new but the store is full.
   */
  add(f1: number, f2: number, parent: number, action: number): number {
    const slots = this.slots;
    let i = (f1 ^ Math.imul(f2, 0x9e3779b1)) & this.mask;
    for (;;) {
      const at = i * 3;
      const id1 = slots[at + 2];
      if (id1 === 0) break;
      if (slots[at] === f1 && slots[at + 1] === f2) return id1 - 1;
      i = (i + 1) & this.mask;
    }
    if (this.size >= this.maxStates) return NOT_STORED;
    const id = this.size++;
    const at = i * 3;
    slots[at] = f1;
    slots[at + 1] = f2;
    slots[at + 2] = id + 1;
    if (id >= this.parents.length) this.growIds();
    this.parents[id] = parent;
    this.actionIndex[id] = action;
    if (this.size * MIN_SLOTS_PER_STATE > this.mask + 1) this.growSlots();
    return ~id;
  }

  /** The id of a stored fingerprint, or -1. */
  find(f1: number, f2: number): number {
    const slots = this.slots;
    let i = (f1 ^ Math.imul(f2, 0x9e3779b1)) & this.mask;
    for (;;) {
      const at = i * 3;
      const id1 = slots[at + 2];
      if (id1 === 0) return -1;
      if (slots[at] === f1 && slots[at + 1] === f2) return id1 - 1;
      i = (i + 1) & this.mask;
    }
  }

  /** The action indices from the initial state to state `id`, in order. */
  actionPath(id: number): number[] {
    const out: number[] = [];
    for (let s = id; this.parents[s] >= 0; s = this.parents[s]) out.push(this.actionIndex[s]);
    return out.reverse();
  }

  /** Marks `id` as the initial state (no predecessor). */
  setRoot(id: number): void {
    this.parents[id] = -1;
  }

  private growSlots(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    const slots = new Int32Array(cap * 3);
    const mask = cap - 1;
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2] === 0) continue;
      const f1 = old[at], f2 = old[at + 1];
      let i = (f1 ^ Math.imul(f2, 0x9e3779b1)) & mask;
      while (slots[i * 3 + 2] !== 0) i = (i + 1) & mask;
      slots[i * 3] = f1;
      slots[i * 3 + 1] = f2;
      slots[i * 3 + 2] = old[at + 2];
    }
    this.slots = slots;
    this.mask = mask;
    this.notePeak(old.byteLength);
  }

  private growIds(): void {
    const n = Math.min(this.parents.length * 2, this.maxStates);
    const parents = new Int32Array(n), actions = new Int32Array(n);
    parents.set(this.parents);
    actions.set(this.actionIndex);
    const freed = this.parents.byteLength * 2;
    this.parents = parents;
    this.actionIndex = actions;
    this.notePeak(freed);
  }

  /** Updates peakBytes; `transient` is the size of an array being replaced (held while copying). */
  private notePeak(transient = 0): void {
    const bytes = this.slots.byteLength + this.parents.byteLength + this.actionIndex.byteLength + transient;
    if (bytes > this.peakBytes) this.peakBytes = bytes;
  }
}

/** What {@link StateStore.add} returns for a new state that did not fit. */
export const NOT_STORED = 0x7fffffff;
