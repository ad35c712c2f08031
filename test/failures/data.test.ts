import { test } from "node:test";
import assert from "node:assert/strict";
import { annualizedFailureRate, failureIntervalAt, loadFailureData } from "../../src/failures/data";

test("loadFailureData() finds both files and every row has a source", () => {
  const { figures, sources } = loadFailureData();
  assert.ok(sources.length >= 6, "sources");
  assert.ok(figures.length >= 40, "figures");
  for (const s of sources) {
    assert.ok(s.authors && s.title && s.venue && s.url.startsWith("http"), `source ${s.sourceId} complete`);
    assert.ok(s.year >= 2007 && s.year <= 2026, `source ${s.sourceId} year`);
    assert.ok(s.checkedAgainst.length > 0, `source ${s.sourceId} says what it was checked against`);
  }
  for (const f of figures) {
    assert.equal(f.source.sourceId, f.sourceId);
    assert.ok(f.item && f.metric && f.unit && f.period, `figure ${f.item} complete`);
  }
  const used = new Set(figures.map((f) => f.sourceId));
  for (const s of sources) assert.ok(used.has(s.sourceId), `source ${s.sourceId} is used`);
});

test("loadFailureData() converts percent per year and MTTF hours to failures per node per year", () => {
  const { figures } = loadFailureData();
  const pick = (sourceId: string, item: string, metric: string) => {
    const f = figures.find((x) => x.sourceId === sourceId && x.item === item && x.metric === metric);
    assert.ok(f, `${sourceId} ${item} ${metric}`);
    return f;
  };
  assert.equal(pick("backblaze-2023", "all data drives", "annualized_failure_rate").ratePerNodePerYear, 0.017);
  assert.equal(pick("schroeder-2007", "datasheet MTTF (lower end)", "mttf").ratePerNodePerYear, 0.00876);
  assert.equal(pick("schroeder-2007", "datasheet MTTF (upper end)", "mttf").ratePerNodePerYear, 0.00584);
  assert.equal(pick("pinheiro-2007", "Google fleet, 3-year-old drives", "annualized_failure_rate").ratePerNodePerYear, 0.086);
  const machines = pick("dean-2009", "individual machine failures", "events");
  assert.equal(machines.ratePerNodePerYear, null);
  assert.equal(machines.eventsPerClusterYear, 1000);
  assert.equal(pick("dean-2009", "hard drive failures", "events").value, null);
});

test("Backblaze AFRs equal failures / (drive days / 365) to the published two decimals", () => {
  const { figures } = loadFailureData();
  const models = new Set(figures.filter((f) => f.sourceId.startsWith("backblaze") && f.metric === "drive_days").map((f) => `${f.sourceId}|${f.item}`));
  assert.ok(models.size >= 7);
  for (const key of models) {
    const [sourceId, item] = key.split("|");
    const get = (metric: string) => figures.find((f) => f.sourceId === sourceId && f.item === item && f.metric === metric)?.value as number;
    const afrPercent = 100 * annualizedFailureRate(get("failures"), get("drive_days"));
    assert.ok(Math.abs(afrPercent - get("annualized_failure_rate")) <= 0.005 + 1e-9, `${item}: ${afrPercent} vs ${get("annualized_failure_rate")}`);
  }
});

test("failureIntervalAt(0.5, 1e6) is about 1.05 minutes (0.95 failures per minute)", () => {
  assert.ok(Math.abs(failureIntervalAt(0.5, 1e6) - 525600 / 500000) < 1e-12);
  assert.ok(Math.abs(1 / failureIntervalAt(0.5, 1e6) - 0.9513) < 1e-4);
  assert.throws(() => failureIntervalAt(0, 10), /ratePerNodePerYear must be a finite number > 0; got 0/);
  assert.throws(() => failureIntervalAt(0.5, 0.5), /clusterSize must be an integer in \[1, 1000000000000\]; got 0.5/);
});

test("loadFailureData({ dataDir }) rejects an unknown option and a missing folder", () => {
  assert.throws(() => loadFailureData({ dir: "x" } as never), /unknown option "dir"/);
  assert.throws(() => loadFailureData({ dataDir: "/nonexistent-folder" }), /ENOENT/);
});
