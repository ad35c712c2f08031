/**
 * The words of a progress line and where the line goes: a display redrawn in place in a notebook
 * kernel, a carriage-return line on a terminal, or one line per draw elsewhere; and the rest of the
 * outside world a Progress needs (a clock, the interrupt). @internal
 */
import { inKernel, newDisplayLine, runInterruptibly, sendOutputsAtOnce } from "./notebook";
import { performance } from "node:perf_hooks";

/** Figures shown after the rate, e.g. `{ queue: 1234, depth: 17 }` (numbers get thousands separators). */
export type ProgressExtra = Readonly<Record<string, number | string>>;

/** Where a line goes: drawn, redrawn, ended or cleared. @internal */
export interface ProgressLine {
  draw(text: string): void;
  end(text: string): void;
  clear(): void;
}

/** What a line tells: the work, how far it got and how long it has run. @internal */
export interface WorkState {
  label: string;
  total?: number;
  unit: string;
  count: number;
  extra?: ProgressExtra;
  seconds: number;
  /** Units per second to show. @defaultValue count / seconds */
  rate?: number;
}

/** `monteCarlo 5,000,000 runs: 1,234,000/5,000,000 (24%), 46,512 runs/s, 81 s left`; without a total the count, rate, extras and time so far. */
export function runningText(w: WorkState): string {
  const rate = w.rate ?? (w.seconds > 0 ? w.count / w.seconds : 0);
  const parts = [w.total === undefined ? `${formatCount(w.count)} ${w.unit}` : `${formatCount(w.count)}/${formatCount(w.total)} (${percent(w.count, w.total)})`];
  parts.push(`${formatRate(rate)} ${w.unit}/s`);
  const extras = extrasText(w.extra);
  if (extras) parts.push(extras);
  if (w.total === undefined) parts.push(formatSeconds(w.seconds));
  else if (rate > 0) parts.push(`${formatSeconds(Math.max(0, w.total - w.count) / rate)} left`);
  return `${w.label}: ${parts.join(", ")}`;
}

/** `5,000,000 runs in 107 s` (and the extras). */
export function finalText(w: WorkState): string {
  const extras = extrasText(w.extra);
  return `${formatCount(w.count)} ${w.unit} in ${formatSeconds(w.seconds)}${extras ? `, ${extras}` : ""}`;
}

/** `stopped after 30 s (maxSeconds): 1,234,000 of 5,000,000 runs (24%)`. */
export function stoppedText(w: WorkState): string {
  return `stopped after ${formatSeconds(w.seconds)} (maxSeconds): ${doneOf(w)}`;
}

/** `failed after 1,234 of 5,000 runs (24%)`. */
export function failedText(w: WorkState): string {
  return `failed after ${doneOf(w)}`;
}

/** `interrupted after 1,234,000 of 5,000,000 runs (24%)`, or `... after 123,456 states (12 s)`, and the hint. */
export function interruptedText(w: WorkState, hint?: string): string {
  const what = w.total === undefined ? `${doneOf(w)} (${formatSeconds(w.seconds)})` : doneOf(w);
  return `interrupted after ${what}${hint ? `; ${hint}` : ""}`;
}

function doneOf(w: WorkState): string {
  const count = formatCount(w.count);
  return w.total === undefined ? `${count} ${w.unit}` : `${count} of ${formatCount(w.total)} ${w.unit} (${percent(w.count, w.total)})`;
}

function extrasText(extra: ProgressExtra | undefined): string {
  if (extra === undefined) return "";
  return Object.entries(extra).map(([k, v]) => `${k} ${typeof v === "number" ? formatCount(v) : v}`).join(", ");
}

/** What a Progress needs from the outside world; tests pass their own. @internal */
export interface ProgressEnv {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Whether "auto" shows a line (in a notebook kernel). */
  auto: boolean;
  /** The line, opened when it is first drawn (null: nowhere to draw). */
  openLine(): ProgressLine | null;
  /** Runs work so that an interrupt raises an exception isInterrupt() knows (notebook.ts runInterruptibly). */
  interruptibly<T>(work: () => T): T;
  /** What identifies the running cell (tslab installs a new stdout writer for each cell). */
  cell(): unknown;
}

/** The real world: in a tslab kernel a display line and interruptible work, elsewhere stdout. @internal */
export function defaultEnv(): ProgressEnv {
  const kernel = inKernel();
  if (kernel) sendOutputsAtOnce(); // before this work's outputs, and every later cell's

  return {
    now: () => performance.now(),
    auto: kernel,
    openLine: () => (kernel ? kernelLine() : streamLine(process.stdout.isTTY === true)),
    interruptibly: kernel ? runInterruptibly : (work) => work(),
    cell: () => process.stdout.write,
  };
}

/** In a kernel: a display redrawn in place (update_display_data); else a carriage-return stream line. */
export function kernelLine(): ProgressLine {
  const display = newDisplayLine();
  if (display === null) return streamLine(false, true);
  return { draw: (t) => display.text(t), end: (t) => display.text(t), clear: () => display.text("") };
}

/** On stdout: redrawn with a carriage return (a terminal, or a notebook stream), else one line per draw. */
export function streamLine(tty: boolean, carriageReturn = tty): ProgressLine {
  const out = (s: string) => { process.stdout.write(s); };
  if (!carriageReturn) return { draw: (t) => out(`${t}\n`), end: (t) => out(`${t}\n`), clear: () => undefined };
  const erase = tty ? "\x1b[K" : "";
  return { draw: (t) => out(`\r${t}${erase}`), end: (t) => out(`\r${t}${erase}\n`), clear: () => out(`\r${erase}`) };
}

/** 5000000 -> "5,000,000"; fractions keep up to 3 significant digits. @internal */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = Number.isInteger(n) ? String(Math.abs(n)) : String(Math.abs(Number(n.toPrecision(3))));
  const [int, frac] = s.split(".");
  return `${n < 0 ? "-" : ""}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${frac ? `.${frac}` : ""}`;
}

function formatRate(rate: number): string {
  return formatCount(rate >= 100 ? Math.round(rate) : rate);
}

function percent(done: number, total: number): string {
  if (total <= 0) return "100%";
  const p = (100 * done) / total;
  return p > 0 && p < 1 ? "<1%" : `${Math.floor(Math.min(100, p))}%`;
}

/** 4.24 -> "4.2 s", 107.4 -> "107 s", 1023 -> "17 min 3 s", 7300 -> "2 h 1 min". @internal */
export function formatSeconds(s: number): string {
  if (s < 10) return `${(Math.floor(s * 10) / 10).toFixed(1)} s`;
  if (s < 120) return `${Math.round(s)} s`;
  if (s < 7200) return `${Math.floor(s / 60)} min ${Math.floor(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
