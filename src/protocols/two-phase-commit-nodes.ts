/**
 * The two nodes of two-phase commit, for one transaction.
 * Phase 1 (prepare / vote): the coordinator writes "prepare" to its log and sends prepare to every
 *   participant; a participant votes yes (it locks what the transaction touches and promises to
 *   commit if told to) or no (it aborts on its own).
 * Phase 2 (commit or abort): the coordinator decides commit if every vote is yes, abort on any no
 *   or when votes are missing after a timeout; it writes the decision to its log, then sends it
 *   until every participant acknowledged. A participant applies it and releases its locks.
 * A participant that voted yes may not decide on its own: if the coordinator crashes before sending
 * the decision, the participant stays blocked, holding its locks, until the coordinator recovers
 * (which then aborts: "presumed abort").
 */
import type { NodeContext, NodeHandlers } from "../sim/context";

/** A participant's vote. */
export type TwoPhaseCommitVote = "yes" | "no";

/** The messages of two-phase commit. */
export type TwoPhaseCommitMessage =
  | { type: "prepare" }                           // phase 1, coordinator -> participant
  | { type: "vote"; vote: TwoPhaseCommitVote }    // phase 1, participant -> coordinator
  | { type: "commit" } | { type: "abort" }        // phase 2, coordinator -> participant (resent)
  | { type: "ack" };                              // phase 2, participant -> coordinator

/**
 * What the nodes record, by kind: the coordinator "prepare" and "decide"; a participant "vote",
 * then "lock" (voted yes) or "abort" (voted no, or told to abort before it voted), and on the
 * decision "commit" or "abort" followed by "unlock".
 */
export interface TwoPhaseCommitRecordDetails {
  prepare: Record<string, never>;
  decide: { decision: "commit" | "abort" };
  vote: { vote: TwoPhaseCommitVote };
  lock: Record<string, never>;
  unlock: Record<string, never>;
  commit: Record<string, never>;
  abort: Record<string, never>;
}

type Ctx<S> = NodeContext<S, TwoPhaseCommitMessage>;
const record = <K extends keyof TwoPhaseCommitRecordDetails>(ctx: Ctx<unknown>, kind: K, detail: TwoPhaseCommitRecordDetails[K]) => ctx.record(kind, detail);

/** The coordinator's log on disk: the decision, and who has not acknowledged it yet. */
interface CoordinatorDisk { decision?: "commit" | "abort"; unacked?: Set<string> }
/** The coordinator's volatile state: the yes votes received (lost in a crash). */
interface CoordinatorState { yes: Set<string> }

/** @internal The coordinator's handlers. */
export function coordinator(participants: readonly string[], o: { voteTimeoutMs: number; resendMs: number }): NodeHandlers<CoordinatorState, TwoPhaseCommitMessage> {
  const diskOf = (ctx: Ctx<CoordinatorState>) => ctx.persistent as CoordinatorDisk;
  const sendDecision = (ctx: Ctx<CoordinatorState>) => {
    const p = diskOf(ctx);
    const decision = p.decision as "commit" | "abort", unacked = p.unacked as Set<string>;
    for (const q of unacked) ctx.send(q, { type: decision });
    if (unacked.size > 0) ctx.setTimer(o.resendMs, "resend");
  };
  // Phase 2: decide once, force the decision to the log, then tell every participant.
  const decide = (ctx: Ctx<CoordinatorState>, decision: "commit" | "abort") => {
    const p = diskOf(ctx);
    if (p.decision !== undefined) return;
    p.decision = decision; // forced to the log before anyone hears of it
    p.unacked = new Set(participants);
    record(ctx, "decide", { decision });
    sendDecision(ctx);
  };
  return {
    // Phase 1: log prepare, ask every participant for its vote.
    init(ctx) {
      ctx.state = { yes: new Set<string>() };
      record(ctx, "prepare", {});
      ctx.broadcast({ type: "prepare" }, participants);
      ctx.setTimer(o.voteTimeoutMs, "vote-timeout");
    },
    onRecover(ctx) {
      if (diskOf(ctx).decision !== undefined) sendDecision(ctx);
      else decide(ctx, "abort"); // the votes were volatile; nothing was decided: presumed abort
    },
    onMessage(ctx, msg) {
      const p = diskOf(ctx), m = msg.payload;
      if (m.type === "vote" && p.decision === undefined) {
        if (m.vote === "no") return decide(ctx, "abort");
        ctx.state.yes.add(msg.from);
        if (ctx.state.yes.size === participants.length) decide(ctx, "commit");
      } else if (m.type === "ack" && p.unacked !== undefined) {
        p.unacked.delete(msg.from);
      }
    },
    onTimer(ctx, tag: "vote-timeout" | "resend") {
      const p = diskOf(ctx);
      if (tag === "vote-timeout" && p.decision === undefined) decide(ctx, "abort");
      else if (tag === "resend" && (p.unacked as Set<string>).size > 0) sendDecision(ctx);
    },
  };
}

/** A participant's state at any moment: "idle" (no prepare yet), "prepared" (voted yes, waiting), "committed" or "aborted". */
export type ParticipantState = "idle" | "prepared" | "committed" | "aborted";
/** A participant's disk: its state and its vote (the vote and the locks survive a crash). */
interface ParticipantDisk { state: ParticipantState; vote?: TwoPhaseCommitVote }

/** @internal A participant's handlers: `vote` casts its vote when prepare arrives. */
export function participant(coordinatorName: string, vote: (ctx: Ctx<unknown>) => TwoPhaseCommitVote): NodeHandlers<unknown, TwoPhaseCommitMessage> {
  const diskOf = (ctx: Ctx<unknown>) => ctx.persistent as ParticipantDisk;
  return {
    init(ctx) { if (diskOf(ctx).state === undefined) diskOf(ctx).state = "idle"; },
    onRecover() { /* the vote and the locks are on disk */ },
    onMessage(ctx, msg) {
      const p = diskOf(ctx), m = msg.payload;
      if (m.type === "prepare") {
        // Phase 1: vote once (yes: lock and promise; no: abort now); repeat the vote to every prepare.
        if (p.state === "idle") {
          const v = vote(ctx);
          p.vote = v;
          p.state = v === "yes" ? "prepared" : "aborted";
          record(ctx, "vote", { vote: v });
          record(ctx, v === "yes" ? "lock" : "abort", {});
        }
        if (p.vote !== undefined) ctx.send(coordinatorName, { type: "vote", vote: p.vote });
      } else if (m.type === "commit" || m.type === "abort") {
        // Phase 2: apply the decision, release the locks, acknowledge.
        if (p.state === "prepared") {
          p.state = m.type === "commit" ? "committed" : "aborted";
          record(ctx, m.type, {});
          record(ctx, "unlock", {});
        } else if (p.state === "idle") {
          p.state = "aborted"; // told to abort before it ever voted
          record(ctx, "abort", {});
        }
        ctx.send(coordinatorName, { type: "ack" });
      }
    },
  };
}
