/**
 * The states a search has found but not yet expanded: the state objects, and per state its id,
 * depth and fingerprint in a typed array (no boxed numbers). First in, first out for breadth-first
 * search; last in, first out for depth first.
 */
export class Frontier<S> {
  private states: (S | undefined)[] = [];
  /** Per entry: id, depth, fingerprint lane 1, lane 2. */
  private meta = new Int32Array(4 * 1024);
  private head = 0;
  private tail = 0;
  /** The id, depth and fingerprint of the state last taken. */
  id = 0;
  depth = 0;
  f1 = 0;
  f2 = 0;

  constructor(private readonly lifo: boolean) {}

  get length(): number {
    return this.tail - this.head;
  }

  push(state: S, id: number, depth: number, f1: number, f2: number): void {
    if ((this.tail + 1) * 4 > this.meta.length) this.grow();
    const at = this.tail * 4;
    this.meta[at] = id; this.meta[at + 1] = depth; this.meta[at + 2] = f1; this.meta[at + 3] = f2;
    this.states[this.tail++] = state;
  }

  /** Takes the next state (the oldest, or with `lifo` the newest); its figures go to id, depth, f1, f2. */
  take(): S {
    const i = this.lifo ? --this.tail : this.head++;
    const at = i * 4;
    this.id = this.meta[at]; this.depth = this.meta[at + 1]; this.f1 = this.meta[at + 2]; this.f2 = this.meta[at + 3];
    const state = this.states[i] as S;
    if (this.lifo) this.states.length = this.tail;
    else {
      this.states[i] = undefined;
      if (this.head >= 65536 && this.head * 2 >= this.tail) this.compact();
    }
    return state;
  }

  /**
   * Removes `k` entries for another worker: the oldest ones (for depth first, the states nearest
   * the root, whose subtrees are the largest). Returns the states and their figures (4 a state).
   */
  donate(k: number): { states: S[]; meta: Int32Array } {
    const from = this.head;
    const states = this.states.slice(from, from + k) as S[];
    const meta = this.meta.slice(from * 4, (from + k) * 4);
    if (this.lifo) {
      this.states.splice(0, k);
      this.meta.copyWithin(0, k * 4, this.tail * 4);
      this.tail -= k;
    } else {
      for (let i = from; i < from + k; i++) this.states[i] = undefined;
      this.head += k;
    }
    return { states, meta };
  }

  /** Adds states donated by another worker (see donate). */
  receive(states: readonly S[], meta: Int32Array): void {
    for (let i = 0; i < states.length; i++) this.push(states[i], meta[i * 4], meta[i * 4 + 1], meta[i * 4 + 2], meta[i * 4 + 3]);
  }

  /** Drops the entries already taken from the front. */
  private compact(): void {
    this.meta.copyWithin(0, this.head * 4, this.tail * 4);
    this.states = this.states.slice(this.head, this.tail);
    this.tail -= this.head;
    this.head = 0;
  }

  private grow(): void {
    if (this.head > 0 && this.head * 2 >= this.tail) { this.compact(); if ((this.tail + 1) * 4 <= this.meta.length) return; }
    const meta = new Int32Array(this.meta.length * 2);
    meta.set(this.meta.subarray(0, this.tail * 4));
    this.meta = meta;
  }
}
