/**
 * Self-checks for notebook 06 (a replicated log). Each check computes the expected answer itself, by
 * running the simulation or the model checker, and never prints it.
 */
import { checkProtocol } from "../../check/check-protocol";
import type { CheckProtocolOptions } from "../../check/protocol-options";
import type { ProtocolView } from "../../check/protocol-view";
import type { NodeHandlers } from "../../sim/context";
import { runMultiPaxos } from "../../protocols/multi-paxos";
import type { ChooseStored } from "../../protocols/multi-paxos-options";
import { fuzzMultiPaxos } from "../../properties/replicated-log";
import { selfCheckNumber, selfCheckWith, type Verdict } from "./verdict";

/**
 * Exercise 1: committed commands per second of multi-Paxos with 6 clients, 5 servers and every
 * one-way delay 5 ms, measured over 2 s. Accepts answers within 5% of the check's own run.
 */
export function nb06Exercise1(answer: unknown, seed: string | number = 42): Verdict {
  if (typeof answer !== "number" || !Number.isFinite(answer)) return selfCheckNumber("exercise 1", answer, 0);
  const r = runMultiPaxos({ seed, clients: 6, servers: 5, delayMs: 5, commandsPerClient: 1_000_000, untilMs: 2000 });
  return selfCheckNumber("exercise 1", answer, (1000 * r.committed) / 2000, {
    relTolerance: 0.05,
    hint: "follow one command: client -> leader -> a majority -> leader -> client, and every client has one command in flight.",
    success: "the leader pipelines: throughput grows with the clients, unlike the serializer's.",
  });
}

/** The leader of exercise 2: it sends execute(slot, c) for three slots to both learners at once. */
const EX2_LEADER: NodeHandlers = {
  init(ctx) {
    ["c1", "c2", "c3"].forEach((c, slot) => { for (const l of ["s2", "s3"]) ctx.send(l, { type: "execute", slot, c }); });
  },
};
const EX2_ALL = ["c1", "c2", "c3"];
const appliedOf = (v: ProtocolView, s: string) => (v.nodes[s].persistent.applied ?? []) as string[];

/**
 * The checkProtocol setup of exercise 2: the leader s1 sends execute(slot, c) for slots 0, 1, 2 to the
 * learners s2 and s3 (both run `learner`) over a network that may reorder messages; a learner keeps
 * the commands it executed in `ctx.persistent.applied`. Invariants: the two logs are prefixes of one
 * another, no command twice; `done`: both executed all three (a finished run that did not is "stuck").
 * @example checkProtocol(nb06LearnerCheck(myLearner)).verdict
 */
export function nb06LearnerCheck(learner: NodeHandlers): CheckProtocolOptions {
  return {
    nodes: ["s1", "s2", "s3"], handlers: { s1: EX2_LEADER, s2: learner, s3: learner },
    invariants: {
      prefixes: (v) => { const [a, b] = [appliedOf(v, "s2"), appliedOf(v, "s3")]; return a.every((c, i) => i >= b.length || b[i] === c); },
      "no command twice": (v) => ["s2", "s3"].every((s) => new Set(appliedOf(v, s)).size === appliedOf(v, s).length),
    },
    done: (v) => ["s2", "s3"].every((s) => appliedOf(v, s).join(" ") === EX2_ALL.join(" ")),
    maxStates: 100_000,
  };
}

/** Exercise 2: a learner's handlers; right when checkProtocol(nb06LearnerCheck(learner)) holds. */
export function nb06Exercise2(learner: unknown): Verdict {
  return selfCheckWith("exercise 2", learner, (h) => {
    if (h === null || typeof h !== "object") return false;
    return checkProtocol(nb06LearnerCheck(h as NodeHandlers)).verdict === "holds";
  }, {
    hint: "execute(slot, c) may arrive in any order: keep what arrives early, and apply slot i only after slots 0..i-1.",
    success: "in slot order, whatever the network does: the learner of every server of the replicated log.",
  });
}

/**
 * Exercise 3: a rule for a new leader (`chooseStored`, see runMultiPaxos). Right when it picks the
 * chapter's command on a few sets of oks and 120 fuzzed runs with leader changes stay safe.
 */
export function nb06Exercise3(rule: unknown, seed: string | number = 42): Verdict {
  return selfCheckWith("exercise 3", rule, (f) => {
    if (typeof f !== "function") return false;
    const choose = f as ChooseStored;
    const cases: [Parameters<ChooseStored>[0], string][] = [
      [[{ tStore: 1, c: "c1" }], "c1"], [[{ tStore: 1, c: "c1" }, { tStore: 4, c: "c2" }], "c2"],
      [[{ tStore: 7, c: "c3" }, { tStore: 2, c: "c1" }, { tStore: 5, c: "c2" }], "c3"],
    ];
    if (!cases.every(([stored, c]) => choose(stored) === c)) return false;
    return fuzzMultiPaxos({ seed, runs: 120, chooseStored: choose }).every((r) => r.safe);
  }, {
    hint: "which of the stored commands can already be chosen? The chapter's lemma says which one to keep.",
    success: "any other choice can overwrite a command that a majority already stored.",
  });
}
