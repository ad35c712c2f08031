// One benchmark case of scripts/bench.mjs, run in a fresh Node process: a warm-up, then the measured
// run. Prints one JSON line with the figures and the process's peak RSS.
// Usage: node scripts/bench/node-cases.mjs CASE '{"distDir": "...", ...params}'
//   CASE: kernel | bare | seeding | network | score | failure | explore | progress | checker
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const [caseName, paramsJson] = process.argv.slice(2);
const params = JSON.parse(paramsJson ?? "{}");
const distDir = path.resolve(params.distDir ?? new URL("../../dist", import.meta.url).pathname);
const lib = (file = "index.js") => require(path.join(distDir, file)); // the package, or one compiled file of it
const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;
const peakMB = () => (process.resourceUsage().maxRSS * 1024) / 2 ** 20; // maxRSS is in KiB

const PENDING = 1000;

// The hold model on the engine's kernel: each event schedules one new event at now + Exp(mean 1).
function kernelHold(events) {
  const { Kernel } = lib("sim/kernel.js");
  const { createRng } = lib();
  const k = new Kernel({ maxEvents: events + PENDING + 10 });
  const rng = createRng(1, "hold");
  let h = 0;
  h = k.register(() => { k.after(-Math.log(1 - rng.next()), h, 0); });
  for (let i = 0; i < PENDING; i++) k.after(-Math.log(1 - rng.next()), h, 0);
  const t0 = process.hrtime.bigint();
  k.run({ maxEvents: events });
  return events / seconds(t0);
}

// The practical limit: the same hold model on a bare typed-array heap, written with the same two
// techniques as the kernel's EventHeap so that the comparison is with the best bare loop, not an easy
// one: two moved arrays (time, label) with the tie-breaking sequence number kept by label, and the
// event that each firing schedules replacing the top in one sift down (pop and push fused).
function bareHold(events) {
  const { createRng } = lib();
  const cap = 2048;
  const T = new Float64Array(cap), L = new Int32Array(cap), Q = new Float64Array(cap);
  let n = 0, seq = 0, now = 0;
  const rng = createRng(1, "hold");
  const push = (t, l) => {
    const s = seq++;
    Q[l] = s;
    let i = n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = T[p];
      if (pt < t || (pt === t && Q[L[p]] < s)) break;
      T[i] = pt; L[i] = L[p]; i = p;
    }
    T[i] = t; L[i] = l;
  };
  const replaceTop = (t, l) => {
    const s = seq++;
    Q[l] = s;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let tc = T[c];
      if (c + 1 < n) {
        const tr = T[c + 1];
        if (tr < tc || (tr === tc && Q[L[c + 1]] < Q[L[c]])) { c++; tc = tr; }
      }
      if (t < tc || (t === tc && s < Q[L[c]])) break;
      T[i] = tc; L[i] = L[c]; i = c;
    }
    T[i] = t; L[i] = l;
  };
  for (let i = 0; i < PENDING; i++) push(-Math.log(1 - rng.next()), i);
  const t0 = process.hrtime.bigint();
  for (let e = 0; e < events; e++) {
    now = T[0];
    replaceTop(now + -Math.log(1 - rng.next()), L[0]);
  }
  return events / seconds(t0);
}

// Seeding cost: rngs created (and one number drawn each) per second, keyed like Monte Carlo runs.
function seeding(rngs) {
  const { createRng } = lib();
  let sum = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < rngs; i++) sum += createRng(`42/run/${i}`, "network").next();
  const s = seconds(t0);
  if (sum < 0) console.error(sum); // keeps the draws from being optimised away
  return rngs / s;
}

// The network layer: two nodes ping-pong through a lossy, duplicating network; every delivery answers
// with one message, and a timer per node re-sends if traffic dies out. Messages sent per second.
function network(messages) {
  const { createWorld } = lib();
  const { exponential } = lib();
  const other = (ctx) => (ctx.name === "A" ? "B" : "A");
  const handlers = {
    init(ctx) { for (let i = 0; i < 50; i++) ctx.send(other(ctx), "ping"); ctx.setTimer(10, "tick"); },
    onMessage(ctx, msg) { ctx.send(msg.from, "ping"); },
    onTimer(ctx) { ctx.send(other(ctx), "ping"); ctx.setTimer(10, "tick"); },
  };
  const world = createWorld({
    seed: 7, nodes: ["A", "B"], maxEvents: 100 * messages,
    network: { delayMs: exponential(5), lossRate: 0.1, duplicateRate: 0.05 }, handlers: { A: handlers, B: handlers },
  });
  const t0 = process.hrtime.bigint();
  while (world.trace.summary().sent < messages) world.run({ maxEvents: 100_000 });
  const s = seconds(t0);
  const sent = world.trace.summary().sent;
  return { messagesPerS: sent / s, sent };
}

// The score race of notebook 02 through the public API, as a notebook runs it: monteCarlo over
// runScoreRace, one world built, run and read per run. Two clients send "+10" and "*5" to the server
// with exponential delays (mean 10 ms), each command lost with probability 0.01; the outcome of a run
// is the server's final score (50, 10 or 0). The same model as SimPy's "score" case.
const SCORE = { meanDelayMs: 10, lossRate: 0.01 };

function scoreSerial(runs) {
  const { exponential, monteCarlo, runScoreRace } = lib();
  const delayMs = exponential(SCORE.meanDelayMs);
  const t0 = process.hrtime.bigint();
  const results = monteCarlo({ runs, seed: 42, run: (seed) => runScoreRace({ seed, delayMs, lossRate: SCORE.lossRate }).final });
  const s = seconds(t0);
  return { runsPerS: runs / s, outcomes: tally(results) };
}

