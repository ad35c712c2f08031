/**
 * Self-checks for notebook 04 (the two-phase protocol and two-phase commit). Each check computes its
 * expected value itself (closed form or simulation) and returns a Verdict that never shows that value.
 */
import { runTwoPhase, twoPhaseNodes, type LockOrder } from "../../protocols/two-phase";
import { runTwoPhaseCommit } from "../../protocols/two-phase-commit";
import { runThreePhaseCommit } from "../../protocols/three-phase-commit";
import { exponential } from "../../random/distributions";
import { twoPhaseLivelock } from "../04-two-phase-protocol";
import { checkHandlerExercise, type HandlerExerciseResult } from "./protocol-exercise";
import { selfCheckByRunning, selfCheckEqual, selfCheckNumber, selfCheckPrediction, type Verdict } from "./verdict";

/**
 * Exercise 1: each server is down with probability 0.02, independently. The largest number of
 * servers for which the two-phase protocol is still available at least 90% of the time.
 */
export function nb04CheckLargestCluster(answer: unknown): Verdict {
  let n = 0;
  while (Math.pow(0.98, n + 1) >= 0.9) n += 1;
  return selfCheckNumber("exercise 1", answer, n, {
    relTolerance: 0, absTolerance: 0,
    hint: "Every server must answer, so availability is the probability that all n are up. Solve for the largest whole n.",
    success: "a handful of servers already costs you the 90% target.",
  });
}

/**
 * Exercise 2: two-phase commit with 8 participants, each voting no with probability 0.05. The
 * probability that the transaction commits. Accepts answers within 0.03 (a simulation of 1000 runs
 * lands well inside).
 */
export function nb04CheckCommitProbability(answer: unknown): Verdict {
  return selfCheckNumber("exercise 2", answer, Math.pow(0.95, 8), {
    relTolerance: 0, absTolerance: 0.03,
    hint: "One no vote is enough to abort. Simulate with twoPhaseCommitSweep or reason about independent votes.",
    success: "every participant has a veto, so the commit probability shrinks geometrically.",
  });
}

/**
 * Exercise 3: two-phase commit with 3 participants and 5 ms delays; the coordinator crashes 1 ms
 * after sending prepare and recovers at 400 ms. How long (ms) does s1 hold its locks? Expected value
 * from the simulation; accepts answers within 1 ms.
 */
export function nb04CheckBlockedTime(answer: unknown): Verdict {
  const r = runTwoPhaseCommit({ seed: 42, participants: 3, delayMs: 5, faults: [{ at: 1, crash: "u1" }, { at: 400, recover: "u1" }] });
  return selfCheckNumber("exercise 3", answer, r.lockHeldMs.s1, {
    relTolerance: 0, absTolerance: 1,
    hint: "s1 locks when prepare arrives and unlocks when the decision arrives. Who sends the decision, and when can it?",
    success: "the participants wait for the coordinator's whole outage, locks held.",
  });
}

/** The choices of exercise 5 of notebook 04: which participants stay locked during the outage. */
const BLOCKED_CHOICES = ["none", "s2", "s1 and s3", "all three"] as const;

/**
 * Exercise 5 (predict, then run): two-phase commit with votes yes, no, yes; the coordinator crashes
 * 1 ms after sending prepare and recovers at 450 ms. Which participants hold their locks for the
 * outage? Decided by running it: a participant counts when it holds its locks for more than half the outage.
 */
export function nb04CheckNoVotePrediction(prediction: unknown): Verdict {
  return selfCheckPrediction("exercise 5", prediction, () => {
    const recoverMs = 450;
    const run = runTwoPhaseCommit({ seed: "nb04/exercise 5", votes: ["yes", "no", "yes"], delayMs: exponential(5), untilMs: recoverMs + 100,
      faults: [{ at: 1, crash: "u1" }, { at: recoverMs, recover: "u1" }] });
    const blocked = run.participants.filter((s) => (run.lockHeldMs[s] ?? 0) > recoverMs / 2);
    return blocked.length === 0 ? "none" : blocked.length === run.participants.length ? "all three" : blocked.join(" and ");
  }, {
    choices: BLOCKED_CHOICES,
    explain: "s2 voted no, so it knows the transaction cannot commit and aborts at once, holding nothing. s1 and s3 voted yes: they know only " +
      "their own vote, cannot tell whether everybody else said yes, and must wait for the coordinator with their locks held. A no vote frees only the one who cast it.",
  });
}

