/**
 * A small progress printer for notebooks: pass it as `onProgress` to monteCarlo or sweep. It writes to stdout only (the notebook runner treats stderr as failure).
 */
import { checkKeys, checkNumber, fail } from "../validate";
import type { ProgressCallback } from "./internal";

/** Options for {@link progressPrinter}. */
export interface ProgressPrinterOptions {
  /** Print at most once per this many percent. @defaultValue 10 */
  everyPercent?: number;
  /** Where lines go. @defaultValue a function writing the line and a newline to process.stdout */
  write?: (line: string) => void;
}

/**
 * Returns a `(done, total)` callback that prints `label: 40% (4000/10000)` each time progress
 * crosses another `everyPercent` step, and once at 100%. Calls that do not cross a step print
 * nothing, so it is cheap to call often. A new total (another experiment) starts over.
 *
 * @param label - the name printed at the start of each line
 * @example monteCarlo({ runs: 100_000, seed: SEED, run, onProgress: progressPrinter("client-server") })
 */
export function progressPrinter(label: string, options: ProgressPrinterOptions = {}): ProgressCallback {
  if (typeof label !== "string") fail("progressPrinter(label): label", label, "a string");
  if (options === null || typeof options !== "object") fail("progressPrinter(label, options): options", options, "an object");
  checkKeys("progressPrinter options", options, ["everyPercent", "write"]);
  const every = checkNumber("progressPrinter: everyPercent", options.everyPercent ?? 10, Number.MIN_VALUE, 100);
  const write = options.write ?? ((line: string) => { process.stdout.write(line + "\n"); });
  if (typeof write !== "function") fail("progressPrinter: write", write, "a function (line) => void");
  let lastStep = -1;
  let lastTotal = -1;
  return (done: number, total: number) => {
    if (total !== lastTotal) { lastTotal = total; lastStep = -1; }
    if (!(total > 0)) return;
    const percent = Math.min(100, (100 * done) / total);
    const step = done >= total ? Infinity : Math.floor(percent / every);
    if (step <= lastStep || (step === 0 && done < total)) return;
    lastStep = step;
    write(`${label}: ${Math.floor(percent)}% (${done}/${total})`);
  };
}
