/**
 * World templates: options validated once, then many worlds that differ only in their seed.
 * Monte Carlo runs thousands of small worlds with the same options; validating them once instead of
 * per run is most of what makes a small run cheap.
 */
import type { Seed } from "../random";
import { fail } from "../validate";
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
}

/**
 * Validates `options` once (including `options.handlers`) and returns a {@link WorldTemplate}.
 * @example
 * const template = prepareWorld({ seed: 0, nodes: ["C", "S"], network: { lossRate: 0.1 }, handlers });
 * const traces = monteCarlo({ runs: 1000, seed: 42, run: (seed) => template.build(seed).run() });
 */
export function prepareWorld(options: WorldOptions): WorldTemplate {
  const cfg = new World(options).cfg; // validates everything, handlers included, as createWorld does
  return {
    build(seed: Seed): World {
      if (!(typeof seed === "string" || (typeof seed === "number" && Number.isFinite(seed)))) fail("seed", seed, "a finite number or a string");
      return new World({ ...options, seed }, { ...cfg, seed });
    },
  };
}
