import { test } from "node:test";
import assert from "node:assert/strict";
import { monteCarlo } from "../../src/stats/montecarlo";
import { progressPrinter } from "../../src/stats/progress";

test("progressPrinter(label) prints at most once per everyPercent step and at 100%", () => {
  const lines: string[] = [];
  const p = progressPrinter("race", { everyPercent: 25, write: (l) => lines.push(l) });
  for (let d = 1; d <= 100; d++) p(d, 100);
  assert.deepEqual(lines, ["race: 25% (25/100)", "race: 50% (50/100)", "race: 75% (75/100)", "race: 100% (100/100)"]);
});

test("progressPrinter works as monteCarlo's onProgress and starts over for a new total", () => {
  const lines: string[] = [];
  const p = progressPrinter("mc", { write: (l) => lines.push(l) });
  monteCarlo({ runs: 1000, seed: 1, run: () => 0, onProgress: p });
  assert.equal(lines.length, 10);
  assert.equal(lines[9], "mc: 100% (1000/1000)");
  monteCarlo({ runs: 10, seed: 1, run: () => 0, onProgress: p });
  assert.equal(lines.length, 20);
});

test("progressPrinter(label, options) rejects everyPercent outside (0, 100]", () => {
  assert.throws(() => progressPrinter("x", { everyPercent: 0 }), /everyPercent must be a finite number/);
});
