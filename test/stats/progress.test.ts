// The progress line of long work (src/stats/progress.ts) on a fake clock, the interrupted-cell message
// (src/stats/notebook.ts), and monteCarlo/sweep with progress and maxSeconds. The real kernel's
// behaviour is tested in test/runner/progress.test.ts.
import { performance } from "node:perf_hooks";
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRng } from "../../src/random/rng";
import { monteCarlo } from "../../src/stats/montecarlo";
import { inspect } from "node:util";
import { isInterrupt, runInterruptibly } from "../../src/stats/notebook";
import { createProgress, startProgress, type ProgressEnv, type ProgressOptions } from "../../src/stats/progress";
import { formatCount, formatSeconds } from "../../src/stats/progress-line";
import { sweep } from "../../src/stats/sweep";
import { fakeKernel } from "../display/_fake-kernel";

/** A fake environment: a clock the test moves, and every line drawn ("draw", "end" or "clear"). */
function fakeEnv(auto = true) {
  let t = 0;
  const lines: [string, string][] = [];
  let opened = 0;
  const env: ProgressEnv = {
    now: () => t,
    auto,
    openLine: () => {
      opened++;
      return { draw: (s) => lines.push(["draw", s]), end: (s) => lines.push(["end", s]), clear: () => lines.push(["clear", ""]) };
    },
    interruptibly: (work) => work(),
    cell: () => "cell",
  };
  return { env, lines, advance: (ms: number) => { t += ms; }, opened: () => opened };
}

/** Ticks `steps` units, one every `msEach` of fake time. */
function work(options: ProgressOptions, steps: number, msEach: number, auto = true) {
  const f = fakeEnv(auto);
  const p = createProgress(options, f.env);
  for (let i = 1; i <= steps; i++) { f.advance(msEach); p.tick(i); }
  return { ...f, p };
}

const spin = (ms: number) => { const end = performance.now() + ms; while (performance.now() < end) { /* busy */ } };

test("work that ends within about 1 s shows nothing, not even a final line", () => {
  const w = work({ label: "mc", total: 900, unit: "runs" }, 900, 1);
  w.p.done();
  assert.deepEqual(w.lines, []);
  assert.equal(w.opened(), 0);
});

test("after 1 s one line is drawn, redrawn at most every 250 ms, and ends as '3,000 runs in 3.0 s'", () => {
  const w = work({ label: "monteCarlo 3,000 runs", total: 3000, unit: "runs" }, 3000, 1);
  w.p.done();
  assert.equal(w.opened(), 1);
  const draws = w.lines.filter(([k]) => k === "draw").map(([, s]) => s);
  assert.ok(draws.length >= 6 && draws.length <= 9, `${draws.length} draws in 2 s`);
  assert.match(draws[0], /^monteCarlo 3,000 runs: 1,0\d\d\/3,000 \(3\d%\), 1,000 runs\/s, 1\.9 s left$/);
  assert.deepEqual(w.lines[w.lines.length - 1], ["end", "3,000 runs in 3.0 s"]);
});

test("the rate shown follows the recent rate (smoothed), not the average since the start", () => {
  const f = fakeEnv();
  const p = createProgress({ label: "mc", total: 100_000, unit: "runs" }, f.env);
  let i = 0;
  for (; i < 1500; i++) { f.advance(1); p.tick(i + 1); } // 1,000 runs/s while the JIT warms up
  for (; i < 13_500; i++) { f.advance(0.25); p.tick(i + 1); } // then 4,000 runs/s for 3 s
  p.done();
  const last = f.lines.filter(([k]) => k === "draw").pop()![1];
  const rate = Number(/, ([\d,]+) runs\/s/.exec(last)![1].replace(/,/g, ""));
  assert.ok(rate > 3800 && rate <= 4000, `${last}: the average since the start would be about 3,000`);
});

test("with no total the line shows the count, the rate, the extra figures and the time so far", () => {
  const f = fakeEnv();
  const p = createProgress({ label: "checkModel", unit: "states" }, f.env);
  const stats = { queue: 0, depth: 0 };
  for (let i = 1; i <= 1500; i++) { f.advance(1); stats.queue = 2 * i; stats.depth = Math.floor(i / 100); p.tick(i, stats); }
  p.done({ depth: 15 });
  const draws = f.lines.filter(([k]) => k === "draw").map(([, s]) => s);
  assert.match(draws[0], /^checkModel: 1,0\d\d states, 1,000 states\/s, queue 2,0\d\d, depth 10, 1\.0 s$/);
  assert.deepEqual(f.lines[f.lines.length - 1], ["end", "1,500 states in 1.5 s, depth 15"]);
});

