import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { Kernel } from "../../src/sim/kernel";

test("kernel.run() runs equal-time events in insertion order", () => {
  const k = new Kernel();
  const seen: number[] = [];
  const h = k.register((arg) => seen.push(arg));
  for (let i = 0; i < 50; i++) k.at(i % 3 === 0 ? 5 : 2, h, i);
  assert.equal(k.run(), "quiescent");
  const twos = seen.slice(0, seen.length - 17), fives = seen.slice(seen.length - 17);
  assert.deepEqual(twos, [...twos].sort((a, b) => a - b));
  assert.deepEqual(fives, [...fives].sort((a, b) => a - b));
  assert.ok(fives.every((x) => x % 3 === 0));
});

test("kernel.run() never moves the clock backwards (property)", () => {
  fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 200 }), (times) => {
    const k = new Kernel();
    let last = -1, ok = true;
    const h = k.register((arg) => {
      if (k.now < last) ok = false;
      last = k.now;
      if (arg < 3) k.after(times[arg % times.length] / 10, h, arg + 1); // events scheduling events
    });
    for (const t of times) k.at(t, h, 0);
    k.run();
    return ok && k.pending === 0;
  }));
});

test("kernel.cancel(id) removes a pending event once", () => {
  const k = new Kernel();
  const seen: number[] = [];
  const h = k.register((a) => seen.push(a));
  const ids = [1, 2, 3].map((x) => k.at(x, h, x));
  assert.equal(k.cancel(ids[1]), true);
  assert.equal(k.cancel(ids[1]), false);
  assert.equal(k.pending, 2);
  k.run();
  assert.deepEqual(seen, [1, 3]);
  assert.equal(k.cancel(ids[0]), false); // already ran; its slot may be reused
  const again = k.at(10, h, 10);
  assert.equal(k.cancel(ids[0]), false);
  assert.equal(k.cancel(again), true);
});

test("kernel.run({ untilMs, maxEvents }) stops at a time or a count", () => {
  const k = new Kernel();
  let n = 0;
  const h = k.register(() => { n++; k.after(1, h); });
  k.at(0, h);
  assert.equal(k.run({ untilMs: 10 }), "until");
  assert.equal(n, 11); // events at 0..10 inclusive
  assert.equal(k.now, 10);
  assert.equal(k.run({ maxEvents: 5 }), "maxEvents");
  assert.equal(n, 16);
});

test("kernel.run() throws a clear error past the hard maxEvents limit", () => {
  const k = new Kernel({ maxEvents: 1000 });
  const h = k.register(() => { k.after(1, h); });
  k.at(0, h);
  assert.throws(() => k.run(), /exceeded its limit of maxEvents = 1000 events/);
});

test("kernel.at(time) rejects the past, NaN and Infinity", () => {
  const k = new Kernel();
  const h = k.register(() => {});
  k.at(5, h);
  k.run();
  assert.throws(() => k.at(4, h), /timeMs must be a finite time >= now \(5 ms\).*got 4/);
  assert.throws(() => k.after(NaN, h), /delayMs must be .*got NaN/);
  assert.throws(() => k.at(Infinity, h), /got Infinity/);
  assert.throws(() => k.run({ untilMs: -1 }), /untilMs must be/);
  assert.throws(() => new Kernel({ maxEvents: 0 }), /maxEvents must be an integer/);
});

test("kernel.schedule(delay, fn) runs closures in order", () => {
  const k = new Kernel();
  const out: string[] = [];
  k.schedule(2, () => out.push("b"));
  k.schedule(1, () => out.push("a"));
  const c = k.schedule(3, () => out.push("c"));
  k.cancel(c);
  k.run();
  assert.deepEqual(out, ["a", "b"]);
});

// A reference queue: events sorted by (time, order of scheduling), cancelled ones skipped.
test("kernel.run() runs events in (time, scheduling order), whatever handlers schedule or cancel (model-based property)", () => {
  // Each event, when run, schedules the delays listed for it (0 = same time) and may cancel an
  // earlier pending event; a few handlers throw, and the run is resumed.
  const plan = fc.array(fc.record({
    delays: fc.array(fc.constantFrom(0, 0, 1, 2.5, 7), { maxLength: 3 }),
    cancel: fc.option(fc.nat(40), { nil: undefined }),
    throws: fc.boolean(),
  }), { minLength: 1, maxLength: 60 });
  fc.assert(fc.property(plan, fc.array(fc.constantFrom(0, 1, 3), { minLength: 1, maxLength: 8 }), (steps, initial) => {
    const k = new Kernel();
    const ran: number[] = [];
    const ids: number[] = []; // kernel id by event number
    const model: { t: number; n: number; live: boolean }[] = [];
    const cancelled = new Set<number>();
    let h = -1;
    const schedule = (t: number) => {
      const n = model.length;
      model.push({ t, n, live: true });
      ids.push(k.at(t, h, n));
    };
    h = k.register((n) => {
      ran.push(n);
      const step = steps[n % steps.length];
      if (ran.length < 200) for (const d of step.delays) schedule(k.now + d);
      if (step.cancel !== undefined && step.cancel < model.length) {
        const target = model[step.cancel];
        const pendingNow = target.live && !ran.includes(target.n);
        assert.equal(k.cancel(ids[step.cancel]), pendingNow);
        if (pendingNow) cancelled.add(target.n);
        target.live = false;
      }
      if (step.throws) throw new Error("handler failed");
    });
    for (const t of initial) schedule(t);
    for (let guard = 0; guard < 1000; guard++) {
      try { if (k.run() === "quiescent") break; } catch (e) { assert.equal((e as Error).message, "handler failed"); }
    }
    // Every event not cancelled before its time ran, exactly once, in (time, scheduling) order.
    const byOrder = (a: number, b: number) => model[a].t - model[b].t || a - b;
    assert.deepEqual(ran, [...ran].sort(byOrder));
    assert.equal(new Set(ran).size, ran.length);
    for (const e of model) if (e.live) assert.ok(ran.includes(e.n), `event ${e.n} never ran`);
    for (const n of cancelled) assert.ok(!ran.includes(n), `cancelled event ${n} ran`);
    assert.equal(k.pending, 0);
  }), { seed: 7, numRuns: 300 });
});
