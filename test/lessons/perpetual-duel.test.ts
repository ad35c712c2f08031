import { test } from "node:test";
import assert from "node:assert/strict";
import { checkConsensusSafety } from "../../src/properties/consensus";
import { consensusLog } from "../../src/protocols/ticket-records";
import { perpetualDuel, perpetualDuelRuns } from "../../src/lessons/05-perpetual-duel";

test("perpetualDuel: with constant delays and no backoff the duel never decides and its attempts grow with the horizon; random backoff ends it", () => {
  const short = perpetualDuel({ seed: 1, untilMs: 100 }), long = perpetualDuel({ seed: 2, untilMs: 200 });
  assert.equal(short.decided || long.decided, false);
  assert.ok(long.attempts > 1.8 * short.attempts);
  assert.equal(perpetualDuel({ seed: 3, untilMs: 100 }).trace.hash(), short.trace.hash()); // nothing random: the seed does not matter
  const rows = perpetualDuelRuns({ seed: "t", runs: 20, backoffMs: 10, untilMs: 100 });
  assert.ok(rows.every((r) => r.decided && r.attempts >= 2));
  const duel = perpetualDuel({ seed: 1, untilMs: 100 });
  assert.ok(checkConsensusSafety(consensusLog(duel.trace), 3).ok); // a duel stalls, it never breaks safety
});
