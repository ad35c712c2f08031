/**
 * Self-checks for notebook 01 (one client, one server). Each check computes its expected value
 * itself (closed form, checked against the simulation in test/lessons) and returns a Verdict that
 * never shows that value.
 */
import { selfCheckEqual, selfCheckNumber, type Verdict } from "./verdict";

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
