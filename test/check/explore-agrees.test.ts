import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { checkModel } from "../../src/check/check-model";
import { explore, type ExploreOptions, type ExploreResult } from "../../src/check/explore";
import { exploreScoreRace } from "../../src/lessons/02-two-clients-score-race";
import { applyScoreOp } from "../../src/protocols/score-race";

// The score race as a plain model for checkModel: the commands in flight by name ("client.index"),
// each delivery applies its operation to the score.
interface Race { score: number; inFlight: string[] }
function raceModel(clients: string[][]) {
  const op = new Map<string, string>(clients.flatMap((list, c) => list.map((o, i): [string, string] => [`${c}.${i}`, o])));
  return {
    init: { score: 0, inFlight: [...op.keys()] } as Race,
    actions: (s: Race) => s.inFlight,
    next: (s: Race, m: string): Race => ({ score: applyScoreOp(s.score, op.get(m) as string), inFlight: s.inFlight.filter((x) => x !== m) }),
  };
}

/** checkModel's verdict on "the outcomes where a schedule can end are exactly `labels`". */
function checkOutcomes(clients: string[][], allowLoss: boolean, labels: readonly string[]) {
  const ends = (s: Race) => s.inFlight.length === 0 || allowLoss; // with loss, any state can end a schedule
  return checkModel({
    ...raceModel(clients), progress: false,
    properties: [
      { name: "only these outcomes", always: (s) => !ends(s) || labels.includes(String(s.score)) },
      ...labels.map((o) => ({ name: `reaches ${o}`, sometimes: (s: Race) => ends(s) && String(s.score) === o })),
    ],
  });
}

test("explore and checkModel agree on the score race's reachable outcomes", () => {
  for (const clients of [[["+10"], ["*5"]], [["+10", "+10"], ["*5"]], [["+10"], ["*5"], ["-3"]]]) {
    for (const allowLoss of [false, true]) {
      const labels = exploreScoreRace({ clients, allowLoss }).outcomes.map((o) => o.outcome);
      const r = checkOutcomes(clients, allowLoss, labels);
      assert.equal(r.verdict, "holds", `${JSON.stringify(clients)} allowLoss ${allowLoss}`);
      assert.ok(r.properties.every((p) => p.status === "holds"));
      // The check can fail: leaving out any outcome explore found breaks "only these outcomes".
      for (const left of labels) {
        const fewer = checkOutcomes(clients, allowLoss, labels.filter((o) => o !== left));
        assert.equal(fewer.properties[0].status, "violated", `without ${left}`);
      }
    }
  }
});

/** The definition, walked schedule by schedule: every delivery order (and with allowLoss every prefix). */
function walk<S, M>(o: ExploreOptions<S, M>): ExploreResult<M> {
  const found = new Map<string, { schedules: number; example: M[]; lost: M[] }>();
  const path: M[] = [];
  const go = (s: S): void => {
    const msgs = o.pending(s);
    if (msgs.length === 0 || o.allowLoss === true) {
      const end = msgs.length === 0 || o.lose === undefined ? s : msgs.reduce(o.lose, s);
      const t = found.get(o.outcome(end));
      if (t === undefined) found.set(o.outcome(end), { schedules: 1, example: path.slice(), lost: msgs.slice() });
      else t.schedules++;
    }
    for (const m of msgs) { path.push(m); go(o.deliver(s, m)); path.pop(); }
  };
  go(o.initial);
  const outcomes = [...found].map(([outcome, t]) => ({ outcome, ...t })).sort((a, b) => (a.outcome < b.outcome ? -1 : a.outcome > b.outcome ? 1 : 0));
  return { outcomes, totalSchedules: outcomes.reduce((n, x) => n + x.schedules, 0) };
}

// Random scenarios: messages (values may repeat) folded into a value by one of three rules, one of
// which sends a new message; states converge or not depending on the rule.
interface Acc { v: number; log: number[]; inFlight: { i: number; x: number }[] }
test("explore's fold over the state graph gives the counts and examples of walking every schedule", () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 5 }), fc.boolean(), fc.boolean(), fc.constantFrom(0, 1, 2), fc.boolean(),
    (xs, allowLoss, withLose, rule, byLog) => {
      const o: ExploreOptions<Acc, { i: number; x: number }> = {
        initial: { v: 0, log: [], inFlight: xs.map((x, i) => ({ i, x })) },
        allowLoss,
        pending: (s) => s.inFlight,
        deliver: (s, m) => ({
          v: rule === 0 ? s.v + m.x : rule === 1 ? 2 * s.v + m.x : Math.max(s.v, m.x), log: [...s.log, m.x],
          inFlight: [...s.inFlight.filter((y) => y !== m), ...(rule === 2 && m.x === 3 && s.log.length < 2 ? [{ i: 10 + s.log.length, x: 0 }] : [])],
        }),
        outcome: (s) => (byLog ? `${s.log.join(",")}=${s.v}` : String(s.v)),
        ...(withLose ? { lose: (s: Acc, m: { i: number; x: number }) => ({ ...s, v: s.v - 1, inFlight: s.inFlight.filter((y) => y !== m) }) } : {}),
      };
      assert.deepEqual(explore(o), walk(o));
    }), { seed: 42, numRuns: 300 });
});