/**
 * Exercise 6 (break it): a mean backoff (ms) at which randomized backoff no longer breaks the
 * livelock of the notebook (twoPhaseLivelock, backoff "random"): in at least 7 of 10 seeded runs the
 * clients commit nothing in the second while making at least 50 attempts.
 */
export function nb04CheckBreakBackoff(answer: unknown): Verdict {
  return selfCheckByRunning("exercise 6", answer, (backoffMs) => {
    if (typeof backoffMs !== "number" || !Number.isFinite(backoffMs) || backoffMs <= 0) return { ok: false, hint: "the answer should be a mean backoff in ms: a positive number." };
    const runs = Array.from({ length: 10 }, (_, i) => twoPhaseLivelock({ seed: `nb04/exercise 6/${i}`, backoff: "random", backoffMs }));
    const stuck = runs.filter((r) => r.committed === 0 && r.attempts >= 50).length;
    const idle = runs.filter((r) => r.committed === 0 && r.attempts < 50).length;
    if (stuck >= 7) {
      return { ok: true, success: `in ${stuck} of 10 runs the clients collide for the whole second and commit nothing. A random wait breaks the tie only if ` +
        "two draws usually differ by more than the time it takes to grab a lock; much shorter waits than that are as good as no randomness at all." };
    }
    if (idle >= 7) return { ok: false, hint: `in ${idle} of 10 runs nothing is committed, but the clients hardly try: that is waiting, not contention. Make the clients collide, not wait.` };
    return { ok: false, hint: `in only ${stuck} of 10 runs do the clients collide for the whole second without committing. How far apart must two random waits be for one client to get both locks first?` };
  });
}
/** The queued-lock variant of the two-phase protocol (the deadlock set-up), with the student's lock order. */
const queuedLocks = { onConflict: "wait", lockRequests: "sequential", clients: 3, servers: 3, backoff: "fixed" } as const;

/**
 * Exercise 4: a lock order that cannot deadlock. `lockOrder` (the student's function) gives each of
 * 3 clients its order of 3 servers; servers queue requests and clients take the locks one at a time.
 * Checked in every schedule (no faults): no state may be stuck before every command committed;
 * then 50 seeded runs with exponential delays must each commit every command.
 */
export function nb04CheckLockOrder(lockOrder: LockOrder | undefined): HandlerExerciseResult {
  return checkHandlerExercise({
    exercise: "exercise 4", answer: lockOrder, role: "your lock order",
    check: (f) => ({
      ...twoPhaseNodes({ ...queuedLocks, lockOrder: f }),
      history: ["commit"],
      done: (v) => v.records("commit").length === 3,
    }),
    budget: "3 clients, 3 servers, messages delivered in any order, no faults",
    simulate: {
      runs: 50, seed: "nb04/exercise 4",
      run: (f, seed) => {
        const r = runTwoPhase({ ...queuedLocks, seed, lockOrder: f, delayMs: exponential(5) });
        return { violation: r.outcome === "done" ? null : `the clients got stuck with ${r.committed} of ${r.issued} commands committed`, trace: r.trace };
      },
    },
    hint: "Look at the last state of the diagram: who holds which lock, and whom is each client waiting for?",
    success: "when every client takes the locks in one global order, the client holding the highest lock taken so far never waits for a lower one, so a cycle of waiting clients cannot form.",
  });
}

/**
 * The three-phase-commit exercise: 3 participants, every delay 5 ms, participants' timeoutMs 20; the
 * coordinator crashes 1 ms after sending prepare and stays down. How long (ms) does s1 hold its locks?
 * Expected value from the simulation; accepts answers within 1 ms.
 */
export function nb04CheckThreePhaseLockTime(answer: unknown): Verdict {
  const r = runThreePhaseCommit({ seed: 42, participants: 3, delayMs: 5, timeoutMs: 20, faults: [{ at: 1, crash: "u1" }], untilMs: 1000 });
  return selfCheckNumber("exercise 7", answer, r.lockHeldMs.s1, {
    relTolerance: 0, absTolerance: 1,
    hint: "s1 locks when it votes. Count what it waits for before it decides: the coordinator, the answer to its probe, the others' states (each a timeout), and when its own vote was cast.",
    success: "a few timeouts instead of the coordinator's whole outage: the price of not blocking is waiting long enough to be sure.",
  });
}
