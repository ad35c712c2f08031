import { test } from "node:test";
import assert from "node:assert/strict";
import { timelineRows } from "../../src/views/timeline-rows";
import { timelineChart } from "../../src/charts/timeline";
import { everyFateTrace, retryWorld } from "./_worlds";

test("timelineRows(trace, spec): issue..commit intervals per command, commits as points, outages last (seed 2)", () => {
  const rows = timelineRows(everyFateTrace(), {
    intervals: [{ open: "issue", close: "commit", kind: (d: { cmd: number }) => `waiting for ${d.cmd}` }],
    points: { commit: "committed" },
  });
  const waits = rows.filter((r) => r.kind.startsWith("waiting"));
  assert.deepEqual(waits.map((r) => [r.kind, r.start, r.end]), [
    ["waiting for 0", 0, 45], ["waiting for 1", 45, 65], ["waiting for 2", 65, 135], ["waiting for 3", 135, 230],
    ["waiting for 4", 230, 250], ["waiting for 5", 250, 320],
    ["waiting for 6", 320, 395], // still waiting when the run stops: the interval ends at the end of the run
  ]);
  assert.deepEqual(rows.filter((r) => r.kind === "committed").map((r) => r.t), [45, 65, 135, 230, 250, 320]);
  assert.deepEqual(rows.slice(-2), [{ node: "s1", kind: "down", start: 60, end: 120 }, { node: "s1", kind: "down", start: 260, end: 300 }]);
  assert.doesNotThrow(() => timelineChart(rows, { nodes: ["u1", "s1", "s2"] }));
});

test("timelineRows(trace, spec): an outage still open at the end lasts to the end of the run", () => {
  const trace = retryWorld({ seed: 5, commands: 100, untilMs: 200, faults: [{ at: 150, crash: "s2" }] });
  const rows = timelineRows(trace, { intervals: [{ open: "execute", close: "never", kind: "busy" }] });
  assert.deepEqual(rows.at(-1), { node: "s2", kind: "down", start: 150, end: 200 });
  // One open interval per node: s1 and s2 both opened "busy" at their first execute.
  assert.deepEqual(rows.filter((r) => r.kind === "busy").map((r) => [r.node, r.end]), [["s1", 200], ["s2", 200]]);
  assert.deepEqual(timelineRows(trace, {}).map((r) => r.kind), ["down"]);
});

test("timelineRows(trace, spec) rejects bad input naming the parameter", () => {
  const trace = retryWorld({ seed: 3, commands: 1 });
  assert.throws(() => timelineRows({} as never, {}), /timelineRows\(trace, spec\): trace must be a Trace/);
  assert.throws(() => timelineRows(trace, { point: {} } as never), /unknown option "point"/);
});
