/**
 * Safety of ticket protocols, checked on the consensus log of a run (derived from its trace's records,
 * see consensusLog), and a fuzzer that runs Paxos under many
 * random fault schedules (crashes, recoveries, partitions, held links, loss, duplication, delays).
 */
import type { FaultEvent } from "../sim/options";
import { runSeed } from "../stats/montecarlo";
import { createRng, type Rng, type Seed } from "../random/rng";
import { exponential } from "../random/distributions";
import { checkInteger, checkKeys, checkNames, checkPositive, fail } from "../validate";
import { runPaxos } from "../protocols/paxos";
import type { ConsensusLog } from "../protocols/ticket-records";

/** What {@link checkConsensusSafety} found. */
export interface ConsensusSafety {
  /** Proposals stored by a majority of servers, in the order they became chosen. */
  chosen: { ticket: number; command: string; atMs: number }[];
  /** At most one command was chosen (several tickets may choose the same command). */
  atMostOneChosen: boolean;
  /** Every proposal with a larger ticket than the first chosen one carries the chosen command. */
  laterProposalsCarryChosen: boolean;
  /** Every server that executed a command executed the same one, and it was chosen. */
  executionsAgree: boolean;
  /** All three hold. */
  ok: boolean;
  /** The first violation in words, or null. */
  violation: string | null;
}

/**
 * Checks the chapter's safety properties on a run's log (`run.log`, or `consensusLog(run.trace)`): a proposal (t, c) is chosen once a majority
 * of the `servers` servers stored it; at most one command may be chosen; once (t, c) is chosen every
 * proposal with a larger ticket carries c (the chapter's lemma); all executions agree on it.
 */
export function checkConsensusSafety(log: ConsensusLog, servers: number): ConsensusSafety {
  checkInteger("checkConsensusSafety: servers", servers, 1, 1000);
  const majority = Math.floor(servers / 2) + 1;
  const byTicket = new Map<number, Set<string>>();
  const chosen: ConsensusSafety["chosen"] = [];
  for (const s of log.stores) {
    let set = byTicket.get(s.ticket);
    if (!set) byTicket.set(s.ticket, (set = new Set()));
    const before = set.size;
    set.add(s.server);
    if (before < majority && set.size >= majority) chosen.push({ ticket: s.ticket, command: s.command, atMs: s.atMs });
  }
  let violation: string | null = null;
  const commands = new Set(chosen.map((c) => c.command));
  const atMostOneChosen = commands.size <= 1;
  if (!atMostOneChosen) violation = `two commands were chosen: ${[...commands].join(" and ")}`;
  let laterProposalsCarryChosen = true;
  if (chosen.length > 0) {
    const first = chosen.reduce((a, b) => (b.ticket < a.ticket ? b : a));
    const bad = log.proposals.find((p) => p.ticket > first.ticket && p.command !== first.command);
    if (bad) {
      laterProposalsCarryChosen = false;
      violation ??= `propose(${bad.ticket}, ${bad.command}) by ${bad.client} came after (${first.ticket}, ${first.command}) was chosen`;
    }
  }
  const executed = new Set(log.executes.map((e) => e.command));
  const executionsAgree = executed.size <= 1 && [...executed].every((c) => commands.has(c));
  if (!executionsAgree) violation ??= `servers executed ${[...executed].join(", ")} while chosen was ${[...commands].join(", ") || "nothing"}`;
  return { chosen, atMostOneChosen, laterProposalsCarryChosen, executionsAgree, ok: violation === null, violation };
}

/**
 * @internal The cluster a consensus fuzz run draws: 3 or 5 servers, 1 to 3 clients, and a random
 * fault schedule over all of them in the first 60% of the run (in this order, from `rng`).
 */
export function randomCluster(rng: Rng, untilMs: number): { servers: number; clients: number; faults: FaultEvent[] } {
  const servers = rng.next() < 0.5 ? 3 : 5;
  const clients = 1 + rng.int(3);
  const names = [...Array.from({ length: clients }, (_, j) => `u${j + 1}`), ...Array.from({ length: servers }, (_, j) => `s${j + 1}`)];
  return { servers, clients, faults: randomFaultSchedule(rng, { nodes: names, horizonMs: untilMs * 0.6 }) };
}

/** Options of {@link randomFaultSchedule}. */
export interface RandomFaultOptions {
  /** Nodes that may crash, be cut off or have their links held. */
  nodes: string[];
  /** Faults start within [0, horizonMs]. @defaultValue 1000 */
  horizonMs?: number;
  /** The schedule has 0 .. maxFaults faults. @defaultValue 6 */
  maxFaults?: number;
}

