import { test } from "node:test";
import assert from "node:assert/strict";
import { NO_OP } from "../../src/protocols/multi-paxos-records";
import { largestTStore } from "../../src/protocols/multi-paxos-options";
import { findLeaderCrashRun, forkRows } from "../../src/lessons/06-replicated-log";
import { nb06Exercise1, nb06Exercise2, nb06Exercise3 } from "../../src/lessons/checks/nb06";

test("findLeaderCrashRun(options): the new leader fills a gap with a no-op, and every server applies it in that slot", () => {
  const { result: r } = findLeaderCrashRun({ seed: 42 });
  assert.ok(r.log.noOps.length > 0 && r.agreement.ok);
  for (const slot of r.log.noOps) for (const s of ["s2", "s3"]) assert.equal(r.log.slots[s][slot], NO_OP);
  assert.equal(r.committed, r.issued);
});

test("forkRows(options) sits on its closed form 1 - exp(-d / T)", () => {
  for (const r of forkRows({ seed: 42, trials: 20_000, intervalsOverDelay: [0.5, 2, 10] })) {
    assert.ok(Math.abs(r.p - r.closedForm) < 0.015, JSON.stringify(r));
  }
});

test("nb06 self-checks accept a right answer and refuse a wrong one", () => {
  assert.equal(nb06Exercise1(1000 * 6 / 20).correct, true);
  assert.equal(nb06Exercise1(1000 / 10).correct, false);
  const onArrival = { onMessage(ctx: any, m: any) { (ctx.persistent.applied ??= []).push(m.payload.c); } };
  const inOrder = { onMessage(ctx: any, m: any) {
    const p = ctx.persistent; p.applied ??= []; p.got ??= {}; p.got[m.payload.slot] = m.payload.c;
    while (p.got[p.applied.length] !== undefined) p.applied.push(p.got[p.applied.length]);
  } };
  assert.equal(nb06Exercise2(onArrival).correct, false);
  assert.equal(nb06Exercise2({}).correct, false);
  assert.equal(nb06Exercise2(inOrder).correct, true);
  assert.equal(nb06Exercise3((s: { c: string }[]) => s[0].c).correct, false);
  assert.equal(nb06Exercise3(largestTStore).correct, true);
  assert.doesNotMatch(String(nb06Exercise1(1)), /300/);
});
