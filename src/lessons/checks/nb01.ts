/**
 * Self-checks for notebook 01 (one client, one server). Each check computes its expected value
 * itself (closed form, checked against the simulation in test/lessons) and returns a Verdict that
 * never shows that value.
 */
import type { ProtocolView } from "../../check/protocol-view";
import { clientServerNodes, runClientServer } from "../../protocols/client-server";
import { exponential } from "../../random/distributions";
import type { NodeHandlers } from "../../sim/context";
import { checkHandlerExercise, type HandlerExerciseResult } from "./protocol-exercise";
import { selfCheckByRunning, selfCheckEqual, selfCheckNumber, selfCheckPrediction, type Verdict } from "./verdict";

/**
 * Exercise 1: mean transmissions per command with ACKs when commands and ACKs are each lost with
 * probability 0.2 (constant 10 ms delay, 50 ms timeout). Closed form 1 / (1 - p)^2; within 3%.
 */
export function nb01CheckTransmissions(answer: unknown): Verdict {
  const p = 0.2;
  return selfCheckNumber("exercise 1", answer, 1 / (1 - p) ** 2, {
    relTolerance: 0.03,
    hint: "A transmission succeeds only if the command AND its ACK both get through; count tries until the first success.",
    success: "a geometric number of tries with success probability (1 - p)^2.",
  });
}

/**
 * Exercise 2: duplicate executions per 1,000 commands without sequence numbers at loss rate 0.3 both
 * ways (constant 10 ms delay, 50 ms timeout). Closed form 1000 p / (1 - p); within 5%.
 */
export function nb01CheckDuplicates(answer: unknown): Verdict {
  const p = 0.3;
  return selfCheckNumber("exercise 2", answer, (1000 * p) / (1 - p), {
    relTolerance: 0.05,
    hint: "Simulate 1,000 commands a few times (protocol \"ack\"), or count: every retransmission whose command arrives is an extra execution.",
    success: "about p / (1 - p) extra executions per command.",
  });
}

/**
 * Exercise 3: the smallest number of messages k for which a k-message confirmation exchange at loss
 * rate 0.1 completes less than half the time. Exact: the least k with 0.9^k < 0.5.
 */
export function nb01CheckGeneralsRounds(answer: unknown): Verdict {
  let k = 1;
  while (0.9 ** k >= 0.5) k++;
  return selfCheckNumber("exercise 3", answer, k, {
    relTolerance: 0, absTolerance: 0,
    hint: "The exchange completes only if every one of its k messages arrives; each does with probability 0.9. Answer with a whole number.",
    success: "more confirmations make a broken exchange more likely, not less.",
  });
}

/**
 * Duplicate executions per command of the ACK protocol (long timeout) when commands are lost with
 * probability a and ACKs with probability b: a try succeeds with probability (1 - a)(1 - b); each failed
 * try executes the command when the command arrived and the ACK was lost.
 */
function duplicatesPerCommand(a: number, b: number): number {
  const success = (1 - a) * (1 - b);
  const failedTries = (1 - success) / success;
  return failedTries * (((1 - a) * b) / (1 - success));
}

/** The choices of exercise 5 of notebook 01. */
const MORE_FEWER_SAME = ["more", "fewer", "the same"] as const;

/**
 * Exercise 5 (predict, then run): the ACK protocol when only the ACKs are lost (ackLossRate 0.2,
 * lossRate 0) instead of both directions at 0.2. Duplicates per 1,000 commands: "more", "fewer" or "the
 * same"? Decided by the closed form (the run cell simulates both).
 */
export function nb01CheckAckLossPrediction(prediction: unknown): Verdict {
  const both = duplicatesPerCommand(0.2, 0.2), ackOnly = duplicatesPerCommand(0, 0.2);
  const expected = Math.abs(ackOnly - both) < 1e-9 ? "the same" : ackOnly > both ? "more" : "fewer";
  return selfCheckPrediction("exercise 5", prediction, expected, {
    choices: MORE_FEWER_SAME,
    explain: "A duplicate needs a command that arrives and an ACK that is lost. A lost command costs a timeout but executes nothing, " +
      "so the command loss rate changes how long a command takes, not how often it is executed: p_ack / (1 - p_ack) duplicates per command either way.",
  });
}

