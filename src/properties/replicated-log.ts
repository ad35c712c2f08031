/**
 * A fuzzer for the replicated log: multi-Paxos under many random fault schedules (crashes,
 * recoveries, partitions, held links, loss, duplication, delays), with the log's safety checked after
 * each run (see checkLogAgreement): one command per slot on every server, none executed twice, none
 * committed and then lost.
 */
import { runSeed } from "../stats/montecarlo";
import { createRng, type Seed } from "../random/rng";
import { exponential } from "../random/distributions";
import { checkInteger, checkKeys, checkPositive, fail } from "../validate";
import { runMultiPaxos } from "../protocols/multi-paxos";
import type { ChooseStored } from "../protocols/multi-paxos-options";
import { randomCluster } from "./consensus";

/** One fuzzed run of {@link fuzzMultiPaxos}. */
export interface MultiPaxosFuzzRow {
  seed: string;
  servers: number;
  clients: number;
  faults: number;
  /** Leaders elected (phase 1 won) during the run. */
  leaders: number;
  issued: number;
  committed: number;
  safe: boolean;
  violation: string | null;
}

/** Options of {@link fuzzMultiPaxos}. */
export interface FuzzMultiPaxosOptions {
  seed: Seed;
  runs: number;
  /** Each run stops here, in ms; faults start in its first 60%. @defaultValue 1500 */
  untilMs?: number;
  /** Passed to runMultiPaxos (to fuzz a broken rule). @defaultValue largestTStore */
  chooseStored?: ChooseStored;
  /** The first run index (so ranges can be split between processes). @defaultValue 0 */
  firstRun?: number;
}

/**
 * Runs multi-Paxos `runs` times, each with a random setup drawn from its run seed (3 or 5 servers,
 * 1-3 clients with 2-5 commands each, loss up to 20%, duplication up to 10%, mean delay 2-20 ms,
 * heartbeats every 10-30 ms, election timeouts 30-90 ms) and a random fault schedule, and checks the
 * log's safety after each run. Run i uses runSeed(seed, i).
 */
export function fuzzMultiPaxos(options: FuzzMultiPaxosOptions): MultiPaxosFuzzRow[] {
  if (options === null || typeof options !== "object") fail("fuzzMultiPaxos(options): options", options, "an object");
  checkKeys("fuzzMultiPaxos options", options, ["seed", "runs", "untilMs", "chooseStored", "firstRun"]);
  const firstRun = checkInteger("fuzzMultiPaxos: firstRun", options.firstRun ?? 0, 0, Number.MAX_SAFE_INTEGER);
  const runs = checkInteger("fuzzMultiPaxos: runs", options.runs, 1, 10_000_000);
  const untilMs = checkPositive("fuzzMultiPaxos: untilMs", options.untilMs ?? 1500);
  const rows: MultiPaxosFuzzRow[] = [];
  for (let i = firstRun; i < firstRun + runs; i++) {
    const seed = runSeed(options.seed, i);
    const rng = createRng(seed, "fuzz");
    const { servers, clients, faults } = randomCluster(rng, untilMs);
    const run = runMultiPaxos({
      seed, servers, clients, faults, untilMs, chooseStored: options.chooseStored, commandsPerClient: 2 + rng.int(4),
      lossRate: rng.next() * 0.2, duplicateRate: rng.next() * 0.1, delayMs: exponential(2 + rng.next() * 18),
      heartbeatMs: 10 + rng.next() * 20, electionTimeoutMs: 30 + rng.next() * 60,
    });
    rows.push({ seed, servers, clients, faults: faults.length, leaders: run.log.leaders.length, issued: run.issued,
      committed: run.committed, safe: run.agreement.ok, violation: run.agreement.violation });
  }
  return rows;
}
