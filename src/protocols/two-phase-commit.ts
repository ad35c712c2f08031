/**
 * Two-phase commit as databases use it, for one transaction: the coordinator u1 asks participants
 * s1, s2, ... to prepare and vote (phase 1), then commits if every vote is yes and aborts otherwise
 * (phase 2). The nodes are in two-phase-commit-nodes.ts; this file runs them and reads the result
 * from the trace. Crash the coordinator with the fault schedule: `faults: [{ at: 1, crash: "u1" },
 * { at: 400, recover: "u1" }]` leaves the participants that voted yes blocked, holding their
 * locks, for the whole outage.
 */
import type { ProtocolNodes } from "./protocol-run";
import type { DistributionLike } from "../random/distributions";
import type { Seed } from "../random/rng";
import { type FaultEvent } from "../sim/options";
import { type Trace } from "../sim/trace";
import { createWorld } from "../sim/world";
import { checkInteger, checkKeys, checkOneOf, checkPositive, checkProbability, checkSeed, fail } from "../validate";
import { checkCommitVotes, type CommitVoteOptions } from "./commit-votes";
import { clientNames, serverNames } from "./replica-logs";
import {
  coordinator, participant, type ParticipantState, type TwoPhaseCommitRecordDetails, type TwoPhaseCommitVote,
} from "./two-phase-commit-nodes";

export type { ParticipantState, TwoPhaseCommitVote } from "./two-phase-commit-nodes";

/** Options of runTwoPhaseCommit. */
export interface TwoPhaseCommitOptions extends CommitVoteOptions {
  /** Seed of every random stream of the run. */
  seed: Seed;
  /** One-way message delay in ms. @defaultValue 5 */
  delayMs?: DistributionLike;
  /** The coordinator resends the decision to participants that have not acknowledged after this many ms. @defaultValue 50 */
  resendMs?: number;
  /** Fault schedule: crash and recover the coordinator "u1" or participants, partitions, ... @defaultValue [] */
  faults?: FaultEvent[];
  /** The run stops at this virtual time in ms. @defaultValue 2000 */
  untilMs?: number;
}

/** What a two-phase-commit run produced (every field but `trace` is derived from the trace's records). Times in ms of virtual time. */
export interface TwoPhaseCommitResult {
  trace: Trace;
  /** The coordinator's name, "u1". */
  coordinator: string;
  /** The participants' names, s1, s2, ... */
  participants: string[];
  /** The coordinator's logged decision, or "none" if it never decided. */
  decision: "commit" | "abort" | "none";
  /** The votes as cast (undefined for a participant that never voted). */
  votes: Record<string, TwoPhaseCommitVote | undefined>;
  /** Each participant's state at the end of the run. */
  states: Record<string, ParticipantState>;
  /** True when every participant that voted ended in the coordinator's decision (atomicity). */
  atomic: boolean;
  /** Participants still prepared (blocked, holding locks) at the end. */
  blocked: string[];
  /** Per participant: how long it held its locks (from its yes vote to the decision, or to the end). */
  lockHeldMs: Record<string, number>;
  endMs: number;
}

const KEYS = ["seed", "participants", "votes", "noVoteRate", "delayMs", "voteTimeoutMs", "resendMs", "faults", "untilMs"] as const;

/**
 * Runs one two-phase-commit transaction with coordinator u1 and participants s1 .. sn.
 * @example runTwoPhaseCommit({ seed: 42, participants: 3, votes: ["yes", "no", "yes"] }).decision // "abort"
 */
export function runTwoPhaseCommit(options: TwoPhaseCommitOptions): TwoPhaseCommitResult {
  const fn = "runTwoPhaseCommit";
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, KEYS);
  const seed = checkSeed(`${fn}: seed`, options.seed);
  const { n, votes, noVoteRate, voteTimeoutMs } = checkCommitVotes(fn, options);
  const resendMs = checkPositive(`${fn}: resendMs`, options.resendMs ?? 50);
  const untilMs = checkPositive(`${fn}: untilMs`, options.untilMs ?? 2000);
  const [name] = clientNames(1);
  const participants = serverNames(n);
  const handlers = commitHandlers(name, participants, votes, noVoteRate, voteTimeoutMs, resendMs);
  const world = createWorld({ seed, nodes: [name, ...participants], faults: options.faults ?? [], handlers, network: { delayMs: options.delayMs ?? 5 } });
  return twoPhaseCommitResult(world.run({ untilMs }), name, participants);
}

