import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { createRng, deriveSeed } from "../../src/random/rng";

const draws = (rng: { next(): number }, n: number) => Array.from({ length: n }, () => rng.next());

test("createRng(seed) gives the same sequence for the same seed", () => {
  assert.deepEqual(draws(createRng(42), 20), draws(createRng(42), 20));
  assert.deepEqual(draws(createRng(42), 5), draws(createRng("42"), 5));
  assert.notDeepEqual(draws(createRng(42), 5), draws(createRng(43), 5));
});

test("createRng(seed, stream) streams are independent of draws on other streams", () => {
  const a1 = createRng(7, "network");
  const b1 = createRng(7, "crashes");
  const first = draws(b1, 10);
  const a2 = createRng(7, "network");
  draws(a2, 1000); // extra draws on another stream
  const b2 = createRng(7, "crashes");
  assert.deepEqual(draws(b2, 10), first);
  assert.notDeepEqual(draws(a1, 10), first);
});

test("rng.fork(stream) equals createRng(seed, stream) and ignores the parent's draws", () => {
  const parent = createRng(3);
  const f1 = draws(parent.fork("x"), 5);
  draws(parent, 100);
  assert.deepEqual(draws(parent.fork("x"), 5), f1);
  assert.deepEqual(draws(createRng(3, "x"), 5), f1);
  assert.notDeepEqual(draws(createRng(3, "x").fork("y"), 5), f1);
});

test("rng.next() is in [0, 1) and rng.int(n) in [0, n)", () => {
  const rng = createRng("range");
  const counts = new Array(6).fill(0);
  for (let i = 0; i < 60000; i++) {
    const u = rng.next();
    assert.ok(u >= 0 && u < 1);
    counts[rng.int(6)]++;
  }
  // each count ~ Binomial(60000, 1/6): sd ~ 91; allow 5 sd
  for (const c of counts) assert.ok(Math.abs(c - 10000) < 460, `count ${c}`);
  assert.throws(() => rng.int(0), /n must be an integer/);
  assert.throws(() => rng.int(2.5), /got 2.5/);
});

test("deriveSeed(seed, ...path) is readable and distinct per path", () => {
  assert.equal(deriveSeed(42, "run", 17), "42/run/17");
  assert.notEqual(deriveSeed(42, "run", 1), deriveSeed(42, "run", 2));
  assert.notDeepEqual(draws(createRng(deriveSeed(42, "run", 1)), 3), draws(createRng(deriveSeed(42, "run", 2)), 3));
  assert.throws(() => deriveSeed(NaN), /seed must be a finite number or a string; got NaN/);
});

test("createRng(seed) rejects bad seeds", () => {
  assert.throws(() => createRng(Infinity), /seed must be/);
  assert.throws(() => createRng({} as never), /seed must be/);
});
