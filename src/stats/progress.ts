/**
 * A progress line for long work: monteCarlo, sweep and the model checker start one, so that work
 * taking more than about a second in a notebook shows what runs, how far it is, its rate and the time
 * left, redrawn in place a few times a second, and one last line when it ends. Work that ends sooner
 * shows nothing; outside a notebook nothing is shown unless asked. It never writes to stderr.
 *
 * @example
 * const p = startProgress({ label: "my loop 1,000,000 steps", total: 1_000_000, unit: "steps" });
 * try { for (let i = 0; i < 1_000_000; i++) { step(i); p.tick(i + 1); } } catch (e) { p.fail(); throw e; }
 * p.done();
 */
import { checkInteger, checkKeys, checkPositive, fail } from "../validate";
import { inKernel, onInterrupt } from "./notebook";
import { failedText, finalText, interruptedText, kernelLine, runningText, stoppedText, streamLine, type ProgressExtra, type ProgressLine, type WorkState } from "./progress-line";

export type { ProgressExtra };

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
  /** The work ended: if a line was shown (or the work stopped at maxSeconds), it becomes `5,000,000 runs in 107 s`. */
  done(extra?: ProgressExtra): void;
  /** The work ended with an error: a shown line becomes `failed after ...`. */
  fail(): void;
}

/** The line is shown once work has run this long (ms)... */
const SHOW_AFTER_MS = 1000;
/** ... and redrawn at most this often (ms). */
const REDRAW_MS = 250;

/** What a Progress needs from the outside world; tests pass their own. @internal */
export interface ProgressEnv {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Whether "auto" shows a line (in a notebook kernel). */
  auto: boolean;
  /** The line, opened when it is first drawn (null: nowhere to draw). */
  openLine(): ProgressLine | null;
  /** Registers the interrupted-cell message; returns its removal (see notebook.ts onInterrupt). */
  onInterrupt(handler: () => string): () => void;
  /** What identifies the running cell (tslab installs a new stdout writer for each cell). */
  cell(): unknown;
}

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
  private line: ProgressLine | null = null;
  private wantsLine: boolean;
  private ended = false;
  private readonly release: () => void;
  private readonly cell: unknown;

  constructor(private readonly text: Text, mode: ProgressMode, private readonly maxMs: number, private readonly env: ProgressEnv) {
    this.cell = env.cell();
    const outer = running.some((r) => r.cell === this.cell); // ones of an earlier cell were cut short
    this.wantsLine = mode === true || (mode === "auto" && env.auto && !outer);
    this.start = this.lastCheck = env.now();
    running.push(this);
    this.release = env.onInterrupt(() => {
      running.length = 0;
      this.safely(() => this.line?.clear());
      return interruptedText(this.state(this.env.now() - this.start), this.text.interruptHint);
    });
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
      this.lastDraw = now;
      this.show(false, runningText(this.state(elapsed)));
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

  fail(): void {
    if (this.ended) return;
    if (this.line !== null) this.show(true, failedText(this.state(this.env.now() - this.start)));
    this.end();
  }

  private end(): void {
    this.ended = true;
    const i = running.indexOf(this);
    if (i >= 0) running.splice(i, 1);
    this.release();
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

function defaultEnv(): ProgressEnv {
  const kernel = inKernel();
  return {
    now: () => performance.now(),
    auto: kernel,
    openLine: () => (kernel ? kernelLine() : streamLine(process.stdout.isTTY === true)),
    onInterrupt: kernel ? onInterrupt : () => () => undefined,
    cell: () => process.stdout.write,
  };
}
