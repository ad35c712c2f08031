/**
 * The worker-thread side of {@link monteCarloParallel}. Not imported by anything: the main thread
 * starts this file (compiled to worker.js) with `new Worker(...)`.
 *
 * Protocol. workerData: `{ modulePath, exportName, args, seed }`. The main thread sends
 * `{ start, end }` chunks; the worker answers `{ type: "done", start, results }` or
 * `{ type: "runError", index, seed, message, stack }`, and `{ type: "loadError", message }` if the
 * module cannot be loaded.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runSeed } from "./montecarlo";

/** The data every worker is started with. @internal */
export interface WorkerSetup {
  modulePath: string;
  exportName: string;
  args: unknown;
  seed: string | number;
}

/** A message from a worker to the main thread. @internal */
export type WorkerReply =
  | { type: "done"; start: number; results: unknown[] }
  | { type: "runError"; index: number; seed: string; message: string; stack?: string }
  | { type: "loadError"; message: string };

if (parentPort !== null) {
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  let fn: ((args: unknown, seed: string, index: number) => unknown) | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const mod = require(setup.modulePath) as Record<string, unknown>;
    const exported = mod[setup.exportName];
    if (typeof exported !== "function") throw new Error(`export ${JSON.stringify(setup.exportName)} is not a function`);
    fn = exported as typeof fn;
  } catch (error) {
    port.postMessage({ type: "loadError", message: (error as Error)?.message ?? String(error) } satisfies WorkerReply);
  }
  port.on("message", (chunk: { start: number; end: number }) => {
    if (fn === undefined) return;
    const results = new Array<unknown>(chunk.end - chunk.start);
    for (let i = chunk.start; i < chunk.end; i++) {
      const seed = runSeed(setup.seed, i);
      try {
        results[i - chunk.start] = fn(setup.args, seed, i);
      } catch (error) {
        const e = error as Error;
        port.postMessage({ type: "runError", index: i, seed, message: e?.message ?? String(error), stack: e?.stack } satisfies WorkerReply);
        return;
      }
    }
    try {
      port.postMessage({ type: "done", start: chunk.start, results } satisfies WorkerReply);
    } catch (error) {
      port.postMessage({
        type: "runError", index: chunk.start, seed: runSeed(setup.seed, chunk.start),
        message: `a result of runs ${chunk.start}..${chunk.end - 1} cannot be sent back (results must be structured-cloneable plain data): ${(error as Error)?.message}`,
      } satisfies WorkerReply);
    }
  });
}
