/**
 * Experiments of notebook 03 (state replication): divergence of client-server with acknowledgments
 * against servers, clients and delay spread, with closed forms; the serializer's cost; diagram rows.
 */
import { constant, uniform, type DistributionLike } from "../random/distributions";
import { type Seed } from "../random/rng";
import { meanCI, proportionRows, wilson } from "../stats/stats";
import { sweep } from "../stats/sweep";
import { checkInteger, checkKeys, checkList, checkNonNegative, checkNumber, checkOneOf, checkPositive, fail } from "../validate";
import { runAckReplication } from "../protocols/ack-replication";
import { runSerializer } from "../protocols/serializer";

/**
 * A delay with the given mean and standard deviation, in ms: constant when sdMs is 0, otherwise
 * uniform on mean +- sd * sqrt(3) (which needs sdMs <= meanMs / sqrt(3), so no delay is negative).
 */
export function uniformDelayWithSd(meanMs: number, sdMs: number): DistributionLike {
  checkPositive("uniformDelayWithSd(meanMs, sdMs): meanMs", meanMs);
  const max = meanMs / Math.sqrt(3);
  if (!(typeof sdMs === "number" && sdMs >= 0 && sdMs <= max + 1e-9)) fail("uniformDelayWithSd(meanMs, sdMs): sdMs", sdMs, `a number in [0, ${max.toFixed(3)}] (meanMs / sqrt(3))`);
  if (sdMs === 0) return constant(meanMs);
  const half = Math.min(meanMs, sdMs * Math.sqrt(3));
  return uniform(meanMs - half, meanMs + half);
}

function factorial(k: number): number {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
}

/**
 * Closed form: k clients send one command each at the same moment to n servers over independent,
 * continuously distributed delays. Each server then sees a uniformly random order of the k commands
 * (one of k! orders), independently of the others, so all n agree with probability (1/k!)^(n-1):
 * P(diverge) = 1 - (k!)^(1-n).
 */
export function ackDivergenceProbability(clients: number, servers: number): number {
  checkInteger("ackDivergenceProbability(clients, servers): clients", clients, 1);
  checkInteger("ackDivergenceProbability(clients, servers): servers", servers, 1);
  return 1 - Math.pow(factorial(clients), 1 - servers);
}

/**
 * Closed form: two clients, the second sending gapMs after the first, one command each, delays
 * uniform with standard deviation sdMs (half-width w = sd sqrt(3)). The difference of two delays is
 * triangular on [-2w, 2w], so a server sees the later command first with probability
 * q = (2w - gap)^2 / (8 w^2) when gap < 2w (else 0); P(diverge) = 1 - q^n - (1 - q)^n.
 */
export function staggeredDivergenceProbability(servers: number, gapMs: number, sdMs: number): number {
  checkInteger("staggeredDivergenceProbability(servers, gapMs, sdMs): servers", servers, 1);
  checkNonNegative("staggeredDivergenceProbability: gapMs", gapMs);
  checkNonNegative("staggeredDivergenceProbability: sdMs", sdMs);
  const w = sdMs * Math.sqrt(3);
  const q = w === 0 || gapMs >= 2 * w ? 0 : (2 * w - gapMs) ** 2 / (8 * w * w);
  return 1 - q ** servers - (1 - q) ** servers;
}

/** Options of {@link divergenceSweep}: each grid field is a number or a list of numbers. */
export interface DivergenceSweepOptions {
  seed: Seed;
  /** Runs per grid cell. */
  runs: number;
  /** @defaultValue 3 */ servers?: number | number[];
  /** @defaultValue 2 */ clients?: number | number[];
  /** Standard deviation of the delay in ms (uniform delays, see {@link uniformDelayWithSd}). @defaultValue 10 */
  delaySdMs?: number | number[];
  /** Mean one-way delay in ms. @defaultValue 20 */
  delayMeanMs?: number;
  /** Client i starts at i * clientGapMs. @defaultValue 0 */
  clientGapMs?: number;
  /** @defaultValue 1 */ commandsPerClient?: number;
  /** "acks" (clients to every server) or "serializer". @defaultValue "acks" */
  protocol?: "acks" | "serializer";
}

