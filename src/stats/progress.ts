/**
 * A progress line for long work: monteCarlo, sweep and the model checker start one, so that work
 * taking more than about a second in a notebook shows what runs, how far it is, its rate and the time
 * left, redrawn in place a few times a second, and one last line when it ends. Work that ends sooner
 * shows nothing; outside a notebook nothing is shown unless asked. It never writes to stderr.
 *
 * @example
 * const p = startProgress({ label: "my loop 1,000,000 steps", total: 1_000_000, unit: "steps" });
 * const sum = p.run(() => { let s = 0; for (let i = 0; i < 1_000_000; i++) { s += step(i); p.tick(i + 1); } return s; });
 * p.done();
 */
import { checkInteger, checkKeys, checkPositive, fail } from "../validate";
import { interruptedError, isInterrupt } from "./notebook";
import { defaultEnv, failedText, finalText, interruptedText, runningText, stoppedText, type ProgressEnv, type ProgressExtra, type ProgressLine, type WorkState } from "./progress-line";

export type { ProgressEnv, ProgressExtra };

/** Whether long work shows a progress line: "auto" in a notebook kernel only, true always, false never. */
export type ProgressMode = boolean | "auto";

/** Options for {@link startProgress}. */
export interface ProgressOptions {
  /** What runs, e.g. `"monteCarlo 5,000,000 runs"`. */
  label: string;
  /** How many units the work has. @defaultValue unknown: the line shows the count, the rate and the time so far */
  total?: number;
  /** The unit counted, plural. @defaultValue "steps" */
  unit?: string;
  /** Whether a line is shown (once the work takes more than about 1 s): "auto" in a notebook kernel only, true always, false never. @defaultValue "auto" */
  progress?: ProgressMode;
  /** After this many seconds {@link Progress.expired} turns true (the work decides to stop). @defaultValue none */
  maxSeconds?: number;
  /** Appended to the line shown when the cell is interrupted, e.g. how to keep partial results. @defaultValue none */
  interruptHint?: string;
}

/** A running piece of work's progress; see {@link startProgress}. */
export interface Progress {
  /** `done` units are complete. Cheap (it reads the clock only every few milliseconds): call it as often as work completes. `extra` is shown on the line. */
  tick(done: number, extra?: ProgressExtra): void;
  /** True once `maxSeconds` have passed (noticed at a tick). */
  readonly expired: boolean;
  /**
   * Runs the (synchronous) work and returns what it returns. In a notebook, Kernel > Interrupt stops
   * it with one line, `interrupted after 1,234 of 5,000 runs (24%)` (and the interruptHint), instead
   * of a stack trace, also after a top-level await. If the work throws, a shown line becomes
   * `failed after ...` and the error goes on.
   */
  run<T>(work: () => T): T;
  /** The work ended: if a line was shown (or the work stopped at maxSeconds), it becomes `5,000,000 runs in 107 s`. */
  done(extra?: ProgressExtra): void;
}

/** The line is shown once work has run this long (ms)... */
const SHOW_AFTER_MS = 1000;
/** ... and redrawn at most this often (ms). */
const REDRAW_MS = 250;
/** The weight of the latest redraw interval in the rate shown (an exponential moving average). */
const RATE_SMOOTHING = 0.3;

/** Starts reporting the progress of work that is about to run; see {@link Progress}. */
export function startProgress(options: ProgressOptions): Progress {
  return createProgress(options, defaultEnv());
}

/** startProgress with a given environment. @internal */
export function createProgress(options: ProgressOptions, env: ProgressEnv): Progress {
  if (options === null || typeof options !== "object") fail("startProgress(options): options", options, "an object");
  checkKeys("startProgress options", options, ["label", "total", "unit", "progress", "maxSeconds", "interruptHint"]);
  const { label, total, unit = "steps", interruptHint } = options;
  if (typeof label !== "string") fail("startProgress: label", label, "a string");
  if (total !== undefined) checkInteger("startProgress: total", total, 0);
  if (typeof unit !== "string") fail("startProgress: unit", unit, "a string");
  if (interruptHint !== undefined && typeof interruptHint !== "string") fail("startProgress: interruptHint", interruptHint, "a string");
  const mode = checkProgressMode("startProgress: progress", options.progress);
  const maxMs = options.maxSeconds === undefined ? Infinity : 1000 * checkPositive("startProgress: maxSeconds", options.maxSeconds);
  return new Reporter({ label, total, unit, interruptHint }, mode, maxMs, env);
}

