/**
 * A three-phase-commit participant and its termination protocol.
 * Phases 1-3 as in three-phase-commit-nodes.ts: vote, pre-commit (acknowledge), commit.
 * Termination: a participant that voted yes and hears nothing for `timeoutMs` asks the coordinator
 * for its status; no answer within another `timeoutMs` means the coordinator crashed (3PC's timing
 * assumption: every message arrives within the timeout). It then sends its state to the other
 * participants and, after `timeoutMs`, the lowest-numbered participant it heard from (itself
 * included) is elected and decides from the states it collected (any committed -> commit; any
 * aborted -> abort; any precommitted -> commit; all uncertain -> abort, since nobody can have committed:
 * the coordinator commits only after every live participant is precommitted). It tells everybody.
 * A participant that waited in vain for the elected one drops it (crashed) and runs again.
 * A participant that already decided answers every state it receives with its decision.
 * A participant that crashed and recovered undecided is no candidate: the others (or the coordinator)
 * may have decided while it was down. It asks the coordinator and the others again and again until
 * one of them answers: after a total failure 3PC blocks, as two-phase commit does, until the
 * coordinator is back.
 */
import type { NodeHandlers } from "../sim/context";
import type { TwoPhaseCommitVote } from "./two-phase-commit-nodes";
import { type Ctx3, record3, type ThreePhaseCommitMessage, type ThreePhaseState } from "./three-phase-commit-nodes";

/** A participant's disk: its state and its vote (the locks survive a crash). */
interface ParticipantDisk { state: ThreePhaseState; vote?: TwoPhaseCommitVote }
/** Its volatile state: the pending timer, the other participants' reported states, whether it runs the termination protocol. */
interface ParticipantState {
  timer?: number; reports?: Record<string, ThreePhaseState>; terminating?: boolean;
  /** True after a recovery; `passive`: the reports of recovered participants (no candidates). */
  recovered?: boolean; passive?: string[];
}

type Ctx = Ctx3<ParticipantState>;
type Tag = "coordinator" | "probe" | "collect" | "await" | "retry";
const decided = (s: ThreePhaseState) => s === "committed" || s === "aborted";

/** The termination rule: the decision from the collected states. */
export function terminationDecision(states: readonly ThreePhaseState[]): "commit" | "abort" {
  if (states.includes("committed")) return "commit";
  if (states.includes("aborted")) return "abort";
  return states.includes("precommitted") ? "commit" : "abort";
}

