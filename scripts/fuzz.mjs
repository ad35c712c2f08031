// npm run fuzz: fast-check over random fault configurations and schedules for the engine and every
// protocol (scripts/fuzz/properties.cjs), 10,000 cases a target by default, checking each
// protocol's invariants and the engine's (messages conserved, clock monotonic, crashed nodes silent,
// Paxos agreement). Prints cases/s per target. A failure prints the seed, the path and the shrunk
// configuration, and the one command that replays it. Uses the compiled package in dist/
// (npm run build first), or --lib DIR.
//
// Usage: node scripts/fuzz.mjs [--target engine,paxos,...] [--runs N] [--seed N] [--path P]
//        node scripts/fuzz.mjs --target paxos --replay '<json configuration>'
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = parseArgs(process.argv.slice(2));
const lib = require(path.resolve(args.lib ?? path.join(root, "dist")));
const fc = require("fast-check");
const { fuzzTargets } = require("./fuzz/properties.cjs");

const targets = fuzzTargets(lib, fc);
const wanted = args.target ? args.target.split(",") : targets.map((t) => t.name);
for (const w of wanted) {
  if (!targets.some((t) => t.name === w)) {
    console.error(`fuzz: unknown target ${JSON.stringify(w)}; targets: ${targets.map((t) => t.name).join(", ")}`);
    process.exit(2);
  }
}

if (args.replay !== undefined) {
  if (wanted.length !== 1) fatal("--replay needs exactly one --target");
  const target = targets.find((t) => t.name === wanted[0]);
  const cfg = JSON.parse(args.replay);
  try {
    target.check(cfg);
    console.log(`fuzz ${target.name}: the configuration passes`);
  } catch (e) {
    console.log(`fuzz ${target.name}: ${e.message}`);
    process.exitCode = 1;
  }
} else {
  const runs = args.runs === undefined ? 10_000 : Number(args.runs);
  if (!Number.isInteger(runs) || runs < 1) fatal(`--runs must be an integer >= 1; got ${args.runs}`);
  let failed = 0;
  for (const target of targets.filter((t) => wanted.includes(t.name))) {
    const seed = args.seed === undefined ? 42 : Number(args.seed);
    const t0 = process.hrtime.bigint();
    const out = fc.check(fc.property(target.arbitrary, (cfg) => target.check(cfg)), {
      numRuns: runs, seed, ...(args.path ? { path: args.path } : {}),
    });
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    const n = out.numRuns;
    const line = `fuzz ${target.name.padEnd(26)} ${String(n).padStart(6)} cases in ${secs.toFixed(1).padStart(5)} s (${Math.round(n / secs).toLocaleString("en-US")} cases/s)`;
    if (!out.failed) {
      console.log(`${line}: ok`);
      continue;
    }
    failed++;
    const cfg = JSON.stringify(out.counterexample[0]);
    console.log(`${line}: FAILED after ${out.numRuns} cases, ${out.numShrinks} shrinks`);
    console.log(`  error: ${out.errorInstance?.message ?? out.error}`);
    console.log(`  seed ${out.seed}, path ${JSON.stringify(out.counterexamplePath)}`);
    console.log(`  shrunk configuration: ${cfg}`);
    console.log(`  replay: npm run fuzz -- --target ${target.name} --replay '${cfg.replace(/'/g, "'\\''")}'`);
    console.log(`     or: npm run fuzz -- --target ${target.name} --seed ${out.seed} --path ${out.counterexamplePath}`);
  }
  if (failed) process.exitCode = 1;
}

function parseArgs(list) {
  const out = {};
  for (let i = 0; i < list.length; i++) {
    const m = /^--(target|runs|seed|path|replay|lib)(?:=(.*))?$/.exec(list[i]);
    if (!m) fatal(`unknown argument ${JSON.stringify(list[i])}; use --target, --runs, --seed, --path, --replay, --lib`);
    out[m[1]] = m[2] ?? list[++i];
  }
  return out;
}

function fatal(message) {
  console.error(`fuzz: ${message}`);
  process.exit(2);
}
