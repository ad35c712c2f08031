/**
 * Internal: growable typed-array columns and a string table, used by the trace so that recording
 * an event writes a few numbers instead of allocating an object.
 */

/**
 * Initial length of growable typed arrays (trace columns, the event heap, the kernel's slot table):
 * 8 entries, at most 64 bytes, which V8 allocates on its own heap, far cheaper than an off-heap
 * buffer; they double as they fill ({@link grow}), so a small world or a short trace costs little.
 */
export const INITIAL_CAPACITY = 8;

type TypedCtor<A> = new (n: number) => A;
/** A typed array twice as long with the same first entries. */
export function grow<A extends { length: number; set(a: ArrayLike<number>): void }>(a: A, ctor: TypedCtor<A>): A {
  const b = new ctor(a.length * 2);
  b.set(a as unknown as ArrayLike<number>);
  return b;
}

/** A growable Float64Array. */
export class F64Column {
  data = new Float64Array(INITIAL_CAPACITY);
  length = 0;
  push(x: number): number {
    if (this.length === this.data.length) this.data = grow(this.data, Float64Array);
    this.data[this.length] = x;
    return this.length++;
  }
}

/** A growable Int32Array. */
export class I32Column {
  data = new Int32Array(INITIAL_CAPACITY);
  length = 0;
  push(x: number): number {
    if (this.length === this.data.length) this.data = grow(this.data, Int32Array);
    this.data[this.length] = x;
    return this.length++;
  }
}

/** Interns strings: each distinct string gets a small integer. */
export class StringTable {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

/**
 * A 53-bit non-cryptographic hash (two 32-bit multiply-xorshift lanes, as in cyrb53) fed with
 * integers, doubles and strings. Stable across processes and platforms.
 */
export class Hash53 {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;
  private view = new DataView(new ArrayBuffer(8));
  /** Mixes a 32-bit integer. */
  int(x: number): this {
    this.h1 = Math.imul(this.h1 ^ x, 2654435761);
    this.h2 = Math.imul(this.h2 ^ x, 1597334677);
    return this;
  }
  /** Mixes a double exactly (its 64 bits, little-endian). */
  num(x: number): this {
    this.view.setFloat64(0, x, true);
    return this.int(this.view.getInt32(0, true)).int(this.view.getInt32(4, true));
  }
  /** Mixes a string (length, then UTF-16 code units). */
  str(s: string): this {
    this.int(s.length);
    for (let i = 0; i < s.length; i++) this.int(s.charCodeAt(i));
    return this;
  }
  /** The hash as 14 hex digits. */
  hex(): string {
    let h1 = this.h1, h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
    return n.toString(16).padStart(14, "0");
  }
}
