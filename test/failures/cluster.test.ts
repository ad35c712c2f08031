import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { clusterFailureTimes, clusterTimeline, simulateClusterFailures } from "../../src/failures/cluster";
import { expectedClusterFailures } from "../../src/failures/renewal";

const MINUTES_PER_YEAR = 525600;

test("simulateClusterFailures({ nodes: 1e5, mtbfYears: 2 }) is within 4 Poisson standard deviations of N T / (MTBF + MTTR)", () => {
  const sim = simulateClusterFailures({ nodes: 1e5, mtbfYears: 2, repairHours: 24, seed: 7 });
  const expected = expectedClusterFailures({ nodes: 1e5, mtbfYears: 2, repairHours: 24 }).steadyStateFailures;
  assert.ok(Math.abs(sim.failures - expected) <= 4 * Math.sqrt(expected), `${sim.failures} vs ${expected}`);
});

test("simulateClusterFailures({ nodes: 1e6, mtbfYears: 2 }) gives about 0.95 failures per minute", () => {
  const sim = simulateClusterFailures({ nodes: 1e6, mtbfYears: 2, repairHours: 0, seed: 1 });
  const closed = 1e6 / (2 * MINUTES_PER_YEAR); // 0.951; exact here (Poisson process per node)
  const tolerance = (4 * Math.sqrt(1e6 / 2)) / MINUTES_PER_YEAR; // 4 Poisson sd, in failures per minute
  assert.ok(Math.abs(sim.failuresPerMinute - closed) <= tolerance, `${sim.failuresPerMinute} vs ${closed}`);
  assert.ok(Math.abs(sim.failuresPerMinute - 0.95) < 0.01);
  assert.ok(Math.abs(sim.failuresPerDay - closed * 1440) <= tolerance * 1440);
});

test("simulateClusterFailures() meanDownNodes is about N * MTTR / (MTBF + MTTR)", () => {
  const sim = simulateClusterFailures({ nodes: 1e5, mtbfYears: 1, repairHours: 72, seed: 3 });
  const closed = (1e5 * 72) / (8760 + 72);
  // Down time per node is at most 72 h per failure: sd of the total <= 72 * failuresStandardError / 8760; use 4 of those.
  assert.ok(Math.abs(sim.meanDownNodes - closed) <= (4 * 72 * sim.failuresStandardError) / 8760 + 0.01 * closed, `${sim.meanDownNodes} vs ${closed}`);
});

for (const shape of [0.7, 1.5, 3]) {
  test(`simulateClusterFailures({ weibullShape: ${shape} }) matches the fresh-start renewal count within 4 standard errors`, () => {
    const options = { nodes: 1e5, mtbfYears: 2, weibullShape: shape, repairHours: 24 };
    const sim = simulateClusterFailures({ ...options, seed: 11 });
    const e = expectedClusterFailures(options);
    const gap = Math.abs(sim.failures - e.freshStartFailures);
    assert.ok(gap <= 4 * sim.failuresStandardError + (e.freshStartUpper - e.freshStartLower) / 2, `${sim.failures} vs ${e.freshStartFailures}`);
    // The start-up effect: wear-out (k > 1) fails less than N T / MTBF in the first year, infant mortality more.
    if (shape > 1) assert.ok(e.freshStartFailures < 0.9 * e.steadyStateFailures);
    else assert.ok(e.freshStartFailures > 1.1 * e.steadyStateFailures);
  });
}

test("expectedClusterFailures() with exponential lifetimes and no repairs brackets N T / MTBF", () => {
  const e = expectedClusterFailures({ nodes: 1000, mtbfYears: 0.5, repairHours: 0 });
  assert.ok(e.freshStartLower <= 2000 + 1e-9 && 2000 <= e.freshStartUpper + 1e-9, `${e.freshStartLower} ${e.freshStartUpper}`);
  assert.ok(Math.abs(e.freshStartFailures - 2000) < 2);
  assert.equal(e.naiveFailures, 2000);
});

test("weibullShape 1 equals the exponential in distribution (Weibull path, shape 1 + 1e-12)", () => {
  // With repairHours 0 and exponential lifetimes each node is a Poisson process, so failure times
  // are uniform on [0, T]. One-sample Kolmogorov-Smirnov at the 0.1% level (critical 1.95 / sqrt(n)).
  for (const shape of [1, 1 + 1e-12]) {
    const r = simulateClusterFailures({ nodes: 20000, mtbfYears: 1, weibullShape: shape, repairHours: 0, recordFailureTimes: true, seed: 5 });
    const t = r.failureTimesHours as Float64Array;
    let d = 0;
    for (let i = 0; i < t.length; i++) {
      const f = t[i] / r.horizonHours;
      d = Math.max(d, Math.abs(f - i / t.length), Math.abs(f - (i + 1) / t.length));
    }
    assert.ok(d < 1.95 / Math.sqrt(t.length), `shape ${shape}: D = ${d}`);
  }
  const a = simulateClusterFailures({ nodes: 10000, weibullShape: 1, seed: 9 });
  const b = simulateClusterFailures({ nodes: 10000, weibullShape: 1 + 1e-12, seed: 9 });
  assert.equal(a.failures, b.failures, "same draws give the same failures up to rounding");
});

