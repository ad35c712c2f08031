/**
 * Experiments of notebook 06 (a replicated log): multi-Paxos against the serializer of 03 in latency
 * and throughput, with closed forms; a leader crash with its gaps; a server that is cut off and
 * catches up; the log's agreement as a checkProtocol invariant; forks when anyone may propose.
 */
import { createRng, type Seed } from "../random/rng";
import { exponential } from "../random/distributions";
import { meanCI, wilson } from "../stats/stats";
import { findRunSeed, type FoundRun } from "../stats/seed-search";
import { checkInteger, checkKeys, checkList, checkPositive } from "../validate";
import { runSerializer } from "../protocols/serializer";
import { runMultiPaxos, type MultiPaxosResult } from "../protocols/multi-paxos";
import type { ProtocolView } from "../check/protocol-view";

/** One row of {@link logCostSweep}. */
export interface LogCostRow {
  protocol: "serializer" | "multi-Paxos";
  clients: number;
  /** Mean ms from a command's issue to its commit, with its 95% Student-t interval over the commands. */
  latencyMs: number; latencyLo: number; latencyHi: number;
  /** Committed commands per second of virtual time. */
  throughputPerS: number;
  /** Closed forms with every one-way delay equal to delayMs (see {@link logCostSweep}). */
  latencyClosedFormMs: number;
  throughputClosedFormPerS: number;
}

/**
 * Latency and throughput of the serializer (03) and of multi-Paxos against the number of clients k,
 * every one-way delay d = delayMs, each client sending its next command as soon as the last one
 * committed, for durationMs. Closed forms: serializer, one command at a time at 2d each:
 * throughput min(k / 4d, 1 / 2d), latency max(4d, 2dk) (03). Multi-Paxos: the leader pipelines, a
 * command takes client -> leader -> majority -> leader -> client, so latency 4d and throughput k / 4d
 * (the first command also waits for phase 1, 2d more).
 */
export function logCostSweep(options: { seed: Seed; clients: number[]; servers?: number; delayMs?: number; durationMs?: number }): LogCostRow[] {
  checkKeys("logCostSweep options", options, ["seed", "clients", "servers", "delayMs", "durationMs"]);
  const d = checkPositive("logCostSweep: delayMs", options.delayMs ?? 10);
  const duration = checkPositive("logCostSweep: durationMs", options.durationMs ?? 2000);
  const servers = checkInteger("logCostSweep: servers", options.servers ?? 3, 2, 15);
  const clients = checkList("logCostSweep: clients", options.clients, (n, v) => checkInteger(n, v, 1, 50));
  const rows: LogCostRow[] = [];
  for (const k of clients) {
    const common = { seed: options.seed, clients: k, servers, delayMs: d, commandsPerClient: 1_000_000, untilMs: duration };
    const runs = [["serializer", runSerializer(common)], ["multi-Paxos", runMultiPaxos(common)]] as const;
    for (const [protocol, r] of runs) {
      const thr = protocol === "serializer" ? Math.min(k / (4 * d), 1 / (2 * d)) : k / (4 * d);
      const ci = meanCI(r.latenciesMs);
      rows.push({ protocol, clients: k, latencyMs: ci.mean, latencyLo: ci.lo, latencyHi: ci.hi,
        throughputPerS: (1000 * r.committed) / duration, latencyClosedFormMs: k / thr, throughputClosedFormPerS: 1000 * thr });
    }
  }
  return rows;
}

/** The run that notebook 06 draws for a leader crash (its seed and result). */
export type LeaderCrashRun = FoundRun<MultiPaxosResult>;

/**
 * The first run seed in which s1 leads alone until it crashes at `crashAtMs` (for good), another
 * server takes over, the new leader fills at least one gap with a no-op, and every command commits: 2 clients with
 * `commandsPerClient` commands, 3 servers, exponential delays (mean 10 ms), 10% loss.
 */
export function findLeaderCrashRun(options: { seed: Seed; crashAtMs?: number; commandsPerClient?: number }): LeaderCrashRun {
  checkKeys("findLeaderCrashRun options", options, ["seed", "crashAtMs", "commandsPerClient"]);
  const at = checkPositive("findLeaderCrashRun: crashAtMs", options.crashAtMs ?? 120);
  const commandsPerClient = checkInteger("findLeaderCrashRun: commandsPerClient", options.commandsPerClient ?? 4, 1, 100);
  return findRunSeed({
    seed: options.seed, maxTries: 2000,
    run: (seed) => runMultiPaxos({ seed, clients: 3, commandsPerClient, lossRate: 0.2, delayMs: exponential(10), faults: [{ at, crash: "s1" }], untilMs: 2000 }),
    where: (r) => r.log.noOps.length > 0 && r.committed === r.issued && r.log.leaders.some((l) => l.server !== "s1")
      && r.log.leaders.every((l) => l.atMs > at || l.server === "s1"),
  });
}

/** One row of {@link executedOverTime}: how many commands `server` had executed by `tMs`. */
export interface ExecutedRow { server: string; tMs: number; executed: number }

/** Each server's count of executed commands after each of its executions (a step line per server). */
export function executedOverTime(run: Pick<MultiPaxosResult, "trace" | "servers">): ExecutedRow[] {
  const count: Record<string, number> = Object.fromEntries(run.servers.map((s) => [s, 0]));
  const rows: ExecutedRow[] = run.servers.map((server) => ({ server, tMs: 0, executed: 0 }));
  for (const r of run.trace.records("execute")) rows.push({ server: r.node, tMs: r.t, executed: ++count[r.node] });
  return rows;
}

/**
 * An invariant for checkProtocol: the slots every server applied (its disk's `applied`) are prefixes
 * of one another, so no two servers applied different commands in one slot.
 */
export function logsArePrefixes(view: ProtocolView): boolean {
  const logs = Object.keys(view.nodes).filter((n) => n.startsWith("s")).map((s) => (view.nodes[s].persistent.applied ?? []) as string[]);
  for (const a of logs) for (const b of logs) for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return false;
  return true;
}

/** One row of {@link forkRows}. */
export interface ForkRow {
  /** The mean time between two blocks, in units of the time a block takes to reach every node. */
  intervalOverDelay: number;
  /** Share of blocks followed by another one before the first had spread (a fork), with a 95% Wilson interval. */
  p: number; lo: number; hi: number;
  /** 1 - exp(-1 / intervalOverDelay). */
  closedForm: number;
}

/**
 * If anyone may propose: blocks are found at random moments (a Poisson process with mean interval T),
 * each takes d to reach every node, and a second block found within d of the first forks the chain.
 * `trials` seeded gaps per ratio T / d; closed form P(fork) = P(gap < d) = 1 - exp(-d / T).
 */
export function forkRows(options: { seed: Seed; trials: number; intervalsOverDelay: number[] }): ForkRow[] {
  checkKeys("forkRows options", options, ["seed", "trials", "intervalsOverDelay"]);
  const trials = checkInteger("forkRows: trials", options.trials, 1, 10_000_000);
  const ratios = checkList("forkRows: intervalsOverDelay", options.intervalsOverDelay, (n, v) => checkPositive(n, v));
  return ratios.map((ratio) => {
    const rng = createRng(options.seed, `fork/${ratio}`);
    let forks = 0;
    for (let i = 0; i < trials; i++) if (-Math.log(1 - rng.next()) * ratio < 1) forks++;
    const w = wilson(forks, trials);
    return { intervalOverDelay: ratio, p: w.p, lo: w.lo, hi: w.hi, closedForm: 1 - Math.exp(-1 / ratio) };
  });
}
