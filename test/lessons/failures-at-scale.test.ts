import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { failureScalingSweep, failureTimelineRows, interFailureGaps, lifetimeLabel } from "../../src/lessons/00-why-distribute";

const MINUTES_PER_YEAR = 525600;

test("failureScalingSweep() puts a million nodes with MTBF 2 years near one failure a minute", () => {
  const [row] = failureScalingSweep({ nodeCounts: [1_000_000], mtbfYears: 2, repairHours: 24 });
  assert.ok(Math.abs(row.closedFormPerMinute - 1e6 / (2 * MINUTES_PER_YEAR)) < 1e-12);
  // Tolerance: 4 standard errors of the simulated count (the interval is 1.96 of them on each side).
  const se = (row.hi - row.lo) / (2 * 1.96);
  assert.ok(Math.abs(row.failuresPerMinute - row.freshStartPerMinute) <= 4 * se, `${row.failuresPerMinute} vs ${row.freshStartPerMinute}`);
  assert.ok(row.failuresPerMinute > 0.9 && row.failuresPerMinute < 1.0);
  assert.ok(Math.abs(row.failuresPerDay - row.failuresPerMinute * 1440) < 1e-9);
});

test("failureScalingSweep({ weibullShapes }) stays within 4 standard errors of the fresh-start expectation for every size and law", () => {
  const rows = failureScalingSweep({ nodeCounts: [1_000, 30_000], weibullShapes: [1, 0.7, 1.5], seed: 5 });
  assert.equal(rows.length, 6);
  for (const r of rows) {
    const se = (r.hi - r.lo) / (2 * 1.96);
    assert.ok(r.lo > 0 && r.lo <= r.failuresPerMinute && r.failuresPerMinute <= r.hi);
    assert.ok(Math.abs(r.failuresPerMinute - r.freshStartPerMinute) <= 4 * se, `${r.lifetime} ${r.nodes}: ${r.failuresPerMinute} vs ${r.freshStartPerMinute}`);
    assert.equal(r.lifetime, lifetimeLabel(r.weibullShape));
  }
});

test("failureScalingSweep(options) gives identical rows for the same options and seed", () => {
  const options = { nodeCounts: [100, 5_000], weibullShapes: [1, 2], seed: "same" };
  assert.deepEqual(failureScalingSweep(options), failureScalingSweep(options));
  assert.notDeepEqual(failureScalingSweep(options), failureScalingSweep({ ...options, seed: "other" }));
});

test("failureScalingSweep(options) rejects bad options with messages naming the parameter", () => {
  assert.throws(() => failureScalingSweep({ nodeCounts: [0] }), /nodeCounts\[0\]/);
  assert.throws(() => failureScalingSweep({ nodeCounts: [] }), /nodeCounts/);
  assert.throws(() => failureScalingSweep({ weibullShapes: [-1] }), /weibullShapes\[0\]/);
  assert.throws(() => failureScalingSweep({ mtbfYears: 0 }), /mtbfYears/);
  assert.throws(() => failureScalingSweep({ nodes: 3 } as never), /nodes/);
});

test("interFailureGaps({ nodes: 1e5 }) has exponential gaps: coefficient of variation and share below the mean", () => {
  const g = interFailureGaps({ nodes: 100_000, mtbfYears: 2, seed: 3 });
  // About 50,000 gaps: the standard error of the CV is about 1/sqrt(n) ~ 0.0045 and of the share
  // about sqrt(0.632 * 0.368 / n) ~ 0.0022; allow 4 of each.
  assert.ok(Math.abs(g.coefficientOfVariation - 1) < 4 / Math.sqrt(g.gaps), String(g.coefficientOfVariation));
  assert.ok(Math.abs(g.shareBelowMean - (1 - Math.exp(-1))) < 4 * Math.sqrt(0.233 / g.gaps), String(g.shareBelowMean));
  assert.ok(Math.abs(g.meanGapMinutes * g.ratePerMinute - 1) < 0.01);
  const counted = g.bins.reduce((s, b) => s + b.count, 0);
  const mass = g.bins.reduce((s, b) => s + b.density * (b.x1 - b.x0), 0);
  assert.ok(Math.abs(mass - counted / g.gaps) < 1e-9);
  assert.ok(counted / g.gaps > 0.99); // 6 mean gaps hold 1 - e^-6 = 99.75% of an exponential law
  assert.equal(g.curve[0].x, 0);
  assert.equal(g.curve[0].density, g.ratePerMinute);
});

test("interFailureGaps(options) rejects a cluster too small to have gaps", () => {
  assert.throws(() => interFailureGaps({ nodes: 1, mtbfYears: 1000 }), /nodes/);
  assert.throws(() => interFailureGaps({ nodes: 1000, bins: 0 }), /bins/);
});

test("failureTimelineRows(options) gives one lane per node and down intervals of the repair time, in days", () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 500 }), fc.integer(), (nodes, repairHours, seed) => {
    const { rows, nodes: lanes, horizonDays } = failureTimelineRows({ nodes, mtbfYears: 1, repairHours, horizonYears: 2, seed });
    assert.equal(lanes.length, nodes);
    assert.equal(horizonDays, 730);
    for (const r of rows) assert.ok((r.t ?? r.end ?? 0) <= horizonDays + 1e-9, "no row after the horizon");
    const failures = rows.filter((r) => r.kind === "failure");
    const downs = rows.filter((r) => r.kind === "down");
    assert.equal(failures.length, downs.length);
    for (const d of downs) {
      assert.ok(lanes.includes(d.node));
      const length = (d.end as number) - (d.start as number);
      assert.ok(length <= repairHours / 24 + 1e-9 && length >= 0);
      if ((d.end as number) < 730 - 1e-9) assert.ok(Math.abs(length - repairHours / 24) < 1e-9);
    }
  }), { numRuns: 30 });
});
