import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { meanCI, proportionRows, quantile, quantiles, wilson } from "../../src/stats/stats";

const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) < tol, `${what}: ${a} vs ${b}`);

test("wilson(3, 10) matches the closed form", () => {
  // Wilson 95%: (p + z^2/2n -+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n), z = 1.959963984540054.
  const w = wilson(3, 10);
  assert.equal(w.p, 0.3);
  close(w.lo, 0.1077912674, 1e-9, "lo");
  close(w.hi, 0.6032218525, 1e-9, "hi");
});

test("wilson(0, 20) is [0, z^2 / (n + z^2)]", () => {
  const z2 = 1.959963984540054 ** 2;
  const w = wilson(0, 20);
  assert.equal(w.lo, 0);
  close(w.hi, z2 / (20 + z2), 1e-12, "hi");
  assert.equal(wilson(20, 20).hi, 1);
});

test("wilson(successes, n, 0.99) is wider than at 0.95", () => {
  const a = wilson(40, 100, 0.95);
  const b = wilson(40, 100, 0.99);
  assert.ok(b.lo < a.lo && b.hi > a.hi);
});

test("wilson(successes, n) rejects bad counts naming the parameter", () => {
  assert.throws(() => wilson(11, 10), /successes must be an integer in \[0, 10\]; got 11/);
  assert.throws(() => wilson(0, 0), /n must be an integer in \[1, /);
  assert.throws(() => wilson(1, 10, 95), /confidence must be a number in \(0, 1\)/);
});

test("wilson interval contains p and lies in [0, 1] (property)", () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 100000 }), fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0.5, max: 0.9999, noNaN: true }), (n, frac, conf) => {
      const k = Math.floor(frac * n);
      const { p, lo, hi } = wilson(k, n, conf);
      return lo >= 0 && hi <= 1 && lo <= p && p <= hi;
    }));
});

test("meanCI([1, 2, 3, 4, 5]) uses the t quantile with 4 degrees of freedom", () => {
  const ci = meanCI([1, 2, 3, 4, 5]);
  assert.equal(ci.mean, 3);
  assert.equal(ci.n, 5);
  close(ci.sd, Math.sqrt(2.5), 1e-12, "sd");
  const half = 2.776445105197799 * Math.sqrt(2.5) / Math.sqrt(5);
  close(ci.lo, 3 - half, 1e-9, "lo");
  close(ci.hi, 3 + half, 1e-9, "hi");
});

test("meanCI of one value has NaN spread, of equal values a zero-width interval", () => {
  const one = meanCI([7]);
  assert.equal(one.mean, 7);
  assert.ok(Number.isNaN(one.sd) && Number.isNaN(one.lo) && Number.isNaN(one.hi));
  const same = meanCI([2, 2, 2]);
  assert.deepEqual([same.lo, same.hi, same.sd], [2, 2, 0]);
});

test("meanCI(values) rejects NaN naming its index", () => {
  assert.throws(() => meanCI([1, NaN]), /meanCI\(values\)\[1\] must be a finite number/);
  assert.throws(() => meanCI([]), /non-empty/);
});

test("quantile(sorted, q) interpolates linearly (R type 7)", () => {
  const s = [1, 2, 3, 4];
  assert.equal(quantile(s, 0), 1);
  assert.equal(quantile(s, 1), 4);
  assert.equal(quantile(s, 0.5), 2.5);
  assert.equal(quantile(s, 0.25), 1.75);
  assert.equal(quantile([5], 0.3), 5);
});

test("quantile(sorted, q) rejects unsorted input and q outside [0, 1]", () => {
  assert.throws(() => quantile([2, 1], 0.5), /sorted ascending/);
  assert.throws(() => quantile([1, 2], 1.2), /q must be a number in \[0, 1\]; got 1\.2/);
});

test("quantiles(values, qs) sorts a copy and keeps the order of qs", () => {
  const values = [4, 1, 3, 2];
  assert.deepEqual(quantiles(values, [1, 0, 0.5]), [4, 1, 2.5]);
  assert.deepEqual(values, [4, 1, 3, 2]);
});

test("quantiles are monotone in q and lie between min and max (property)", () => {
  fc.assert(fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }),
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }), (values, qs) => {
      const sortedQs = [...qs].sort((a, b) => a - b);
      const out = quantiles(values, sortedQs);
      const lo = Math.min(...values), hi = Math.max(...values);
      return out.every((v, i) => v >= lo && v <= hi && (i === 0 || v >= out[i - 1]));
    }));
});

test("proportionRows(labels) counts outcomes, sorted by outcome, with Wilson intervals", () => {
  const rows = proportionRows(["ok", "lost", "ok", "ok"]);
  assert.deepEqual(rows.map((r) => [r.outcome, r.count, r.n, r.p]), [["lost", 1, 4, 0.25], ["ok", 3, 4, 0.75]]);
  const w = wilson(3, 4);
  assert.equal(rows[1].lo, w.lo);
  assert.equal(rows[1].hi, w.hi);
  assert.deepEqual(proportionRows([]), []);
});
