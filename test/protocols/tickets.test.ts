import { test } from "node:test";
import assert from "node:assert/strict";
import { checkConsensusSafety } from "../../src/properties/consensus";
import { findConflictingNaiveTicketRun, naiveTicketConflicts, runNaiveTicket } from "../../src/protocols/naive-ticket";
import { runPaxos } from "../../src/protocols/paxos";

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
