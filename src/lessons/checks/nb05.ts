/**
 * Self-checks for notebook 05 (majority quorums, tickets, Paxos). Each check computes the expected
 * answer itself, from the closed form or by running the simulation, and never prints it.
 */
import type { ProtocolView } from "../../check/protocol-view";
import { fuzzPaxos, randomFaultSchedule } from "../../properties/consensus";
import { paxosNodes, runPaxos, type PaxosMessage } from "../../protocols/paxos";
import { majorityUpProbability, quorumOverlap } from "../../protocols/quorum";
import { exponential } from "../../random/distributions";
import { createRng, type Seed } from "../../random/rng";
import type { NodeHandlers } from "../../sim/context";
import { quorumAvailability } from "../05-majority-and-paxos";
import { paxosRuns } from "../05-paxos-runs";
import { checkHandlerExercise, type HandlerExerciseResult } from "./protocol-exercise";
import { selfCheckByRunning, selfCheckEqual, selfCheckNumber, selfCheckPrediction, type Verdict } from "./verdict";

/**
 * Exercise 1: the probability that a majority of 7 servers is up when each is down with probability
 * 0.2 (independently). Accepts answers within 0.005 of the exact value (a simulation with 100,000
 * snapshots lands well inside that).
 */
export function nb05Exercise1(answer: unknown): Verdict {
  return selfCheckNumber("exercise 1", answer, majorityUpProbability(7, 0.2), {
    relTolerance: 0, absTolerance: 0.005,
    hint: "Count the ways at least 4 of the 7 are up: a sum of binomial terms, or quorumAvailability with servers [7].",
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
  return selfCheckNumber("exercise 2", answer, expected, {
    relTolerance: 0, absTolerance: 0,
    hint: "With an even number of servers, two halves can be disjoint; look at the overlap table for 8 servers.",
    success: "q must be more than half: 2q > n.",
  });
}

/**
 * Exercise 3: among the runs of fuzzPaxos({ seed, runs, adopt: false }) (the broken Paxos: a client
 * never adopts a stored command) with three clients, the share that violates safety. The notebook
 * prints only the total over all runs; the check runs the fuzzer itself. Accepts answers within 0.01.
 */
export function nb05Exercise3(answer: unknown, seed: Seed = 42, runs = 200): Verdict {
  // No need to run the fuzzer for an answer that is not even a number (or not given yet).
  if (typeof answer !== "number" || !Number.isFinite(answer)) return selfCheckNumber("exercise 3", answer, 0);
  const three = fuzzPaxos({ seed, runs, adopt: false }).filter((r) => r.clients === 3);
  const expected = three.filter((r) => !r.safe).length / three.length;
  return selfCheckNumber("exercise 3", answer, expected, {
    relTolerance: 0, absTolerance: 0.01,
    hint: `Keep the rows of fuzzPaxos({ seed, runs: ${runs}, adopt: false }) with clients === 3 and divide the unsafe ones by how many rows you kept, not by all ${runs}.`,
    success: "without adoption a later proposer can overwrite a chosen command. With a single client there is no later proposer " +
      "with another command, so those runs are safe with or without adoption: the rule matters exactly when proposers compete.",
  });
}

/**
 * Exercise 5 (predict, then run): Paxos with 4 servers, 2 of them crashed at time 0 for good, two
 * clients. Does it decide within 2 s "always", "sometimes" or "never"? Decided by 5 seeded runs.
 */
export function nb05CheckHalfDownPrediction(prediction: unknown): Verdict {
  return selfCheckPrediction("exercise 5", prediction, () => {
    const runs = paxosRuns({ seed: "nb05/exercise 5", runs: 5, servers: 4, untilMs: 2000, faults: [{ at: 0, crash: "s1" }, { at: 0, crash: "s2" }] });
    const decided = runs.filter((r) => r.decided).length;
    return decided === runs.length ? "always" : decided === 0 ? "never" : "sometimes";
  }, {
    choices: ["always", "sometimes", "never"],
    explain: "A majority of 4 is 3, not 2: every ticket and every proposal needs answers from 3 servers, and only 2 are up. " +
      "Half is not a majority; with an even number of servers, losing half stops the protocol, which is why clusters have an odd number of servers.",
  });
}

/**
 * Exercise 6 (break it): a down probability at which a majority of 11 servers is up less often than a
 * single server, against "more servers make the system more available". The check simulates 4,000
 * snapshots of each (quorumAvailability) and wants the two 95% intervals apart, 11 below 1.
 */
export function nb05CheckBreakMajority(answer: unknown): Verdict {
  return selfCheckByRunning("exercise 6", answer, (downProbability) => {
    if (typeof downProbability !== "number" || !Number.isFinite(downProbability)) return { ok: false, hint: "the answer should be a probability: a number between 0 and 1." };
    const rows = quorumAvailability({ seed: "nb05/exercise 6", servers: [1, 11], downProbabilities: [downProbability], trials: 4000 }).filter((r) => r.rule === "majority");
    const [one, eleven] = [rows.find((r) => r.servers === 1)!, rows.find((r) => r.servers === 11)!];
    const shares = `a majority of 11 is up in ${(100 * eleven.simulated).toFixed(1)}% of 4,000 snapshots, one server in ${(100 * one.simulated).toFixed(1)}%`;
    if (eleven.hi < one.lo) {
      return { ok: true, success: `${shares}. A majority is a vote: when each server is more often down than up, adding voters makes "most are up" less likely, ` +
        "just as it makes it more likely when each is more often up. Majorities help only with servers that are up most of the time." };
    }
    if (eleven.simulated < one.simulated) return { ok: false, hint: `too close to call: ${shares}. Go further.` };
    return { ok: false, hint: `${shares}. What must be true of a single server for "most of 11 are up" to be unlikely?` };
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
