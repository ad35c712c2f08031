/**
 * Two-phase commit as databases use it, for one transaction. The coordinator C writes "prepare" to
 * its log and sends prepare to every participant. A participant votes yes (it locks what the
 * transaction touches and promises to commit if told to) or no (it aborts on its own). C decides
 * commit if every vote is yes and abort on any no or when votes are missing after a timeout; it
 * writes the decision to its log, then sends it until every participant acknowledged. A participant
 * that voted yes may not decide on its own: if C crashes before sending the decision, the participant
 * stays blocked, holding its locks, until C recovers (C then aborts: "presumed abort").
 */
import type { Seed } from "../random/rng";
import type { DistributionLike } from "../random/distributions";
import { createWorld } from "../sim/world";
import { type FaultEvent } from "../sim/options";
import { type NodeContext, type NodeHandlers } from "../sim/context";
import { type Trace } from "../sim/trace";
import { checkInteger, checkKeys, checkNonNegative, checkOneOf, checkPositive, checkProbability, fail } from "../validate";

/** A participant's vote. */
export type TwoPhaseCommitVote = "yes" | "no";

/** Options of {@link twoPhaseCommit}. */
export interface TwoPhaseCommitOptions {
  /** Seed of every random stream of the run. */
  seed: Seed;
  /** Number of participants, named P1, P2, ... @defaultValue 3 */
  participants?: number;
  /** Each participant's vote, in order; overrides noVoteRate. @defaultValue every vote drawn with noVoteRate */
  votes?: TwoPhaseCommitVote[];
  /** Probability that a participant votes no (each independently). @defaultValue 0 */
  noVoteRate?: number;
  /** One-way message delay in ms. @defaultValue 5 */
  delayMs?: DistributionLike;
  /** C decides abort if votes are missing this many ms after prepare. @defaultValue 100 */
  voteTimeoutMs?: number;
  /** C resends the decision to participants that have not acknowledged after this many ms. @defaultValue 50 */
  resendMs?: number;
  /** Crash the coordinator at this time in ms. @defaultValue never */
  crashCoordinatorAtMs?: number;
  /** Recover the coordinator at this time in ms (after the crash). @defaultValue never */
  recoverCoordinatorAtMs?: number;
  /** Extra faults (crash participants, partitions, ...). @defaultValue [] */
  faults?: FaultEvent[];
  /** The run stops at this virtual time in ms. @defaultValue 2000 */
  untilMs?: number;
}

/** A participant's final state: "idle" (never got prepare), "prepared" (voted yes, still waiting: blocked), "committed" or "aborted". */
export type ParticipantState = "idle" | "prepared" | "committed" | "aborted";

/** What a two-phase-commit run produced. Times in ms of virtual time. */
export interface TwoPhaseCommitResult {
  trace: Trace;
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

const KEYS = ["seed", "participants", "votes", "noVoteRate", "delayMs", "voteTimeoutMs", "resendMs",
  "crashCoordinatorAtMs", "recoverCoordinatorAtMs", "faults", "untilMs"] as const;

/**
 * Runs one two-phase-commit transaction with coordinator "C" and participants P1..Pn.
 * @example twoPhaseCommit({ seed: 42, participants: 3, votes: ["yes", "no", "yes"] }).decision // "abort"
 */
export function twoPhaseCommit(options: TwoPhaseCommitOptions): TwoPhaseCommitResult {
  const fn = "twoPhaseCommit";
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, KEYS);
  if (options.seed === undefined) fail(`${fn}: seed`, options.seed, "a number or a string");
  const n = checkInteger(`${fn}: participants`, options.participants ?? options.votes?.length ?? 3, 1, 10000);
  const votes = options.votes;
  if (votes !== undefined) {
    if (!Array.isArray(votes) || votes.length !== n) fail(`${fn}: votes`, votes, `an array of ${n} "yes"/"no" votes`);
    votes.forEach((v, i) => checkOneOf(`${fn}: votes[${i}]`, v, ["yes", "no"]));
  }
  const noVoteRate = checkProbability(`${fn}: noVoteRate`, options.noVoteRate ?? 0);
  const voteTimeoutMs = checkPositive(`${fn}: voteTimeoutMs`, options.voteTimeoutMs ?? 100);
  const resendMs = checkPositive(`${fn}: resendMs`, options.resendMs ?? 50);
  const untilMs = checkPositive(`${fn}: untilMs`, options.untilMs ?? 2000);
  const faults: FaultEvent[] = [...(options.faults ?? [])];
  if (options.crashCoordinatorAtMs !== undefined) {
    faults.push({ at: checkNonNegative(`${fn}: crashCoordinatorAtMs`, options.crashCoordinatorAtMs), crash: "C" });
  }
  if (options.recoverCoordinatorAtMs !== undefined) {
    const crashAt = options.crashCoordinatorAtMs;
    if (crashAt === undefined) fail(`${fn}: recoverCoordinatorAtMs`, options.recoverCoordinatorAtMs, "set only together with crashCoordinatorAtMs");
    faults.push({ at: checkNumberAfter(`${fn}: recoverCoordinatorAtMs`, options.recoverCoordinatorAtMs, crashAt), recover: "C" });
  }
  const participants = Array.from({ length: n }, (_, i) => `P${i + 1}`);
  const handlers: Record<string, NodeHandlers> = {};

