// Failure-simulation benchmark: one million nodes for one year, MTBF 3 years, one-day repairs.
// Usage: npx tsc -p tsconfig.json --outDir /tmp/dist-failures && node scripts/bench-failures.mjs [/tmp/dist-failures]
// (defaults to ./dist). Prints figures only; nothing here is asserted. Run in a fresh process so that
// the peak RSS (process.resourceUsage().maxRSS) belongs to this benchmark.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const distDir = path.resolve(process.argv[2] ?? new URL("../dist", import.meta.url).pathname);
const { simulateClusterFailures, expectedClusterFailures } = require(path.join(distDir, "failures/index.js"));

const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);
const options = { nodes: 1_000_000, mtbfYears: 3, repairHours: 24, horizonYears: 1, seed: 42 };

function run(label, extra) {
  const t0 = process.hrtime.bigint();
  const r = simulateClusterFailures({ ...options, ...extra });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const mem = process.memoryUsage();
  console.log(`${label}: ${seconds.toFixed(3)} s, ${r.failures} failures, ${r.failuresPerMinute.toFixed(4)}/min, ` +
    `rss ${mb(mem.rss)} MB, heapUsed ${mb(mem.heapUsed)} MB, peak rss ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
}

console.log(`1e6 nodes, 1 year, MTBF 3 years, repairs 24 h (closed form ${expectedClusterFailures(options).steadyStatePerMinute.toFixed(4)}/min)`);
run("counts only (first run, includes JIT warm-up)", {});
run("counts only", {});
run("with sorted failure times", { recordFailureTimes: true });
