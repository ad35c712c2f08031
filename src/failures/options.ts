/**
 * The options shared by every cluster-failure function, their defaults and their validation.
 * Each node alternates up (a lifetime drawn from an exponential or Weibull law with mean mtbfYears)
 * and down (a repair of repairHours), starting up and fresh at time 0.
 */
import { distMean } from "../random/moments";
import { sampler, weibull, type DistributionLike, type Sampler } from "../random/distributions";
import { type Seed } from "../random/rng";
import { checkInteger, checkKeys, checkNumber, checkPositive, checkSeed, fail } from "../validate";
import { HOURS_PER_YEAR } from "./_units";

/** Options for a simulated cluster of independent nodes. */
export interface ClusterFailureOptions {
  /** Number of nodes, an integer in [1, 1e8]. @defaultValue 1_000_000 */
  nodes?: number;
  /** Mean up time of a node between failures (its mean lifetime), in years. @defaultValue 2 */
  mtbfYears?: number;
  /**
   * Weibull shape k of the lifetime: 1 is exponential (memoryless), below 1 infant mortality,
   * above 1 wear-out. The scale is chosen so the mean lifetime equals mtbfYears. @defaultValue 1
   */
  weibullShape?: number;
  /**
   * Repair time in hours: a number (constant) or a distribution from src/random that cannot go
   * negative (constant, exponential, uniform with min >= 0, lognormal, weibull, pareto). @defaultValue 24
   */
  repairHours?: DistributionLike;
  /** Simulated time span, in years. @defaultValue 1 */
  horizonYears?: number;
  /** Seed; lifetimes and repairs use the named streams "failures.lifetimes" and "failures.repairs". @defaultValue 42 */
  seed?: Seed;
}

/** Validated options with derived quantities (internal shape, exported for the other failure files). */
export interface ResolvedCluster {
  nodes: number;
  mtbfYears: number;
  weibullShape: number;
  repairHours: DistributionLike;
  horizonYears: number;
  seed: Seed;
  mtbfHours: number;
  horizonHours: number;
  /** Weibull scale in hours such that the mean lifetime is mtbfHours. */
  scaleHours: number;
  /** Mean repair time in hours. */
  mttrHours: number;
  /** A constant repair time, or null when repairs are random. */
  constantRepair: number | null;
  /** Repair sampler (also for constants, for the generic paths). */
  repair: Sampler;
}

/** The option names every cluster function accepts. */
export const CLUSTER_OPTION_KEYS = ["nodes", "mtbfYears", "weibullShape", "repairHours", "horizonYears", "seed"] as const;

const REPAIR_KINDS = ["constant", "exponential", "uniform", "lognormal", "weibull", "pareto"];

/**
 * Validates cluster options once and fills in defaults. `defaults` lets callers change the default
 * cluster size (clusterTimeline defaults to 8 nodes); `maxNodes` caps it (1e8 unless stated).
 */
export function resolveCluster(
  where: string, options: ClusterFailureOptions, extraKeys: readonly string[] = [],
  defaults: { nodes?: number; maxNodes?: number } = {},
): ResolvedCluster {
  if (options === null || typeof options !== "object") fail(`${where} options`, options, "an options object");
  checkKeys(`${where} options`, options, [...CLUSTER_OPTION_KEYS, ...extraKeys]);
  const nodes = checkInteger("nodes", options.nodes ?? defaults.nodes ?? 1_000_000, 1, defaults.maxNodes ?? 1e8);
  const mtbfYears = checkPositive("mtbfYears", options.mtbfYears ?? 2);
  const weibullShape = checkNumber("weibullShape", options.weibullShape ?? 1, 0.05, 100);
  const horizonYears = checkNumber("horizonYears", options.horizonYears ?? 1, 1e-9, 1000);
  const seed = options.seed ?? 42;
  checkSeed("seed", seed);
  const repairHours = options.repairHours ?? 24;
  let constantRepair: number | null = null;
  if (typeof repairHours === "number") {
    constantRepair = checkNumber("repairHours", repairHours, 0, 1e7);
  } else {
    const kind = (repairHours as { kind?: unknown } | null)?.kind;
    if (typeof kind !== "string" || !REPAIR_KINDS.includes(kind)) {
      fail("repairHours", repairHours, `a number >= 0 or a distribution of kind ${REPAIR_KINDS.join(", ")}`);
    }
    if (kind === "constant") constantRepair = checkNumber("repairHours.value", (repairHours as { value: number }).value, 0, 1e7);
    if (kind === "uniform") checkNumber("repairHours.min", (repairHours as { min: number }).min, 0);
  }
  const repair = sampler(repairHours, "repairHours");
  const mttrHours = distMean(repairHours);
  if (!Number.isFinite(mttrHours)) fail("repairHours", repairHours, "a distribution with a finite mean");
  const mtbfHours = mtbfYears * HOURS_PER_YEAR;
  // Mean of Weibull(k, scale 1) is Gamma(1 + 1/k); divide to make the mean mtbfHours.
  const scaleHours = weibullShape === 1 ? mtbfHours : mtbfHours / distMean(weibull(weibullShape, 1));
  return {
    nodes, mtbfYears, weibullShape, repairHours, horizonYears, seed,
    mtbfHours, horizonHours: horizonYears * HOURS_PER_YEAR, scaleHours, mttrHours, constantRepair, repair,
  };
}
