/**
 * Self-checks for notebook 03 (state replication). Each check computes its expected value itself
 * (closed form or simulation) and returns a Verdict that never shows that value.
 */
import type { ProtocolView } from "../../check/protocol-view";
import { runAckReplication } from "../../protocols/ack-replication";
import { runSerializer, serializerNodes } from "../../protocols/serializer";
import type { ReplicationMessage } from "../../protocols/state-replication";
import { exponential } from "../../random/distributions";
import type { NodeHandlers } from "../../sim/context";
import type { LinkOptions } from "../../sim/options";
import { ackDivergenceProbability, divergenceSweep, replicationCostSweep } from "../03-state-replication";
import { checkHandlerExercise, type HandlerExerciseResult } from "./protocol-exercise";
import { selfCheckByRunning, selfCheckEqual, selfCheckNumber, selfCheckPrediction, type Verdict } from "./verdict";

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

/**
 * Exercise 5 (predict, then run): two clients and two servers as in the notebook (uniform delays, mean
 * 20 ms, sd 10 ms), but each client sends two commands, one after the other. Do the servers diverge
 * "more", "less" or "the same" as with one command each (closed form 1/2)? Decided by 200 seeded runs:
 * "more" or "less" when the 95% interval lies above or below 1/2.
 */
export function nb03CheckTwoCommandsPrediction(prediction: unknown): Verdict {
  return selfCheckPrediction("exercise 5", prediction, () => {
    const [row] = divergenceSweep({ seed: "nb03/exercise 5", runs: 200, servers: 2, clients: 2, commandsPerClient: 2, delayMeanMs: 20, delaySdMs: 10 });
    const one = ackDivergenceProbability(2, 2);
    return row.lo > one ? "more" : row.hi < one ? "less" : "the same";
  }, {
    choices: ["more", "less", "the same"],
    explain: "Each client's second command races the other client's commands all over again: more races, more chances that the two servers " +
      "see one of them differently. A client's own two commands never swap (it waits for every acknowledgment), which is why the risk grows more slowly than the number of commands.",
  });
}

/**
 * Exercise 6 (break it): per-link constant delays (`links`, keyed "u1->s1") under which two clients and
 * two servers diverge in most runs, although "with constant delays nothing overtakes anything". The
 * check runs 10 seeds with them (every other link 20 ms) and wants divergence in more than half.
 */
export function nb03CheckBreakConstantDelays(answer: unknown): Verdict {
  return selfCheckByRunning("exercise 6", answer, (links) => {
    const shape = "the answer should be per-link delays such as { \"u1->s1\": { delayMs: 5 } }, each delay a constant number of ms.";
    if (typeof links !== "object" || links === null || Array.isArray(links) || Object.keys(links).length === 0) return { ok: false, hint: shape };
    const values = Object.values(links as Record<string, unknown>);
    if (!values.every((v) => typeof v === "object" && v !== null && typeof (v as LinkOptions).delayMs === "number" && Number.isFinite((v as LinkOptions).delayMs))) {
      return { ok: false, hint: `${shape} The claim is about constant delays: no distributions.` };
    }
    const seeds = 10;
    const diverged = Array.from({ length: seeds }, (_, i) =>
      runAckReplication({ seed: `nb03/exercise 6/${i}`, clients: 2, servers: 2, delayMs: 20, links: links as Record<string, LinkOptions> }).diverged).filter(Boolean).length;
    if (2 * diverged > seeds) {
      return { ok: true, success: `the servers diverge in ${diverged} of ${seeds} runs, with every delay constant. Constant delays keep each link in order, but nothing orders ` +
        "messages on different links: a server close to u1 hears u1 first, a server close to u2 hears u2 first. Agreement needs the same order everywhere, not merely no overtaking." };
    }
    return { ok: false, hint: `the servers diverge in ${diverged} of ${seeds} runs with those delays. For two servers to disagree, what must each of them hear first?` };
  });
}
/** Each server's log (its "execute" records, in order), in a state of the check. */
const logsOf = (v: ProtocolView, servers: string[]) => servers.map((s) => v.records("execute").filter((r) => r.node === s).map((r) => r.detail.id as string));
/** True when every two logs agree on their common prefix. */
const sameOrder = (logs: string[][]) => logs.every((x) => logs.every((y) => x.every((c, i) => y[i] === undefined || y[i] === c)));
const executesOnce = (logs: string[][]) => logs.every((l) => new Set(l).size === l.length);

/**
 * Exercise 4: the serializer. `serializer` (the student's handlers for s1) runs with the real
 * clients and backups: checked with 2 clients and 3 servers over an unordered network (no faults),
 * then in 50 seeded runs with 3 clients, 3 servers and exponential delays.
 */
export function nb03CheckSerializer(serializer: NodeHandlers<any, ReplicationMessage> | undefined): HandlerExerciseResult {
  const servers = ["s1", "s2", "s3"];
  const finished = (v: ProtocolView) => logsOf(v, servers).every((l) => l.length === 2) && v.records("commit").length === 2;
  return checkHandlerExercise({
    exercise: "exercise 4", answer: serializer, role: "your serializer",
    check: (s) => ({
      ...serializerNodes({ clients: 2, servers: 3, serializer: s }),
      history: ["execute", "commit"],
      invariants: {
        "same order on every server": (v) => sameOrder(logsOf(v, servers)),
        "each server executes a command at most once": (v) => executesOnce(logsOf(v, servers)),
      },
      done: finished,
      sometimes: { "every command executed everywhere and committed": finished },
    }),
    budget: "2 clients, 3 servers, messages delivered in any order, no faults",
    simulate: {
      runs: 50, seed: "nb03/exercise 4",
      run: (s, seed) => {
        const r = runSerializer({ seed, clients: 3, servers: 3, delayMs: exponential(10), serializer: s, untilMs: 5000 });
        const logs = r.servers.map((name) => r.logs[name]);
        const violation = !sameOrder(logs) ? `the servers executed in different orders (${r.servers.map((n) => `${n}: ${r.logs[n].join(" ")}`).join("; ")})`
          : !executesOnce(logs) ? "a server executed a command twice"
          : r.committed < r.issued ? `only ${r.committed} of ${r.issued} commands committed` : null;
        return { violation, trace: r.trace };
      },
    },
    hint: "Messages may overtake each other on the way to a backup: what must s1 know before it sends the next command?",
    success: "one command at a time, each forwarded only after every backup has the one before: the backups cannot see two orders.",
  });
}
