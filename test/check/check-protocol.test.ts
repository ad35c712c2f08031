import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { checkProtocol } from "../../src/check/check-protocol";
import type { ProtocolView } from "../../src/check/protocol-view";
import { ackReplicationNodes, runAckReplication } from "../../src/protocols/ack-replication";
import { clientServerNodes } from "../../src/protocols/client-server";
import { naiveTicketNodes } from "../../src/protocols/naive-ticket";
import { paxosNodes } from "../../src/protocols/paxos";
import { runScoreRace, scoreRaceNodes } from "../../src/protocols/score-race";
import { serializerNodes } from "../../src/protocols/serializer";
import { twoPhaseCommitNodes } from "../../src/protocols/two-phase-commit";
import { ackDivergenceProbability } from "../../src/lessons/03-state-replication";
import { exponential } from "../../src/random/distributions";
import { sequenceRows } from "../../src/views/sequence-rows";

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
const servers = (v: ProtocolView) => Object.keys(v.nodes).filter((n) => n.startsWith("s"));
/** Each server's executed commands, in order, read from the history kept in the state. */
const logs = (v: ProtocolView) => servers(v).map((s) => v.records("execute").filter((r) => r.node === s).map((r) => r.detail.id as string));

/** Every final outcome a check reaches (a state where `final` holds), as keys. */
function finals(options: Parameters<typeof checkProtocol>[0], final: (v: ProtocolView) => string | null) {
  const seen = new Set<string>();
  const r = checkProtocol({ ...options, invariants: { ...options.invariants, "(collect finals)": (v) => { const k = final(v); if (k !== null) seen.add(k); return true; } } });
  return { seen, r };
}

test("score race: n single-command clients reach exactly n! apply orders", () => {
  for (const n of [2, 3, 4]) {
    const clients = Array.from({ length: n }, (_, i) => [`+${i + 1}`]);
    const { seen, r } = finals({ ...scoreRaceNodes({ clients }), history: ["apply"] },
      (v) => (v.inFlight.length === 0 ? v.records("apply").map((x) => x.detail.op).join(" ") : null));
    assert.equal(r.verdict, "holds");
    assert.equal(seen.size, factorial(n), `n = ${n}`);
  }
});

test("ack replication: the share of divergent final states and the mean of distinct logs match notebook 03's closed forms", () => {
  for (const [k, n] of [[2, 2], [2, 3], [3, 1]]) {
    const { seen, r } = finals({ ...ackReplicationNodes({ clients: k, servers: n }), history: ["execute"] }, (v) => {
      const l = logs(v);
      return l.every((x) => x.length === k) ? l.map((x) => x.join(",")).join(" | ") : null;
    });
    assert.equal(r.verdict, "holds");
    const m = factorial(k);
    assert.equal(seen.size, m ** n, `(${k}, ${n}): every server independently in any of k! orders`);
    const distinct = [...seen].map((key) => new Set(key.split(" | ")).size);
    const diverged = distinct.filter((d) => d > 1).length / seen.size;
    assert.ok(Math.abs(diverged - ackDivergenceProbability(k, n)) < 1e-12);
    const mean = distinct.reduce((a, b) => a + b, 0) / distinct.length;
    assert.ok(Math.abs(mean - m * (1 - (1 - 1 / m) ** n)) < 1e-12);
  }
});

test("ack replication diverges (shortest schedule drawn as a trace); the serializer holds", () => {
  const same = { "same order": (v: ProtocolView) => { const l = logs(v); return l.every((x) => l.every((y) => x.every((c, i) => y[i] === undefined || y[i] === c))); } };
  const ack = checkProtocol({ ...ackReplicationNodes({ clients: 2, servers: 2 }), history: ["execute"], invariants: same });
  assert.equal(ack.verdict, "violated");
  assert.equal(ack.counterexample?.property, "same order");
  const rows = sequenceRows(ack.counterexample!.trace);
  assert.ok(rows.messages.length > 0);
  const ser = checkProtocol({ ...serializerNodes({ clients: 2, servers: 2 }), history: ["execute"], invariants: same });
  assert.equal(ser.verdict, "holds");
});

