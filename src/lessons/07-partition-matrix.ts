/**
 * Notebook 07's matrix: every protocol of 07-partitions.ts through every partition schedule, many
 * seeded runs per cell, counted with 95% Wilson intervals.
 */
import type { Seed } from "../random/rng";
import { monteCarlo } from "../stats/montecarlo";
import { wilson } from "../stats/stats";
import { checkInteger, checkKeys, checkList, checkOneOf, checkPositive, checkSeed, fail } from "../validate";
import { PARTITION_PROTOCOLS, PARTITION_SCHEDULES, checkTiming, judge, type PartitionProtocol, type PartitionSchedule, type PartitionTiming } from "./07-partitions";

/** Options of {@link partitionMatrix}. */
export interface PartitionMatrixOptions extends PartitionTiming {
  /** Seed of the experiment; run i of a cell uses seed "<seed>/<protocol>/<schedule>/run/<i>". */
  seed: Seed;
  /** Seeded runs per (protocol, schedule) cell, an integer in [1, 10000]. @defaultValue 20 */
  runs?: number;
  /** The protocols (rows). @defaultValue PARTITION_PROTOCOLS */
  protocols?: PartitionProtocol | readonly PartitionProtocol[];
  /** The schedules (columns). @defaultValue PARTITION_SCHEDULES */
  schedules?: PartitionSchedule | readonly PartitionSchedule[];
  /** Each run stops at this virtual time, in ms. @defaultValue 3000 */
  untilMs?: number;
}

/** One cell of {@link partitionMatrix}: counts over its runs, with 95% Wilson intervals of the shares. */
export interface PartitionMatrixRow {
  protocol: PartitionProtocol;
  schedule: PartitionSchedule;
  runs: number;
  /** Runs in which the safety check held. */
  safe: number;
  /** Runs in which both sides finished. */
  live: number;
  /** Runs in which side A finished, and side B. */
  sideA: number;
  sideB: number;
  safeLo: number; safeHi: number;
  liveLo: number; liveHi: number;
  /** The first violation seen in the cell, or null. */
  violation: string | null;
}

/**
 * Every protocol through every schedule, `runs` seeded runs per cell (exponential delays with mean 10 ms).
 * @example partitionMatrix({ seed: 42, runs: 10 }).filter((r) => r.safe < r.runs) // naive tickets after the heal
 */
export function partitionMatrix(options: PartitionMatrixOptions): PartitionMatrixRow[] {
  const fn = "partitionMatrix";
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, ["seed", "runs", "protocols", "schedules", "untilMs", "splitMs", "healMs"]);
  const seed = checkSeed(`${fn}: seed`, options.seed);
  const runs = checkInteger(`${fn}: runs`, options.runs ?? 20, 1, 10_000);
  const protocols = checkList(`${fn}: protocols`, options.protocols ?? PARTITION_PROTOCOLS, (n, v) => checkOneOf(n, v, PARTITION_PROTOCOLS));
  const schedules = checkList(`${fn}: schedules`, options.schedules ?? PARTITION_SCHEDULES, (n, v) => checkOneOf(n, v, PARTITION_SCHEDULES));
  const untilMs = checkPositive(`${fn}: untilMs`, options.untilMs ?? 3000);
  const timing = checkTiming(fn, options);
  const rows: PartitionMatrixRow[] = [];
  for (const protocol of protocols) {
    for (const schedule of schedules) {
      const results = monteCarlo({ runs, seed: `${seed}/${protocol}/${schedule}`, run: (s) => {
        const r = judge({ seed: s, protocol, schedule, untilMs, ...timing });
        return { safe: r.safe, live: r.live, sideA: r.sideA, sideB: r.sideB, violation: r.violation };
      } });
      const count = (k: "safe" | "live" | "sideA" | "sideB") => results.filter((r) => r[k]).length;
      const safe = count("safe"), live = count("live"), ws = wilson(safe, runs), wl = wilson(live, runs);
      rows.push({ protocol, schedule, runs, safe, live, sideA: count("sideA"), sideB: count("sideB"),
        safeLo: ws.lo, safeHi: ws.hi, liveLo: wl.lo, liveHi: wl.hi, violation: results.find((r) => r.violation !== null)?.violation ?? null });
    }
  }
  return rows;
}