test("maxSeconds: expired turns true after that time, and the line says where the work stopped", () => {
  const f = fakeEnv();
  const p = createProgress({ label: "mc", total: 10_000, unit: "runs", maxSeconds: 2 }, f.env);
  let i = 0;
  while (!p.expired && i < 10_000) { f.advance(1); p.tick(++i); }
  assert.ok(i >= 2000 && i < 2100, `stopped at ${i}`);
  p.done();
  assert.match(f.lines[f.lines.length - 1][1], /^stopped after 2\.\d s \(maxSeconds\): 2,0\d\d of 10,000 runs \(20%\)$/);
});

test("run(work): an error fails a shown line and goes on; an interrupt clears it and throws one line", () => {
  const f = fakeEnv();
  const p = createProgress({ label: "mc", total: 4000, unit: "runs" }, f.env);
  const boom = new Error("boom");
  assert.throws(() => p.run(() => { for (let i = 1; i <= 1500; i++) { f.advance(1); p.tick(i); } throw boom; }), (e) => e === boom);
  assert.deepEqual(f.lines[f.lines.length - 1], ["end", "failed after 1,500 of 4,000 runs (37%)"]);
  const g = fakeEnv();
  const q = createProgress({ label: "mc", total: 4000, unit: "runs", interruptHint: "use maxSeconds" }, g.env);
  const sigint = Object.assign(new Error("Script execution was interrupted by `SIGINT`"), { code: "ERR_SCRIPT_EXECUTION_INTERRUPTED" });
  let thrown: unknown;
  try {
    q.run(() => { for (let i = 1; i <= 1234; i++) { g.advance(1); q.tick(i); } throw sigint; });
  } catch (e) {
    thrown = e;
  }
  assert.ok(isInterrupt(thrown));
  assert.equal(inspect(thrown), "interrupted after 1,234 of 4,000 runs (30%); use maxSeconds", "it prints as one line");
  assert.deepEqual(g.lines[g.lines.length - 1], ["clear", ""]);
  assert.equal(q.run(() => 7), 7);
});

test('progress: false never draws, and "auto" draws only in a notebook (env.auto); true draws anywhere', () => {
  const opened = (options: ProgressOptions, auto: boolean) => {
    const w = work(options, 3000, 1, auto);
    w.p.done();
    return w.opened();
  };
  assert.equal(opened({ label: "a", total: 3000, progress: false }, true), 0);
  assert.equal(opened({ label: "a", total: 3000 }, false), 0);
  assert.equal(opened({ label: "a", total: 3000, progress: true }, false), 1);
});

test('a nested "auto" progress draws nothing while an outer one runs', () => {
  const f = fakeEnv();
  const outer = createProgress({ label: "outer", total: 2 }, f.env);
  const inner = createProgress({ label: "inner", total: 3000 }, f.env);
  for (let i = 1; i <= 3000; i++) { f.advance(1); inner.tick(i); }
  inner.done();
  assert.equal(f.opened(), 0);
  outer.done();
  const after = createProgress({ label: "after", total: 3000 }, f.env);
  for (let i = 1; i <= 3000; i++) { f.advance(1); after.tick(i); }
  after.done();
  assert.equal(f.opened(), 1);
  assert.ok(f.lines.every(([, s]) => !s.includes("inner")));
});

test("formatCount and formatSeconds", () => {
  assert.equal(formatCount(5_000_000), "5,000,000");
  assert.equal(formatCount(999), "999");
  assert.equal(formatCount(3.4567), "3.46");
  assert.equal(formatSeconds(4.26), "4.2 s");
  assert.equal(formatSeconds(107.4), "107 s");
  assert.equal(formatSeconds(1023), "17 min 3 s");
  assert.equal(formatSeconds(7300), "2 h 1 min");
});

