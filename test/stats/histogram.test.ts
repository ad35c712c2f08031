import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { ecdf, histogram } from "../../src/stats/histogram";

test("histogram(values, { bins }) splits [min, max] into equal bins, the last one closed", () => {
  const rows = histogram([0, 1, 2, 3, 4], { bins: 2 });
  assert.deepEqual(rows, [
    { x0: 0, x1: 2, count: 2, density: 2 / (5 * 2) },
    { x0: 2, x1: 4, count: 3, density: 3 / (5 * 2) },
  ]);
});

test("histogram(values, { binWidth, min }) starts bins at min and covers the maximum", () => {
  const rows = histogram([0.5, 1, 9.99, 10], { binWidth: 2.5, min: 0 });
  assert.deepEqual(rows.map((r) => [r.x0, r.x1, r.count]), [[0, 2.5, 2], [2.5, 5, 0], [5, 7.5, 0], [7.5, 10, 2]]);
  // 1.0 / 0.1 is 10.000000000000002 in floating point; still 10 bins.
  assert.equal(histogram([0, 1], { binWidth: 0.1 }).length, 10);
});

test("histogram leaves out values outside an explicit [min, max]", () => {
  const rows = histogram([-1, 0, 5, 10, 11], { bins: 2, min: 0, max: 10 });
  assert.deepEqual(rows.map((r) => r.count), [1, 2]);
  assert.equal(rows[0].density, 1 / (5 * 5));
});

test("histogram of equal values gives one bin of width 1 around the value", () => {
  assert.deepEqual(histogram([3, 3, 3]), [{ x0: 2.5, x1: 3.5, count: 3, density: 1 }]);
});

test("histogram(values, options) rejects bins with binWidth, unknown options and NaN", () => {
  assert.throws(() => histogram([1], { bins: 3, binWidth: 1 }), /bins must be left out when binWidth is given/);
  assert.throws(() => histogram([1], { bin: 3 } as never), /unknown option "bin"/);
  assert.throws(() => histogram([1, NaN]), /values\[1\] must be a finite number/);
  assert.throws(() => histogram([1, 2], { binWidth: 1e-9 }), /at most 100000 bins/);
});

test("histogram counts sum to n and densities integrate to 1 (property)", () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: -8000, max: 8000 }).map((k) => k / 8), { minLength: 1, maxLength: 300 }),
    fc.integer({ min: 1, max: 50 }), (values, bins) => {
      const rows = histogram(values, { bins });
      const total = rows.reduce((s, r) => s + r.count, 0);
      const area = rows.reduce((s, r) => s + r.density * (r.x1 - r.x0), 0);
      return total === values.length && Math.abs(area - 1) < 1e-9;
    }));
});

test("ecdf(values) gives one row per distinct value with the share at or below it", () => {
  assert.deepEqual(ecdf([3, 1, 2, 2, 5]), [{ x: 1, p: 0.2 }, { x: 2, p: 0.6 }, { x: 3, p: 0.8 }, { x: 5, p: 1 }]);
});

test("ecdf(values, { maxPoints }) thins to maxPoints keeping the first and last rows", () => {
  const values = Array.from({ length: 1000 }, (_, i) => i);
  const rows = ecdf(values, { maxPoints: 11 });
  assert.equal(rows.length, 11);
  assert.deepEqual(rows[0], { x: 0, p: 0.001 });
  assert.deepEqual(rows[10], { x: 999, p: 1 });
  assert.deepEqual(rows[5], { x: 500, p: 0.501 });
});

test("ecdf is nondecreasing in x and p and ends at p = 1 (property)", () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 200 }),
    fc.integer({ min: 2, max: 30 }), (values, maxPoints) => {
      const rows = ecdf(values, { maxPoints });
      return rows.length <= maxPoints && rows[rows.length - 1].p === 1 &&
        rows.every((r, i) => i === 0 || (r.x > rows[i - 1].x && r.p > rows[i - 1].p));
    }));
});
