/**
 * State fingerprints: a 64-bit hash of a state's canonical form, computed by walking the value
 * (no text is built). The canonical form of a state is plain data:
 * - null, booleans, numbers (0 and -0 are one number; every NaN is one NaN), strings, bigints;
 * - arrays: ordered (undefined elements count as undefined);
 * - plain objects: UNORDERED key -> value maps (key order does not matter; a key whose value is
 *   undefined counts as absent, as in JSON);
 * - Map: unordered key -> value entries; Set: unordered elements. Set elements and Map keys are
 *   compared as JavaScript does (an object is one element however its content), so use strings or
 *   numbers as elements when two equal values must count once (TLA+'s sets of records: key them).
 * Anything else (functions, symbols, class instances such as Date) is refused with a TypeError.
 *
 * The hash keeps two independent 32-bit lanes; unordered collections add their entries' mixed
 * hashes (a commutative sum), so no key is sorted. Two different states share a fingerprint with
 * probability about 2^-64 per pair: with n distinct states, about n^2 / 2^65 for a whole search.
 */
import { MAX_STATE_NESTING, unsupported } from "./plain-data";

// The two lanes of the last hash computed (out-parameters: no allocation per value).
let h1 = 0;
let h2 = 0;

const K1 = 0x9e3779b1 | 0;
const K2 = 0x85ebca77 | 0;
const K3 = 0xc2b2ae3d | 0;
const K4 = 0x27d4eb2f | 0;

/** murmur3's 32-bit finalizer: every input bit affects every output bit. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);


/** Hashes a string into the lanes, seeded by `tag`. */
function hashChars(s: string, tag: number): void {
  let a = tag ^ 0x2545f491, b = Math.imul(tag, K4) ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul((b << 5) | (b >>> 27), K1) ^ c;
  }
  h1 = fmix(a ^ s.length);
  h2 = fmix(b + K3);
}

// A direct-mapped cache of short strings' hashes: states repeat the same few strings ("working",
// key names), and comparing a string with the one cached in its slot is cheaper than hashing it.
const CACHE_SLOTS = 1024; // 2^10: the slot is the top 10 bits of a 32-bit product
const cachedString: (string | undefined)[] = new Array(CACHE_SLOTS).fill(undefined);
const cached1 = new Int32Array(CACHE_SLOTS);
const cached2 = new Int32Array(CACHE_SLOTS);

function hashString(s: string, tag: number): void {
  const n = s.length;
  if (n === 0 || n > 64) { hashChars(s, tag); return; }
  const slot = Math.imul(n ^ (s.charCodeAt(0) << 7) ^ (s.charCodeAt(n >> 1) << 14) ^ (s.charCodeAt(n - 1) << 21) ^ (tag << 28), K1) >>> 22;
  if (cachedString[slot] === s) { h1 = cached1[slot]; h2 = cached2[slot]; return; }
  hashChars(s, tag);
  cachedString[slot] = s; cached1[slot] = h1; cached2[slot] = h2;
}

// Structural sharing: a successor usually shares most of its parts with its parent (`{ ...s, x }`).
// While the parent is hashed in "remember" mode, its objects down to SHARED_DEPTH are kept with
// their hashes; hashing a successor in "reuse" mode takes the hash of any object that IS (===) one
// of them. Sound because states are never modified (checked for the first expansions).
const SHARED_DEPTH = 3;
const SHARED_MAX = 32;
const PLAIN = 0, REMEMBER = 1, REUSE = 2;
let mode = PLAIN;
const sharedObject: (object | undefined)[] = new Array(SHARED_MAX).fill(undefined);
const shared1 = new Int32Array(SHARED_MAX);
const shared2 = new Int32Array(SHARED_MAX);
let sharedCount = 0;

/** Hashes a primitive into the lanes; false (lanes untouched) for anything else. */
function hashLeaf(v: unknown): boolean {
  switch (typeof v) {
    case "string": hashString(v, 1); return true;
    case "boolean": h1 = v ? 0x2f6b1e31 : 0x4a7c15d3; h2 = v ? 0x7f4a7c15 : 0x1c69b3f7; return true;
    case "number":
      if ((v | 0) === v) { h1 = fmix(v ^ 0x6a09e667); h2 = fmix(Math.imul(v, K2) ^ 0x3c6ef372); return true; }
      f64[0] = v === v ? v : NaN;
      h1 = fmix(i32[0] ^ fmix(i32[1] ^ 0x510e527f));
      h2 = fmix(Math.imul(i32[1], K3) ^ fmix(i32[0] + 0x1f83d9ab));
      return true;
    case "undefined": h1 = 0x3b5d2c1a; h2 = 0x0e3779b9; return true;
    case "bigint": hashChars(v.toString(16), 2); return true;
    case "object": if (v === null) { h1 = 0x5be0cd19; h2 = 0x137e2179; return true; } return false;
    default: throw new TypeError(`a ${typeof v}`);
  }
}

