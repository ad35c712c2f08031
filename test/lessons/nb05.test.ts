import { test } from "node:test";
import assert from "node:assert/strict";
import {
  nb05CheckBreakMajority, nb05CheckHalfDownPrediction, nb05Exercise1, nb05Exercise2, nb05Exercise3,
} from "../../src/lessons/checks/nb05";
import { fuzzPaxos } from "../../src/properties/consensus";
import { paxosProgressByDown } from "../../src/lessons/05-paxos-runs";
import { quorumAvailability } from "../../src/lessons/05-majority-and-paxos";
import { ladderFindings } from "../../src/lessons/05-ladder";
import { protocolLadder, type LadderRateRow } from "../../src/properties/ladder";

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

test("ladderFindings(rows) says what broke where, from the counts of the rows, and which rungs never terminated", () => {
  const row = (protocol: string, property: string, count: number) => ({ protocol, property, broken: count / 40, count, n: 40, lo: 0, hi: 1 }) as LadderRateRow;
  const rates = [row("a", "lost command", 3), row("a", "non-termination", 1), row("b", "lost command", 0), row("b", "non-termination", 0)];
  assert.deepEqual(ladderFindings(rates), [
    "a: lost command in 3 of 40, non-termination in 1 of 40",
    "b: no property broke in any of the 40 replays",
    "non-termination (still waiting, and still waiting when the replay runs without its crashes): a in 1 of 40 replays",
  ]);
  // One replay (rows of protocolLadder, broken 0 or 1): the properties are named without counts.
  const one = protocolLadder({ seed: "ladder-5" });
  const lines = ladderFindings(one);
  assert.equal(lines.length, new Set(one.map((r) => r.protocol)).size + 1);
  for (const r of one) if (r.broken === 1) assert.ok(lines.some((l) => l.startsWith(`${r.protocol}: `) && l.includes(r.property)), `${r.protocol} ${r.property}`);
  assert.ok(lines.includes("multi-Paxos: no property broke") === one.filter((r) => r.protocol === "multi-Paxos").every((r) => r.broken === 0));
  assert.throws(() => ladderFindings([]), /ladderFindings\(rows\): rows must be the rows of protocolLadder or ladderRates; got \[\]/);
});
