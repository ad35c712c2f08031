import { test } from "node:test";
import assert from "node:assert/strict";
import { widestExecutionGap } from "../../src/lessons/04-two-phase-protocol";
import { runTwoPhase } from "../../src/protocols/two-phase";
import { exponential } from "../../src/random/distributions";

const options = { clients: 2, servers: 3, commandsPerClient: 1000, delayMs: exponential(5), backoffMs: 20, lockTimeoutMs: 30, untilMs: 600,
  faults: [{ at: 150, crash: "s3" }, { at: 450, recover: "s3" }] };

test("widestExecutionGap finds the command caught in phase 2 by a crash, executed on the crashed server only after its recovery", () => {
  const g = widestExecutionGap(runTwoPhase({ ...options, seed: "42/run/0" }).trace)!;
  assert.equal(g.id, "c3");
  assert.equal(g.lastServer, "s3");
  assert.ok(g.firstMs > 150 && g.firstMs < 450 && g.lastMs >= 450, JSON.stringify(g));
  assert.equal(g.gapMs, g.lastMs - g.firstMs);
  const calm = widestExecutionGap(runTwoPhase({ seed: 1, clients: 2, servers: 3, delayMs: 5 }).trace)!;
  assert.ok(calm.gapMs < 20, JSON.stringify(calm)); // without a crash only message delays separate the executions
});
