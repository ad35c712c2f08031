/**
 * Monte Carlo on several cores with worker threads. Each worker loads a CommonJS module and calls
 * one of its exported functions; results are identical to {@link monteCarlo} with the same function,
 * because run i always gets `runSeed(seed, i)` whichever worker runs it.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { isAbsolute, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Seed } from "../random/rng";
import { checkInteger, checkKeys, fail } from "../validate";
import { checkRunOptions, type ProgressCallback } from "./internal";
import type { WorkerReply, WorkerSetup } from "./worker";

/** Options for {@link monteCarloParallel}. */
export interface MonteCarloParallelOptions {
  /**
   * The compiled CommonJS module that holds the run function: an absolute path, a path relative to
   * the current directory ("./sims/race.js"), or a package subpath ("distsys-lab/dist/protocols").
   */
  module: string;
  /** The name of the exported function `(args, seed, index) => result`. */
  exportName: string;
  /** Options passed to every run; copied to each worker, so they must be structured-cloneable. @defaultValue undefined */
  args?: unknown;
  /** How many runs, an integer in [1, 10_000_000]. */
  runs: number;
  /** The experiment seed; run i gets `runSeed(seed, i)`. */
  seed: Seed;
  /** How many worker threads. @defaultValue os.availableParallelism() */
  workers?: number;
  /** Runs handed to a worker at a time. @defaultValue runs / (20 * workers), between 1 and 2000 */
  chunkSize?: number;
  /** Called as chunks finish, with the total number of runs done so far. @defaultValue none */
  onProgress?: ProgressCallback;
  /** Runs between progress calls (rounded up to whole chunks). @defaultValue about 1% of runs */
  progressEvery?: number;
}

/**
 * Runs `module[exportName](args, runSeed(seed, i), i)` for i = 0 .. runs-1 on worker threads and
 * resolves to the results in index order, exactly equal to the serial
 * `monteCarlo({ runs, seed, run: (s, i) => fn(args, s, i) })`. Results must be structured-cloneable
 * plain data (class instances arrive as plain objects).
 *
 * The run function must be a top-level export of a compiled .js module (a notebook cell's function
 * cannot be sent to another thread). Workers are started per call and always terminated before the
 * promise settles. If a run throws, the promise rejects with an Error naming the run index and its
 * seed (`run 17 (seed "42/run/17") failed: ...`), which reproduces the run serially.
 *
 * @example
 * const results = await monteCarloParallel({ module: require.resolve("../dist/protocols/race"),
 *   exportName: "raceRun", args: { lossRate: 0.1 }, runs: 1_000_000, seed: SEED });
 */
export async function monteCarloParallel<T = unknown>(options: MonteCarloParallelOptions): Promise<T[]> {
  const fn = "monteCarloParallel";
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, ["module", "exportName", "args", "runs", "seed", "workers", "chunkSize", "onProgress", "progressEvery"]);
  const { runs, seed, onProgress, progressEvery } = checkRunOptions(fn, options);
  const modulePath = resolveModule(`${fn}: module`, options.module);
  const exportName = options.exportName;
  if (typeof exportName !== "string" || exportName.length === 0) fail(`${fn}: exportName`, exportName, "the name of an exported function");
  // Load once here too, so a missing export fails fast with a clear message.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const exported = (require(modulePath) as Record<string, unknown>)[exportName];
  if (typeof exported !== "function") fail(`${fn}: exportName`, exportName, `a function exported by ${modulePath}`);
  const workers = options.workers === undefined ? availableParallelism() : checkInteger(`${fn}: workers`, options.workers, 1, 1024);
  const chunkSize = options.chunkSize === undefined
    ? Math.min(2000, Math.max(1, Math.ceil(runs / (20 * workers))))
    : checkInteger(`${fn}: chunkSize`, options.chunkSize, 1);
  const setup: WorkerSetup = { modulePath, exportName, args: options.args, seed };
  return runPool<T>(setup, runs, Math.min(workers, Math.ceil(runs / chunkSize)), chunkSize, onProgress, progressEvery);
}

function runPool<T>(setup: WorkerSetup, runs: number, workerCount: number, chunkSize: number,
  onProgress: ProgressCallback | undefined, progressEvery: number): Promise<T[]> {
  const script = workerScript();
  const results = new Array<T>(runs);
  const pool: Worker[] = [];
  let nextStart = 0;
  let done = 0;
  let nextReport = Math.min(runs, progressEvery);
  let settled = false;
  return new Promise<T[]>((resolve, reject) => {
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      // Terminate every worker before settling, so no thread outlives the call.
      Promise.all(pool.map((w) => w.terminate())).then(
        () => (error ? reject(error) : resolve(results)),
        () => (error ? reject(error) : resolve(results)));
    };
    const assign = (worker: Worker) => {
      if (nextStart >= runs) return;
      const start = nextStart;
      const end = Math.min(runs, start + chunkSize);
      nextStart = end;
      worker.postMessage({ start, end });
    };
    for (let w = 0; w < workerCount; w++) {
      let worker: Worker;
      try {
        worker = new Worker(script, { workerData: setup });
      } catch (error) {
        const e = error as Error;
        const hint = e?.name === "DataCloneError" ? "args must be structured-cloneable (no functions or class instances); " : "";
        finish(new Error(`monteCarloParallel: could not start a worker: ${hint}${e?.message ?? error}`));
        return;
      }
      pool.push(worker);
      worker.on("message", (reply: WorkerReply) => {
        if (settled) return;
        if (reply.type === "done") {
          for (let k = 0; k < reply.results.length; k++) results[reply.start + k] = reply.results[k] as T;
          done += reply.results.length;
          if (onProgress !== undefined && done >= nextReport) {
            onProgress(done, runs);
            nextReport = Math.min(runs, Math.floor(done / progressEvery) * progressEvery + progressEvery);
          }
          if (done === runs) finish();
          else assign(worker);
        } else if (reply.type === "runError") {
          const err = new Error(`monteCarloParallel: run ${reply.index} (seed ${JSON.stringify(reply.seed)}) failed: ${reply.message}`);
          if (reply.stack) err.stack = `${err.message}\n--- worker stack ---\n${reply.stack}`;
          finish(err);
        } else {
          finish(new Error(`monteCarloParallel: worker could not load ${setup.exportName} from ${setup.modulePath}: ${reply.message}`));
        }
      });
      worker.on("error", (error) => finish(new Error(`monteCarloParallel: a worker crashed: ${error?.message ?? error}`)));
      worker.on("exit", (code) => {
        if (!settled) finish(new Error(`monteCarloParallel: a worker exited early with code ${code}`));
      });
      assign(worker);
    }
  });
}

/** The compiled worker script, next to this file (dist/ or a test build); falls back to dist/. */
function workerScript(): string {
  const candidates = [join(__dirname, "worker.js"), join(__dirname, "..", "..", "dist", "experiments", "worker.js")];
  for (const file of candidates) if (existsSync(file)) return file;
  throw new Error(`monteCarloParallel needs the compiled worker script; none of ${candidates.join(", ")} exists (run npm run build)`);
}

function resolveModule(name: string, spec: unknown): string {
  if (typeof spec !== "string" || spec.length === 0) fail(name, spec, "an absolute path, a ./relative path or a package subpath of a compiled CommonJS module");
  if (isAbsolute(spec)) return require.resolve(spec);
  try {
    return require.resolve(spec, { paths: [process.cwd()] });
  } catch {
    return fail(name, spec, `a module that can be found from ${process.cwd()} (relative paths are resolved against the current directory)`);
  }
}
