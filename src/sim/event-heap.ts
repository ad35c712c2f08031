/**
 * The kernel's event queue: a binary min-heap ordered by (time, sequence number), kept in two
 * parallel typed arrays (time, slot). The sequence number breaks ties between equal times, so
 * equal-time events come out in the order they were scheduled; it is stored by slot, not in the
 * heap, because it is read only on a tie, and moving two arrays per level instead of three makes a
 * sift about a quarter faster.
 *
 * `replaceTop` is pop and push in one sift: the kernel marks the top as spent before it runs an
 * event and lets the first event scheduled by that handler take its place, which is what most
 * handlers do (a timer re-armed, a message answered).
 */
import { grow, INITIAL_CAPACITY } from "./columns";

/** @internal The kernel's event queue. */
export class EventHeap {
  /** Event times; `time[0]` is the earliest when `size > 0`. */
  time = new Float64Array(INITIAL_CAPACITY);
  /** Slot of each heap entry; `slot[0]` is the earliest event's slot. */
  slot = new Int32Array(INITIAL_CAPACITY);
  /** Number of entries. */
  size = 0;
  /** Sequence number by slot (not by heap position). */
  private seqOf = new Float64Array(INITIAL_CAPACITY);

  /** Adds an entry. */
  push(time: number, slot: number, seq: number): void {
    if (this.size >= this.time.length) {
      this.time = grow(this.time, Float64Array);
      this.slot = grow(this.slot, Int32Array);
    }
    this.setSeq(slot, seq);
    const T = this.time, L = this.slot, Q = this.seqOf;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = T[p];
      if (pt < time || (pt === time && Q[L[p]] < seq)) break;
      T[i] = pt; L[i] = L[p];
      i = p;
    }
    T[i] = time; L[i] = slot;
  }

  /** Removes the top entry and adds this one, in one sift down from the root. Requires size > 0. */
  replaceTop(time: number, slot: number, seq: number): void {
    this.setSeq(slot, seq);
    this.siftDown(time, slot, seq, this.size);
  }

  /** Removes the top entry. Requires size > 0. */
  removeTop(): void {
    const n = --this.size;
    if (n > 0) {
      const l = this.slot[n];
      this.siftDown(this.time[n], l, this.seqOf[l], n);
    }
  }

  /** Empties the heap (the arrays are kept). */
  clear(): void {
    this.size = 0;
  }

  private siftDown(t: number, l: number, s: number, n: number): void {
    const T = this.time, L = this.slot, Q = this.seqOf;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let tc = T[c];
      const r = c + 1;
      if (r < n) {
        const tr = T[r];
        if (tr < tc || (tr === tc && Q[L[r]] < Q[L[c]])) { c = r; tc = tr; }
      }
      if (t < tc || (t === tc && s < Q[L[c]])) break;
      T[i] = tc; L[i] = L[c];
      i = c;
    }
    T[i] = t; L[i] = l;
  }

  private setSeq(slot: number, seq: number): void {
    if (slot >= this.seqOf.length) {
      let n = this.seqOf.length * 2;
      while (slot >= n) n *= 2;
      const b = new Float64Array(n);
      b.set(this.seqOf);
      this.seqOf = b;
    }
    this.seqOf[slot] = seq;
  }
}