/** One row of {@link divergenceSweep}. */
export interface DivergenceRow {
  servers: number; clients: number; delaySdMs: number; protocol: string;
  /** Share of runs whose servers diverged, with its 95% Wilson interval. */
  p: number; lo: number; hi: number; n: number;
  /** Mean number of distinct final states among the servers. */
  meanDistinctStates: number;
  /** The closed form when one applies (one command each, see the functions above), else null. */
  closedForm: number | null;
}

/** Runs runAckReplication (or runSerializer) in every cell and returns divergence rows. */
export function divergenceSweep(options: DivergenceSweepOptions): DivergenceRow[] {
  checkKeys("divergenceSweep options", options, ["seed", "runs", "servers", "clients", "delaySdMs", "delayMeanMs", "clientGapMs", "commandsPerClient", "protocol"]);
  const mean = options.delayMeanMs ?? 20;
  const gap = options.clientGapMs ?? 0;
  const commands = options.commandsPerClient ?? 1;
  const protocol = checkOneOf("divergenceSweep options.protocol", options.protocol ?? "acks", ["acks", "serializer"]);
  const run = protocol === "serializer" ? runSerializer : runAckReplication;
  return sweep({
    grid: {
      servers: checkList("divergenceSweep options.servers", options.servers ?? 3, (n, v) => checkInteger(n, v, 1, 1000)),
      clients: checkList("divergenceSweep options.clients", options.clients ?? 2, (n, v) => checkInteger(n, v, 1, 1000)),
      delaySdMs: checkList("divergenceSweep options.delaySdMs", options.delaySdMs ?? 10, (n, v) => checkNumber(n, v, 0, Infinity)),
    },
    runs: options.runs, seed: options.seed,
    run: (p, seed) => {
      const r = run({ seed, servers: p.servers as number, clients: p.clients as number, commandsPerClient: commands,
        clientGapMs: gap, delayMs: uniformDelayWithSd(mean, p.delaySdMs as number) });
      return { diverged: r.diverged, distinct: r.distinctStates };
    },
    summarize: (results, p) => {
      const k = results.filter((r) => r.diverged).length;
      const w = wilson(k, results.length);
      const [s, c, sd] = [p.servers as number, p.clients as number, p.delaySdMs as number];
      let closedForm: number | null = null;
      if (protocol === "serializer") closedForm = 0;
      else if (commands === 1 && gap === 0 && sd > 0) closedForm = ackDivergenceProbability(c, s);
      else if (commands === 1 && c === 2) closedForm = staggeredDivergenceProbability(s, gap, sd);
      return { protocol, p: w.p, lo: w.lo, hi: w.hi, n: results.length, closedForm,
        meanDistinctStates: results.reduce((a, r) => a + r.distinct, 0) / results.length };
    },
  });
}

/**
 * The distribution of the number of distinct final states over `runs` runs (proportion rows with
 * Wilson intervals, outcome = the count, one row for each count from 1 to `servers`, and `exact`, the
 * occupancy probability {@link occupancyProbability} for one command per client, else null), plus the closed-form mean for one command per client sent
 * at once: m (1 - (1 - 1/m)^n) with m = k! possible orders and n servers (null for more commands).
 */
export function distinctStatesRows(options: { seed: Seed; runs: number; clients: number; servers: number; delayMs?: DistributionLike; commandsPerClient?: number }) {
  checkKeys("distinctStatesRows options", options, ["seed", "runs", "clients", "servers", "delayMs", "commandsPerClient"]);
  const runs = checkInteger("distinctStatesRows: runs", options.runs, 1);
  const counts: number[] = [];
  for (let i = 0; i < runs; i++) {
    counts.push(runAckReplication({ seed: `${options.seed}/distinct/${i}`, clients: options.clients, servers: options.servers,
      delayMs: options.delayMs, commandsPerClient: options.commandsPerClient ?? 1 }).distinctStates);
  }
  const m = factorial(options.clients);
  const width = String(options.servers).length;
  // Every count from 1 to n servers gets a row (a bar), also the ones no run had: "1 state" (all
  // agree) drawn as 0% says so, where a missing bar says nothing.
  const possible = Array.from({ length: options.servers }, (_, i) => String(i + 1).padStart(width, " "));
  const single = (options.commandsPerClient ?? 1) === 1;
  const rows = proportionRows(counts.map((c) => String(c).padStart(width, " ")), { outcomes: possible })
    .map((r) => ({ ...r, outcome: r.outcome.trim(), exact: single ? occupancyProbability(options.servers, m, Number(r.outcome)) : null }));
  return { rows, meanSimulated: meanCI(counts), meanClosedForm: single ? m * (1 - Math.pow(1 - 1 / m, options.servers)) : null };
}

