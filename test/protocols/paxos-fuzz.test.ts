import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { createRng } from "../../src/random/rng";
import { checkConsensusSafety, fuzzPaxos, randomFaultSchedule } from "../../src/properties/consensus";
import { paxosProgressByDown, paxosRuns } from "../../src/lessons/05-paxos-runs";
import { runPaxos } from "../../src/protocols/paxos";

// 10,000 random Paxos configurations and fault schedules take tens of seconds, so they live in
// `npm run fuzz -- --target paxos`; this test runs 1,000 fuzzPaxos schedules.
test("fuzzPaxos({ runs: 1000 }): no random fault schedule breaks safety", () => {
  const rows = fuzzPaxos({ seed: "test", runs: 1000 });
  const bad = rows.filter((r) => !r.safe);
  assert.equal(bad.length, 0, bad.slice(0, 3).map((r) => `${r.seed}: ${r.violation}`).join("\n"));
  assert.ok(rows.some((r) => r.decided) && rows.some((r) => !r.decided));
  assert.ok(rows.some((r) => r.faults > 3));
});

test("fuzzPaxos({ adopt: false }): the checker catches Paxos without adoption", () => {
  const rows = fuzzPaxos({ seed: "test", runs: 300, adopt: false });
  assert.ok(rows.some((r) => !r.safe));
});

test("runPaxos under random schedules is safe (fast-check property, seeds shrink on failure)", () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), (seed, clients, nacks) => {
    const names = [...Array.from({ length: clients }, (_, i) => `u${i + 1}`), "s1", "s2", "s3"];
    const faults = randomFaultSchedule(createRng(seed, "prop"), { nodes: names, horizonMs: 500 });
    const r = runPaxos({ seed, clients, nacks, faults, lossRate: 0.2, duplicateRate: 0.05, untilMs: 800, maxAttempts: 10 });
    const s = checkConsensusSafety(r.log, 3);
    return s.ok || fc.pre(false) || false;
  }), { numRuns: 200, seed: 42 });
});

/** Fault entries over `names` drawn by fast-check (so a failing schedule shrinks to a small one). */
function faultEntries(names: string[], horizonMs: number) {
  const at = fc.integer({ min: 0, max: horizonMs });
  const name = fc.constantFrom(...names);
  const link = fc.record({ from: name, to: name });
  const split = fc.shuffledSubarray(names, { minLength: 1, maxLength: names.length - 1 }).map((a) => [a, names.filter((n) => !a.includes(n))]);
  return fc.array(fc.oneof(
    fc.record({ at, crash: name }), fc.record({ at, recover: name, keepVolatile: fc.boolean() }),
    fc.record({ at, partition: split }), fc.record({ at, heal: fc.constant(true as const) }),
    fc.record({ at, hold: link }), fc.record({ at, release: link }),
  ), { maxLength: 8 });
}

test("runPaxos under fast-check fault schedules: agreement, executions of the decided command, result = trace records", () => {
  const config = fc.record({ clients: fc.integer({ min: 1, max: 3 }), servers: fc.constantFrom(3, 5) }).chain(({ clients, servers }) => {
    const names = [...Array.from({ length: clients }, (_, i) => `u${i + 1}`), ...Array.from({ length: servers }, (_, i) => `s${i + 1}`)];
    return fc.record({
      seed: fc.integer({ min: 0, max: 1_000_000 }), clients: fc.constant(clients), servers: fc.constant(servers),
      nacks: fc.boolean(), backoffMs: fc.constantFrom(0, 30), lossRate: fc.constantFrom(0, 0.1, 0.3), duplicateRate: fc.constantFrom(0, 0.1),
      faults: faultEntries(names, 400),
    });
  });
  fc.assert(fc.property(config, (cfg) => {
    const r = runPaxos({ ...cfg, untilMs: 700, maxAttempts: 10 });
    const s = checkConsensusSafety(r.log, cfg.servers);
    assert.ok(s.ok, s.violation ?? "");
    const executed = new Set(r.trace.records<{ command: string }>("execute").map((e) => e.detail.command));
    const decided = new Set(r.trace.records<{ command: string }>("decide").map((d) => d.detail.command));
    assert.ok(executed.size <= 1 && decided.size <= 1, `executed ${[...executed]}, decided ${[...decided]}`);
    for (const c of executed) assert.ok(decided.has(c), `executed ${c}, which no client decided`);
    assert.equal(r.decided, decided.size > 0);
    assert.deepEqual(Object.values(r.executed).filter((c) => c !== null).every((c) => executed.has(c!)), true);
  }), { numRuns: 200, seed: 7 });
});

test("randomFaultSchedule(rng, options) is deterministic and sorted by time", () => {
  const a = randomFaultSchedule(createRng(7), { nodes: ["u1", "s1", "s2"], maxFaults: 10 });
  const b = randomFaultSchedule(createRng(7), { nodes: ["u1", "s1", "s2"], maxFaults: 10 });
  assert.deepEqual(a, b);
  for (let i = 1; i < a.length; i++) assert.ok(a[i].at >= a[i - 1].at);
});

test("paxosRuns(options): randomized backoff cuts the attempts of dueling proposers", () => {
  const mean = (rows: { attempts: number | null }[]) => rows.reduce((s, r) => s + (r.attempts ?? 100), 0) / rows.length;
  const duel = paxosRuns({ seed: 42, runs: 150, clients: 3, nacks: true, backoffMs: 0 });
  const calm = paxosRuns({ seed: 42, runs: 150, clients: 3, nacks: true, backoffMs: 40 });
  assert.ok(duel.every((r) => r.safe) && calm.every((r) => r.safe));
  assert.ok(mean(calm) < mean(duel), `${mean(calm)} vs ${mean(duel)}`);
});

test("paxosProgressByDown(options): decides with fewer than half down, never with half or more", () => {
  const rows = paxosProgressByDown({ seed: 42, servers: 5, runs: 20 });
  for (const r of rows) {
    if (r.down <= 2) assert.equal(r.p, 1, `down ${r.down}`);
    else assert.equal(r.p, 0, `down ${r.down}`);
  }
});
