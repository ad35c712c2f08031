/**
 * Finding a run worth drawing: try the run seeds of an experiment in order until one shows the
 * behaviour asked for. The search is deterministic, so the same seed and predicate always find the
 * same run.
 */
import { runSeed } from "./montecarlo";
import type { Seed } from "../random/rng";
import { checkInteger, checkKeys, fail } from "../validate";

/** Options for {@link findRunSeed}. */
export interface FindRunSeedOptions<T> {
  /** The experiment seed; candidates are runSeed(seed, 0), runSeed(seed, 1), ... */
  seed: Seed;
  /** One run from its seed. */
  run: (seed: string) => T;
  /** The behaviour wanted. */
  where: (result: T) => boolean;
  /** Give up after this many candidates. @defaultValue 10000 */
  maxTries?: number;
}

/** The first run that matched. */
export interface FoundRun<T> {
  /** Its seed (pass it back to the run function to reproduce it). */
  seed: string;
  /** Its index among the candidates. */
  index: number;
  result: T;
}

/**
 * The first run seed (in index order) whose result satisfies `where`.
 * @throws RangeError naming maxTries when no candidate matches
 * @example findRunSeed({ seed: 42, run: (s) => runClientServer({ seed: s, lossRate: 0.2 }), where: (r) => r.duplicates > 0 })
 */
export function findRunSeed<T>(options: FindRunSeedOptions<T>): FoundRun<T> {
  if (options === null || typeof options !== "object") fail("findRunSeed options", options, "an object");
  checkKeys("findRunSeed options", options, ["seed", "run", "where", "maxTries"]);
  if (typeof options.run !== "function") fail("findRunSeed: run", options.run, "a function (seed) => result");
  if (typeof options.where !== "function") fail("findRunSeed: where", options.where, "a function (result) => boolean");
  const maxTries = checkInteger("findRunSeed: maxTries", options.maxTries ?? 10_000, 1);
  for (let i = 0; i < maxTries; i++) {
    const seed = runSeed(options.seed, i);
    const result = options.run(seed);
    if (options.where(result)) return { seed, index: i, result };
  }
  throw new RangeError(`findRunSeed: no run among the first maxTries = ${maxTries} matched; raise maxTries or make the behaviour more likely`);
}