test("startProgress validates its options", () => {
  assert.throws(() => startProgress({ label: 3 as never }), /startProgress: label must be a string; got 3/);
  assert.throws(() => startProgress({ label: "x", total: -1 }), /startProgress: total must be an integer in \[0, /);
  assert.throws(() => startProgress({ label: "x", progress: "yes" as never }), /startProgress: progress must be true, false or "auto"; got "yes"/);
  assert.throws(() => startProgress({ label: "x", maxSeconds: 0 }), /startProgress: maxSeconds must be a finite number > 0; got 0/);
  assert.throws(() => startProgress({ label: "x", lable: "y" } as never), /unknown option "lable"/);
});

test("runInterruptibly(work): SIGINT stops the work with an exception its caller catches (Kernel > Interrupt)", () => {
  assert.equal(runInterruptibly(() => 6 * 7), 42);
  assert.throws(() => runInterruptibly(() => { throw new RangeError("mine"); }), RangeError);
  const started = Date.now();
  let caught: unknown;
  try {
    runInterruptibly(() => { process.kill(process.pid, "SIGINT"); for (;;) spin(1); });
  } catch (e) {
    caught = e;
  }
  assert.ok(isInterrupt(caught), String(caught));
  assert.ok(Date.now() - started < 5000);
});

test("in a (fake) tslab kernel an interrupted monteCarlo throws one line saying how far it got", () => {
  const kernel = fakeKernel(true);
  try {
    let caught: unknown;
    try {
      monteCarlo({ runs: 1_000_000, seed: 1, run: (s, i) => { if (i === 100) process.kill(process.pid, "SIGINT"); spin(0.01); return i; } });
    } catch (e) {
      caught = e;
    }
    assert.match(inspect(caught), /^interrupted after [\d,]+ of 1,000,000 runs \(<1%\); to keep partial results, pass maxSeconds$/);
  } finally {
    kernel.uninstall();
  }
});

test("monteCarlo({ maxSeconds }) stops early and returns the first runs of the full experiment, marked partial", () => {
  const run = (s: string) => { spin(1); return createRng(s).next(); };
  const some = monteCarlo({ runs: 100_000, seed: 7, run, maxSeconds: 0.05 });
  assert.equal(some.partial, true);
  assert.ok(some.length > 0 && some.length < 100_000, `${some.length} runs`);
  assert.deepEqual(some, monteCarlo({ runs: some.length, seed: 7, run: (s) => createRng(s).next() }));
  const all = monteCarlo({ runs: 10, seed: 7, run: (s) => createRng(s).next() });
  assert.equal(all.partial, false);
  assert.deepEqual(Object.keys(all), Object.keys([...all]), "partial is not enumerable");
});

test("monteCarlo and sweep validate progress and maxSeconds", () => {
  const base = { runs: 2, seed: 1, run: () => 1 };
  assert.throws(() => monteCarlo({ ...base, progress: "on" as never }), /monteCarlo: progress must be true, false or "auto"; got "on"/);
  assert.throws(() => monteCarlo({ ...base, maxSeconds: -1 }), /monteCarlo: maxSeconds must be a finite number > 0; got -1/);
  assert.throws(() => sweep({ grid: { a: [1] }, ...base, progress: 1 as never }), /sweep: progress must be true, false or "auto"; got 1/);
});

test("in a (fake) tslab kernel, a monteCarlo of about 1.3 s redraws one display and ends with its final line", () => {
  const kernel = fakeKernel(true);
  try {
    monteCarlo({ runs: 1300, seed: 1, run: () => spin(1) });
    const texts = kernel.displayed.filter((d) => d.type === "text").map((d) => String(d.value));
    assert.ok(texts.length >= 2, texts.join(" | "));
    assert.match(texts[0], /^monteCarlo 1,300 runs: [\d,]+\/1,300 \(\d+%\), [\d,]+ runs\/s, [\d.]+ s left$/);
    assert.match(texts[texts.length - 1], /^1,300 runs in [\d.]+ s$/);
  } finally {
    kernel.uninstall();
  }
});

test("in a (fake) tslab kernel, sweep shows one line over all cells; short work and progress: false show nothing", () => {
  const kernel = fakeKernel(true);
  try {
    sweep({ grid: { a: [1, 2] }, runs: 650, seed: 1, run: () => spin(1), summarize: (rs) => ({ n: rs.length }) });
    const texts = kernel.displayed.map((d) => String(d.value));
    assert.match(texts[0], /^sweep 2 cells × 650 runs: [\d,]+\/1,300 \(\d+%\)/);
    assert.match(texts[texts.length - 1], /^1,300 runs in [\d.]+ s$/);
    kernel.displayed.length = 0;
    monteCarlo({ runs: 1000, seed: 1, run: () => 0 });
    monteCarlo({ runs: 1100, seed: 1, run: () => spin(1), progress: false });
    assert.deepEqual(kernel.displayed, []);
  } finally {
    kernel.uninstall();
  }
});

test("progress: true in plain Node writes the lines to stdout (never stderr)", () => {
  const out: string[] = [];
  const err: string[] = [];
  const [saveOut, saveErr] = [process.stdout.write, process.stderr.write];
  process.stdout.write = ((c: string) => { out.push(String(c)); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((c: string) => { err.push(String(c)); return true; }) as typeof process.stderr.write;
  try {
    monteCarlo({ runs: 1100, seed: 1, run: () => spin(1), progress: true });
  } finally {
    process.stdout.write = saveOut;
    process.stderr.write = saveErr;
  }
  assert.deepEqual(err, []);
  assert.match(out.join(""), /monteCarlo 1,100 runs: [\d,]+\/1,100[^\n]*\n1,100 runs in [\d.]+ s\n$/);
});