function tally(results) {
  const out = {};
  for (const r of results) out[r] = (out[r] ?? 0) + 1;
  return out;
}

function failureYear(nodes, recordFailureTimes = false) {
  const { simulateClusterFailures } = lib();
  const options = { nodes, mtbfYears: 3, repairHours: 24, horizonYears: 1, seed: 42, ...(recordFailureTimes ? { recordFailureTimes } : {}) };
  const t0 = process.hrtime.bigint();
  const r = simulateClusterFailures(options);
  return { seconds: seconds(t0), failures: r.failures };
}

// explore over `messages` in-flight messages whose delivery order is the schedule (messages!
// schedules): without a key (equal states merged), or with `keyed`, a key that merges states with
// the same messages left.
function exploreWalk(messages, keyed) {
  const { explore } = lib();
  const model = {
    initial: { total: 0, inFlight: Array.from({ length: messages }, (_, i) => i + 1) },
    pending: (st) => st.inFlight,
    deliver: (st, m) => ({ total: st.total + m, inFlight: st.inFlight.filter((x) => x !== m) }),
    outcome: (st) => String(st.total),
  };
  const t0 = process.hrtime.bigint();
  const r = explore(keyed ? { ...model, key: (st) => st.inFlight.join(","), maxSchedules: 1e13 } : { ...model, maxSchedules: 1e6 });
  return { seconds: seconds(t0), schedules: r.totalSchedules };
}

// The cost of the progress line: a cheap Monte Carlo run (one run seed, one rng, one draw) with
// progress forced on (outside a notebook it goes to stdout: shown after 1 s, redrawn 4 times a second)
// and off, and the same runs in a bare loop with no progress code at all, alternated `reps` times.
// Each is timed in CPU seconds of this process (user + system), which other processes on a loaded
// machine disturb far less than wall time; the fastest of each counts. overheadPct: on over off;
// tickOverheadPct: off (the ticks alone) over the bare loop.
function progressOverhead(runs, reps) {
  const { createRng, monteCarlo } = lib();
  const { runSeed } = lib("stats/montecarlo.js");
  const run = (seed) => createRng(seed).next() < 0.5;
  const variants = {
    off: () => monteCarlo({ runs, seed: 42, run, progress: false }),
    on: () => monteCarlo({ runs, seed: 42, run, progress: true }),
    bare: () => { const r = new Array(runs); for (let i = 0; i < runs; i++) r[i] = run(runSeed(42, i), i); return r; },
  };
  const best = { off: Infinity, on: Infinity, bare: Infinity };
  for (let r = 0; r < reps; r++) {
    for (const [name, f] of Object.entries(variants)) {
      const c0 = process.cpuUsage();
      if (f().length !== runs) throw new Error(`${name}: short run`);
      const c = process.cpuUsage(c0);
      best[name] = Math.min(best[name], (c.user + c.system) / 1e6);
    }
  }
  const pct = (a, b) => (100 * (a - b)) / b;
  return { overheadPct: pct(best.on, best.off), tickOverheadPct: pct(best.off, best.bare), onCpuSeconds: best.on, offCpuSeconds: best.off, bareCpuSeconds: best.bare };
}

// The model checker on Gray and Lamport's TwoPhase with `rms` resource managers, properties included
// (as docs/checker.md measures it): depth first (like Stateright's `check`) or breadth first, on
// `threads` worker threads ("auto": one per core for a large search). Wall and CPU seconds (every
// thread) of checkModel alone (the warm-up and Node's start-up excluded).
function checkerTwoPhase(rms, strategy, threads = "auto") {
  const { checkModel, twoPhaseModel } = lib();
  const cpu0 = process.cpuUsage();
  const r = checkModel({ ...twoPhaseModel(rms), strategy, threads });
  const cpu = process.cpuUsage(cpu0);
  const s = r.elapsedMs / 1000;
  return { seconds: s, cpuSeconds: (cpu.user + cpu.system) / 1e6, distinctStates: r.distinctStates,
    generatedStates: r.generatedStates, statesPerS: r.distinctStates / s, verdict: r.verdict, threads: r.threads };
}

async function main() {
  const p = params;
  let out;
  switch (caseName) {
    case "kernel": kernelHold(p.warmupEvents); out = { eventsPerS: kernelHold(p.events), events: p.events }; break;
    case "bare": bareHold(p.warmupEvents); out = { eventsPerS: bareHold(p.events), events: p.events }; break;
    case "score": scoreSerial(p.warmupRuns); out = { ...scoreSerial(p.runs), runs: p.runs }; break;
    case "seeding": seeding(p.warmupRngs); out = { rngsPerS: seeding(p.rngs), rngs: p.rngs }; break;
    case "network": network(p.warmupMessages); out = { ...network(p.messages), messages: p.messages }; break;
    case "failure": failureYear(p.warmupNodes, p.recordFailureTimes); out = { ...failureYear(p.nodes, p.recordFailureTimes), nodes: p.nodes }; break;
    case "progress": progressOverhead(p.warmupRuns, 1); out = { ...progressOverhead(p.runs, p.reps), runs: p.runs, reps: p.reps }; break;
    case "explore": exploreWalk(p.warmupMessages, p.keyed); out = { ...exploreWalk(p.messages, p.keyed), messages: p.messages, keyed: p.keyed }; break;
    case "checker": checkerTwoPhase(p.warmupRms, p.strategy, p.threads); out = { ...checkerTwoPhase(p.rms, p.strategy, p.threads), rms: p.rms, strategy: p.strategy }; break;
    default: throw new Error(`unknown case ${JSON.stringify(caseName)}`);
  }
  console.log(JSON.stringify({ case: caseName, ...out, peakRssMB: peakMB() }));
}

await main();
