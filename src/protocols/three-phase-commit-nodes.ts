/**
 * Three-phase commit (Skeen), for one transaction: the messages, the records and the coordinator.
 * The participants and their termination protocol are in three-phase-commit-participant.ts.
 * Phase 1 (prepare / vote): as in two-phase commit; a participant that votes yes is "uncertain".
 * Phase 2 (pre-commit): if every vote is yes, the coordinator logs "pre-commit" and tells every
 *   participant, which moves to "precommitted" and acknowledges. Any no, or votes missing after a
 *   timeout: the coordinator decides abort.
 * Phase 3 (commit): once every participant acknowledged (or after a timeout: the silent ones are
 *   crashed, and precommitted on disk), the coordinator decides commit and tells everybody.
 * What phase 2 buys: nobody commits before every live participant is precommitted, so a participant
 * that is still uncertain knows that nobody has committed, and may abort. A coordinator's crash then
 * never blocks the others (they run the termination protocol) — as long as a timeout means a crash.
 */
import type { NodeContext, NodeHandlers } from "../sim/context";
import type { TwoPhaseCommitVote } from "./two-phase-commit-nodes";

/** A three-phase-commit participant's state: "idle" (no prepare yet), "uncertain" (voted yes), "precommitted", "committed" or "aborted". */
export type ThreePhaseState = "idle" | "uncertain" | "precommitted" | "committed" | "aborted";

/** The messages of three-phase commit. */
export type ThreePhaseCommitMessage =
  | { type: "prepare" }                                   // phase 1, coordinator -> participant
  | { type: "vote"; vote: TwoPhaseCommitVote }            // phase 1, participant -> coordinator
  | { type: "precommit" } | { type: "precommit-ack" }     // phase 2, both ways
  | { type: "commit" } | { type: "abort" }                // phase 3 (or abort in phase 2); also the termination's decision
  | { type: "status" } | { type: "pending" }              // a participant's probe of the coordinator, and "still undecided"
  | { type: "state"; state: ThreePhaseState; candidate: boolean }; // termination: a participant's state, to the other participants

/**
 * What the nodes record, by kind: the coordinator "prepare", "precommit" and "decide"; a participant
 * "vote", "lock" (voted yes), "precommit", "terminate" (it suspects the coordinator and starts the
 * termination protocol), "elected" (it leads the termination and decides), "commit" or "abort",
 * and "unlock".
 */
export interface ThreePhaseCommitRecordDetails {
  prepare: Record<string, never>;
  precommit: Record<string, never>;
  decide: { decision: "commit" | "abort" };
  vote: { vote: TwoPhaseCommitVote };
  lock: Record<string, never>;
  unlock: Record<string, never>;
  terminate: { state: ThreePhaseState };
  elected: { states: Record<string, ThreePhaseState>; decision: "commit" | "abort" };
  commit: Record<string, never>;
  abort: Record<string, never>;
}

/** @internal */
export type Ctx3<S> = NodeContext<S, ThreePhaseCommitMessage>;
/** @internal Records one of {@link ThreePhaseCommitRecordDetails}. */
export const record3 = <K extends keyof ThreePhaseCommitRecordDetails>(ctx: Ctx3<unknown>, kind: K, detail: ThreePhaseCommitRecordDetails[K]) => ctx.record(kind, detail);

/** The coordinator's log: its phase ("precommit" once it sent pre-commit) and its decision. */
interface CoordinatorDisk { phase?: "prepare" | "precommit"; decision?: "commit" | "abort" }
/** The coordinator's volatile state: the yes votes and the pre-commit acknowledgements received. */
interface CoordinatorState { yes: string[]; acks: string[] }

/** @internal The coordinator's handlers. */
export function coordinator3(participants: readonly string[], o: { voteTimeoutMs: number; ackTimeoutMs: number }): NodeHandlers<CoordinatorState, ThreePhaseCommitMessage> {
  const diskOf = (ctx: Ctx3<CoordinatorState>) => ctx.persistent as CoordinatorDisk;
  const decide = (ctx: Ctx3<CoordinatorState>, decision: "commit" | "abort") => {
    const p = diskOf(ctx);
    if (p.decision !== undefined) return;
    p.decision = decision; // forced to the log before anyone hears of it
    record3(ctx, "decide", { decision });
    ctx.broadcast({ type: decision }, participants);
  };
  // Phase 2: every vote is yes; log it, then tell every participant to pre-commit.
  const precommit = (ctx: Ctx3<CoordinatorState>) => {
    diskOf(ctx).phase = "precommit";
    record3(ctx, "precommit", {});
    ctx.broadcast({ type: "precommit" }, participants);
    ctx.setTimer(o.ackTimeoutMs, "ack-timeout");
  };
  const add = (list: string[], q: string) => (list.includes(q) ? list : [...list, q].sort());
  return {
    // Phase 1: log prepare, ask every participant for its vote.
    init(ctx) {
      ctx.state = { yes: [], acks: [] };
      diskOf(ctx).phase = "prepare";
      record3(ctx, "prepare", {});
      ctx.broadcast({ type: "prepare" }, participants);
      ctx.setTimer(o.voteTimeoutMs, "vote-timeout");
    },
    onRecover(ctx) {
      ctx.state = { yes: [], acks: [] };
      const p = diskOf(ctx);
      // Before pre-commit nobody can be precommitted, so abort is safe. After it, nobody can have
      // decided abort (a live participant got pre-commit before its timeout; a recovered one never
      // decides alone), so commit is.
      if (p.decision === undefined) decide(ctx, p.phase === "precommit" ? "commit" : "abort");
      else ctx.broadcast({ type: p.decision }, participants);
    },
    onMessage(ctx, msg) {
      const p = diskOf(ctx), m = msg.payload;
      if (m.type === "vote" && p.decision === undefined && p.phase === "prepare") {
        if (m.vote === "no") return decide(ctx, "abort");
        ctx.state.yes = add(ctx.state.yes, msg.from);
        if (ctx.state.yes.length === participants.length) precommit(ctx);
      } else if (m.type === "precommit-ack" && p.decision === undefined && p.phase === "precommit") {
        ctx.state.acks = add(ctx.state.acks, msg.from);
        // Phase 3: every participant is precommitted; commit.
        if (ctx.state.acks.length === participants.length) decide(ctx, "commit");
      } else if (m.type === "status") {
        // A participant suspects the coordinator: answer with the decision, or "still undecided".
        ctx.send(msg.from, p.decision !== undefined ? { type: p.decision } : { type: "pending" });
      } else if ((m.type === "commit" || m.type === "abort") && p.decision === undefined) {
        p.decision = m.type; // the termination protocol decided while this coordinator was undecided
        record3(ctx, "decide", { decision: m.type });
      }
    },
    onTimer(ctx, tag: "vote-timeout" | "ack-timeout") {
      const p = diskOf(ctx);
      if (tag === "vote-timeout" && p.decision === undefined && p.phase === "prepare") decide(ctx, "abort");
      // The participants that did not acknowledge are crashed; they are precommitted on disk.
      else if (tag === "ack-timeout" && p.decision === undefined) decide(ctx, "commit");
    },
  };
}
