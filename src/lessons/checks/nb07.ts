/**
 * Self-checks for notebook 07 (network partitions). Each check computes its expected answer itself,
 * by running the simulation or the model checker, and never prints it.
 */
import { checkProtocol } from "../../check/check-protocol";
import type { ProtocolView } from "../../check/protocol-view";
import { paxosNodes } from "../../protocols/paxos";
import { partitionedNodes } from "../07-partition-check";
import { PARTITION_SIDES, partitionRun } from "../07-partitions";
import { selfCheckByRunning, selfCheckPrediction, type Verdict } from "./verdict";

/** The choices of exercise 1: which side of a one-way link decides. */
export const ONE_WAY_CHOICES = ["none", "A", "B", "both"] as const;

/**
 * Exercise 1 (predict): Paxos, 2 clients and 4 servers; side A (u1, s1, s2) can send to side B
 * (u2, s3, s4) but B's messages never reach A. Which side decides? Decided by running it (seed 42).
 */
export function nb07CheckOneWayPrediction(prediction: unknown): Verdict {
  return selfCheckPrediction("exercise 1", prediction, () => {
    const r = partitionRun({ seed: 42, protocol: "Paxos", schedule: "one-way link", splitMs: 0, untilMs: 2000 });
    return r.sideA && r.sideB ? "both" : r.sideA ? "A" : r.sideB ? "B" : "none";
  }, {
    choices: ONE_WAY_CHOICES,
    explain: "Each phase of Paxos is a request and a reply: a server that hears a client but cannot answer it is as useless to that client as one that never heard it.",
  });
}

/** Agreement of Paxos with `quorum` answers under the clean 2 | 2 split, checked in every schedule (one attempt per client). */
export function quorumAgreementUnderSplit(quorum: number): boolean {
  const servers = ["s1", "s2", "s3", "s4"];
  const agreement = (v: ProtocolView) => new Set(servers.map((s) => v.nodes[s].persistent.executed).filter((c) => c != null)).size <= 1;
  const groups = PARTITION_SIDES.half.map((g) => [...g]);
  return checkProtocol({ ...partitionedNodes(paxosNodes({ clients: 2, servers: 4, maxAttempts: 1, quorum }), groups), allowRandom: true,
    invariants: { agreement } }).verdict === "holds";
}

/**
 * Exercise 2: the smallest quorum (answers a Paxos client waits for) with which 4 servers keep
 * agreement under the clean 2 | 2 split in every schedule. Checked with checkProtocol: the answer must
 * keep agreement and one less must not.
 */
export function nb07CheckSmallestQuorum(answer: unknown): Verdict {
  return selfCheckByRunning("exercise 2", answer, (q) => {
    if (typeof q !== "number" || !Number.isInteger(q) || q < 1 || q > 4) return { ok: false, hint: "the answer is a whole number of servers between 1 and 4." };
    if (!quorumAgreementUnderSplit(q)) return { ok: false, hint: "with that quorum the checker finds a schedule in which the two sides execute different commands." };
    if (q > 1 && quorumAgreementUnderSplit(q - 1)) return { ok: false, hint: "that quorum is safe, but a smaller one is too." };
    return { ok: true, success: "two quorums must share a server, and two halves of an even cluster do not." };
  });
}
