import { test } from "node:test";
import assert from "node:assert/strict";
import { createRng } from "../../src/random/rng";
import { sampler, Distribution, constant, uniform, exponential, normal, lognormal, lognormalFromMean, weibull, pareto, bernoulli, categorical } from "../../src/random/distributions";
import { distMean, distVariance, describeDistribution } from "../../src/random/moments";

const N = 200_000;

/**
 * Sample mean within 5 standard errors of the closed form, and sample variance within 5 standard
 * errors of the variance estimator (se of s^2 ~ sqrt((m4 - s^4)/N), estimated from the sample).
 */
function checkMoments(dist: Distribution, seed = 1) {
  const draw = sampler(dist);
  const rng = createRng(seed, describeDistribution(dist));
  const xs = new Float64Array(N);
  let sum = 0;
  for (let i = 0; i < N; i++) { xs[i] = draw(rng); sum += xs[i]; }
  const m = sum / N;
  let s2 = 0, m4 = 0;
  for (const x of xs) { const d = x - m; s2 += d * d; m4 += d ** 4; }
  s2 /= N - 1; m4 /= N;
  const mu = distMean(dist), v = distVariance(dist);
  const seMean = Math.sqrt(v / N);
  const seVar = Math.sqrt(Math.max(m4 - s2 * s2, 0) / N);
  assert.ok(Math.abs(m - mu) <= 5 * seMean + 1e-12, `${describeDistribution(dist)} mean ${m} vs ${mu}`);
  assert.ok(Math.abs(s2 - v) <= 5 * seVar + 1e-12, `${describeDistribution(dist)} variance ${s2} vs ${v}`);
}

const cases: [string, Distribution][] = [
  ["constant(3)", constant(3)],
  ["uniform(2, 5)", uniform(2, 5)],
  ["exponential(10)", exponential(10)],
  ["normal(5, 2)", normal(5, 2)],
  ["lognormal(1, 0.5)", lognormal(1, 0.5)],
  ["weibull(1.5, 20)", weibull(1.5, 20)],
  ["weibull(0.7, 3)", weibull(0.7, 3)],
  ["pareto(1, 5)", pareto(1, 5)],
  ["bernoulli(0.3)", bernoulli(0.3)],
  ["categorical([1, 2, 7])", categorical([1, 2, 7])],
];
for (const [label, dist] of cases) {
  test(`${label} has the closed-form mean and variance (5 standard errors)`, () => checkMoments(dist));
}

test("lognormalFromMean(mean, sd) has that mean and sd", () => {
  const d = lognormalFromMean(10, 4);
  assert.ok(Math.abs(distMean(d) - 10) < 1e-9);
  assert.ok(Math.abs(Math.sqrt(distVariance(d)) - 4) < 1e-9);
  checkMoments(d);
});

test("distMean and distVariance are Infinity where undefined", () => {
  assert.equal(distMean(pareto(1, 1)), Infinity);
  assert.equal(distVariance(pareto(1, 2)), Infinity);
  assert.equal(distMean(pareto(2, 3)), 3);
});

test("sampler(dist, name) errors name the parameter, value and range", () => {
  assert.throws(() => sampler(exponential(-3), "delayMs"), { message: "delayMs.mean must be a finite number > 0; got -3" });
  assert.throws(() => sampler(bernoulli(1.5), "loss"), { message: "loss.p must be a number in [0, 1]; got 1.5" });
  assert.throws(() => sampler(normal(NaN, 1)), /distribution.mean must be a finite number.*got NaN/);
  assert.throws(() => sampler(uniform(5, 2), "d"), /d.max must be a finite number in \[5, Infinity\); got 2/);
  assert.throws(() => sampler(categorical([]), "w"), /w.weights must be a non-empty array/);
  assert.throws(() => sampler(categorical([0, 0]), "w"), /positive sum/);
  assert.throws(() => sampler({ kind: "gamma" } as never, "d"), /d.kind must be one of/);
  assert.equal(sampler(7)(createRng(1)), 7);
});

test("sampler(dist)(rng) is deterministic for a seeded rng", () => {
  const draw = sampler(exponential(10));
  const a = createRng(5), b = createRng(5);
  for (let i = 0; i < 10; i++) assert.equal(draw(a), draw(b));
});

test("describeDistribution(dist) gives short labels", () => {
  assert.equal(describeDistribution(exponential(10)), "Exp(mean 10)");
  assert.equal(describeDistribution(uniform(1, 2)), "Uniform(1, 2)");
  assert.equal(describeDistribution(5), "Constant(5)");
});
