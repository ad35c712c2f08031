/**
 * The visited-state store of a search: every distinct state as its 64-bit fingerprint in an
 * open-addressing hash set (typed arrays, linear probing), numbered 0, 1, 2, ... in discovery
 * order, with a predecessor table (the state it was first reached from and the number of the
 * action taken there) from which a path is rebuilt by replaying actions. No state object is kept
 * here: 22 to 38 bytes a state (two to four 8-byte slots, as the load factor goes from 1/2 down to
 * 1/4 after each doubling, and 6 bytes of predecessor), or 30 to 54 with ids in the slots (needed
 * to look a state's id up, as loop detection does).
 */

/** Slots per state at least (load factor <= 1/2): short probe runs. */
const MIN_SLOTS_PER_STATE = 2;
const FIRST_CAPACITY = 1 << 12;

/** What {@link StateStore.add} returns for a new state that did not fit. */
export const NOT_STORED = 0x7fffffff;
/** What {@link StateStore.add} returns for a state already stored, in a store without ids. */
export const KNOWN = 0x7ffffffe;

export class StateStore {
  /** Per slot: fingerprint lane 1, lane 2 and, with ids, the state's id + 1; all 0: an empty slot. */
  private slots: Int32Array;
  private readonly stride: number;
  private mask: number;
  /** Per state id: the predecessor's id (-1 for the initial state) and the action number taken there. */
  private parents: Int32Array;
  private actionIndex: Uint16Array | Int32Array;
  /** Number of states stored. */
  size = 0;
  /** The largest number of bytes the typed arrays have held (during a growth, old and new arrays). */
  peakBytes = 0;

  constructor(private readonly maxStates: number, withIds: boolean) {
    this.stride = withIds ? 3 : 2;
    this.slots = new Int32Array(FIRST_CAPACITY * this.stride);
    this.mask = FIRST_CAPACITY - 1;
    const ids = Math.min(FIRST_CAPACITY, maxStates);
    this.parents = new Int32Array(ids);
    this.actionIndex = new Uint16Array(ids);
    this.notePeak();
  }

  /**
   * Looks a fingerprint up; when absent (and the store is not full) stores it as a new state reached
   * from `parent` by its action number `action`. Returns ~id (negative) for a new state; for a state
   * already stored its id (with ids) or KNOWN; NOT_STORED when new but the store is full.
   */
  add(f1: number, f2: number, parent: number, action: number): number {
    if ((f1 | f2) === 0) f2 = 1; // all zeros marks an empty slot
    const slots = this.slots, stride = this.stride;
    let i = (f1 ^ Math.imul(f2, 0x9e3779b1)) & this.mask;
    for (;;) {
      const at = i * stride;
      const g1 = slots[at], g2 = slots[at + 1];
      if ((g1 | g2) === 0) break;
      if (g1 === f1 && g2 === f2) return stride === 3 ? slots[at + 2] - 1 : KNOWN;
      i = (i + 1) & this.mask;
    }
    if (this.size >= this.maxStates) return NOT_STORED;
    const id = this.size++;
    const at = i * stride;
    slots[at] = f1;
    slots[at + 1] = f2;
    if (stride === 3) slots[at + 2] = id + 1;
    if (id >= this.parents.length) this.growIds();
    if (action > 0xffff && this.actionIndex instanceof Uint16Array) this.widenActions();
    this.parents[id] = parent;
    this.actionIndex[id] = action;
    if (this.size * MIN_SLOTS_PER_STATE > this.mask + 1) this.growSlots();
    return ~id;
  }

  /** The id of a stored fingerprint, or -1 (always -1 in a store without ids). */
  find(f1: number, f2: number): number {
    if (this.stride !== 3) return -1;
    if ((f1 | f2) === 0) f2 = 1;
    const slots = this.slots;
    for (let i = (f1 ^ Math.imul(f2, 0x9e3779b1)) & this.mask; ; i = (i + 1) & this.mask) {
      const at = i * 3;
      if ((slots[at] | slots[at + 1]) === 0) return -1;
      if (slots[at] === f1 && slots[at + 1] === f2) return slots[at + 2] - 1;
    }
  }

  /** Whether a fingerprint is stored. */
  has(f1: number, f2: number): boolean {
    if ((f1 | f2) === 0) f2 = 1;
    const slots = this.slots, stride = this.stride;
    for (let i = (f1 ^ Math.imul(f2, 0x9e3779b1)) & this.mask; ; i = (i + 1) & this.mask) {
      const at = i * stride;
      if ((slots[at] | slots[at + 1]) === 0) return false;
      if (slots[at] === f1 && slots[at + 1] === f2) return true;
    }
  }

  /** The action numbers from the initial state to state `id`, in order. */
  actionPath(id: number): number[] {
    const out: number[] = [];
    for (let s = id; this.parents[s] >= 0; s = this.parents[s]) out.push(this.actionIndex[s]);
    return out.reverse();
  }

  private growSlots(): void {
    const old = this.slots, stride = this.stride;
    const cap = (this.mask + 1) * 2;
    const slots = new Int32Array(cap * stride);
    const mask = cap - 1;
    for (let at = 0; at < old.length; at += stride) {
      const f1 = old[at], f2 = old[at + 1];
      if ((f1 | f2) === 0) continue;
      let i = (f1 ^ Math.imul(f2, 0x9e3779b1)) & mask;
      while ((slots[i * stride] | slots[i * stride + 1]) !== 0) i = (i + 1) & mask;
      for (let j = 0; j < stride; j++) slots[i * stride + j] = old[at + j];
    }
    this.slots = slots;
    this.mask = mask;
    this.notePeak(old.byteLength);
  }

  private growIds(): void {
    const n = Math.min(this.parents.length * 2, this.maxStates);
    const parents = new Int32Array(n);
    const actions = this.actionIndex instanceof Uint16Array ? new Uint16Array(n) : new Int32Array(n);
    parents.set(this.parents);
    actions.set(this.actionIndex);
    const freed = this.parents.byteLength + this.actionIndex.byteLength;
    this.parents = parents;
    this.actionIndex = actions;
    this.notePeak(freed);
  }

  /** Action numbers above 65,535 (a state with that many actions): 4 bytes each from now on. */
  private widenActions(): void {
    const wide = new Int32Array(this.actionIndex.length);
    wide.set(this.actionIndex);
    this.actionIndex = wide;
    this.notePeak();
  }

  /** Updates peakBytes; `transient` is the size of an array being replaced (held while copying). */
  private notePeak(transient = 0): void {
    const bytes = this.slots.byteLength + this.parents.byteLength + this.actionIndex.byteLength + transient;
    if (bytes > this.peakBytes) this.peakBytes = bytes;
  }
}
