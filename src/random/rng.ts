/**
 * Seeded random number generators. This is the ONLY file in the project that creates randomness
 * (Baagoe's Alea, drawing exactly the numbers of `seedrandom.alea(key).double`); everything else
 * takes an {@link Rng} or a {@link Seed}.
 *
 * Streams: `createRng(seed, "network")` and `createRng(seed, "crashes")` are seeded from different
 * keys, so drawing more numbers from one stream never shifts the numbers another stream produces.
 * `rng.fork(name)` derives a child stream from the parent's seed and stream name only (not from how
 * many numbers the parent has drawn), so forks are stable too.
 */
import { checkSeed, fail } from "../validate";

/** A seed: a number or a string. `42` and `"42"` seed the same generator. */
export type Seed = number | string;

/** A seeded source of uniform random numbers. */
export interface Rng {
  /** A uniform number in [0, 1) with 53 bits of resolution. */
  next(): number;
  /** A uniform integer in [0, n); `n` must be a positive integer. */
  int(n: number): number;
  /** An independent child stream named `stream`; depends only on this rng's seed and stream name. */
  fork(stream: string): Rng;
  /** The full stream key this generator was seeded with (seed and stream path), for debugging. */
  readonly key: string;
}

/** Separates the seed from stream names inside a key; unlikely to appear in user seeds. */
const SEP = "\u241f";

/** 2^-32 */
const NORM32 = 2.3283064365386963e-10;
/** 2^-53 */
const NORM53 = 1.1102230246251565e-16;

/**
 * Baagoe's Mash hash, continued from state `n` over `data`; returns the new state. Where the
 * original writes `h >>> 0`, h is always in [0, 2^32), so `Math.floor(h)` is the same number; it is
 * about three times faster in V8, whose `>>> 0` of a double above 2^31 takes a slow path.
 */
function mash(n: number, data: string): number {
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = Math.floor(h);
    h -= n;
    h *= n;
    n = Math.floor(h);
    h -= n;
    n += h * 0x100000000;
  }
  return n;
}

/** Mash over `seedText`, then SEP and `stream` when there is one: the same as over the joined key. */
function mashKey(n: number, seedText: string, stream: string | undefined): number {
  n = mash(n, seedText);
  return stream === undefined ? n : mash(mash(n, SEP), stream);
}

// Alea's seeding starts by hashing " " three times from Mash's initial state; that part never
// depends on the key, so it is done once here.
const MASH_1 = mash(0xefc8249d, " ");
const MASH_2 = mash(MASH_1, " ");
const MASH_SPACES = mash(MASH_2, " ");
const S0_SPACE = (MASH_1 >>> 0) * NORM32;
const S1_SPACE = (MASH_2 >>> 0) * NORM32;
const S2_SPACE = (MASH_SPACES >>> 0) * NORM32;

/**
 * Alea, written out so that seeding allocates one object and no closures (seedrandom's version
 * builds several closures per generator, which dominated the cost of a small Monte Carlo run). The
 * seeding and the two-step 53-bit `double()` are the same arithmetic as seedrandom 3.0.5's
 * `alea(key).double`, so every stream draws exactly the numbers it drew before (checked against
 * seedrandom in test/random/alea.test.ts).
 */
class AleaRng implements Rng {
  // The state starts as doubles: a field first defined as `undefined` (what a bare declaration
  // emits under ES2022 class fields) gets V8's generic representation, and then every double
  // stored into it allocates a heap number, which made next() about twice as slow.
  private s0 = 0.5;
  private s1 = 0.5;
  private s2 = 0.5;
  private c = 1;
  private seedText = "";
  private stream: string | undefined = undefined;
  /**
   * Seeds from the key's parts. Mash runs over the characters in order, so hashing the parts one
   * after the other equals hashing the joined key, without building (and flattening) it.
   */
  constructor(seedText: string, stream: string | undefined) {
    this.seedText = seedText;
    this.stream = stream;
    let s0 = S0_SPACE, s1 = S1_SPACE, s2 = S2_SPACE;
    let n = mashKey(MASH_SPACES, seedText, stream);
    s0 -= (n >>> 0) * NORM32;
    if (s0 < 0) s0 += 1;
    n = mashKey(n, seedText, stream);
    s1 -= (n >>> 0) * NORM32;
    if (s1 < 0) s1 += 1;
    n = mashKey(n, seedText, stream);
    s2 -= (n >>> 0) * NORM32;
    if (s2 < 0) s2 += 1;
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
  }
  /** The key is `seedText` or `seedText SEP stream`; built only when asked for. */
  get key(): string {
    return this.stream === undefined ? this.seedText : this.seedText + SEP + this.stream;
  }
  next(): number {
    // Two Alea steps: the first gives the high 32 bits, the second 21 more bits.
    let t = 2091639 * this.s0 + this.c * NORM32;
    let c = t | 0;
    const a = t - c;
    t = 2091639 * this.s1 + c * NORM32;
    c = t | 0;
    const b = t - c;
    this.s0 = this.s2;
    this.s1 = a;
    this.s2 = b;
    this.c = c;
    return a + ((b * 0x200000) | 0) * NORM53;
  }
  int(n: number): number {
    if (!(n >= 1 && n <= 4294967296 && Math.floor(n) === n)) fail("int(n): n", n, "an integer in [1, 2^32]");
    return Math.floor(this.next() * n);
  }
  fork(stream: string): Rng {
    if (typeof stream !== "string") fail("fork(stream): stream", stream, "a string");
    return new AleaRng(this.key, stream);
  }
}

/**
 * Creates a seeded generator. With `stream`, returns the named stream of that seed, identical to
 * `createRng(seed).fork(stream)`.
 *
 * Cost: one small object and one alea state per call (a few hundred nanoseconds; see
 * `npm run bench -- --only seeding`), cheap enough to create one per Monte Carlo run.
 *
 * @example
 * const net = createRng(42, "network");
 * const delay = -10 * Math.log(1 - net.next());
 */
export function createRng(seed: Seed, stream?: string): Rng {
  checkSeed("seed", seed);
  if (stream !== undefined && typeof stream !== "string") fail("stream", stream, "a string");
  return new AleaRng(String(seed), stream);
}

/**
 * Derives a seed for a sub-experiment, e.g. `deriveSeed(42, "run", 17)` -> `"42/run/17"`.
 * Different paths give different seeds; the result is readable, so a failing run can be reproduced
 * by passing the printed seed back to `createRng` or `createWorld`.
 */
export function deriveSeed(seed: Seed, ...path: (string | number)[]): string {
  checkSeed("seed", seed);
  let out = String(seed);
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    if (typeof part === "number") {
      if (!Number.isFinite(part)) fail(`deriveSeed path[${i}]`, part, "a finite number or a string");
    } else if (typeof part !== "string") {
      fail(`deriveSeed path[${i}]`, part, "a finite number or a string");
    }
    out += "/" + part;
  }
  return out;
}