/** Hashes `v` into (h1, h2). Throws TypeError for values that are not plain data. */
function hashValue(v: unknown, depth: number): void {
  if (hashLeaf(v)) return;
  const o = v as object;
  if (mode === REUSE && depth < SHARED_DEPTH) {
    for (let i = 0; i < sharedCount; i++) {
      if (sharedObject[i] === o) { h1 = shared1[i]; h2 = shared2[i]; return; }
    }
  }
  if (depth >= MAX_STATE_NESTING) throw new TypeError(`nesting deeper than ${MAX_STATE_NESTING} levels (a cycle?)`);
  hashObject(o, depth);
  if (mode === REMEMBER && depth < SHARED_DEPTH && sharedCount < SHARED_MAX) {
    sharedObject[sharedCount] = o; shared1[sharedCount] = h1; shared2[sharedCount] = h2; sharedCount++;
  }
}

function hashObject(v: object, depth: number): void {
  if (Array.isArray(v)) {
    // Ordered: each step is a bijection of (lane ^ element), so arrays differing in one element differ.
    let a = 0x243f6a88 ^ v.length, b = 0x13198a2e + v.length;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (!hashLeaf(x)) hashValue(x, depth + 1);
      a = Math.imul(a ^ h1, K1); a ^= a >>> 15;
      b = Math.imul(b + h2, K2) ^ i; b ^= b >>> 13;
    }
    h1 = fmix(a); h2 = fmix(b);
    return;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === null) {
    // Unordered: the sum of each entry's mixed (key, value) hash.
    let a = 0, b = 0, n = 0;
    const o = v as Record<string, unknown>;
    for (const k in o) {
      const x = o[k];
      if (x === undefined) continue;
      if (!hashLeaf(x)) hashValue(x, depth + 1);
      const v1 = h1, v2 = h2;
      hashString(k, 3);
      a = (a + fmix(h1 ^ Math.imul(v1, K1))) | 0;
      b = (b + fmix(Math.imul(h2, K3) + v2)) | 0;
      n++;
    }
    h1 = fmix(a ^ Math.imul(n, K4) ^ 0x452821e6);
    h2 = fmix(b + n + 0x38d01377);
    return;
  }
  if (v instanceof Map) {
    let a = 0, b = 0;
    for (const [k, x] of v) {
      hashValue(x, depth + 1);
      const v1 = h1, v2 = h2;
      hashValue(k, depth + 1);
      a = (a + fmix(h1 ^ Math.imul(v1, K2))) | 0;
      b = (b + fmix(Math.imul(h2, K4) + v2)) | 0;
    }
    h1 = fmix(a ^ Math.imul(v.size, K1) ^ 0x34e90c6c);
    h2 = fmix(b + v.size + 0x0801f2e2);
    return;
  }
  if (v instanceof Set) {
    let a = 0, b = 0;
    for (const x of v) {
      hashValue(x, depth + 1);
      a = (a + fmix(h1 ^ K3)) | 0;
      b = (b + fmix(h2 + K1)) | 0;
    }
    h1 = fmix(a ^ Math.imul(v.size, K2) ^ 0x7b54a41d);
    h2 = fmix(b + v.size + 0x6b8b4567);
    return;
  }
  throw new TypeError(`a ${(proto as { constructor?: { name?: string } } | null)?.constructor?.name ?? "object"} instance`);
}

/** The two 32-bit lanes of the fingerprint of `state`, written into `out` at `at`, `at + 1`. */
export function fingerprintInto(state: unknown, out: Int32Array, at: number): void {
  hashValue(state, 0);
  out[at] = h1;
  out[at + 1] = h2;
}

/**
 * Like fingerprintInto, and remembers the objects of `state` (a state about to be expanded) so that
 * {@link fingerprintSharing} can reuse their hashes in its successors.
 */
export function fingerprintRemembering(state: unknown, out: Int32Array): void {
  forgetShared();
  mode = REMEMBER;
  try {
    fingerprintInto(state, out, 0);
  } finally {
    mode = PLAIN;
  }
}

/** Like fingerprintInto, reusing the hashes of the parts shared with the state last remembered. */
export function fingerprintSharing(state: unknown, out: Int32Array): void {
  mode = REUSE;
  try {
    fingerprintInto(state, out, 0);
  } finally {
    mode = PLAIN;
  }
}

/** Drops the remembered objects (so that they can be collected). */
export function forgetShared(): void {
  sharedObject.fill(undefined, 0, sharedCount);
  sharedCount = 0;
}

/**
 * The fingerprint of a state: 16 hex digits. Equal canonical forms (see the file comment: key
 * order, Set and Map order do not matter) give equal fingerprints.
 *
 * @throws TypeError when the state holds something other than plain data, naming where
 * @example fingerprint({ a: 1, b: [true] }) === fingerprint({ b: [true], a: 1 }) // true
 */
export function fingerprint(state: unknown): string {
  try {
    hashValue(state, 0);
  } catch (e) {
    throw unsupported("fingerprint", state, e);
  }
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}
