// Experiments benchmarks: serial monteCarlo vs monteCarloParallel (results checked equal), and the
// cost of explore's full walk vs its state-key memo.
// Usage: npx tsc -p tsconfig.json --outDir /tmp/dist-experiments && node scripts/bench-experiments.mjs [/tmp/dist-experiments]
// (defaults to ./dist). Prints figures only; the equality check is the only assertion.
import { createRequire } from "node:module";
import { deepStrictEqual } from "node:assert/strict";
import os from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);
const distDir = path.resolve(process.argv[2] ?? new URL("../dist", import.meta.url).pathname);
const { monteCarlo, monteCarloParallel, explore } = require(path.join(distDir, "experiments/index.js"));
const runModule = new URL("./bench-experiments-run.cjs", import.meta.url).pathname;
const { sumDraws } = require(runModule);
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

console.log(`${os.availableParallelism()} cores available, load average ${os.loadavg()[0].toFixed(2)}`);
for (const [runs, draws] of [[100_000, 100], [20_000, 2_000]]) {
  const args = { draws, distDir };
  let t0 = process.hrtime.bigint();
  const serial = monteCarlo({ runs, seed: 42, run: (s, i) => sumDraws(args, s, i) });
  const tSerial = ms(t0);
  t0 = process.hrtime.bigint();
  const parallel = await monteCarloParallel({ module: runModule, exportName: "sumDraws", args, runs, seed: 42 });
  const tParallel = ms(t0);
  deepStrictEqual(parallel, serial);
  console.log(`monteCarlo ${runs} runs x ${draws} draws: serial ${tSerial.toFixed(0)} ms, parallel ${tParallel.toFixed(0)} ms (identical results)`);
}

const sums = (n) => ({
  initial: { total: 0, inFlight: Array.from({ length: n }, (_, i) => i + 1) },
  pending: (s) => s.inFlight,
  deliver: (s, m) => ({ total: s.total + m, inFlight: s.inFlight.filter((x) => x !== m) }),
  outcome: (s) => String(s.total),
});
let t0 = process.hrtime.bigint();
const walked = explore({ ...sums(9), maxSchedules: 1e6 });
console.log(`explore 9 messages, full walk: ${walked.totalSchedules} schedules in ${ms(t0).toFixed(0)} ms`);
t0 = process.hrtime.bigint();
const keyed = explore({ ...sums(15), key: (s) => s.inFlight.join(","), maxSchedules: 1e13 });
console.log(`explore 15 messages, with key: ${keyed.totalSchedules} schedules in ${ms(t0).toFixed(0)} ms`);
