import { test } from "node:test";
import assert from "node:assert/strict";
import { checkConsensusSafety } from "../../src/properties/consensus";
import { findConflictingNaiveTicketRun, naiveTicketConflicts, ticketConflictSweep } from "../../src/lessons/05-majority-and-paxos";
import { duelingProposers, paxosProgressByDown, paxosRuns } from "../../src/lessons/05-paxos-runs";
import { runNaiveTicket } from "../../src/protocols/naive-ticket";
import { runPaxos } from "../../src/protocols/paxos";
import { consensusLog, type TicketRecords } from "../../src/protocols/ticket-records";
import { type TicketRunResult } from "../../src/protocols/ticket-runs";

test("runNaiveTicket(options) with one client executes its command on the majority that stored it", () => {
  const r = runNaiveTicket({ seed: 1, clients: 1 });
  const executed = Object.values(r.executed).filter((c) => c !== null);
  assert.ok(executed.length >= 2 && executed.every((c) => c === "c1"), JSON.stringify(r.executed));
  assert.equal(r.conflicting, false);
  assert.equal(r.attemptsToDecide, 1);
});

test("runNaiveTicket(options) is deterministic: same seed, same trace", () => {
  const a = runNaiveTicket({ seed: "x", lossRate: 0.1 }), b = runNaiveTicket({ seed: "x", lossRate: 0.1 });
  assert.equal(a.trace.hash(), b.trace.hash());
  assert.deepEqual(a.executed, b.executed);
});

test("findConflictingNaiveTicketRun(options) finds a run where servers execute different commands", () => {
  const r = findConflictingNaiveTicketRun({ seed: 42 });
  assert.ok(r !== null);
  const commands = new Set(Object.values(r.executed).filter((c) => c !== null));
  assert.ok(commands.size >= 2);
  // The late store: some server stored a command after another server had stored a different one.
  const first = r.log.stores[0];
  assert.ok(r.log.stores.some((s) => s.command !== first.command && s.atMs >= first.atMs));
  assert.equal(checkConsensusSafety(r.log, 3).ok, false);
});

test("naiveTicketConflicts(options) reports conflicts in a good share of runs", () => {
  const rows = naiveTicketConflicts({ seed: 42, runs: 200 });
  const rate = rows.filter((r) => r.conflicting).length / rows.length;
  assert.ok(rate > 0.2 && rate < 1, `rate ${rate}`);
});

test("runPaxos(options): all servers execute the same command, which was chosen", () => {
  for (let i = 0; i < 20; i++) {
    const r = runPaxos({ seed: i, clients: 3, servers: 5, lossRate: 0.1 });
    const s = checkConsensusSafety(r.log, 5);
    assert.ok(s.ok, `seed ${i}: ${s.violation}`);
    assert.ok(r.decided);
    const executed = Object.values(r.executed);
    assert.ok(executed.every((c) => c === executed[0] && c !== null), `seed ${i}: ${JSON.stringify(r.executed)}`);
  }
});

test("runPaxos(options) adopts the stored command: a late client proposes what was chosen", () => {
  const r = runPaxos({ seed: 3, clients: 2, startSpreadMs: 0, faults: [], speeds: { u2: 0.1 } });
  const chosen = checkConsensusSafety(r.log, 3).chosen[0];
  for (const p of r.log.proposals) if (p.ticket > chosen.ticket) assert.equal(p.command, chosen.command);
});

test("runPaxos(options) makes no progress with half or more of the servers down", () => {
  const down = runPaxos({ seed: 1, servers: 4, faults: [{ at: 0, crash: "s1" }, { at: 0, crash: "s2" }], untilMs: 2000 });
  assert.equal(down.decided, false);
  assert.equal(down.log.stores.length, 0);
  const ok = runPaxos({ seed: 1, servers: 5, faults: [{ at: 0, crash: "s1" }, { at: 0, crash: "s2" }], untilMs: 2000 });
  assert.equal(ok.decided, true);
});