/**
 * P(exactly j of m boxes occupied) when n balls fall independently and uniformly into m boxes:
 * C(m, j) j! S(n, j) / m^n, with S the Stirling numbers of the second kind (n servers, m orders).
 */
export function occupancyProbability(n: number, m: number, j: number): number {
  if (j < 1 || j > Math.min(n, m)) return 0;
  // S(i, l) row by row: S(i, l) = l S(i-1, l) + S(i-1, l-1), scaled by 1/m per ball to stay finite.
  let row = [1];
  for (let i = 1; i <= n; i++) {
    const next = new Array(i + 1).fill(0);
    for (let l = 1; l <= i; l++) next[l] = ((l * (row[l] ?? 0)) + (row[l - 1] ?? 0)) / m;
    row = next;
  }
  let fallingFactorial = 1; // m (m-1) ... (m-j+1) = C(m, j) j!
  for (let l = 0; l < j; l++) fallingFactorial *= m - l;
  return fallingFactorial * row[j];
}

/** One row of {@link replicationCostSweep}. */
export interface ReplicationCostRow {
  protocol: "acks" | "serializer";
  clients: number;
  /** Mean ms from a command's first send to its commit. */
  latencyMs: number;
  /** Committed commands per second of virtual time. */
  throughputPerS: number;
  /** Closed forms with every delay equal to delayMs (see the TSDoc). */
  latencyClosedFormMs: number;
  throughputClosedFormPerS: number;
}

/**
 * Latency and throughput of both protocols against the number of clients, every one-way delay equal
 * to `delayMs`, clients sending back to back for `durationMs`. Closed forms (n >= 2 servers, d =
 * delayMs): acks to every server: latency 2d, throughput k / 2d; serializer: one command at a time,
 * 2d each, so throughput min(k / 4d, 1 / 2d) and, by Little's law, latency k / throughput = max(4d, 2dk).
 */
export function replicationCostSweep(options: { seed: Seed; clients: number[]; servers?: number; delayMs?: number; durationMs?: number }): ReplicationCostRow[] {
  checkKeys("replicationCostSweep options", options, ["seed", "clients", "servers", "delayMs", "durationMs"]);
  const d = checkPositive("replicationCostSweep: delayMs", options.delayMs ?? 10);
  const duration = checkPositive("replicationCostSweep: durationMs", options.durationMs ?? 2000);
  const servers = checkInteger("replicationCostSweep: servers", options.servers ?? 3, 2);
  const rows: ReplicationCostRow[] = [];
  for (const k of options.clients) {
    for (const protocol of ["acks", "serializer"] as const) {
      const run = protocol === "serializer" ? runSerializer : runAckReplication;
      const r = run({ seed: options.seed, clients: k, servers, delayMs: d, commandsPerClient: 1_000_000, untilMs: duration });
      const thr = protocol === "serializer" ? Math.min(k / (4 * d), 1 / (2 * d)) : k / (2 * d);
      rows.push({
        protocol, clients: k,
        latencyMs: r.latenciesMs.reduce((a, b) => a + b, 0) / Math.max(1, r.latenciesMs.length),
        throughputPerS: (1000 * r.committed) / duration,
        latencyClosedFormMs: k / thr, throughputClosedFormPerS: 1000 * thr,
      });
    }
  }
  return rows;
}
