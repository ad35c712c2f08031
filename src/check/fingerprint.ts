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

// The two lanes of the last hash computed (out-parameters in a typed array: module-level numbers
// outside the small-integer range would be boxed on every store).
const H = new Int32Array(2);

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
  H[0] = fmix(a ^ s.length);
  H[1] = fmix(b + K3);
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
  if (cachedString[slot] === s) { H[0] = cached1[slot]; H[1] = cached2[slot]; return; }
  hashChars(s, tag);
  cachedString[slot] = s; cached1[slot] = H[0]; cached2[slot] = H[1];
}

// The hashes of object keys by place (depth mod 8, position mod 16): the key last seen there.
const placedKey: (string | undefined)[] = new Array(128).fill(undefined);
const placed1 = new Int32Array(128);
const placed2 = new Int32Array(128);

// Structural sharing: a successor usually shares most of its parts with its parent (`{ ...s, x }`).
// Before the successors of a state are hashed, its objects at depth 1 and 2 are listed (not
// hashed); hashing a successor takes the hash of any object that IS (===) one of them, computing
// it at the first use. Sound because states are never modified (checked for the first expansions).
const SHARED_MAX = 32;
let sharing = false;
const sharedObject: (object | undefined)[] = new Array(SHARED_MAX).fill(undefined);
const sharedKnown = new Uint8Array(SHARED_MAX);
const shared1 = new Int32Array(SHARED_MAX);
const shared2 = new Int32Array(SHARED_MAX);
let sharedCount = 0;

/** Hashes a primitive into the lanes; false (lanes untouched) for anything else. */
function hashLeaf(v: unknown): boolean {
  switch (typeof v) {
    case "string": hashString(v, 1); return true;
    case "boolean": H[0] = v ? 0x2f6b1e31 : 0x4a7c15d3; H[1] = v ? 0x7f4a7c15 : 0x1c69b3f7; return true;
    case "number":
      if ((v | 0) === v) { H[0] = fmix(v ^ 0x6a09e667); H[1] = fmix(Math.imul(v, K2) ^ 0x3c6ef372); return true; }
      f64[0] = v === v ? v : NaN;
      H[0] = fmix(i32[0] ^ fmix(i32[1] ^ 0x510e527f));
      H[1] = fmix(Math.imul(i32[1], K3) ^ fmix(i32[0] + 0x1f83d9ab));
      return true;
    case "undefined": H[0] = 0x3b5d2c1a; H[1] = 0x0e3779b9; return true;
    case "bigint": hashChars(v.toString(16), 2); return true;
    case "object": if (v === null) { H[0] = 0x5be0cd19; H[1] = 0x137e2179; return true; } return false;
    default: throw new TypeError(`a ${typeof v}`);
  }
}

/** Hashes `v` into the lanes. Throws TypeError for values that are not plain data. */
function hashValue(v: unknown, depth: number): void {
  if (hashLeaf(v)) return;
  const o = v as object;
  if (sharing && depth > 0 && depth < 3) {
    for (let i = 0; i < sharedCount; i++) {
      if (sharedObject[i] !== o) continue;
      if (sharedKnown[i] === 0) { hashObject(o, depth); shared1[i] = H[0]; shared2[i] = H[1]; sharedKnown[i] = 1; }
      H[0] = shared1[i]; H[1] = shared2[i];
      return;
    }
  }
  if (depth >= MAX_STATE_NESTING) throw new TypeError(`nesting deeper than ${MAX_STATE_NESTING} levels (a cycle?)`);
  hashObject(o, depth);
}