/**
 * A random fault schedule: crashes (recovering after a random time, or with probability 0.3 never),
 * partitions into two random groups (healed later), and held links (released later, so messages
 * arrive late and reordered). Deterministic in `rng`.
 */
export function randomFaultSchedule(rng: Rng, options: RandomFaultOptions): FaultEvent[] {
  checkKeys("randomFaultSchedule options", options, ["nodes", "horizonMs", "maxFaults"]);
  const nodes = checkNames("randomFaultSchedule: nodes", options.nodes);
  const horizon = checkPositive("randomFaultSchedule: horizonMs", options.horizonMs ?? 1000);
  const maxFaults = checkInteger("randomFaultSchedule: maxFaults", options.maxFaults ?? 6, 0, 1000);
  const pick = () => nodes[rng.int(nodes.length)];
  const out: FaultEvent[] = [];
  const count = rng.int(maxFaults + 1);
  for (let i = 0; i < count; i++) {
    const at = rng.next() * horizon;
    const until = at + rng.next() * horizon * 0.5;
    const kind = rng.int(3);
    if (kind === 0) {
      const node = pick();
      out.push({ at, crash: node });
      if (rng.next() < 0.7) out.push({ at: until, recover: node });
    } else if (kind === 1 && nodes.length > 1) {
      const a: string[] = [], b: string[] = [];
      for (const n of nodes) (rng.next() < 0.5 ? a : b).push(n);
      if (a.length > 0 && b.length > 0) out.push({ at, partition: [a, b] }, { at: until, heal: true });
    } else {
      const link = { from: pick(), to: pick() };
      out.push({ at, hold: link }, { at: until, release: link });
    }
  }
  return out.sort((x, y) => x.at - y.at);
}

/** One fuzzed run of {@link fuzzPaxos}. */
export interface PaxosFuzzRow {
  seed: string;
  servers: number;
  clients: number;
  faults: number;
  decided: boolean;
  safe: boolean;
  violation: string | null;
}

/**
 * Runs Paxos `runs` times, each with a random setup drawn from its run seed (3 or 5 servers, 1-3
 * clients, loss up to 30%, duplication up to 10%, mean delay 2-30 ms, timeouts, nacks and backoff on
 * or off; at most 12 attempts per client) and a random fault schedule, and checks safety after each run. Run i uses runSeed(seed, i).
 * `adopt: false` fuzzes the broken variant of {@link runPaxos} (to see the checker catch it); `untilMs` defaults to 800; `firstRun`
 * (default 0) starts at run index firstRun, so ranges can be split between processes.
 */
export function fuzzPaxos(options: { seed: Seed; runs: number; untilMs?: number; adopt?: boolean; firstRun?: number }): PaxosFuzzRow[] {
  if (options === null || typeof options !== "object") fail("fuzzPaxos(options): options", options, "an object");
  checkKeys("fuzzPaxos options", options, ["seed", "runs", "untilMs", "adopt", "firstRun"]);
  const firstRun = checkInteger("fuzzPaxos: firstRun", options.firstRun ?? 0, 0, Number.MAX_SAFE_INTEGER);
  const runs = checkInteger("fuzzPaxos: runs", options.runs, 1, 10_000_000);
  const untilMs = checkPositive("fuzzPaxos: untilMs", options.untilMs ?? 800);
  const rows: PaxosFuzzRow[] = [];
  for (let i = firstRun; i < firstRun + runs; i++) {
    const seed = runSeed(options.seed, i);
    const rng = createRng(seed, "fuzz");
    const { servers, clients, faults } = randomCluster(rng, untilMs);
    const run = runPaxos({
      seed, servers, clients, faults, untilMs, adopt: options.adopt,
      lossRate: rng.next() * 0.3, duplicateRate: rng.next() * 0.1, delayMs: exponential(2 + rng.next() * 28),
      timeoutMs: 20 + rng.next() * 100, maxAttempts: 12, nacks: rng.next() < 0.5, backoffMs: rng.next() < 0.5 ? 0 : rng.next() * 60,
    });
    const safety = checkConsensusSafety(run.log, servers);
    rows.push({ seed, servers, clients, faults: faults.length, decided: run.decided, safe: safety.ok, violation: safety.violation });
  }
  return rows;
}
