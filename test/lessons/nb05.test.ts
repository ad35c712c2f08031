import { test } from "node:test";
import assert from "node:assert/strict";
import {
  nb05CheckBreakMajority, nb05CheckHalfDownPrediction, nb05Exercise1, nb05Exercise2, nb05Exercise3,
} from "../../src/lessons/checks/nb05";
import { fuzzPaxos } from "../../src/properties/consensus";
import { paxosProgressByDown } from "../../src/lessons/05-paxos-runs";
import { quorumAvailability } from "../../src/lessons/05-majority-and-paxos";

test("nb05Exercise1..3 accept the simulated answers, reject wrong ones and say 'not answered yet' to an unset one", () => {
  const majority7 = quorumAvailability({ seed: "test", servers: [7], downProbabilities: [0.2], trials: 100_000 }).find((r) => r.rule === "majority")!.simulated;
  assert.equal(nb05Exercise1(majority7).correct, true);
  assert.match(String(nb05Exercise1(0.8 ** 7)), /too low/);
  assert.equal(nb05Exercise2(5).correct, true);
  assert.match(String(nb05Exercise2(4)), /too low/);
  const rows = fuzzPaxos({ seed: "test", runs: 40, adopt: false });
  const three = rows.filter((r) => r.clients === 3);
  assert.ok(three.length > 0 && three.length < 40);
  const share = three.filter((r) => !r.safe).length / three.length;
  assert.ok(share > 0);
  assert.equal(nb05Exercise3(share, "test", 40).correct, true);
  assert.equal(nb05Exercise3(share + 0.2, "test", 40).correct, false);
  // Dividing by every run, not by the runs with three clients, is too low; one client is never unsafe.
  assert.match(String(nb05Exercise3(three.filter((r) => !r.safe).length / 40, "test", 40)), /too low/);
  assert.ok(rows.filter((r) => r.clients === 1).every((r) => r.safe));
  for (const v of [nb05Exercise1(undefined), nb05Exercise2(undefined), nb05Exercise3(undefined)]) {
    assert.equal(v.correct, false);
    assert.match(String(v), /not answered yet: write your answer in the cell above/);
  }
});

test("nb05CheckHalfDownPrediction(prediction): Paxos on 4 servers with 2 down never decides (the progress sweep agrees)", () => {
  const halfDown = paxosProgressByDown({ seed: "test", servers: 4, runs: 5, untilMs: 2000 }).find((r) => r.down === 2)!;
  assert.equal(halfDown.decided, 0);
  assert.equal(nb05CheckHalfDownPrediction("never").correct, true);
  for (const wrong of ["always", "sometimes"]) assert.match(String(nb05CheckHalfDownPrediction(wrong)), /the run above says otherwise/);
  assert.match(String(nb05CheckHalfDownPrediction(undefined)), /not answered yet: write your prediction/);
});

test("nb05CheckBreakMajority(p) accepts servers that are mostly down and rejects the notebook's p = 0.1", () => {
  assert.equal(nb05CheckBreakMajority(0.7).correct, true, String(nb05CheckBreakMajority(0.7)));
  const holds = nb05CheckBreakMajority(0.1);
  assert.equal(holds.correct, false);
  assert.match(String(holds), /What must be true of a single server/);
  // At p = 1/2 the two are equal (0.5 each): never clearly below.
  assert.equal(nb05CheckBreakMajority(0.5).correct, false);
  assert.match(String(nb05CheckBreakMajority(2)), /does not run: .*must be a number in \[0, 1\]/);
  assert.match(String(nb05CheckBreakMajority(undefined)), /not answered yet: write your answer/);
});