test("checkConsensusSafety(log, servers) flags two chosen commands and a later proposal with another command", () => {
  const log = {
    attempts: [], decisions: [], executes: [],
    proposals: [{ client: "u1", ticket: 1, command: "a", atMs: 0 }, { client: "u2", ticket: 2, command: "b", atMs: 5 }],
    stores: [
      { server: "s1", ticket: 1, command: "a", atMs: 1 }, { server: "s2", ticket: 1, command: "a", atMs: 2 },
      { server: "s2", ticket: 2, command: "b", atMs: 6 }, { server: "s3", ticket: 2, command: "b", atMs: 7 },
    ],
  };
  const s = checkConsensusSafety(log, 3);
  assert.equal(s.atMostOneChosen, false);
  assert.equal(s.laterProposalsCarryChosen, false);
  assert.equal(s.ok, false);
  assert.match(s.violation!, /two commands were chosen/);
});

test("runPaxos and runNaiveTicket reject bad options with messages naming the parameter", () => {
  assert.throws(() => runPaxos({ seed: 1, lossRate: 2 }), /lossRate must be a number in \[0, 1\]; got 2/);
  assert.throws(() => runPaxos({ seed: 1, servers: 0 }), /servers must be an integer in \[1, 15\]/);
  assert.throws(() => runNaiveTicket({ seed: 1, timeout: 5 } as never), /unknown option "timeout"/);
  assert.throws(() => runPaxos({ seed: 1, nacks: "yes" } as never), /nacks must be true or false/);
});

/** The result's fields worked out again, straight from the trace's records. */
function fromRecords(r: TicketRunResult) {
  const executed: Record<string, string | null> = Object.fromEntries(r.servers.map((s) => [s, null]));
  const executes = r.trace.records<TicketRecords["execute"]>("execute");
  for (const e of executes) executed[e.node] ??= e.detail.command;
  const decisions = r.trace.records<TicketRecords["decide"]>("decide");
  const first = decisions.length > 0 ? decisions[0].t : null;
  return {
    executed, conflicting: new Set(executes.map((e) => e.detail.command)).size > 1, decided: first !== null, firstDecisionMs: first,
    attemptsToDecide: first === null ? null : r.trace.records("attempt").filter((a) => a.t <= first).length,
    decisions: decisions.map((d) => ({ client: d.node, ticket: d.detail.ticket, command: d.detail.command, atMs: d.t })),
    stores: r.trace.records<TicketRecords["store"]>("store").map((d) => ({ server: d.node, ticket: d.detail.ticket, command: d.detail.command, atMs: d.t })),
  };
}

test("runPaxos and runNaiveTicket: the result is what the trace's records derive (executed, decisions, stores, counts)", () => {
  const faults = [{ at: 30, crash: "s1" }, { at: 90, recover: "s1" }, { at: 50, crash: "u1" }, { at: 120, recover: "u1" }];
  for (const run of [runPaxos, runNaiveTicket]) {
    for (let seed = 0; seed < 15; seed++) {
      for (const r of [run({ seed, clients: 3, lossRate: 0.1 }), run({ seed, lossRate: 0.2, duplicateRate: 0.05, faults })]) {
        const d = fromRecords(r);
        const what = `${r.protocol} seed ${seed}`;
        assert.deepEqual(r.executed, d.executed, what);
        assert.deepEqual(
          { conflicting: r.conflicting, decided: r.decided, firstDecisionMs: r.firstDecisionMs, attemptsToDecide: r.attemptsToDecide },
          { conflicting: d.conflicting, decided: d.decided, firstDecisionMs: d.firstDecisionMs, attemptsToDecide: d.attemptsToDecide }, what);
        assert.deepEqual(r.log.decisions, d.decisions, what);
        assert.deepEqual(r.log.stores, d.stores, what);
        assert.deepEqual(consensusLog(r.trace), r.log, what);
      }
    }
  }
});

