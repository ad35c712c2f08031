import { test } from "node:test";
import assert from "node:assert/strict";
import { dataLossProbability, replicaUnavailability } from "../../src/failures/replicas";

const within4Se = (events: number, trials: number, p: number) =>
  Math.abs(events - trials * p) <= 4 * Math.sqrt(trials * p * (1 - p)) + 1e-9;

test("replicaUnavailability({ downProbability: 0.1 }) matches q^r within 4 standard errors", () => {
  const rows = replicaUnavailability({ downProbability: 0.1, replicas: [1, 2, 3, 4], trials: 200_000, seed: 1 });
  for (const row of rows) {
    assert.ok(Math.abs(row.closedForm - 0.1 ** row.r) < 1e-15);
    assert.ok(within4Se(row.events, row.trials, row.closedForm), `r=${row.r}: ${row.simulated} vs ${row.closedForm}`);
    assert.ok(row.lo <= row.simulated && row.simulated <= row.hi);
  }
});

test("replicaUnavailability({ mtbfYears, repairHours }) uses q = MTTR / (MTBF + MTTR)", () => {
  const [row] = replicaUnavailability({ mtbfYears: 1, repairHours: 876, replicas: [2], trials: 1000 });
  assert.ok(Math.abs(row.closedForm - (876 / (8760 + 876)) ** 2) < 1e-15);
  assert.throws(() => replicaUnavailability({ downProbability: 0.1, mtbfYears: 1 }), /downProbability must be left out/);
});

test("dataLossProbability() with exponential repairs matches the Markov chain within 4 standard errors", () => {
  for (const repairPolicy of ["parallel", "serial"] as const) {
    const rows = dataLossProbability({ mtbfYears: 0.5, repairHours: 72, replicas: [1, 2, 3], trials: 100_000, repairPolicy, seed: 3 });
    for (const row of rows) {
      assert.ok(within4Se(row.events, row.trials, row.closedForm), `${repairPolicy} r=${row.r}: ${row.simulated} vs ${row.closedForm}`);
    }
  }
});

test("dataLossProbability() closed forms: r = 1 is 1 - exp(-T / MTBF); r = 2 has MTTDL (3 lambda + mu) / (2 lambda^2)", () => {
  const [one, two] = dataLossProbability({ mtbfYears: 2, repairHours: 24, replicas: [1, 2], trials: 10 });
  assert.ok(Math.abs(one.closedForm - (1 - Math.exp(-0.5))) < 1e-12);
  assert.ok(Math.abs(one.mttdlYears - 2) < 1e-9);
  const lambda = 1 / (2 * 8760), mu = 1 / 24;
  assert.ok(Math.abs(two.mttdlYears * 8760 - (3 * lambda + mu) / (2 * lambda * lambda)) < 1e-6 * two.mttdlYears * 8760);
  // When repairs are fast the approximation 1 - exp(-T / MTTDL) is close to the exact chain.
  assert.ok(Math.abs(two.approximation / two.closedForm - 1) < 0.01, `${two.approximation} vs ${two.closedForm}`);
});

test("dataLossProbability({ repairDistribution: 'constant' }) stays close to the exponential-repair closed form", () => {
  const [row] = dataLossProbability({ mtbfYears: 0.5, repairHours: 72, replicas: [2], repairDistribution: "constant", trials: 100_000, seed: 8 });
  // Constant repairs lose slightly less than exponential ones; allow 4 standard errors plus 10%.
  assert.ok(Math.abs(row.events - row.trials * row.closedForm) <= 4 * Math.sqrt(row.trials * row.closedForm) + 0.1 * row.trials * row.closedForm);
});

test("replication functions give identical rows for the same seed", () => {
  assert.deepEqual(dataLossProbability({ mtbfYears: 0.5, repairHours: 72, trials: 5000, seed: "x" }),
    dataLossProbability({ mtbfYears: 0.5, repairHours: 72, trials: 5000, seed: "x" }));
  assert.deepEqual(replicaUnavailability({ trials: 5000, seed: 4 }), replicaUnavailability({ trials: 5000, seed: 4 }));
});

test("replication functions name the parameter, the value and the range in errors", () => {
  assert.throws(() => replicaUnavailability({ replicas: [] }), /replicas must be a non-empty array/);
  assert.throws(() => replicaUnavailability({ replicas: [0] }), /replicas\[0\] must be an integer in \[1, 20\]; got 0/);
  assert.throws(() => replicaUnavailability({ downProbability: 1.5 }), /downProbability must be a number in \[0, 1\]; got 1.5/);
  assert.throws(() => dataLossProbability({ repairPolicy: "lazy" as never }), /repairPolicy must be one of "parallel", "serial"; got "lazy"/);
  assert.throws(() => dataLossProbability({ repairHours: 0 }), /repairHours must be a finite number in/);
  assert.throws(() => dataLossProbability({ trials: 0 }), /trials must be an integer in \[1, 10000000\]; got 0/);
  assert.throws(() => dataLossProbability({ horizon: 1 } as never), TypeError);
});
