/**
 * Three-phase commit for one transaction, beside two-phase commit: coordinator u1, participants
 * s1, s2, ... (the nodes are in three-phase-commit-nodes.ts and three-phase-commit-participant.ts).
 * This file runs them and reads the result from the trace. Crash the coordinator with the fault
 * schedule (`faults: [{ at: 12, crash: "u1" }]`): the participants time out, elect the lowest live
 * one, and decide without waiting for the coordinator's recovery. A partition breaks it: both sides
 * take the other for crashed, and one side may commit while the other aborts.
 */
import type { ProtocolNodes } from "./protocol-run";
import type { DistributionLike } from "../random/distributions";
import type { Seed } from "../random/rng";
import { type FaultEvent } from "../sim/options";
import { type Trace } from "../sim/trace";
import { createWorld } from "../sim/world";
import { checkKeys, checkPositive, checkSeed, fail } from "../validate";
import { checkCommitVotes, type CommitVoteOptions } from "./commit-votes";
import { clientNames, serverNames } from "./replica-logs";
import type { TwoPhaseCommitVote } from "./two-phase-commit-nodes";
import { coordinator3, type ThreePhaseCommitRecordDetails, type ThreePhaseState } from "./three-phase-commit-nodes";
import { participant3 } from "./three-phase-commit-participant";

/** Options of runThreePhaseCommit. */
export interface ThreePhaseCommitOptions extends CommitVoteOptions {
  /** Seed of every random stream of the run. */
  seed: Seed;
  /** One-way message delay in ms. @defaultValue 5 */
  delayMs?: DistributionLike;
  /** The coordinator commits this many ms after pre-commit even if some acknowledgements are missing (those participants crashed). @defaultValue 100 */
  ackTimeoutMs?: number;
  /** A participant's timeout: waiting for the coordinator, for its answer to a probe, for the other participants' states. @defaultValue 50 */
  timeoutMs?: number;
  /** Time a node takes to start handling a message after it arrives, ms at speed 1 (divided by the receiver's speed). @defaultValue 0 */
  processingMs?: DistributionLike;
  /** Node speeds: `{ u1: 0.1 }` makes u1 ten times slower (its processing and its timers). @defaultValue every node 1 */
  speeds?: Record<string, number>;
  /** Fault schedule: crash and recover the coordinator "u1" or participants, partitions, ... @defaultValue [] */
  faults?: FaultEvent[];
  /** The run stops at this virtual time in ms. @defaultValue 2000 */
  untilMs?: number;
}

/** What a three-phase-commit run produced (every field but `trace` is derived from the trace's records). Times in ms of virtual time. */
export interface ThreePhaseCommitResult {
  trace: Trace;
  /** The coordinator's name, "u1". */
  coordinator: string;
  /** The participants' names, s1, s2, ... */
  participants: string[];
  /** The coordinator's logged decision (or the one it learned after recovering), or "none". */
  decision: "commit" | "abort" | "none";
  /** Each participant's state at the end of the run. */
  states: Record<string, ThreePhaseState>;
  /** True when no two nodes decided differently (coordinator included). */
  atomic: boolean;
  /** Participants still uncertain or precommitted (holding locks) at the end. */
  blocked: string[];
  /** Per participant: how long it held its locks (from its yes vote to its decision, or to the end). */
  lockHeldMs: Record<string, number>;
  /** The participants that ran the termination protocol, in the order they started it. */
  terminated: string[];
  /** The participants elected by the termination protocol, with the decision each took. */
  elected: { node: string; decision: "commit" | "abort"; t: number }[];
  endMs: number;
}

/** Options of threePhaseCommitNodes: the protocol's own options, without the run's (seed, delays, faults, end). */
export type ThreePhaseCommitNodesOptions = Omit<ThreePhaseCommitOptions, "seed" | "delayMs" | "processingMs" | "speeds" | "faults" | "untilMs">;
const NODE_KEYS = ["participants", "votes", "noVoteRate", "voteTimeoutMs", "ackTimeoutMs", "timeoutMs"] as const;

/** Validates the protocol's options and builds its nodes and handlers (shared by the run and the check). */
function build(fn: string, options: ThreePhaseCommitNodesOptions): ProtocolNodes {
  const { n, votes, noVoteRate, voteTimeoutMs } = checkCommitVotes(fn, options);
  const ackTimeoutMs = checkPositive(`${fn}: ackTimeoutMs`, options.ackTimeoutMs ?? 100);
  const timeoutMs = checkPositive(`${fn}: timeoutMs`, options.timeoutMs ?? 50);
  const [name] = clientNames(1);
  const participants = serverNames(n);
  const handlers: ProtocolNodes["handlers"] = { [name]: coordinator3(participants, { voteTimeoutMs, ackTimeoutMs }) as ProtocolNodes["handlers"][string] };
  participants.forEach((q, i) => {
    handlers[q] = participant3(name, participants, timeoutMs,
      (ctx) => votes !== undefined ? votes[i] : ctx.rng.next() < noVoteRate ? "no" : "yes") as ProtocolNodes["handlers"][string];
  });
  return { nodes: [name, ...participants], handlers };
}

