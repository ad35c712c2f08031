import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "path";
import fc from "fast-check";
import * as lib from "../../src";
import { REPO } from "./repo";

// The same targets as `npm run fuzz` (10,000 cases each there), with fewer cases here.
const { fuzzTargets } = require(path.join(REPO, "scripts", "fuzz", "properties.cjs"));
const RUNS: Record<string, number> = { engine: 60, "two-phase": 60 };

for (const target of fuzzTargets(lib, fc)) {
  const numRuns = RUNS[target.name] ?? 150;
  test(`fuzz ${target.name}: ${numRuns} random fault configurations keep every invariant (npm run fuzz runs 10,000)`, () => {
    fc.assert(fc.property(target.arbitrary, (cfg: unknown) => target.check(cfg)), { numRuns, seed: 7 });
  });
}

test("fuzz harness: the paxos target catches Paxos without adoption (a known unsafe variant)", () => {
  const paxos = fuzzTargets({ ...lib, runPaxos: (o: lib.PaxosOptions) => lib.runPaxos({ ...o, adopt: false } as lib.PaxosOptions) }, fc)
    .find((t: { name: string }) => t.name === "paxos");
  const out = fc.check(fc.property(paxos.arbitrary, (cfg: unknown) => paxos.check(cfg)), { numRuns: 3000, seed: 1 });
  assert.ok(out.failed, "3,000 schedules found no violation in Paxos without adoption");
  assert.match(String((out.errorInstance as Error)?.message), /Paxos agreement broken/);
});

test("fuzz harness: the multi-paxos target catches a new leader that ignores stored commands (a known unsafe rule)", () => {
  const target = fuzzTargets({ ...lib, runMultiPaxos: (o: lib.MultiPaxosOptions) => lib.runMultiPaxos({ ...o, chooseStored: () => lib.NO_OP }) }, fc)
    .find((t: { name: string }) => t.name === "multi-paxos");
  const out = fc.check(fc.property(target.arbitrary, (cfg: unknown) => target.check(cfg)), { numRuns: 2000, seed: 1 });
  assert.ok(out.failed, "2,000 schedules found no violation with a leader that ignores stored commands");
  assert.match(String((out.errorInstance as Error)?.message), /diverge|agreement broken/);
});

test("fuzz harness: checkEngineInvariants rejects a trace whose crashed node still sends", () => {
  const { checkEngineInvariants } = require(path.join(REPO, "scripts", "fuzz", "properties.cjs"));
  const w = lib.createWorld({ seed: 1, nodes: ["A", "B"], handlers: { A: { init: (ctx) => { ctx.send("B", "x"); } } } });
  const trace = w.run();
  const rows = trace.rows();
  const fake = { ...trace, rows: () => [{ ...rows[0], kind: "crash", node: "A" }, ...rows.map((r) => ({ ...r, seq: r.seq + 1 }))],
    messages: () => trace.messages(), summary: () => trace.summary() };
  assert.throws(() => checkEngineInvariants(fake), /crashed node A is not silent/);
});
