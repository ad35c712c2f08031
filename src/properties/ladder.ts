/**
 * The protocol ladder: one fault schedule (message loss, variable delays, and fault entries such as a
 * client and/or a server that crash for good) replayed through each protocol of the chapter, and which
 * property breaks. The protocols are the project's own: runClientServer's "naive" and "ack" worlds (one
 * client, one server), clientServerReplication (acknowledgments, 2 clients x 3 servers),
 * serializerReplication, twoPhaseProtocol, runNaiveTicket and runMultiPaxos (the replicated log). Every
 * rung does the same job (every client's commands executed, see ladder-adapters.ts); each run is
 * reduced to the servers' execution logs, the commands their own clients were told are done, and which
 * live clients are still waiting, and the properties are judged the same way for all of them.
 */
import { normalizeFault, type FaultEvent } from "../sim/fault-options";
import { createRng, type Seed } from "../random/rng";
import { exponential } from "../random/distributions";
import { wilson } from "../stats/stats";
import { checkInteger, checkKeys, checkNonNegative, checkProbability, checkSeed, fail } from "../validate";
import { LADDER_PROTOCOLS, runLadderProtocol, type LadderProtocol, type LadderRun, type LadderRunView } from "./ladder-adapters";
import { NO_OP } from "../protocols/multi-paxos-records";

export { LADDER_PROTOCOLS };
export type { LadderProtocol, LadderRunView };

/** The properties the ladder checks, in the order of the matrix. */
export const LADDER_PROPERTIES = [
  "lost command", "duplicate execution", "divergence", "blocking under a crash", "conflicting execution", "non-termination",
] as const;
/** One of {@link LADDER_PROPERTIES}. */
export type LadderProperty = (typeof LADDER_PROPERTIES)[number];

/** The nodes every rung has, and so the only ones a ladder schedule may name: the first client and the first server. */
export const LADDER_NODES = ["u1", "s1"] as const;

/** A fault schedule every protocol of the ladder can replay. */
export interface LadderSchedule {
  /** Probability that a message is lost, in [0, 1]. */
  lossRate: number;
  /** Mean one-way delay in ms (exponentially distributed). */
  meanDelayMs: number;
  /**
   * Fault entries as in createWorld's `faults`, naming only u1 (each protocol's first client) and s1
   * (its first server), e.g. `[{ at: 110, crash: "s1" }]` for a server that crashes for good.
   */
  faults: FaultEvent[];
}

/**
 * The schedule of the notebook's single replay: 15% loss, 10 ms mean delay, the first server crashes at
 * 110 ms and the first client at 120 ms, both for good.
 */
export const DEFAULT_LADDER_SCHEDULE: LadderSchedule = {
  lossRate: 0.15, meanDelayMs: 10, faults: [{ at: 110, crash: "s1" }, { at: 120, crash: "u1" }],
};

/**
 * A random schedule drawn from `seed`: loss uniform in [0, 0.2], mean delay uniform in [5, 20] ms, and
 * with probability 1/2 each, a crash of u1 and a crash of s1 (for good) at a uniform time in [0, 100] ms.
 */
export function randomLadderSchedule(seed: Seed): LadderSchedule {
  const rng = createRng(seed, "ladder-schedule");
  const s: LadderSchedule = { lossRate: rng.next() * 0.2, meanDelayMs: 5 + rng.next() * 15, faults: [] };
  if (rng.next() < 0.5) s.faults.push({ at: rng.next() * 100, crash: "u1" });
  if (rng.next() < 0.5) s.faults.push({ at: rng.next() * 100, crash: "s1" });
  return s;
}

/** One cell of the ladder matrix. */
export interface LadderRow {
  protocol: LadderProtocol;
  property: LadderProperty;
  /** 1 if the property broke in this replay (or, from {@link ladderRates}, the share of replays where it did). */
  broken: number;
}

/** Judges the six properties on the two runs of one protocol: with the schedule and without its faults. */
export function ladderProperties(run: LadderRunView, faultFree: LadderRunView): Record<LadderProperty, boolean> {
  const logs = Object.values(run.logs);
  let duplicate = false, divergence = false, conflicting = false;
  for (const log of logs) if (new Set(log).size < log.length) duplicate = true;
  for (let a = 0; a < logs.length; a++) {
    for (let b = a + 1; b < logs.length; b++) {
      if (opposite(logs[a], logs[b])) divergence = true;
      if (conflict(logs[a], logs[b])) conflicting = true;
    }
  }
  const executed = new Set(logs.flat());
  return {
    "lost command": run.done.some((c) => !executed.has(c)),
    "duplicate execution": duplicate,
    divergence,
    "blocking under a crash": run.waiting && !faultFree.waiting,
    "conflicting execution": conflicting,
    "non-termination": run.waiting && faultFree.waiting,
  };
}

/** Two logs hold two commands in opposite orders. */
function opposite(a: readonly string[], b: readonly string[]): boolean {
  const pos = new Map<string, number>();
  b.forEach((c, i) => { if (!pos.has(c)) pos.set(c, i); });
  const common = a.filter((c) => pos.has(c));
  for (let i = 1; i < common.length; i++) if (pos.get(common[i])! < pos.get(common[i - 1])!) return true;
  return false;
}

/** Each log executed a command the other never did, and neither is a prefix of the other. */
function conflict(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a), sb = new Set(b);
  return a.some((c) => !sb.has(c)) && b.some((c) => !sa.has(c));
}

