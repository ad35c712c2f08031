/**
 * World options and the fault schedule, as plain data, with their validation. Everything a world
 * does is decided by these options and the seed, so building twice gives the same simulation.
 */
import { sampler } from "../random/distributions";
import type { DistributionLike, Sampler } from "../random/distributions";
import type { Seed } from "../random/rng";
import {
  checkInteger, checkKeys, checkKnownName, checkNames, checkNonNegative, checkPositive, checkSeed,
  checkProbability, fail,
} from "../validate";
import type { NodeHandlers } from "./context";
import { type FaultEvent, normalizeFault, type NormalFault } from "./fault-options";

export type { FaultEvent, FaultVerb, LinkSelector } from "./fault-options";

/** Per-link network behaviour; unset fields fall back to the global network options. */
export interface LinkOptions {
  /** One-way delay of each message, in ms (negative draws count as 0). @defaultValue 1 (constant) */
  delayMs?: DistributionLike;
  /** Probability that a message is lost. @defaultValue 0 */
  lossRate?: number;
  /** Probability that a delivered-to-the-network message is also duplicated once. @defaultValue 0 */
  duplicateRate?: number;
  /** Probability that a message copy that travels arrives altered (one value of its payload changed; see sim/corrupt.ts). @defaultValue 0 */
  corruptRate?: number;
}

/** Global network behaviour plus per-link overrides. */
export interface NetworkOptions extends LinkOptions {
  /**
   * Overrides per directed link, keyed "A->B"; "A<->B" sets both directions. Later keys win.
   * @defaultValue {}
   */
  links?: Record<string, LinkOptions>;
  /**
   * Time a node takes to start handling a message after it arrives, in ms at speed 1 (divided by the
   * receiver's speed). @defaultValue 0
   */
  processingMs?: DistributionLike;
}

/** One change of a run (see `world.fork`): drop or delay the k-th message (by id), or one extra fault. */
export type Intervention =
  | { dropMessage: number }
  | { delayMessage: number; byMs: number }
  | FaultEvent;

/** Options for createWorld. */
export interface WorldOptions {
  /** Seed of every random stream in the world. */
  seed: Seed;
  /** Distinct node names. */
  nodes: string[];
  /** @defaultValue delay 1 ms, no loss, no duplication */
  network?: NetworkOptions;
  /** Speed factor per node (> 0): timer durations and processing delays are divided by it. @defaultValue 1 */
  speeds?: Record<string, number>;
  /** Fault schedule. @defaultValue [] */
  faults?: FaultEvent[];
  /** Hard limit on events processed over the world's life; exceeding it throws. @defaultValue 10_000_000 */
  maxEvents?: number;
  /**
   * The protocol: the code of each node, by node name (the one way to give a world its handlers).
   * A node without handlers absorbs whatever it receives. @defaultValue {}
   */
  handlers?: Record<string, NodeHandlers<any, any>>;
  /** Interventions applied to this run (see `world.fork`). @defaultValue [] */
  interventions?: Intervention[];
}

/**
 * Most nodes a world may have: the network keeps n x n per-link tables, so 2,000 nodes take about
 * 100 MB and 10,000 would exhaust a notebook kernel's memory.
 */
export const MAX_WORLD_NODES = 2000;

/** A delay distribution; a constant (a number or `constant(v)`) must be a time, so >= 0. */
function timeSampler(d: DistributionLike, name: string): Sampler {
  if (typeof d === "number") checkNonNegative(name, d);
  else if (d !== null && typeof d === "object" && d.kind === "constant") checkNonNegative(`${name}.value`, d.value);
  return sampler(d, name);
}

/** @internal Validated world configuration. */
export interface WorldConfig {
  seed: Seed;
  nodes: string[];
  delay: Sampler[];
  // Plain arrays: a Float64Array of more than 8 entries lives off V8's heap and costs about a
  // microsecond to allocate, a large share of creating a small world.
  loss: number[];
  dup: number[];
  corrupt: number[];
  /** null when processing time is the constant 0. */
  processing: Sampler | null;
  speeds: Float64Array;
  faults: NormalFault[];
  maxEvents: number;
  /** The handlers of each node, by node index. */
  handlers: (NodeHandlers | undefined)[];
  drops: Set<number>;
  delays: Map<number, number>;
}

