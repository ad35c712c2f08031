import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as path from "path";

// Memory bounds (stated in docs/errors.md), measured in a child process whose V8 heap is capped with
// --max-old-space-size: exceeding the cap kills the child, so a pass proves the bound. Peak RSS comes
// from process.resourceUsage().maxRSS.
const LIB = path.resolve(__dirname, "../../src");

function measure(heapCapMb: number, code: string): { value: unknown; heapMb: number; peakRssMb: number } {
  const script = `const lib = require(${JSON.stringify(LIB)}); const value = (() => { ${code} })();
    const m = process.memoryUsage();
    process.stdout.write(JSON.stringify({ value, heapMb: m.heapUsed / 1e6, peakRssMb: process.resourceUsage().maxRSS / 1024 }));`;
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapCapMb}`, "-e", script], { encoding: "utf8", timeout: 120_000 });
  assert.equal(r.status, 0, `child failed under a ${heapCapMb} MB heap cap: ${r.stderr.slice(-500)}`);
  return JSON.parse(r.stdout);
}

test("simulateClusterFailures({ nodes: 1e6 }) for a year runs in a 64 MB heap with peak RSS under 256 MB", () => {
  const r = measure(64, "return lib.simulateClusterFailures({ nodes: 1e6, seed: 42 }).failures;");
  assert.ok((r.value as number) > 400_000, `only ${r.value} failures`);
  assert.ok(r.peakRssMb < 256, `peak RSS ${r.peakRssMb.toFixed(0)} MB`);
});

test("failureScalingSweep({ nodeCounts: [1e6] }) runs in a 64 MB heap with peak RSS under 256 MB", () => {
  const r = measure(64, "return lib.failureScalingSweep({ nodeCounts: [1e6] }).length;");
  assert.ok(r.peakRssMb < 256, `peak RSS ${r.peakRssMb.toFixed(0)} MB`);
});

test("createWorld with the largest allowed world (2000 nodes) runs in a 256 MB heap", () => {
  const r = measure(256, "const w = lib.createWorld({ seed: 1, nodes: Array.from({ length: 2000 }, (_, i) => 'n' + i), handlers: { n0: { init: (ctx) => { ctx.broadcast('hello'); } } } }); return w.run().summary().delivered;");
  assert.equal(r.value, 1999);
  assert.ok(r.peakRssMb < 512, `peak RSS ${r.peakRssMb.toFixed(0)} MB`);
});

test("createWorld with 10,000 nodes throws a RangeError instead of exhausting a 256 MB heap", () => {
  const r = measure(256, "try { lib.createWorld({ seed: 1, nodes: Array.from({ length: 10000 }, (_, i) => 'n' + i) }); return 'built'; } catch (e) { return e.message; }");
  assert.match(String(r.value), /nodes must be at most 2000 names/);
});

test("a runaway protocol stops at the world's maxEvents (default 10,000,000) with an error naming the limit", () => {
  const r = measure(256, `const echo = { onMessage: (ctx, m) => { ctx.send(m.from, "ping"); } };
    const w = lib.createWorld({ seed: 1, nodes: ["A", "B"], handlers: { A: { ...echo, init: (ctx) => { ctx.send("B", "ping"); } }, B: echo } });
    try { w.run(); return "returned"; } catch (e) { return e.message; }`);
  assert.match(String(r.value), /exceeded its limit of maxEvents = 10000000 events/);
});