function hashObject(v: object, depth: number): void {
  if (Array.isArray(v)) {
    // Ordered: each step is a bijection of (lane ^ element), so arrays differing in one element differ.
    let a = 0x243f6a88 ^ v.length, b = 0x13198a2e + v.length;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (!hashLeaf(x)) hashValue(x, depth + 1);
      a = Math.imul(a ^ H[0], K1); a ^= a >>> 15;
      b = Math.imul(b + H[1], K2) ^ i; b ^= b >>> 13;
    }
    H[0] = fmix(a); H[1] = fmix(b);
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
      const v1 = H[0], v2 = H[1];
      // Keys come in the same order in objects of one shape: try the key last seen at this place.
      const at = ((depth & 7) << 4) | (n & 15);
      let k1: number, k2: number;
      if (placedKey[at] === k) { k1 = placed1[at]; k2 = placed2[at]; } else {
        hashString(k, 3);
        k1 = H[0]; k2 = H[1];
        placedKey[at] = k; placed1[at] = k1; placed2[at] = k2;
      }
      a = (a + fmix(k1 ^ Math.imul(v1, K1))) | 0;
      b = (b + fmix(Math.imul(k2, K3) + v2)) | 0;
      n++;
    }
    H[0] = fmix(a ^ Math.imul(n, K4) ^ 0x452821e6);
    H[1] = fmix(b + n + 0x38d01377);
    return;
  }
  if (v instanceof Map) {
    let a = 0, b = 0;
    for (const [k, x] of v) {
      hashValue(x, depth + 1);
      const v1 = H[0], v2 = H[1];
      hashValue(k, depth + 1);
      a = (a + fmix(H[0] ^ Math.imul(v1, K2))) | 0;
      b = (b + fmix(Math.imul(H[1], K4) + v2)) | 0;
    }
    H[0] = fmix(a ^ Math.imul(v.size, K1) ^ 0x34e90c6c);
    H[1] = fmix(b + v.size + 0x0801f2e2);
    return;
  }
  if (v instanceof Set) {
    let a = 0, b = 0;
    for (const x of v) {
      hashValue(x, depth + 1);
      a = (a + fmix(H[0] ^ K3)) | 0;
      b = (b + fmix(H[1] + K1)) | 0;
    }
    H[0] = fmix(a ^ Math.imul(v.size, K2) ^ 0x7b54a41d);
    H[1] = fmix(b + v.size + 0x6b8b4567);
    return;
  }
  throw new TypeError(`a ${(proto as { constructor?: { name?: string } } | null)?.constructor?.name ?? "object"} instance`);
}

/** The two 32-bit lanes of the fingerprint of `state`, written into `out` at `at`, `at + 1`. */
export function fingerprintInto(state: unknown, out: Int32Array, at: number): void {
  hashValue(state, 0);
  out[at] = H[0];
  out[at + 1] = H[1];
}

/** Lists the objects of `parent` at depth 1 and 2, whose hashes its successors may then share. */
export function shareParts(parent: unknown): void {
  forgetShared();
  if (parent === null || typeof parent !== "object") return;
  const add = (x: unknown): void => {
    if (x !== null && typeof x === "object" && sharedCount < SHARED_MAX) { sharedObject[sharedCount] = x; sharedKnown[sharedCount++] = 0; }
  };
  const children = (o: object, visit: (x: unknown) => void): void => {
    if (Array.isArray(o)) for (let i = 0; i < o.length; i++) visit(o[i]);
    else if (o instanceof Map || o instanceof Set) for (const x of o.values()) visit(x);
    else for (const k in o) visit((o as Record<string, unknown>)[k]);
  };
  children(parent, (x) => {
    if (x === null || typeof x !== "object") return;
    add(x);
    children(x, add);
  });
}

/** Like fingerprintInto, sharing the hashes of the parts listed by {@link shareParts}. */
export function fingerprintSharing(state: unknown, out: Int32Array): void {
  sharing = true;
  try {
    fingerprintInto(state, out, 0);
  } finally {
    sharing = false;
  }
}

/** Drops the listed parts (so that they can be collected). */
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
  return (H[0] >>> 0).toString(16).padStart(8, "0") + (H[1] >>> 0).toString(16).padStart(8, "0");
}