function commitHandlers(name: string, participants: string[], votes: TwoPhaseCommitVote[] | undefined, noVoteRate: number, voteTimeoutMs: number, resendMs: number) {
  const handlers: Record<string, ReturnType<typeof participant>> = { [name]: coordinator(participants, { voteTimeoutMs, resendMs }) };
  participants.forEach((q, i) => {
    handlers[q] = participant(name, (ctx) => votes !== undefined ? votes[i] : ctx.rng.next() < noVoteRate ? "no" : "yes");
  });
  return handlers;
}

/**
 * The nodes (coordinator u1, participants s1..) and handlers that {@link runTwoPhaseCommit} runs, for
 * createWorld or checkProtocol. Give `votes` for a check (without them a participant draws its vote).
 * @example checkProtocol({ ...twoPhaseCommitNodes({ votes: ["yes", "yes"] }), faults: { crashes: 1, crashable: ["u1"] } })
 */
export function twoPhaseCommitNodes(options: Omit<TwoPhaseCommitOptions, "seed" | "delayMs" | "faults" | "untilMs"> = {}): ProtocolNodes {
  const fn = "twoPhaseCommitNodes";
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, ["participants", "votes", "noVoteRate", "voteTimeoutMs", "resendMs"]);
  const n = checkInteger(`${fn}: participants`, options.participants ?? options.votes?.length ?? 3, 1, 10000);
  const votes = options.votes;
  if (votes !== undefined) {
    if (!Array.isArray(votes) || votes.length !== n) fail(`${fn}: votes`, votes, `an array of ${n} "yes"/"no" votes`);
    votes.forEach((v, i) => checkOneOf(`${fn}: votes[${i}]`, v, ["yes", "no"]));
  }
  const [name] = clientNames(1);
  const participants = serverNames(n);
  const handlers = commitHandlers(name, participants, votes, checkProbability(`${fn}: noVoteRate`, options.noVoteRate ?? 0),
    checkPositive(`${fn}: voteTimeoutMs`, options.voteTimeoutMs ?? 100), checkPositive(`${fn}: resendMs`, options.resendMs ?? 50));
  return { nodes: [name, ...participants], handlers };
}

/**
 * The result of a two-phase-commit run, derived from its records: the decision from the
 * coordinator's "decide", each participant's vote, state and lock time from its "vote", "lock",
 * "commit", "abort" and "unlock".
 */
export function twoPhaseCommitResult(trace: Trace, coordinatorName: string, participants: string[]): TwoPhaseCommitResult {
  type Detail = Partial<TwoPhaseCommitRecordDetails["decide"] & TwoPhaseCommitRecordDetails["vote"]>;
  let decision: "commit" | "abort" | "none" = "none";
  const votes: Record<string, TwoPhaseCommitVote | undefined> = {};
  const states: Record<string, ParticipantState> = {};
  const lockHeldMs: Record<string, number> = {};
  const lockedAt: Record<string, number> = {};
  for (const q of participants) { states[q] = "idle"; lockHeldMs[q] = 0; }
  for (const r of trace.records<Detail>()) {
    if (r.node === coordinatorName) {
      if (r.kind === "decide" && decision === "none") decision = r.detail.decision ?? "none";
      continue;
    }
    if (!(r.node in states)) continue;
    if (r.kind === "vote") {
      votes[r.node] = r.detail.vote;
      states[r.node] = r.detail.vote === "yes" ? "prepared" : "aborted";
    } else if (r.kind === "commit") states[r.node] = "committed";
    else if (r.kind === "abort") states[r.node] = "aborted";
    else if (r.kind === "lock") lockedAt[r.node] = r.t;
    else if (r.kind === "unlock") lockHeldMs[r.node] = r.t - lockedAt[r.node];
  }
  const endMs = trace.summary().endMs;
  for (const q of participants) if (states[q] === "prepared") lockHeldMs[q] = endMs - lockedAt[q];
  const atomic = participants.every((q) => {
    const s = states[q];
    if (s === "committed") return decision === "commit";
    if (s === "aborted") return decision !== "commit" || votes[q] === "no";
    return true;
  });
  return {
    trace, coordinator: coordinatorName, participants, decision, votes, states, atomic,
    blocked: participants.filter((q) => states[q] === "prepared"), lockHeldMs, endMs,
  };
}
