/**
 * The options that the state-replication protocols and the two-phase protocol share (seed, how many
 * clients and servers, commands per client, faults, links), validated in one place so that both
 * name a bad value the same way.
 */
import { type Seed } from "../random/rng";
import { type FaultEvent, type LinkOptions } from "../sim/options";
import { checkInteger, checkKeys, checkSeed, fail } from "../validate";

/** The shared options as given. */
export interface SharedOptionsInput {
  seed: Seed; clients?: number; servers?: number; commandsPerClient?: number;
  faults?: FaultEvent[]; links?: Record<string, LinkOptions>;
}

/** The shared options, validated, with their defaults (2 clients, 3 servers, 1 command each, no faults). */
export interface SharedOptions {
  seed: Seed; clients: number; servers: number; commandsPerClient: number;
  faults: FaultEvent[]; links: Record<string, LinkOptions>;
}

/**
 * @internal Checks that `options` is an object with only the `keys` of `fn`, then validates the
 * shared options (in this order: faults, seed, clients, servers, commandsPerClient).
 */
export function checkSharedOptions(fn: string, options: SharedOptionsInput, keys: readonly string[]): SharedOptions {
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, keys);
  const faults = options.faults ?? [];
  if (!Array.isArray(faults)) fail(`${fn}: faults`, faults, "an array of fault entries");
  return {
    seed: checkSeed(`${fn}: seed`, options.seed),
    clients: checkInteger(`${fn}: clients`, options.clients ?? 2, 1, 1000),
    servers: checkInteger(`${fn}: servers`, options.servers ?? 3, 1, 1000),
    commandsPerClient: checkInteger(`${fn}: commandsPerClient`, options.commandsPerClient ?? 1, 1, 1_000_000),
    faults,
    links: options.links ?? {},
  };
}
