import { test } from "node:test";
import assert from "node:assert/strict";
import { loadFailureData } from "../../src/failures/data";
import { deanFirstYearEvents, publishedFailureIntervals, shortCitation, sourceName } from "../../src/failures/published";

test("publishedFailureIntervals({ clusterSize: 1e6 }) turns Backblaze's 2023 AFR of 1.70% into a failure every 31 minutes", () => {
  const rows = publishedFailureIntervals({ clusterSize: 1_000_000 });
  const bb = rows.find((r) => r.figure === "Backblaze 2023: all data drives");
  assert.ok(bb);
  assert.ok(Math.abs(bb.minutesBetweenFailures - 525600 / 17000) < 1e-9);
  assert.ok(Math.abs(bb.failuresPerDay * bb.minutesBetweenFailures - 1440) < 1e-9);
  assert.equal(bb.percentPerYear, 1.7);
});

test("publishedFailureIntervals() keeps only positive per-node rates, sorted from most to least frequent, each with a source", () => {
  const data = loadFailureData();
  const rows = publishedFailureIntervals({ data });
  const expected = data.figures.filter((f) => (f.ratePerNodePerYear ?? 0) > 0).length;
  assert.equal(rows.length, expected);
  for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].minutesBetweenFailures <= rows[i].minutesBetweenFailures);
  for (const r of rows) {
    assert.ok(r.citation.length > 0 && Number.isFinite(r.minutesBetweenFailures) && r.clusterSize === 100_000);
  }
  assert.equal(new Set(rows.map((r) => r.figure)).size, rows.length, "labels are unique (they are chart lanes)");
});

test("publishedFailureIntervals(options) rejects a bad cluster size", () => {
  assert.throws(() => publishedFailureIntervals({ clusterSize: 0 }), /clusterSize/);
  assert.throws(() => publishedFailureIntervals({ clusterSize: 1.5 }), /clusterSize/);
});

test("shortCitation(figure) and sourceName(id) give readable names", () => {
  const data = loadFailureData();
  const by = (id: string) => shortCitation(data.figures.find((f) => f.sourceId === id)!);
  assert.equal(by("schroeder-2007"), "Schroeder & Gibson 2007");
  assert.equal(by("pinheiro-2007"), "Pinheiro et al. 2007");
  assert.equal(by("dean-2009"), "Dean 2009");
  assert.equal(by("backblaze-2023"), "Klein (Backblaze) 2024");
  assert.equal(sourceName("backblaze-2023"), "Backblaze 2023");
});

test("deanFirstYearEvents() lists the first-year events, most frequent first, words-only entries with null", () => {
  const rows = deanFirstYearEvents();
  const machines = rows.find((r) => r.event === "individual machine failures");
  assert.equal(machines?.perYear, 1000);
  assert.ok(Math.abs((machines?.daysBetween ?? 0) - 0.365) < 1e-12);
  const numbered = rows.filter((r) => r.perYear !== null);
  for (let i = 1; i < numbered.length; i++) assert.ok(numbered[i - 1].perYear! >= numbered[i].perYear!);
  assert.ok(rows.some((r) => r.perYear === null && r.daysBetween === null));
});
