/**
 * Self-checks for notebook 05 (majority quorums, tickets, Paxos). Each check computes the expected
 * answer itself, from the closed form or by running the simulation, and never prints it.
 */
import type { ProtocolView } from "../../check/protocol-view";
import { fuzzPaxos, randomFaultSchedule } from "../../properties/consensus";
import { paxosNodes, runPaxos, type PaxosMessage } from "../../protocols/paxos";
import { exponential } from "../../random/distributions";
import { createRng } from "../../random/rng";
import type { NodeHandlers } from "../../sim/context";
import { checkHandlerExercise, type HandlerExerciseResult } from "./protocol-exercise";
import { majorityUpProbability, quorumOverlap } from "../../protocols/quorum";
import type { Seed } from "../../random/rng";
import { selfCheckEqual, selfCheckNumber, type Verdict } from "./verdict";

/**
 * Exercise 1: the probability that a majority of 7 servers is up when each is down with probability
 * 0.2 (independently). Accepts answers within 0.005 of the exact value (a simulation with 100,000
 * snapshots lands well inside that).
 */
export function nb05Exercise1(answer: unknown): Verdict {
  return selfCheckNumber("exercise 1", answer, majorityUpProbability(7, 0.2), {
    relTolerance: 0, absTolerance: 0.005,
    hint: "count the ways at least 4 of the 7 are up: a sum of binomial terms, or quorumAvailability with servers [7].",
    success: "a majority of 7 is up far more often than all 7 (0.8^7 is about 0.21).",
  });
}

/**
 * Exercise 2: the smallest quorum size q for 8 servers such that every two quorums of size q share a
 * server. The check finds it with the exhaustive quorumOverlap(8).
 */
export function nb05Exercise2(answer: unknown): Verdict {
  const rows = quorumOverlap(8).filter((r) => r.servers === 8 && r.alwaysIntersect);
  const expected = Math.min(...rows.map((r) => r.quorum));
  return selfCheckEqual("exercise 2", answer, expected, {
    hint: "with an even number of servers, two halves can be disjoint; look at the overlap table for 8 servers.",
    success: "q must be more than half: 2q > n.",
  });
}

/**
 * Exercise 3: the share of `runs` fuzzed schedules in which the broken Paxos (`adopt: false`, the
 * client never adopts a stored command) violates safety, with fuzzPaxos({ seed, runs, adopt: false }).
 * Accepts answers within 0.01 of the check's own run.
 */
export function nb05Exercise3(answer: unknown, seed: Seed = 42, runs = 200): Verdict {
  // No need to run the fuzzer for an answer that is not even a number.
  if (typeof answer !== "number" || !Number.isFinite(answer)) return selfCheckNumber("exercise 3", answer, 0);
  const rows = fuzzPaxos({ seed, runs, adopt: false });
  const expected = rows.filter((r) => !r.safe).length / runs;
  return selfCheckNumber("exercise 3", answer, expected, {
    relTolerance: 0, absTolerance: 0.01,
    hint: `run fuzzPaxos with the same seed and runs = ${runs}, adopt: false, and count the rows that are not safe.`,
    success: "without adopting the stored command, a later proposal can overwrite a chosen one.",
  });
}

/** The commands the servers executed, in a state of the check. */
const executedCommands = (v: ProtocolView) => new Set(v.records("execute").map((r) => r.detail.command as string));

/**
 * Exercise 4: the acceptor's rules of Paxos. `server` (the student's handlers, run by every server)
 * with the real clients: checked with 2 clients, 3 servers, one attempt each, each link delivering
 * in order (no faults); then in 100 seeded runs with 2-3 clients, loss, duplication and random
 * crashes, partitions and held links, each of which must execute at most one command.
 */
export function nb05CheckAcceptor(server: NodeHandlers<any, PaxosMessage> | undefined): HandlerExerciseResult {
  return checkHandlerExercise({
    exercise: "exercise 4", answer: server, role: "your server",
    check: (s) => ({
      ...paxosNodes({ clients: 2, servers: 3, maxAttempts: 1, server: s }),
      network: "fifo", allowRandom: true, history: ["execute"],
      invariants: { "the servers execute at most one command": (v) => executedCommands(v).size <= 1 },
      sometimes: { "every server executes a command": (v) => v.records("execute").length === 3 },
    }),
    budget: "2 clients, 3 servers, one attempt each, each link in order, no faults",
    simulate: {
      runs: 100, seed: "nb05/exercise 4",
      run: (s, seed) => {
        const rng = createRng(seed, "exercise");
        const clients = 2 + rng.int(2);
        const nodes = [...Array.from({ length: clients }, (_, i) => `u${i + 1}`), "s1", "s2", "s3"];
        const r = runPaxos({ seed, clients, servers: 3, server: s, lossRate: 0.1, duplicateRate: 0.05, delayMs: exponential(10), maxAttempts: 8,
          untilMs: 800, faults: randomFaultSchedule(rng, { nodes, horizonMs: 500, maxFaults: 4 }) });
        const executed = [...new Set(r.log.executes.map((e) => e.command))];
        return { violation: executed.length > 1 ? `the servers executed ${executed.join(" and ")}` : null, trace: r.trace };
      },
    },
    hint: "Find the step where a server stores (or reports) something it should not have: which ticket had it issued by then?",
    success: "a server answers only the newest ticket it issued, and reports what it stored, so a later proposer learns the chosen command.",
  });
}