/** @internal A participant's handlers: `vote` casts its vote when prepare arrives. */
export function participant3(coordinatorName: string, participants: readonly string[], timeoutMs: number,
  vote: (ctx: Ctx3<unknown>) => TwoPhaseCommitVote): NodeHandlers<ParticipantState, ThreePhaseCommitMessage> {
  const diskOf = (ctx: Ctx) => ctx.persistent as ParticipantDisk;
  const others = (ctx: Ctx) => participants.filter((q) => q !== ctx.name);
  const wait = (ctx: Ctx, tag: Tag) => {
    if (ctx.state.timer !== undefined) ctx.cancelTimer(ctx.state.timer);
    ctx.state.timer = ctx.setTimer(timeoutMs, tag);
  };
  const apply = (ctx: Ctx, decision: "commit" | "abort") => {
    const p = diskOf(ctx);
    if (decided(p.state)) return;
    const locked = p.state === "uncertain" || p.state === "precommitted";
    p.state = decision === "commit" ? "committed" : "aborted";
    record3(ctx, decision, {});
    if (locked) record3(ctx, "unlock", {});
    if (ctx.state.timer !== undefined) ctx.cancelTimer(ctx.state.timer);
    ctx.state.timer = undefined;
  };
  const probe = (ctx: Ctx) => { ctx.send(coordinatorName, { type: "status" }); wait(ctx, "probe"); };
  // Termination: the coordinator is taken for crashed; tell the others where this participant stands.
  const terminate = (ctx: Ctx) => {
    const state = diskOf(ctx).state;
    if (!ctx.state.terminating) record3(ctx, "terminate", { state });
    ctx.state.terminating = true;
    ctx.broadcast({ type: "state", state, candidate: ctx.state.recovered !== true }, others(ctx));
    wait(ctx, "collect");
  };
  // The lowest-numbered participant heard from leads; the leader decides and tells everybody.
  const collect = (ctx: Ctx) => {
    const reports = { ...(ctx.state.reports ?? {}), [ctx.name]: diskOf(ctx).state };
    const passive = [...(ctx.state.passive ?? []), ...(ctx.state.recovered ? [ctx.name] : [])];
    const leader = participants.find((q) => q in reports && !passive.includes(q));
    if (leader === undefined) return wait(ctx, "retry");
    if (leader !== ctx.name) return wait(ctx, "await");
    const decision = terminationDecision(Object.values(reports));
    record3(ctx, "elected", { states: reports, decision });
    apply(ctx, decision);
    ctx.broadcast({ type: decision }, [coordinatorName, ...others(ctx)]);
  };
  return {
    init(ctx) { ctx.state = {}; if (diskOf(ctx).state === undefined) diskOf(ctx).state = "idle"; },
    onRecover(ctx) {
      ctx.state = { recovered: true };
      const s = diskOf(ctx).state;
      if (s === "uncertain" || s === "precommitted") probe(ctx); // the vote and the locks are on disk; ask
    },
    onMessage(ctx, msg) {
      const p = diskOf(ctx), m = msg.payload;
      if (m.type === "prepare" && p.state === "idle") {
        // Phase 1: vote once (yes: lock, become uncertain; no: abort now).
        const v = vote(ctx);
        p.vote = v;
        record3(ctx, "vote", { vote: v });
        if (v === "yes") { p.state = "uncertain"; record3(ctx, "lock", {}); wait(ctx, "coordinator"); } else { p.state = "aborted"; record3(ctx, "abort", {}); }
        ctx.send(coordinatorName, { type: "vote", vote: v });
      } else if (m.type === "precommit" && !ctx.state.terminating && (p.state === "uncertain" || p.state === "precommitted")) {
        // Phase 2: precommitted; the coordinator's decision can now only be commit.
        if (p.state === "uncertain") { p.state = "precommitted"; record3(ctx, "precommit", {}); }
        ctx.send(coordinatorName, { type: "precommit-ack" });
        wait(ctx, "coordinator");
      } else if (m.type === "commit" || m.type === "abort") {
        apply(ctx, m.type); // phase 3, or the termination protocol's decision
      } else if (m.type === "pending" && !decided(p.state) && !ctx.state.terminating) {
        wait(ctx, "coordinator"); // the coordinator is alive and undecided: keep waiting
      } else if (m.type === "state") {
        if (decided(p.state)) ctx.send(msg.from, { type: p.state === "committed" ? "commit" : "abort" });
        else {
          ctx.state.reports = { ...(ctx.state.reports ?? {}), [msg.from]: m.state };
          const passive = (ctx.state.passive ?? []).filter((q) => q !== msg.from);
          ctx.state.passive = m.candidate ? passive : [...passive, msg.from].sort();
        }
      }
    },
    onTimer(ctx, tag: Tag) {
      ctx.state.timer = undefined;
      if (decided(diskOf(ctx).state)) return;
      if (tag === "coordinator") probe(ctx);
      else if (tag === "probe") terminate(ctx);
      else if (tag === "collect") collect(ctx);
      else if (tag === "retry") probe(ctx); // recovered, and no candidate answered: ask the coordinator and the others again
      else {
        // The elected participant never decided: it crashed. Forget it and run again.
        const reports = { ...(ctx.state.reports ?? {}) };
        delete reports[participants.find((q) => q in reports && !(ctx.state.passive ?? []).includes(q)) as string];
        ctx.state.reports = reports;
        terminate(ctx);
      }
    },
  };
}
