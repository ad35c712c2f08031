// Paxos safety under random fault schedules: runs fuzzPaxos over RUNS schedules (default 10,000),
// split across worker threads by run index (run i always uses runSeed(SEED, i), so the result does
// not depend on the number of workers), and prints the counts, the time and any violation with the
// seed that reproduces it. Exits with code 1 if any schedule broke safety.
// Usage: npx tsc -p tsconfig.json && node scripts/fuzz-paxos.mjs [RUNS] [SEED] [WORKERS]
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { createRequire } from "node:module";
import os from "node:os";

const require = createRequire(import.meta.url);
const lib = require(new URL("../dist/protocols/index.js", import.meta.url).pathname);

if (!isMainThread) {
  const { seed, firstRun, runs } = workerData;
  parentPort.postMessage(lib.fuzzPaxos({ seed, runs, firstRun }));
} else {
  const runs = Number(process.argv[2] ?? 10000);
  const seed = process.argv[3] ?? "fuzz";
  const workers = Math.max(1, Math.min(Number(process.argv[4] ?? os.availableParallelism?.() ?? 4), runs));
  const t0 = process.hrtime.bigint();
  const per = Math.ceil(runs / workers);
  const parts = await Promise.all(Array.from({ length: workers }, (_, w) => {
    const firstRun = w * per, count = Math.max(0, Math.min(per, runs - firstRun));
    if (count === 0) return [];
    return new Promise((resolve, reject) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { seed, firstRun, runs: count } });
      worker.once("message", resolve);
      worker.once("error", reject);
    });
  }));
  const rows = parts.flat();
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const bad = rows.filter((r) => !r.safe);
  const decided = rows.filter((r) => r.decided).length;
  const faults = rows.reduce((s, r) => s + r.faults, 0);
  console.log(`fuzz-paxos: ${rows.length} schedules (seed ${JSON.stringify(seed)}, ${workers} workers) in ${secs.toFixed(1)} s`);
  console.log(`  faults scheduled: ${faults} (mean ${(faults / rows.length).toFixed(2)} per schedule)`);
  console.log(`  decided: ${decided} (${((100 * decided) / rows.length).toFixed(1)}%), undecided: ${rows.length - decided}`);
  console.log(`  safety violations: ${bad.length}`);
  for (const r of bad.slice(0, 10)) console.log(`    ${r.seed}: ${r.violation}`);
  process.exitCode = bad.length === 0 ? 0 : 1;
}
