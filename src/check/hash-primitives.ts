/**
 * The leaves of a fingerprint: the two 32-bit hash lanes (an out-parameter), the mixing function,
 * and the hashes of primitives (strings through a small cache). Used by fingerprint.ts.
 */

// The two lanes of the last hash computed (out-parameters in a typed array: module-level numbers
// outside the small-integer range would be boxed on every store).
export const H = new Int32Array(2);

export const K1 = 0x9e3779b1 | 0;
export const K2 = 0x85ebca77 | 0;
export const K3 = 0xc2b2ae3d | 0;
export const K4 = 0x27d4eb2f | 0;

/** murmur3's 32-bit finalizer: every input bit affects every output bit. */
export function fmix(h: number): number {
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

export function hashString(s: string, tag: number): void {
  const n = s.length;
  if (n === 0 || n > 64) { hashChars(s, tag); return; }
  const slot = Math.imul(n ^ (s.charCodeAt(0) << 8) ^ (s.charCodeAt(n - 1) << 18) ^ (tag << 28), K1) >>> 22;
  if (cachedString[slot] === s) { H[0] = cached1[slot]; H[1] = cached2[slot]; return; }
  hashChars(s, tag);
  cachedString[slot] = s; cached1[slot] = H[0]; cached2[slot] = H[1];
}

/** Hashes a primitive into the lanes; false (lanes untouched) for anything else. */
export function hashLeaf(v: unknown): boolean {
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