test("runPaxos: every store and execute record happens as a propose or execute message is delivered to that server", () => {
  for (let seed = 0; seed < 10; seed++) {
    const r = runPaxos({ seed, clients: 3, lossRate: 0.2, duplicateRate: 0.1 });
    const delivered = (type: string) => new Set(r.trace.messages()
      .filter((m) => m.fate === "delivered" && (m.payload as { type: string }).type === type).map((m) => `${m.to}@${m.deliverMs}`));
    const proposes = delivered("propose"), executes = delivered("execute");
    for (const s of r.trace.records("store")) assert.ok(proposes.has(`${s.node}@${s.t}`), `seed ${seed}: store at ${s.node} ${s.t}`);
    for (const e of r.trace.records("execute")) assert.ok(executes.has(`${e.node}@${e.t}`), `seed ${seed}: execute at ${e.node} ${e.t}`);
    assert.ok(r.trace.records("propose").every((p) => p.node.startsWith("u")) && r.trace.records("store").every((p) => p.node.startsWith("s")));
  }
});

test("runPaxos(options): a client that used all its attempts records give-up once and stops", () => {
  const r = runPaxos({ seed: 1, maxAttempts: 2, faults: [{ at: 0, crash: "s1" }, { at: 0, crash: "s2" }], untilMs: 2000 });
  assert.equal(r.decided, false);
  const gaveUp = r.trace.records("give-up");
  assert.deepEqual(gaveUp.map((g) => g.node).sort(), ["u1", "u2"]);
  for (const g of gaveUp) assert.deepEqual(g.detail, { attempts: 2 });
  for (const c of r.clients) assert.equal(r.log.attempts.filter((a) => a.client === c).length, 2);
  assert.ok(r.log.attempts.every((a) => typeof a.ticket === "number"));
  assert.ok(runNaiveTicket({ seed: 1 }).log.attempts.every((a) => a.ticket === null));
});

test("Paxos experiments validate their options up front, naming the experiment", () => {
  assert.throws(() => paxosRuns({ seed: 1, runs: 5, lossRate: 2 }), /paxosRuns: lossRate must be a number in \[0, 1\]; got 2/);
  assert.throws(() => paxosRuns({ seed: 1, runs: 5, nacks: "yes" } as never), /paxosRuns: nacks must be true or false/);
  assert.throws(() => paxosRuns({ seed: 1, runs: 5, timeout: 5 } as never), /paxosRuns options has an unknown option "timeout"/);
  assert.throws(() => paxosRuns({ seed: 1, runs: 5, faults: [{ at: 1, crash: "s9" }] }), /paxosRuns: faults\[0\]\.crash must be one of the known nodes/);
  assert.throws(() => paxosProgressByDown({ seed: 1, servers: 0 }), /paxosProgressByDown: servers must be an integer in \[1, 15\]/);
  assert.throws(() => duelingProposers({ seed: 1, backoffsMs: [0, -1] }), /duelingProposers: backoffsMs\[1\] must be a finite number in \[0, Infinity\)/);
  assert.throws(() => ticketConflictSweep({ seed: 1, startSpreadsMs: [] }), /ticketConflictSweep: startSpreadsMs must be a non-empty array/);
  assert.throws(() => ticketConflictSweep({ seed: 1, runs: 0 }), /ticketConflictSweep: runs must be an integer in \[1, 1000000\]/);
  assert.throws(() => runPaxos({ seed: 1, speeds: { x: 2 } }), /runPaxos: speeds key must be one of the known nodes/);
  assert.throws(() => runNaiveTicket({ seed: NaN }), /runNaiveTicket: seed must be a finite number or a string; got NaN/);
});

test("ticketConflictSweep(options) passes Paxos-only options to Paxos alone", () => {
  const rows = ticketConflictSweep({ seed: 1, runs: 5, startSpreadsMs: [0], nacks: true });
  assert.deepEqual(rows.map((r) => r.protocol), ["naive tickets", "Paxos"]);
  assert.equal(rows[1].p, 0);
});