/** Validates every option once and resolves per-link settings into n*n tables (index from*n+to). */
export function validateWorldOptions(options: WorldOptions): WorldConfig {
  if (options === null || typeof options !== "object") fail("createWorld(options)", options, "an options object");
  checkKeys("createWorld options", options, ["seed", "nodes", "network", "speeds", "faults", "maxEvents", "handlers", "interventions"]);
  const seed = options.seed;
  checkSeed("seed", seed);
  const nodes = checkNames("nodes", options.nodes).slice();
  const n = nodes.length;
  if (n > MAX_WORLD_NODES) {
    throw new RangeError(`nodes must be at most ${MAX_WORLD_NODES} names (the network keeps n x n link tables, so for large clusters use simulateClusterFailures); got ${n} names`);
  }
  const net = options.network ?? {};
  checkKeys("network", net, ["delayMs", "lossRate", "duplicateRate", "corruptRate", "links", "processingMs"]);
  const gDelay = timeSampler(net.delayMs ?? 1, "network.delayMs");
  const gLoss = checkProbability("network.lossRate", net.lossRate ?? 0);
  const gDup = checkProbability("network.duplicateRate", net.duplicateRate ?? 0);
  const gCorrupt = checkProbability("network.corruptRate", net.corruptRate ?? 0);
  const delay: Sampler[] = new Array(n * n).fill(gDelay);
  const loss: number[] = new Array(n * n).fill(gLoss);
  const dup: number[] = new Array(n * n).fill(gDup);
  const corrupt: number[] = new Array(n * n).fill(gCorrupt);
  for (const [key, link] of Object.entries(net.links ?? {})) {
    const name = `network.links[${JSON.stringify(key)}]`;
    const m = /^(.+?)(<->|->)(.+)$/.exec(key);
    if (!m) fail(`network.links key`, key, `"A->B" or "A<->B" with known node names`);
    const a = nodes.indexOf(checkKnownName(`${name} from`, m[1], nodes));
    const b = nodes.indexOf(checkKnownName(`${name} to`, m[3], nodes));
    if (link === null || typeof link !== "object") fail(name, link, "an object with delayMs, lossRate, duplicateRate, corruptRate");
    checkKeys(name, link, ["delayMs", "lossRate", "duplicateRate", "corruptRate"]);
    const pairs = m[2] === "<->" ? [a * n + b, b * n + a] : [a * n + b];
    const linkDelay = link.delayMs === undefined ? null : timeSampler(link.delayMs, `${name}.delayMs`);
    for (const k of pairs) {
      if (linkDelay) delay[k] = linkDelay;
      if (link.lossRate !== undefined) loss[k] = checkProbability(`${name}.lossRate`, link.lossRate);
      if (link.duplicateRate !== undefined) dup[k] = checkProbability(`${name}.duplicateRate`, link.duplicateRate);
      if (link.corruptRate !== undefined) corrupt[k] = checkProbability(`${name}.corruptRate`, link.corruptRate);
    }
  }
  const speeds = new Float64Array(n).fill(1);
  for (const [name, s] of Object.entries(options.speeds ?? {})) {
    speeds[nodes.indexOf(checkKnownName("speeds key", name, nodes))] = checkPositive(`speeds.${name}`, s);
  }
  const faultList = options.faults ?? [];
  if (!Array.isArray(faultList)) fail("faults", faultList, "an array of fault events");
  const faults = faultList.map((f, i) => normalizeFault(`faults[${i}]`, f, nodes));
  const drops = new Set<number>();
  const delays = new Map<number, number>();
  (options.interventions ?? []).forEach((iv, i) => {
    const name = `interventions[${i}]`;
    if (iv && typeof iv === "object" && "dropMessage" in iv) {
      checkKeys(name, iv, ["dropMessage"]);
      drops.add(checkInteger(`${name}.dropMessage`, iv.dropMessage, 1));
    } else if (iv && typeof iv === "object" && "delayMessage" in iv) {
      checkKeys(name, iv, ["delayMessage", "byMs"]);
      const k = checkInteger(`${name}.delayMessage`, iv.delayMessage, 1);
      delays.set(k, (delays.get(k) ?? 0) + checkNonNegative(`${name}.byMs`, iv.byMs));
    } else {
      faults.push(normalizeFault(name, iv, nodes));
    }
  });
  const maxEvents = checkInteger("maxEvents", options.maxEvents ?? 10_000_000, 1);
  const p = net.processingMs ?? 0;
  const processing = p === 0 || (typeof p === "object" && p?.kind === "constant" && p.value === 0) ? null
    : timeSampler(p, "network.processingMs");
  const handlers = checkHandlers(options.handlers ?? {}, nodes);
  return { seed, nodes, delay, loss, dup, corrupt, processing, speeds, faults, maxEvents, handlers, drops, delays };
}

const HANDLER_KEYS = ["init", "onMessage", "onTimer", "onRecover"] as const;

/** Each key a known node name, each value an object of handler functions; returns them by node index. */
function checkHandlers(given: unknown, nodes: string[]): (NodeHandlers | undefined)[] {
  if (given === null || typeof given !== "object" || Array.isArray(given)) fail("handlers", given, "an object mapping node names to handlers");
  const out: (NodeHandlers | undefined)[] = new Array(nodes.length).fill(undefined);
  for (const [name, h] of Object.entries(given)) {
    const i = nodes.indexOf(checkKnownName("handlers key", name, nodes));
    const param = `handlers.${name}`;
    if (h === null || typeof h !== "object") fail(param, h, "an object with init/onMessage/onTimer/onRecover");
    checkKeys(param, h, HANDLER_KEYS);
    for (const k of HANDLER_KEYS) {
      const fn = (h as Record<string, unknown>)[k];
      if (fn !== undefined && typeof fn !== "function") fail(`${param}.${k}`, fn, "a function");
    }
    out[i] = h as NodeHandlers;
  }
  return out;
}