/**
 * Exercise 6 (break it): a timeout (constant 10 ms delays, loss rate 0.2 both ways) for which the ACK
 * protocol executes every command at least twice on average, against p / (1 - p) duplicates per command
 * in the closed form. The check runs 200 commands with the student's timeout.
 */
export function nb01CheckBreakDuplicates(answer: unknown): Verdict {
  return selfCheckByRunning("exercise 6", answer, (timeoutMs) => {
    if (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs < 1) {
      return { ok: false, hint: "the answer should be a timeout in ms, a number of at least 1 (the check simulates 200 commands with it)." };
    }
    const run = runClientServer({ seed: "nb01/exercise 6", protocol: "ack", lossRate: 0.2, delayMs: 10, timeoutMs, commands: 200 });
    const perCommand = run.duplicates / 200;
    if (perCommand >= 1) {
      return { ok: true, success: `${perCommand.toFixed(1)} duplicate executions per command, ${(perCommand / duplicatesPerCommand(0.2, 0.2)).toFixed(0)} times p/(1 - p). ` +
        "The closed form assumes that the client resends only after a loss; a timeout shorter than the round trip resends while the ACK is still on its way, and the server executes every copy." };
    }
    return { ok: false, hint: `${perCommand.toFixed(2)} duplicate executions per command with that timeout, fewer than one. When does the client resend a command that was not lost?` };
  });
}
/**
 * Exercise 4: the server side of sequence numbers. `server` (the student's handlers for s1) runs
 * with the client of "seq": checked with 2 commands, at most 3 transmissions each, at most one
 * message dropped and one duplicated, then in 100 seeded runs of 20 commands (30% loss, 10%
 * duplication, exponential delays and a short timeout, so that old copies arrive late).
 */
export function nb01CheckSequenceServer(server: NodeHandlers | undefined): HandlerExerciseResult {
  const executed = (v: ProtocolView) => v.records("execute").map((r) => r.detail.cmd as number);
  return checkHandlerExercise({
    exercise: "exercise 4", answer: server, role: "your server",
    check: (s) => ({
      ...clientServerNodes({ protocol: "seq", commands: 2, maxTransmissions: 3, server: s }),
      faults: { drops: 1, duplicates: 1 }, history: ["execute", "give-up"],
      invariants: {
        "each command executed at most once": (v) => { const e = executed(v); return new Set(e).size === e.length; },
        "the client moves on only after its command was executed": (v) => {
          const e = new Set([...executed(v), ...v.records("give-up").map((r) => r.detail.cmd as number)]);
          for (let k = 0; k < v.nodes.u1.state.cmd; k++) if (!e.has(k)) return false;
          return true;
        },
        "the client never gives up": (v) => v.records("give-up").length === 0,
      },
    }),
    budget: "2 commands, at most one message dropped and one duplicated",
    simulate: {
      runs: 100, seed: "nb01/exercise 4",
      run: (s, seed) => {
        const r = runClientServer({ seed, protocol: "seq", server: s, commands: 20, lossRate: 0.3, duplicateRate: 0.1, delayMs: exponential(10), timeoutMs: 25 });
        const twice = r.executedTimes.findIndex((n) => n > 1), never = r.executedTimes.findIndex((n) => n === 0);
        const violation = twice >= 0 ? `command ${twice} was executed ${r.executedTimes[twice]} times`
          : never >= 0 ? `command ${never} was never executed` : null;
        return { violation, trace: r.trace };
      },
    },
    hint: "Follow the arrows: which copy of which command reaches the server, and what does the server remember at that point?",
    success: "the server remembers what it executed, so a copy that arrives again is acknowledged but not executed again.",
  });
}
