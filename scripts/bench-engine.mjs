// Engine benchmarks: kernel events/s vs a bare typed-array heap, rng seeding cost, network messages/s.
// Usage: npx tsc -p tsconfig.json --outDir /tmp/dist-engine && node scripts/bench-engine.mjs [/tmp/dist-engine]
// (defaults to ./dist). Prints figures only; nothing here is asserted.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const distDir = path.resolve(process.argv[2] ?? new URL("../dist", import.meta.url).pathname);
const lib = { ...require(path.join(distDir, "random/index.js")), ...require(path.join(distDir, "engine/index.js")) };
const { Kernel, createRng, createWorld, exponential } = lib;

const PENDING = 1000;
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const secs = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;
const fmt = (x) => Math.round(x).toLocaleString("en-US");

// 1. The kernel on a hold model: each event schedules one new event at now + Exp(mean 1).
function kernelHold() {
  const k = new Kernel({ maxEvents: EVENTS + PENDING + 10 });
  const rng = createRng(1, "hold");
  let h = 0;
  h = k.register(() => { k.after(-Math.log(1 - rng.next()), h, 0); });
  for (let i = 0; i < PENDING; i++) k.after(-Math.log(1 - rng.next()), h, 0);
  const t0 = process.hrtime.bigint();
  k.run({ maxEvents: EVENTS });
  return EVENTS / secs(t0);
}

// 2. The denominator: the same hold model on a bare typed-array heap (time + seq + slot), no simulator.
function bareHold() {
  let cap = 2048;
  const T = new Float64Array(cap), S = new Float64Array(cap), L = new Int32Array(cap);
  let n = 0, seq = 0, now = 0;
  const rng = createRng(1, "hold");
  const push = (t, l) => {
    const s = seq++;
    let i = n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (T[p] < t || (T[p] === t && S[p] < s)) break;
      T[i] = T[p]; S[i] = S[p]; L[i] = L[p]; i = p;
    }
    T[i] = t; S[i] = s; L[i] = l;
  };
  const pop = () => {
    const top = L[0];
    const m = --n;
    if (m > 0) {
      const t = T[m], s = S[m], l = L[m];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= m) break;
        if (c + 1 < m && (T[c + 1] < T[c] || (T[c + 1] === T[c] && S[c + 1] < S[c]))) c++;
        if (t < T[c] || (t === T[c] && s < S[c])) break;
        T[i] = T[c]; S[i] = S[c]; L[i] = L[c]; i = c;
      }
      T[i] = t; S[i] = s; L[i] = l;
    }
    return top;
  };
  for (let i = 0; i < PENDING; i++) push(-Math.log(1 - rng.next()), i);
  const t0 = process.hrtime.bigint();
  for (let e = 0; e < EVENTS; e++) {
    now = T[0];
    const l = pop();
    push(now + -Math.log(1 - rng.next()), l);
  }
  return EVENTS / secs(t0);
}

// 3. Seeding cost: rngs created (and one number drawn) per second.
function seeding() {
  const N = 300_000;
  let s = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) s += createRng(`42/run/${i}`, "network").next();
  if (s < 0) console.log(s);
  return N / secs(t0);
}

// 4. Network layer: two nodes ping-pong forever through a lossy, duplicating network; every delivery
//    answers with one message, and a timer per node re-sends if traffic dies out.
function network() {
  const MSGS = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
  const world = createWorld({
    seed: 7, nodes: ["A", "B"], maxEvents: 100 * MSGS,
    network: { delayMs: exponential(5), lossRate: 0.1, duplicateRate: 0.05 },
  });
  const handlers = {
    init(ctx) { for (let i = 0; i < 50; i++) ctx.send(ctx.name === "A" ? "B" : "A", "ping"); ctx.setTimer(10, "tick"); },
    onMessage(ctx, msg) { ctx.send(msg.from, "ping"); },
    onTimer(ctx) { ctx.send(ctx.name === "A" ? "B" : "A", "ping"); ctx.setTimer(10, "tick"); },
  };
  world.node("A", handlers);
  world.node("B", handlers);
  const t0 = process.hrtime.bigint();
  let trace;
  while ((trace = world.trace).summary().sent < MSGS) world.run({ maxEvents: 100_000 });
  const s = secs(t0);
  const sum = trace.summary();
  return { perSec: sum.sent / s, sum };
}

// Best of three, interleaved, because other processes share the machine.
let kernel = 0, bare = 0;
for (let r = 0; r < 3; r++) {
  kernel = Math.max(kernel, kernelHold());
  bare = Math.max(bare, bareHold());
}
console.log(`hold model, ${PENDING} pending, ${fmt(EVENTS)} events (best of 3)`);
console.log(`  kernel:           ${fmt(kernel)} events/s`);
console.log(`  bare typed heap:  ${fmt(bare)} events/s`);
console.log(`  ratio:            ${(kernel / bare).toFixed(2)}x (target >= 0.6x)`);
console.log(`rng seeding:        ${fmt(seeding())} rngs/s (createRng + one draw)`);
if (createWorld) {
  const net = network();
  console.log(`network (loss 0.1, duplication 0.05): ${fmt(net.perSec)} messages sent/s`);
  console.log(`  summary: ${JSON.stringify(net.sum)}`);
}
