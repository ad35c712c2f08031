/**
 * Notebook 07's experiments: the protocols of the chapter (serializer, two-phase protocol, two-phase
 * commit, naive tickets, Paxos) through the same network partitions, given as ordinary fault entries.
 * Two clients u1, u2 and four servers s1..s4 (two-phase commit: coordinator u1, participants s1..s4);
 * side A is u1 with s1, s2 (and s3 in the majority split), side B the rest. Each run is judged by the
 * safety check of its protocol family, read from its trace, and by which sides finished.
 */
import type { FaultEvent } from "../sim/fault-options";
import type { Trace } from "../sim/trace";
import type { Seed } from "../random/rng";
import { checkKeys, checkNonNegative, checkOneOf, checkPositive, checkSeed, fail } from "../validate";
import { runSerializer } from "../protocols/serializer";
import { runTwoPhase } from "../protocols/two-phase";
import { runTwoPhaseCommit } from "../protocols/two-phase-commit";
import { runNaiveTicket } from "../protocols/naive-ticket";
import { runPaxos } from "../protocols/paxos";
import { checkConsensusSafety } from "../properties/consensus";
import { twoPhaseInvariants } from "../properties/two-phase-invariants";

/**
 * The protocols of the partition matrix, in order. "Paxos, quorum n/2" is Paxos broken on purpose: its
 * clients wait for half of the servers (2 of 4) instead of a majority.
 */
export const PARTITION_PROTOCOLS = ["serializer", "two-phase", "two-phase commit", "naive tickets", "Paxos", "Paxos, quorum n/2"] as const;
/** One of {@link PARTITION_PROTOCOLS}. */
export type PartitionProtocol = (typeof PARTITION_PROTOCOLS)[number];

/** The partition schedules, in order: a control without faults, then the four partitions. */
export const PARTITION_SCHEDULES = ["no partition", "clean n/2 split", "majority/minority", "one-way link", "minority split, healed"] as const;
/** One of {@link PARTITION_SCHEDULES}. */
export type PartitionSchedule = (typeof PARTITION_SCHEDULES)[number];

/** The two sides of the clean split (n/2 servers each) and of the majority/minority split. */
export const PARTITION_SIDES = {
  half: [["u1", "s1", "s2"], ["u2", "s3", "s4"]],
  majority: [["u1", "s1", "s2", "s3"], ["u2", "s4"]],
} as const;

/** Timing of a partition schedule. */
export interface PartitionTiming {
  /** The partition starts at this time, in ms. @defaultValue 0 */
  splitMs?: number;
  /** "minority split, healed" heals at this time, in ms (after splitMs). @defaultValue 1000 */
  healMs?: number;
}

/**
 * The fault entries of a schedule, naming only `nodes` (names the protocol does not have are left out).
 * @example partitionFaults("one-way link", ["u1", "u2", "s1", "s2", "s3", "s4"]) // [{ at: 0, block: { from: [...], to: [...] } }]
 */
export function partitionFaults(schedule: PartitionSchedule, nodes: readonly string[], timing: PartitionTiming = {}): FaultEvent[] {
  const { splitMs, healMs } = checkTiming("partitionFaults", timing);
  checkOneOf("partitionFaults: schedule", schedule, PARTITION_SCHEDULES);
  const only = (g: readonly string[]) => g.filter((n) => nodes.includes(n));
  const split = (sides: readonly (readonly string[])[]): FaultEvent => ({ at: splitMs, partition: sides.map(only) });
  switch (schedule) {
    case "no partition": return [];
    case "clean n/2 split": return [split(PARTITION_SIDES.half)];
    case "majority/minority": return [split(PARTITION_SIDES.majority)];
    case "one-way link": return [{ at: splitMs, block: { from: only(PARTITION_SIDES.half[0]), to: only(PARTITION_SIDES.half[1]) } }];
    case "minority split, healed": return [split(PARTITION_SIDES.majority), { at: healMs, heal: true }];
  }
}

/** @internal Validates splitMs and healMs (healMs after splitMs), with errors naming `fn`. */
export function checkTiming(fn: string, t: PartitionTiming): Required<PartitionTiming> {
  const splitMs = checkNonNegative(`${fn}: splitMs`, t.splitMs ?? 0);
  const healMs = checkNonNegative(`${fn}: healMs`, t.healMs ?? 1000);
  if (healMs <= splitMs) fail(`${fn}: healMs`, healMs, `a time after splitMs (${splitMs} ms)`);
  return { splitMs, healMs };
}

/** Options of {@link partitionRun}. */
export interface PartitionRunOptions extends PartitionTiming {
  seed: Seed;
  protocol: PartitionProtocol;
  schedule: PartitionSchedule;
  /** The run stops at this virtual time, in ms. @defaultValue 3000 */
  untilMs?: number;
}

/** One protocol through one partition schedule. */
export interface PartitionRunResult {
  protocol: PartitionProtocol;
  schedule: PartitionSchedule;
  trace: Trace;
  /** The protocol family's safety check held (see {@link partitionRun}). */
  safe: boolean;
  /** What broke, in words, or null. */
  violation: string | null;
  /** Side A (u1's side) finished: u1's command committed or decided (two-phase commit: A's participants have the decision). */
  sideA: boolean;
  /** Side B finished (u2's command; two-phase commit: B's participants have the decision). */
  sideB: boolean;
  /** Both sides finished by the end of the run. */
  live: boolean;
}