test("simulateClusterFailures() with the same seed gives identical results; another seed differs", () => {
  const options = { nodes: 20000, mtbfYears: 0.5, weibullShape: 1.3, repairHours: { kind: "exponential", mean: 12 } as const, recordFailureTimes: true };
  const a = simulateClusterFailures({ ...options, seed: "s" });
  const b = simulateClusterFailures({ ...options, seed: "s" });
  assert.deepEqual(a, b);
  const c = simulateClusterFailures({ ...options, seed: "t" });
  assert.notEqual(a.failures === c.failures && a.meanDownNodes === c.meanDownNodes, true);
});

test("clusterFailureTimes() gaps are close to exponential with the observed rate", () => {
  const r = clusterFailureTimes({ nodes: 1e5, mtbfYears: 2, seed: 2 });
  const n = r.gapsMinutes.length;
  assert.ok(Math.abs(r.meanGapMinutes * r.ratePerMinute - 1) < 0.02);
  let above = 0;
  for (const g of r.gapsMinutes) if (g > r.meanGapMinutes) above++;
  const p = Math.exp(-1); // P(gap > mean) for an exponential
  assert.ok(Math.abs(above / n - p) <= 4 * Math.sqrt((p * (1 - p)) / n), `${above / n} vs ${p}`);
});

test("clusterTimeline() has the same failures as simulateClusterFailures() and tiles [0, T] per node", () => {
  const options = { nodes: 40, mtbfYears: 0.3, repairHours: { kind: "exponential", mean: 100 } as const, seed: 4 };
  const rows = clusterTimeline(options);
  const sim = simulateClusterFailures(options);
  assert.equal(rows.filter((r) => r.kind === "failure").length, sim.failures);
  for (let node = 0; node < 40; node++) {
    const spans = rows.filter((r) => r.node === node && (r.kind === "up" || r.kind === "down"));
    assert.equal(spans[0].start, 0);
    assert.equal(spans[spans.length - 1].end, sim.horizonHours);
    for (let i = 1; i < spans.length; i++) assert.equal(spans[i].start, spans[i - 1].end);
  }
});

test("cluster functions name the parameter, the value and the range in errors", () => {
  assert.throws(() => simulateClusterFailures({ nodes: 0 }), /nodes must be an integer in \[1, 100000000\]; got 0/);
  assert.throws(() => simulateClusterFailures({ nodes: 2.5 }), /nodes must be an integer/);
  assert.throws(() => simulateClusterFailures({ nodes: 2e8 }), /nodes must be an integer in \[1, 100000000\]; got 200000000/);
  assert.throws(() => simulateClusterFailures({ mtbfYears: 0 }), /mtbfYears must be a finite number > 0; got 0/);
  assert.throws(() => simulateClusterFailures({ weibullShape: 0 }), /weibullShape must be a finite number in \[0.05, 100\]; got 0/);
  assert.throws(() => simulateClusterFailures({ repairHours: -1 }), /repairHours must be a finite number in \[0, 10000000\]; got -1/);
  assert.throws(() => simulateClusterFailures({ repairHours: { kind: "normal", mean: 5, sd: 1 } }), /repairHours must be a number >= 0 or a distribution/);
  assert.throws(() => simulateClusterFailures({ horizonYears: 0 }), /horizonYears must be a finite number in/);
  assert.throws(() => simulateClusterFailures({ seed: NaN }), /seed must be a finite number or a string; got NaN/);
  assert.throws(() => simulateClusterFailures({ mtbf: 2 } as never), TypeError);
  assert.throws(() => clusterTimeline({ nodes: 5000 }), /nodes must be an integer in \[1, 1000\]; got 5000/);
  assert.throws(() => expectedClusterFailures({ gridCells: 1 }), /gridCells must be an integer in \[10, 20000\]; got 1/);
});

test("simulateClusterFailures() invariants hold for random small clusters (fast-check)", () => {
  fc.assert(fc.property(
    fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.01, max: 5, noNaN: true }), fc.double({ min: 0.3, max: 4, noNaN: true }),
    fc.double({ min: 0, max: 500, noNaN: true }), fc.integer(),
    (nodes, mtbfYears, weibullShape, repairHours, seed) => {
      const r = simulateClusterFailures({ nodes, mtbfYears, weibullShape, repairHours, seed, recordFailureTimes: true });
      const t = r.failureTimesHours as Float64Array;
      assert.equal(t.length, r.failures);
      for (let i = 1; i < t.length; i++) assert.ok(t[i - 1] <= t[i]);
      assert.ok(r.meanDownNodes >= 0 && r.meanDownNodes <= nodes + 1e-9);
      assert.equal(clusterTimeline({ nodes, mtbfYears, weibullShape, repairHours, seed }).filter((x) => x.kind === "failure").length, r.failures);
    }), { numRuns: 50, seed: 42 });
});