test("client-server: ACKs with one drop allowed -> the shortest duplicate execution; sequence numbers -> holds", () => {
  const once = { "each command executed once": (v: ProtocolView) => { const c = v.records("execute").map((r) => r.detail.cmd); return new Set(c).size === c.length; } };
  const ack = checkProtocol({ ...clientServerNodes({ protocol: "ack", commands: 2, maxTransmissions: 3 }), faults: { drops: 1 }, history: ["execute"], invariants: once });
  assert.equal(ack.verdict, "violated");
  assert.deepEqual(ack.counterexample?.schedule, ["u1 -> s1: cmd 0", "drop s1 -> u1: ack 0", "u1: timer timeout", "u1 -> s1: cmd 0"]);
  // The trace shows the steps in schedule order, one step per ms.
  const t = ack.counterexample!.trace;
  assert.deepEqual(t.messages().map((m) => [m.label, m.sendMs, m.fate]), [["cmd 0", 0, "delivered"], ["ack 0", 1, "lost"], ["cmd 0", 3, "delivered"], ["ack 0", 4, "in-flight"]]);
  assert.equal(t.records("execute").length, 2);
  const seq = checkProtocol({ ...clientServerNodes({ protocol: "seq", commands: 2, maxTransmissions: 3 }), faults: { drops: 2, duplicates: 1 }, history: ["execute"], invariants: once });
  assert.equal(seq.verdict, "holds");
  assert.ok(seq.distinctStates > 100);
});

test("two-phase commit with a coordinator crash: atomicity holds and the blocked state is reachable", () => {
  const states = (v: ProtocolView) => servers(v).map((s) => v.nodes[s].persistent.state);
  for (const votes of [["yes", "yes", "yes"], ["yes", "no", "yes"]] as const) {
    const r = checkProtocol({ ...twoPhaseCommitNodes({ votes: [...votes] }), faults: { crashes: 1, crashable: ["u1"] },
      invariants: { atomic: (v) => !(states(v).includes("committed") && states(v).includes("aborted")) },
      sometimes: { blocked: (v) => !v.nodes.u1.up && states(v).includes("prepared") && v.inFlight.length === 0 } });
    assert.equal(r.verdict, "holds", votes.join(","));
    assert.ok(r.properties.find((p) => p.name === "blocked")?.trace);
  }
});

test("the naive ticket protocol executes two commands; Paxos agrees (no faults, one attempt each)", () => {
  const agree = (v: ProtocolView) => new Set(servers(v).map((s) => v.nodes[s].persistent.executed).filter((c) => c !== null && c !== undefined)).size <= 1;
  const naive = checkProtocol({ ...naiveTicketNodes({ clients: 2, servers: 3, maxAttempts: 1 }), allowRandom: true, invariants: { agreement: agree } });
  assert.equal(naive.verdict, "violated");
  assert.equal(naive.randomDraws > 0, true);
  const paxos = checkProtocol({ ...paxosNodes({ clients: 2, servers: 2, maxAttempts: 1 }), allowRandom: true, invariants: { agreement: agree } });
  assert.equal(paxos.verdict, "holds");
  // Paxos that does not adopt the stored command breaks agreement (2 clients, 3 servers, 2 attempts each).
  const broken = checkProtocol({ ...paxosNodes({ clients: 2, servers: 3, maxAttempts: 2, adopt: false }), allowRandom: true, invariants: { agreement: agree } });
  assert.equal(broken.verdict, "violated");
  assert.equal(broken.counterexample?.schedule.length, 20);
  assert.equal(broken.counterexample?.trace.records("execute").length, 2);
});

test("a check finds the same outcomes as seeded Monte Carlo runs (every simulated outcome is reachable)", () => {
  const race = [["+10"], ["*5"], ["-3"]];
  const raceFinals = finals({ ...scoreRaceNodes({ clients: race }), history: ["apply"] },
    (v) => (v.inFlight.length === 0 ? v.records("apply").map((x) => x.detail.op).join(" ") : null)).seen;
  const rep = finals({ ...ackReplicationNodes({ clients: 2, servers: 2 }), history: ["execute"] }, (v) => {
    const l = logs(v);
    return l.every((x) => x.length === 2) ? l.map((x) => x.join(",")).join(" | ") : null;
  }).seen;
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), (seed) => {
    const r = runScoreRace({ seed, clients: race, delayMs: exponential(10) });
    assert.ok(raceFinals.has(r.order.join(" ")), r.order.join(" "));
    const a = runAckReplication({ seed, clients: 2, servers: 2, delayMs: exponential(10) });
    assert.ok(rep.has([a.logs.s1.join(","), a.logs.s2.join(",")].join(" | ")));
  }), { numRuns: 200, seed: 16 });
});
