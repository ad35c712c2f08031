/**
 * World templates: options validated once, then many worlds that differ only in their seed.
 * Monte Carlo runs thousands of small worlds with the same options; validating them once instead of
 * per run, and reusing one world's memory from run to run, is what makes a small run cheap.
 */
import type { Seed } from "../random/rng";
import { checkSeed, fail } from "../validate";
import type { RunOptions } from "./kernel";
import type { WorldOptions } from "./options";
import { World } from "./world";

/**
 * Options validated once, for building many worlds that differ only in their seed: the shape of a
 * Monte Carlo run. `template.build(seed)` gives exactly the world `createWorld({ ...options, seed })`
 * would give (same trace, byte for byte), without validating the options again.
 */
export interface WorldTemplate {
  /** A new, unrun world with these options and this seed. */
  build(seed: Seed): World;
  /**
   * Runs the world of `seed` and returns `read(world)`: the same simulation as
   * `read(build(seed).run(runOptions))`, byte for byte, but one world's memory is reset in place
   * and reused from call to call instead of a world being built per run (about five times cheaper
   * for a small world). The world is valid only inside `read`: return what you need from it (copy
   * arrays out of node state), never the world, its trace or a node's state object.
   * @example template.run(seed, (w) => w.context("server").state.score)
   */
  run<T>(seed: Seed, read: (world: World) => T, runOptions?: RunOptions): T;
}

/**
 * Validates `options` once (including `options.handlers`) and returns a {@link WorldTemplate}.
 * @example
 * const template = prepareWorld({ seed: 0, nodes: ["C", "S"], network: { lossRate: 0.1 }, handlers });
 * const delivered = monteCarlo({ runs: 1000, seed: 42, run: (seed) => template.run(seed, (w) => w.trace.summary().delivered) });
 */
export function prepareWorld(options: WorldOptions): WorldTemplate {
  const cfg = new World(options).cfg; // validates everything, handlers included, as createWorld does
  let spare: World | undefined; // the reusable world, when no run() is using it
  return {
    build(seed: Seed): World {
      checkSeed("seed", seed);
      return new World({ ...options, seed }, { ...cfg, seed });
    },
    run<T>(seed: Seed, read: (world: World) => T, runOptions?: RunOptions): T {
      checkSeed("seed", seed);
      if (typeof read !== "function") fail("run(seed, read): read", read, "a function (world) => result");
      let world = spare;
      spare = undefined; // a run() nested inside read() gets a world of its own
      if (world === undefined) world = new World({ ...options, seed }, { ...cfg, seed });
      else world.reset(seed);
      try {
        world.run(runOptions);
        return read(world);
      } finally {
        spare = world;
      }
    },
  };
}