const RUN_KEYS = ["seed", "protocol", "schedule", "untilMs", "splitMs", "healMs"];

/**
 * Runs one protocol through one schedule and judges it. Safety: replica-log agreement for the
 * serializer (every server's log a prefix of another's), the same plus twoPhaseInvariants' lock
 * rules for the two-phase protocol, no participant against the coordinator's decision for two-phase
 * commit, checkConsensusSafety for the ticket protocols.
 * @example partitionRun({ seed: 42, protocol: "Paxos", schedule: "majority/minority" }).sideB // false
 */
export function partitionRun(options: PartitionRunOptions): PartitionRunResult {
  const fn = "partitionRun";
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, RUN_KEYS);
  const timing = checkTiming(fn, options);
  const protocol = checkOneOf(`${fn}: protocol`, options.protocol, PARTITION_PROTOCOLS);
  const schedule = checkOneOf(`${fn}: schedule`, options.schedule, PARTITION_SCHEDULES);
  const untilMs = checkPositive(`${fn}: untilMs`, options.untilMs ?? 3000);
  return judge({ seed: checkSeed(`${fn}: seed`, options.seed), protocol, schedule, untilMs, ...timing });
}

/** @internal Validated options of one run. */
export type Checked = Required<PartitionRunOptions>;
const NODES = ["u1", "u2", "s1", "s2", "s3", "s4"];

/** @internal Runs and judges one validated run (partitionRun and partitionMatrix). */
export function judge(o: Checked): PartitionRunResult {
  const faults = partitionFaults(o.schedule, o.protocol === "two-phase commit" ? NODES.filter((n) => n !== "u2") : NODES, o);
  const base = { protocol: o.protocol, schedule: o.schedule };
  const finish = (trace: Trace, violation: string | null, sideA: boolean, sideB: boolean): PartitionRunResult =>
    ({ ...base, trace, safe: violation === null, violation, sideA, sideB, live: sideA && sideB });
  const common = { seed: o.seed, servers: 4, clients: 2, untilMs: o.untilMs, faults };
  switch (o.protocol) {
    case "serializer": {
      const r = runSerializer(common);
      return finish(r.trace, logsAgree(r.logs), committed(r.trace, "u1"), committed(r.trace, "u2"));
    }
    case "two-phase": {
      const r = runTwoPhase({ ...common, lockTimeoutMs: 100 });
      const inv = twoPhaseInvariants(r);
      const locks = inv.maxClientsHoldingAllLocks > 1 || inv.doubleGrants > 0 || inv.executionsWithoutLock > 0;
      return finish(r.trace, locks ? "a lock rule of the two-phase protocol broke" : logsAgree(r.logs), committed(r.trace, "u1"), committed(r.trace, "u2"));
    }
    case "two-phase commit": {
      const r = runTwoPhaseCommit({ seed: o.seed, participants: 4, untilMs: o.untilMs, faults });
      const final = r.decision === "commit" ? "committed" : r.decision === "abort" ? "aborted" : null;
      const against = r.participants.filter((q) => (r.states[q] === "committed" || r.states[q] === "aborted") && r.states[q] !== final);
      const has = (side: readonly string[]) => final !== null && r.participants.filter((q) => side.includes(q)).every((q) => r.states[q] === final);
      const sides = o.schedule === "majority/minority" || o.schedule === "minority split, healed" ? PARTITION_SIDES.majority : PARTITION_SIDES.half;
      return finish(r.trace, against.length > 0 ? `${against.join(", ")} ended against the coordinator's decision` : null, has(sides[0]), has(sides[1]));
    }
    case "naive tickets":
    case "Paxos":
    case "Paxos, quorum n/2": {
      const r = o.protocol === "naive tickets" ? runNaiveTicket(common) : runPaxos({ ...common, quorum: o.protocol === "Paxos" ? undefined : 2 });
      // A proposal is chosen once a quorum stored it: a majority of 4 (3), or 2 for the broken variant,
      // the majority of 3 servers, which is how checkConsensusSafety is told.
      const s = checkConsensusSafety(r.log, o.protocol === "Paxos, quorum n/2" ? 3 : 4);
      const decided = (c: string) => r.log.decisions.some((d) => d.client === c);
      return finish(r.trace, s.violation ?? (s.executionsAgree ? null : "servers executed different commands"), decided("u1"), decided("u2"));
    }
  }
}

/** The client recorded "commit" for a command. */
const committed = (trace: Trace, client: string) => trace.records("commit").some((r) => r.node === client);

/** null when every two servers' logs are prefixes of one another (replica-log agreement), else what differs. */
function logsAgree(logs: Record<string, string[]>): string | null {
  const entries = Object.entries(logs);
  for (const [a, la] of entries) {
    for (const [b, lb] of entries) {
      const n = Math.min(la.length, lb.length);
      for (let i = 0; i < n; i++) if (la[i] !== lb[i]) return `${a} and ${b} executed ${la[i]} and ${lb[i]} at position ${i + 1}`;
    }
  }
  return null;
}
