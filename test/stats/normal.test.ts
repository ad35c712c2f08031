import { test } from "node:test";
import assert from "node:assert/strict";
import { normalCdf, normalQuantile, zCritical } from "../../src/stats/normal";
import { studentTCdf, studentTQuantile } from "../../src/stats/studentt";

// Reference values from R: qnorm(p) and qt(p, df), printed with 16 significant digits.
const NORMAL: [number, number][] = [
  [0.5, 0], [0.975, 1.959963984540054], [0.995, 2.575829303548901], [0.9, 1.281551565544601],
  [0.02, -2.053748910631823], [1e-10, -6.361340902404056], [1e-6, -4.753424308822899], [0.3, -0.5244005127080407],
];

test("normalQuantile(p) matches published quantiles to 1e-12", () => {
  for (const [p, z] of NORMAL) assert.ok(Math.abs(normalQuantile(p) - z) < 1e-12, `p=${p}: ${normalQuantile(p)} vs ${z}`);
});

test("normalQuantile(0) and normalQuantile(1) are -Infinity and Infinity", () => {
  assert.equal(normalQuantile(0), -Infinity);
  assert.equal(normalQuantile(1), Infinity);
});

test("normalQuantile(p) rejects p outside [0, 1] naming the parameter", () => {
  assert.throws(() => normalQuantile(1.5), /p must be a number in \[0, 1\]; got 1\.5/);
  assert.throws(() => normalQuantile(NaN), RangeError);
});

test("normalCdf(normalQuantile(p)) returns p", () => {
  for (const p of [1e-8, 0.001, 0.1, 0.5, 0.7, 0.99, 1 - 1e-7]) {
    assert.ok(Math.abs(normalCdf(normalQuantile(p)) - p) < 1e-14 + 1e-12 * p, `p=${p}`);
  }
});

test("zCritical(0.95) is 1.96 and rejects confidence 1", () => {
  assert.ok(Math.abs(zCritical(0.95) - 1.959963984540054) < 1e-12);
  assert.throws(() => zCritical(1), /confidence must be a number in \(0, 1\)/);
});

const STUDENT: [number, number, number][] = [
  [0.975, 1, 12.70620473617471], [0.975, 2, 4.302652729749464], [0.975, 3, 3.182446305284263],
  [0.975, 10, 2.228138851986274], [0.995, 4, 4.604094871415897], [0.975, 30, 2.042272456301238],
  [0.975, 1000, 1.962339081236], [0.9, 5, 1.475884048824481], [0.025, 10, -2.228138851986274],
];

test("studentTQuantile(p, df) matches published quantiles to 1e-9", () => {
  for (const [p, df, t] of STUDENT) {
    const got = studentTQuantile(p, df);
    assert.ok(Math.abs(got - t) < 1e-9, `p=${p} df=${df}: ${got} vs ${t}`);
  }
});

test("studentTCdf(studentTQuantile(p, df), df) returns p for fractional df", () => {
  for (const df of [0.5, 2.5, 7.3]) {
    for (const p of [0.01, 0.3, 0.5, 0.8, 0.999]) {
      assert.ok(Math.abs(studentTCdf(studentTQuantile(p, df), df) - p) < 1e-10, `p=${p} df=${df}`);
    }
  }
});