/** Validates a `progress` option. @internal */
export function checkProgressMode(name: string, value: unknown): ProgressMode {
  if (value === undefined) return "auto";
  if (value === true || value === false || value === "auto") return value;
  return fail(name, value, 'true, false or "auto"');
}

interface Text { label: string; total?: number; unit: string; interruptHint?: string }

/** Reporters running now, outermost first: a nested "auto" one draws nothing. */
const running: Reporter[] = [];

class Reporter implements Progress {
  expired = false;
  private count = 0;
  private extra: ProgressExtra | undefined;
  private countdown = 1;
  private stride = 1;
  private readonly start: number;
  private lastCheck: number;
  private lastDraw = -Infinity;
  private lastDrawCount = 0;
  private rate = NaN;
  private line: ProgressLine | null = null;
  private wantsLine: boolean;
  private ended = false;
  private readonly cell: unknown;

  constructor(private readonly text: Text, mode: ProgressMode, private readonly maxMs: number, private readonly env: ProgressEnv) {
    this.cell = env.cell();
    const outer = running.some((r) => r.cell === this.cell); // one never ended in an earlier cell does not count
    this.wantsLine = mode === true || (mode === "auto" && env.auto && !outer);
    this.start = this.lastCheck = env.now();
    running.push(this);
  }

  run<T>(work: () => T): T {
    try {
      return this.env.interruptibly(work);
    } catch (error) {
      if (!isInterrupt(error)) {
        this.fail();
        throw error;
      }
      const message = interruptedText(this.state(this.env.now() - this.start), this.text.interruptHint);
      if (this.line !== null) this.safely(() => this.line?.clear());
      this.end();
      throw interruptedError(message);
    }
  }

  tick(done: number, extra?: ProgressExtra): void {
    this.count = done;
    if (extra !== undefined) this.extra = extra;
    if (--this.countdown > 0) return;
    this.check();
  }

  /** Reads the clock; reads it less often while ticks come fast (aiming at one read every 10 to 40 ms). */
  private check(): void {
    const now = this.env.now();
    const gap = now - this.lastCheck;
    this.lastCheck = now;
    if (gap < 10) this.stride *= 2;
    else if (gap > 40 && this.stride > 1) this.stride = Math.ceil(this.stride / 2);
    this.countdown = this.stride;
    const elapsed = now - this.start;
    if (elapsed >= this.maxMs) this.expired = true;
    if (this.wantsLine && elapsed >= SHOW_AFTER_MS && now - this.lastDraw >= REDRAW_MS) {
      // The rate shown (and the time left) follows the recent rate, smoothed, as tqdm's does: the
      // first runs are slower (the JIT warms up), so the average since the start would lag.
      const recent = now > this.lastDraw ? (1000 * (this.count - this.lastDrawCount)) / (now - this.lastDraw) : NaN;
      this.rate = Number.isNaN(this.rate) ? (1000 * this.count) / elapsed : RATE_SMOOTHING * recent + (1 - RATE_SMOOTHING) * this.rate;
      this.lastDraw = now;
      this.lastDrawCount = this.count;
      this.show(false, runningText({ ...this.state(elapsed), rate: this.rate }));
    }
  }

  done(extra?: ProgressExtra): void {
    if (this.ended) return;
    if (extra !== undefined) this.extra = extra;
    const state = this.state(this.env.now() - this.start);
    const stopped = this.expired && state.total !== undefined && state.count < state.total;
    if (stopped) this.show(true, stoppedText(state));
    else if (this.line !== null) this.show(true, finalText(state));
    this.end();
  }

  /** The work threw: a shown line says so. */
  private fail(): void {
    if (this.ended) return;
    if (this.line !== null) this.show(true, failedText(this.state(this.env.now() - this.start)));
    this.end();
  }

  private end(): void {
    this.ended = true;
    const i = running.indexOf(this);
    if (i >= 0) running.splice(i, 1);
  }

  private state(elapsedMs: number): WorkState {
    const { label, total, unit } = this.text;
    return { label, total, unit, count: this.count, extra: this.extra, seconds: elapsedMs / 1000 };
  }

  private show(final: boolean, text: string): void {
    if (this.line === null) {
      if (!this.wantsLine) return;
      this.line = this.safely(() => this.env.openLine()) ?? null;
      if (this.line === null) { this.wantsLine = false; return; }
    }
    const line = this.line;
    const ok = this.safely(() => { if (final) line.end(text); else line.draw(text); return true; });
    if (!ok) this.wantsLine = false;
  }

  /** Output must never break the work: a failing draw stops drawing. */
  private safely<T>(f: () => T): T | undefined {
    try {
      return f();
    } catch {
      this.wantsLine = false;
      return undefined;
    }
  }
}