/** Options of {@link protocolLadder} and {@link ladderRates}. */
export interface LadderOptions {
  /** Seed of the network and node randomness (and of the schedules, for ladderRates). */
  seed: Seed;
  /** The schedule to replay. @defaultValue DEFAULT_LADDER_SCHEDULE */
  schedule?: LadderSchedule;
  /** Each run stops at this virtual time, in ms. @defaultValue 3000 */
  untilMs?: number;
  /**
   * The multi-Paxos rung's adoption rule. false switches it off, as fuzzPaxos's `adopt: false` does for
   * single-decree Paxos: a new leader ignores the commands stored for a slot and fills the slot with a
   * no-op, so a slot another leader already chose can get a second value. @defaultValue true
   */
  adopt?: boolean;
}

function checkAdopt(fn: string, adopt: unknown): boolean {
  if (typeof adopt !== "boolean") fail(`${fn}: adopt`, adopt, "true or false");
  return adopt;
}

function checkSchedule(s: LadderSchedule): LadderSchedule {
  if (s === null || typeof s !== "object") fail("protocolLadder: schedule", s, "{ lossRate, meanDelayMs, faults }");
  checkKeys("protocolLadder schedule", s, ["lossRate", "meanDelayMs", "faults"]);
  checkProbability("protocolLadder: schedule.lossRate", s.lossRate);
  checkNonNegative("protocolLadder: schedule.meanDelayMs", s.meanDelayMs);
  if (!Array.isArray(s.faults)) fail("protocolLadder: schedule.faults", s.faults, 'an array of fault entries such as { at: 110, crash: "s1" }');
  s.faults.forEach((f, i) => normalizeFault(`protocolLadder: schedule.faults[${i}]`, f, LADDER_NODES));
  return s;
}

/**
 * Replays one schedule through every protocol of the ladder and returns the matrix as rows
 * `{ protocol, property, broken }` (broken is 0 or 1), protocols in ladder order.
 * @example heatmapChart(protocolLadder({ seed: 42 }), { x: "property", y: "protocol", color: "broken" })
 */
export function protocolLadder(options: LadderOptions): LadderRow[] {
  if (options === null || typeof options !== "object") fail("protocolLadder(options): options", options, "an object");
  checkKeys("protocolLadder options", options, ["seed", "schedule", "untilMs", "adopt"]);
  checkSeed("protocolLadder: seed", options.seed);
  const schedule = checkSchedule(options.schedule ?? DEFAULT_LADDER_SCHEDULE);
  const untilMs = checkNonNegative("protocolLadder: untilMs", options.untilMs ?? 3000);
  const adopt = checkAdopt("protocolLadder", options.adopt ?? true);
  return ladderRows(options.seed, schedule, untilMs, adopt);
}

/** The matrix of one replay, from validated inputs. */
function ladderRows(seed: Seed, schedule: LadderSchedule, untilMs: number, adopt: boolean): LadderRow[] {
  const run: LadderRun = { seed, untilMs, delayMs: exponential(Math.max(schedule.meanDelayMs, 1e-9)), lossRate: schedule.lossRate, faults: schedule.faults };
  if (!adopt) run.chooseStored = () => NO_OP; // a new leader ignores what is stored
  const rows: LadderRow[] = [];
  for (const protocol of LADDER_PROTOCOLS) {
    const faulty = runLadderProtocol(protocol, run);
    // The fault-free replay matters only when a client is still waiting (blocking or non-termination);
    // otherwise both properties are false whatever it shows, and it is not run.
    const faultFree = faulty.waiting && schedule.faults.length > 0 ? runLadderProtocol(protocol, { ...run, faults: [] }) : faulty;
    const props = ladderProperties(faulty, faultFree);
    for (const property of LADDER_PROPERTIES) rows.push({ protocol, property, broken: props[property] ? 1 : 0 });
  }
  return rows;
}

/** A row of {@link ladderRates}: the share of replays in which the property broke, with its count and 95% Wilson interval. */
export interface LadderRateRow extends LadderRow {
  /** Replays in which the property broke. */
  count: number;
  /** Replays in all. */
  n: number;
  /** Lower end of the 95% Wilson interval of `broken`. */
  lo: number;
  /** Upper end of the 95% Wilson interval of `broken`. */
  hi: number;
}

/**
 * The ladder over `replays` random schedules (schedule i from `randomLadderSchedule(seed/i)`): each row
 * gives the share of replays in which the property broke (`broken`, from `count` of `n`) and its 95%
 * Wilson interval (`lo`, `hi`), so a chart can show how little 40 replays pin a rate down.
 * @example ladderMatrixChart(ladderRates({ seed: 42, replays: 40 }), { lo: "lo", hi: "hi", n: "n" })
 */
export function ladderRates(options: Omit<LadderOptions, "schedule"> & { replays?: number }): LadderRateRow[] {
  if (options === null || typeof options !== "object") fail("ladderRates(options): options", options, "an object");
  checkKeys("ladderRates options", options, ["seed", "untilMs", "replays", "adopt"]);
  checkSeed("ladderRates: seed", options.seed);
  const replays = checkInteger("ladderRates: replays", options.replays ?? 100, 1, 100_000);
  const untilMs = checkNonNegative("ladderRates: untilMs", options.untilMs ?? 3000);
  const adopt = checkAdopt("ladderRates", options.adopt ?? true);
  const sums = new Map<string, number>();
  for (let i = 0; i < replays; i++) {
    const seed = `${options.seed}/ladder/${i}`;
    for (const r of ladderRows(seed, randomLadderSchedule(seed), untilMs, adopt)) {
      const key = `${r.protocol}\u0000${r.property}`;
      sums.set(key, (sums.get(key) ?? 0) + r.broken);
    }
  }
  return LADDER_PROTOCOLS.flatMap((protocol) => LADDER_PROPERTIES.map((property) => {
    const count = sums.get(`${protocol}\u0000${property}`) ?? 0;
    const { p, lo, hi } = wilson(count, replays);
    return { protocol, property, broken: p, count, n: replays, lo, hi };
  }));
}