  const decide = (ctx: NodeContext, decision: "commit" | "abort") => {
    const p = ctx.persistent;
    if (p.decision !== undefined) return;
    p.decision = decision; // forced to the log before anyone hears of it
    p.unacked = new Set(participants);
    ctx.record("decide", { decision });
    broadcastDecision(ctx);
  };
  const broadcastDecision = (ctx: NodeContext) => {
    const p = ctx.persistent;
    for (const q of p.unacked) ctx.send(q, { type: p.decision });
    if (p.unacked.size > 0) ctx.setTimer(resendMs, "resend");
  };
  handlers.C = {
    init(ctx) {
      const p = ctx.persistent;
      p.started = true;
      p.yes = new Set<string>();
      ctx.record("prepare", {});
      ctx.broadcast({ type: "prepare" }, participants);
      ctx.setTimer(voteTimeoutMs, "vote-timeout");
    },
    onRecover(ctx) {
      const p = ctx.persistent;
      if (p.decision !== undefined) broadcastDecision(ctx);
      else decide(ctx, "abort"); // the votes were volatile; nothing was decided: presumed abort
    },
    onMessage(ctx, msg) {
      const p = ctx.persistent, m = msg.payload;
      if (m.type === "vote" && p.decision === undefined) {
        if (m.vote === "no") return decide(ctx, "abort");
        p.yes.add(msg.from);
        if (p.yes.size === n) decide(ctx, "commit");
      } else if (m.type === "ack" && p.unacked !== undefined) {
        p.unacked.delete(msg.from);
      }
    },
    onTimer(ctx, tag) {
      const p = ctx.persistent;
      if (tag === "vote-timeout" && p.decision === undefined) decide(ctx, "abort");
      else if (tag === "resend" && p.unacked.size > 0) broadcastDecision(ctx);
    },
  };
  const voted: Record<string, TwoPhaseCommitVote | undefined> = {};
  participants.forEach((name, i) => {
    handlers[name] = {
      init(ctx) { if (ctx.persistent.state === undefined) ctx.persistent.state = "idle"; },
      onRecover() { /* the vote and the locks are on disk */ },
      onMessage(ctx, msg) {
        const p = ctx.persistent, m = msg.payload;
        if (m.type === "prepare") {
          if (p.state === "idle") {
            const vote: TwoPhaseCommitVote = votes !== undefined ? votes[i] : ctx.rng.next() < noVoteRate ? "no" : "yes";
            p.vote = vote;
            voted[name] = vote;
            p.state = vote === "yes" ? "prepared" : "aborted";
            ctx.record(vote === "yes" ? "lock" : "abort", { vote });
          }
          if (p.vote !== undefined) ctx.send("C", { type: "vote", vote: p.vote });
        } else if (m.type === "commit" || m.type === "abort") {
          if (p.state === "prepared") {
            p.state = m.type === "commit" ? "committed" : "aborted";
            ctx.record(m.type === "commit" ? "commit" : "abort", {});
            ctx.record("unlock", {});
          } else if (p.state === "idle") {
            p.state = "aborted";
          }
          ctx.send("C", { type: "ack" });
        }
      },
    };
  });

  const world = createWorld({ seed: options.seed, nodes: ["C", ...participants], faults, network: { delayMs: options.delayMs ?? 5 }, handlers });
  const trace = world.run({ untilMs });
  const cp = world.context("C").persistent;
  const decision: "commit" | "abort" | "none" = cp.decision ?? "none";
  const states: Record<string, ParticipantState> = {};
  const lockHeldMs: Record<string, number> = {};
  for (const q of participants) {
    states[q] = world.context(q).persistent.state ?? "idle";
    lockHeldMs[q] = 0;
  }
  const lockedAt: Record<string, number> = {};
  for (const row of trace.rows()) {
    if (row.kind !== "record" || row.node === null || row.node === "C") continue;
    if (row.label === "lock") lockedAt[row.node] = row.t;
    if (row.label === "unlock") lockHeldMs[row.node] = row.t - lockedAt[row.node];
  }
  const endMs = trace.summary().endMs;
  for (const q of participants) if (states[q] === "prepared") lockHeldMs[q] = endMs - lockedAt[q];
  const atomic = participants.every((q) => {
    const s = states[q];
    if (s === "committed") return decision === "commit";
    if (s === "aborted") return decision !== "commit" || voted[q] === "no";
    return true;
  });
  return {
    trace, participants, decision, votes: voted, states, atomic,
    blocked: participants.filter((q) => states[q] === "prepared"), lockHeldMs, endMs,
  };
}

function checkNumberAfter(name: string, value: unknown, after: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= after) fail(name, value, `a finite number > crashCoordinatorAtMs (${after})`);
  return value;
}
