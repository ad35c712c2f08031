import { test } from "node:test";
import assert from "node:assert/strict";
import { shiftedDiff, staleDuplicate } from "../../src/lessons/01-one-client-one-server";
import { runClientServer } from "../../src/protocols/client-server";
import { diffTraces } from "../../src/sim/diff";

test("staleDuplicate names the command executed again after a later one", () => {
  assert.deepEqual(staleDuplicate([0, 1, 2, 1]), { command: 1, after: 2, position: 3 });
  assert.deepEqual(staleDuplicate([0, 1, 0, 2]), { command: 0, after: 1, position: 2 });
  assert.equal(staleDuplicate([0, 0, 1, 2]), null); // an immediate duplicate is not stale
  assert.equal(staleDuplicate([0, 1, 2]), null);
  assert.throws(() => staleDuplicate("0,1" as unknown as number[]), /staleDuplicate\(order\)/);
});

test("shiftedDiff finds the base run's events a timeout later in a fork that drops the first ACK", () => {
  const base = runClientServer({ seed: 42, protocol: "ack", lossRate: 0, commands: 3, delayMs: 10, timeoutMs: 50 });
  const ack = base.trace.messages().find((m) => m.label.startsWith("ack"))!;
  const fork = base.fork({ dropMessage: ack.id });
  const diff = diffTraces(base.trace, fork.trace);
  const s = shiftedDiff(diff);
  assert.equal(s.shiftMs, 50);
  assert.equal(s.shifted, diff.onlyInA.length);
  assert.equal(s.missing.length, 0);
  assert.equal(s.added.length, diff.onlyInB.length - diff.onlyInA.length);
  assert.deepEqual(s.added.map((r) => r.kind).slice(0, 2), ["drop", "timer"]);
  assert.deepEqual(shiftedDiff(diffTraces(base.trace, base.trace)), { shiftMs: 0, shifted: 0, missing: [], added: [] });
});
