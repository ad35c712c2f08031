/**
 * Seeded random number generators. This is the ONLY file in the project that creates randomness
 * (it wraps `seedrandom.alea`); everything else takes an {@link Rng} or a {@link Seed}.
 *
 * Streams: `createRng(seed, "network")` and `createRng(seed, "crashes")` are seeded from different
 * keys, so drawing more numbers from one stream never shifts the numbers another stream produces.
 * `rng.fork(name)` derives a child stream from the parent's seed and stream name only (not from how
 * many numbers the parent has drawn), so forks are stable too.
 */
import seedrandom from "seedrandom";
import { fail } from "../validate";

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

function checkSeed(name: string, seed: unknown): Seed {
  if (typeof seed === "number") {
    if (!Number.isFinite(seed)) fail(name, seed, "a finite number or a string");
    return seed;
  }
  if (typeof seed === "string") return seed;
  return fail(name, seed, "a finite number or a string");
}

class AleaRng implements Rng {
  readonly next: () => number;
  constructor(readonly key: string) {
    // `double()` combines two 32-bit alea outputs into one 53-bit fraction.
    this.next = seedrandom.alea(key).double;
  }
  int(n: number): number {
    if (!(n >= 1 && n <= 4294967296 && Math.floor(n) === n)) fail("int(n): n", n, "an integer in [1, 2^32]");
    return Math.floor(this.next() * n);
  }
  fork(stream: string): Rng {
    if (typeof stream !== "string") fail("fork(stream): stream", stream, "a string");
    return new AleaRng(this.key + SEP + stream);
  }
}

/**
 * Creates a seeded generator. With `stream`, returns the named stream of that seed, identical to
 * `createRng(seed).fork(stream)`.
 *
 * Cost: one small object and one alea state per call (a few hundred nanoseconds; see
 * scripts/bench-engine.mjs), cheap enough to create one per Monte Carlo run.
 *
 * @example
 * const net = createRng(42, "network");
 * const delay = -10 * Math.log(1 - net.next());
 */
export function createRng(seed: Seed, stream?: string): Rng {
  checkSeed("seed", seed);
  const key = String(seed);
  if (stream === undefined) return new AleaRng(key);
  if (typeof stream !== "string") fail("stream", stream, "a string");
  return new AleaRng(key + SEP + stream);
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
