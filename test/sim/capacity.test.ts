// The kernel and the trace start with tiny arrays (cheap worlds for Monte Carlo) and grow; streams
// other than loss and delay are seeded on first use. Neither may change what a simulation does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createWorld } from "../../src/sim/world";
import { Kernel } from "../../src/sim/kernel";
import { createRng } from "../../src/random/rng";
import { exponential } from "../../src/random/distributions";

test("kernel grows from its small initial arrays: 5,000 pending events with cancellations run in (time, seq) order", () => {
  const k = new Kernel();
  const rng = createRng(9, "growth");
  const seen: number[] = [];
  const h = k.register((arg) => seen.push(arg));
  const times: number[] = [];
  const ids: number[] = [];
  for (let i = 0; i < 5000; i++) {
    times.push(Math.floor(rng.next() * 100)); // many equal times: ties must keep insertion order
    ids.push(k.at(times[i], h, i));
  }
  for (let i = 0; i < 5000; i += 7) assert.equal(k.cancel(ids[i]), true);
  assert.equal(k.pending, 5000 - Math.ceil(5000 / 7));
  k.run();
  const want = times.map((t, i) => ({ t, i })).filter(({ i }) => i % 7 !== 0)
    .sort((a, b) => a.t - b.t || a.i - b.i).map(({ i }) => i);
  assert.deepEqual(seen, want);
});

test("ctx.rng and the duplicate stream draw the same numbers whenever they are first used", () => {
  const draws: number[] = [];
  const world = createWorld({ seed: "lazy", nodes: ["A", "B"], network: { delayMs: exponential(5), duplicateRate: 0.5 }, handlers: {
    A: {
      init(ctx) { ctx.setTimer(3, "late"); },
      onTimer(ctx) { draws.push(ctx.rng.next(), ctx.rng.next()); for (let i = 0; i < 20; i++) ctx.send("B", "m"); },
    },
    B: {},
  } });
  const trace = world.run();
  const reference = createRng("lazy", "node:A");
  assert.deepEqual(draws, [reference.next(), reference.next()]);
  // The same world again gives the same trace, and duplication did happen (the lazy stream was used).
  const again = createWorld({ seed: "lazy", nodes: ["A", "B"], network: { delayMs: exponential(5), duplicateRate: 0.5 }, handlers: {
    A: { init(ctx) { ctx.setTimer(3, "late"); }, onTimer(ctx) { ctx.rng.next(); ctx.rng.next(); for (let i = 0; i < 20; i++) ctx.send("B", "m"); } },
    B: {},
  } });
  assert.equal(again.run().hash(), trace.hash());
  assert.ok(trace.summary().duplicated > 0);
});
