import { test } from "node:test";
import assert from "node:assert/strict";
import { explore } from "../../src/check/explore";

// Two clients race to update a score held by one server: one sends "+10", the other "*5".
interface Race { score: number; inFlight: string[] }
const race = {
  initial: { score: 0, inFlight: ["+10", "*5"] } as Race,
  pending: (s: Race) => s.inFlight,
  deliver: (s: Race, m: string): Race => ({
    score: m === "+10" ? s.score + 10 : s.score * 5,
    inFlight: s.inFlight.filter((x) => x !== m),
  }),
  outcome: (s: Race) => String(s.score),
};

test("explore(race) finds 50 and 10, one schedule each", () => {
  const r = explore(race);
  assert.equal(r.totalSchedules, 2);
  assert.deepEqual(r.outcomes, [
    { outcome: "10", schedules: 1, example: ["*5", "+10"], lost: [] },
    { outcome: "50", schedules: 1, example: ["+10", "*5"], lost: [] },
  ]);
});

test("explore(race with allowLoss) also finds only +10, only *5 and neither", () => {
  const r = explore({ ...race, allowLoss: true });
  // Both delivered: 50 (+10 first) or 10 (*5 first); only +10: 10; only *5: 0; neither: 0.
  assert.equal(r.totalSchedules, 5);
  assert.deepEqual(r.outcomes.map((o) => [o.outcome, o.schedules]), [["0", 2], ["10", 2], ["50", 1]]);
  assert.deepEqual(r.outcomes[0], { outcome: "0", schedules: 2, example: [], lost: ["+10", "*5"] });
  assert.deepEqual(r.outcomes[1], { outcome: "10", schedules: 2, example: ["+10"], lost: ["*5"] });
});

test("explore({ lose }) applies lose to each message still in flight", () => {
  const r = explore({ ...race, allowLoss: true, lose: (s: Race, m: string) => ({ ...s, score: s.score - 1, inFlight: s.inFlight.filter((x) => x !== m) }) });
  assert.deepEqual(r.outcomes.map((o) => [o.outcome, o.schedules]), [["-1", 1], ["-2", 1], ["10", 1], ["50", 1], ["9", 1]]);
});

// Three distinct messages that each append their name: every order is its own outcome.
interface Log { log: string; inFlight: string[] }
const three = {
  initial: { log: "", inFlight: ["a", "b", "c"] } as Log,
  pending: (s: Log) => s.inFlight,
  deliver: (s: Log, m: string): Log => ({ log: s.log + m, inFlight: s.inFlight.filter((x) => x !== m) }),
  outcome: (s: Log) => s.log,
};

test("explore(three messages) enumerates all 3! = 6 orders", () => {
  const r = explore(three);
  assert.equal(r.totalSchedules, 6);
  assert.deepEqual(r.outcomes.map((o) => o.outcome), ["abc", "acb", "bac", "bca", "cab", "cba"]);
  assert.ok(r.outcomes.every((o) => o.schedules === 1 && o.example.join("") === o.outcome));
});

test("explore(three messages, allowLoss) counts every partial order: 1 + 3 + 6 + 6 = 16", () => {
  assert.equal(explore({ ...three, allowLoss: true }).totalSchedules, 16);
});

// Commutative increments: all n! orders reach the same state, so a key merges them.
interface Sum { total: number; inFlight: number[] }
const sums = (n: number) => ({
  initial: { total: 0, inFlight: Array.from({ length: n }, (_, i) => i + 1) } as Sum,
  pending: (s: Sum) => s.inFlight,
  deliver: (s: Sum, m: number): Sum => ({ total: s.total + m, inFlight: s.inFlight.filter((x) => x !== m) }),
  outcome: (s: Sum) => String(s.total),
});

test("explore({ key }) gives the same counts and examples as the full walk", () => {
  for (const allowLoss of [false, true]) {
    const plain = explore({ ...sums(5), allowLoss });
    const keyed = explore({ ...sums(5), allowLoss, key: (s: Sum) => s.inFlight.join(",") });
    assert.deepEqual(keyed, plain);
  }
  const race2 = explore({ ...race, allowLoss: true, key: (s: Race) => JSON.stringify(s) });
  assert.deepEqual(race2, explore({ ...race, allowLoss: true }));
});

test("explore({ key }) counts 10! = 3628800 orders without walking them", () => {
  const r = explore({ ...sums(10), key: (s: Sum) => s.inFlight.join(","), maxSchedules: 5_000_000 });
  assert.deepEqual(r.outcomes.map((o) => [o.outcome, o.schedules]), [["55", 3628800]]);
});

test("explore throws naming maxSchedules and the count reached", () => {
  // The counts are folded state by state: after one of the 6 deliveries, 5! = 120 schedules remain.
  assert.throws(() => explore({ ...sums(6), maxSchedules: 100 }), /more than maxSchedules = 100 schedules \(reached 120\)/);
  assert.throws(() => explore({ ...sums(10), key: (s: Sum) => s.inFlight.join(",") }), /more than maxSchedules = 1000000/);
});

test("explore rejects a deliver that modifies its state", () => {
  const bad = { ...race, deliver: (s: Race, m: string) => { s.inFlight = s.inFlight.filter((x) => x !== m); return s; } };
  assert.throws(() => explore(bad), /deliver\(state, message\) modified the state/);
});

test("explore(options) validates its functions and options", () => {
  assert.throws(() => explore({ ...race, pending: 3 } as never), /pending must be a function/);
  assert.throws(() => explore({ ...race, maxSchedules: 0 }), /maxSchedules must be an integer/);
  assert.throws(() => explore({ ...race, alowLoss: true } as never), /unknown option "alowLoss"/);
});

test("explore refuses schedules that never end, and a deliver that returns nothing", () => {
  // A message that is sent again on every delivery: the state comes back, a loop of schedules.
  const loop = { initial: { inFlight: ["ping"] }, pending: (s: { inFlight: string[] }) => s.inFlight, deliver: () => ({ inFlight: ["ping"] }), outcome: () => "x" };
  assert.throws(() => explore(loop), /schedule length must be at most 10000 deliveries \(a delivery leads back/);
  // A counter that grows on every delivery: no state repeats, the schedule is cut at 10,000 deliveries.
  const grow = { initial: { n: 0 }, pending: () => ["tick"], deliver: (s: { n: number }) => ({ n: s.n + 1 }), outcome: () => "x" };
  assert.throws(() => explore(grow), /schedule length must be at most 10000 deliveries \(does every delivery send another message/);
  assert.throws(() => explore({ ...race, initial: { score: 0, inFlight: ["+10"] }, deliver: () => undefined as unknown as Race }), /deliver\(state, "\+10"\) must be a new state; got undefined/);
});