/**
 * Runs one three-phase-commit transaction with coordinator u1 and participants s1 .. sn.
 * @example runThreePhaseCommit({ seed: 42, faults: [{ at: 12, crash: "u1" }] }).blocked // []
 */
export function runThreePhaseCommit(options: ThreePhaseCommitOptions): ThreePhaseCommitResult {
  const fn = "runThreePhaseCommit";
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, ["seed", ...NODE_KEYS, "delayMs", "processingMs", "speeds", "faults", "untilMs"]);
  const seed = checkSeed(`${fn}: seed`, options.seed);
  const untilMs = checkPositive(`${fn}: untilMs`, options.untilMs ?? 2000);
  const { nodes, handlers } = build(fn, options);
  const world = createWorld({ seed, nodes, faults: options.faults ?? [], handlers, speeds: options.speeds,
    network: { delayMs: options.delayMs ?? 5, processingMs: options.processingMs ?? 0 } });
  return threePhaseCommitResult(world.run({ untilMs }), nodes[0], nodes.slice(1));
}

/**
 * The nodes (coordinator u1, participants s1..) and handlers that {@link runThreePhaseCommit} runs,
 * for createWorld or checkProtocol. Give `votes` for a check (without them a participant draws its vote).
 * @example checkProtocol({ ...threePhaseCommitNodes({ votes: ["yes", "yes"] }), faults: { crashes: 1, crashable: ["u1"] } })
 */
export function threePhaseCommitNodes(options: ThreePhaseCommitNodesOptions = {}): ProtocolNodes {
  const fn = "threePhaseCommitNodes";
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, NODE_KEYS);
  return build(fn, options);
}

/**
 * The result of a three-phase-commit run, derived from its records: the coordinator's "decide",
 * each participant's "vote", "precommit", "commit", "abort", "lock", "unlock", "terminate" and "elected".
 */
export function threePhaseCommitResult(trace: Trace, coordinatorName: string, participants: string[]): ThreePhaseCommitResult {
  type Detail = Partial<ThreePhaseCommitRecordDetails["decide"] & ThreePhaseCommitRecordDetails["vote"] & ThreePhaseCommitRecordDetails["elected"]>;
  let decision: "commit" | "abort" | "none" = "none";
  const states: Record<string, ThreePhaseState> = {};
  const lockHeldMs: Record<string, number> = {};
  const lockedAt: Record<string, number> = {};
  const terminated: string[] = [];
  const elected: ThreePhaseCommitResult["elected"] = [];
  for (const q of participants) { states[q] = "idle"; lockHeldMs[q] = 0; }
  for (const r of trace.records<Detail>()) {
    if (r.node === coordinatorName) {
      if (r.kind === "decide" && decision === "none") decision = r.detail.decision ?? "none";
      continue;
    }
    if (!(r.node in states)) continue;
    if (r.kind === "vote") states[r.node] = r.detail.vote === "yes" ? "uncertain" : "aborted";
    else if (r.kind === "precommit") states[r.node] = "precommitted";
    else if (r.kind === "commit") states[r.node] = "committed";
    else if (r.kind === "abort") states[r.node] = "aborted";
    else if (r.kind === "lock") lockedAt[r.node] = r.t;
    else if (r.kind === "unlock") lockHeldMs[r.node] = r.t - lockedAt[r.node];
    else if (r.kind === "terminate") terminated.push(r.node);
    else if (r.kind === "elected") elected.push({ node: r.node, decision: r.detail.decision as "commit" | "abort", t: r.t });
  }
  const endMs = trace.summary().endMs;
  const blocked = participants.filter((q) => states[q] === "uncertain" || states[q] === "precommitted");
  for (const q of blocked) lockHeldMs[q] = endMs - lockedAt[q];
  const final = participants.map((q) => states[q]);
  const anyCommit = decision === "commit" || final.includes("committed");
  const anyAbort = decision === "abort" || trace.records("abort").some((r) => r.node !== coordinatorName);
  return { trace, coordinator: coordinatorName, participants, decision, states, atomic: !(anyCommit && anyAbort), blocked, lockHeldMs, terminated, elected, endMs };
}
