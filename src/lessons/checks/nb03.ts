/**
 * Self-checks for notebook 03 (state replication). Each check computes its expected value itself
 * (closed form or simulation) and returns a Verdict that never shows that value.
 */
import { ackDivergenceProbability } from "../03-state-replication";
import { replicationCostSweep } from "../03-state-replication";
import { selfCheckEqual, selfCheckNumber, type Verdict } from "./verdict";

/**
 * Exercise 1: 4 clients send one command each at the same moment to 3 servers over random delays.
 * The probability that the servers diverge. Accepts answers within 0.005 of 1 - (4!)^-2.
 */
export function nb03CheckFourClients(answer: unknown): Verdict {
  return selfCheckNumber("exercise 1", answer, ackDivergenceProbability(4, 3), {
    relTolerance: 0, absTolerance: 0.005,
    hint: "Each server sees one of 4! equally likely orders, independently of the others. When do all three agree?",
    success: "all 3 servers agree only with probability (1/24)^2: divergence is almost certain.",
  });
}

/**
 * Exercise 2: the smallest number of servers for which two clients (one command each, sent at the
 * same moment) make the servers diverge with probability above 0.9.
 */
export function nb03CheckServersForNinety(answer: unknown): Verdict {
  let n = 1;
  while (ackDivergenceProbability(2, n) <= 0.9) n += 1;
  return selfCheckNumber("exercise 2", answer, n, {
    relTolerance: 0, absTolerance: 0,
    hint: "With two commands, each server independently puts u1's command first with probability 1/2. Try n = 1, 2, 3, ... in the closed form or in divergenceSweep.",
    success: "each extra server halves the chance that everybody agrees.",
  });
}

/**
 * Exercise 3: mean latency (ms) of the serializer with 4 clients sending back to back, 3 servers,
 * every one-way delay 25 ms, measured over 4 s. Accepts answers within 5% of the simulation.
 */
export function nb03CheckSerializerLatency(answer: unknown): Verdict {
  const row = replicationCostSweep({ seed: 42, clients: [4], servers: 3, delayMs: 25, durationMs: 4000 }).find((r) => r.protocol === "serializer")!;
  return selfCheckNumber("exercise 3", answer, row.latencyMs, {
    relTolerance: 0.05,
    hint: "The serializer handles one command at a time and each takes a round trip to the backups; the 4 clients queue behind each other.",
    success: "a command waits for the commands queued before it: latency grows linearly with the clients.",
  });
}
