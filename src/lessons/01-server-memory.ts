/**
 * Experiments of notebook 01's section on a server that forgets: the client-server protocol with
 * sequence numbers ("seq") whose server crashes and recovers in the middle of a run. With
 * `serverMemory: "volatile"` the recovered server has lost the highest command number it executed,
 * so a copy of a command it executed before the crash (the client resends it when its ACK was lost)
 * is executed again; with "persistent" that number is on its disk and the copy is skipped.
 */
import type { Seed } from "../random/rng";
import type { Trace } from "../sim/trace";
import { monteCarlo } from "../stats/montecarlo";
import { wilson } from "../stats/stats";
import { checkInteger, checkKeys, checkNonNegative, checkPositive, checkProbability, fail } from "../validate";
import { runClientServer, SERVER_MEMORIES, type ServerMemory } from "../protocols/client-server";

/** A command the server executed again after it recovered from a crash, read from a trace. */
export interface ForgottenExecution {
  /** The command executed twice. */
  command: number;
  /** When it was first executed, in ms (before the crash). */
  firstMs: number;
  /** When the server crashed and when it recovered, in ms (the last crash and recovery between the two executions). */
  crashMs: number;
  recoverMs: number;
  /** When the copy that arrived after the recovery was executed, in ms. */
  againMs: number;
}

/**
 * The first command that node `server` executes (records `execute` with `{ cmd }`) a second time
 * after it crashed and recovered in between; null when there is none.
 * @example
 * const faults = [{ at: 100, crash: "s1" }, { at: 150, recover: "s1" }];
 * forgottenExecution(runClientServer({ seed: "42/run/3", protocol: "seq", lossRate: 0.2, commands: 3, faults }).trace)?.command // 0
 */
export function forgottenExecution(trace: Trace, server = "s1"): ForgottenExecution | null {
  if (trace === null || typeof trace !== "object" || typeof (trace as Trace).rows !== "function") fail("forgottenExecution(trace)", trace, "the trace of a run");
  const firstMs = new Map<number, number>();
  let crashMs = NaN, recoverMs = NaN;
  for (const r of trace.rows()) {
    if (r.node !== server) continue;
    if (r.kind === "crash") crashMs = r.t;
    else if (r.kind === "recover") recoverMs = r.t;
    else if (r.kind === "record" && r.label === "execute") {
      const k = (r.detail as { cmd: number }).cmd, first = firstMs.get(k);
      if (first === undefined) firstMs.set(k, r.t);
      else if (first <= crashMs && crashMs <= recoverMs && recoverMs <= r.t) return { command: k, firstMs: first, crashMs, recoverMs, againMs: r.t };
    }
  }
  return null;
}

/** Options of {@link serverMemoryRuns}. */
export interface ServerMemoryRunsOptions {
  seed: Seed;
  /** Seeded runs per memory, an integer in [1, 1000000]. */
  runs: number;
  /** Commands per run. @defaultValue 20 */
  commands?: number;
  /** Probability that a command or an ACK is lost. @defaultValue 0.2 */
  lossRate?: number;
  /** One-way delay of each message, in ms (constant). @defaultValue 10 */
  delayMs?: number;
  /** The client's timeout, in ms. @defaultValue 50 */
  timeoutMs?: number;
  /** When the server s1 crashes, in ms. @defaultValue 100 */
  crashAtMs?: number;
  /** When it recovers, in ms (after crashAtMs). @defaultValue 150 */
  recoverAtMs?: number;
}

/** One row of {@link serverMemoryRuns}: one place to keep the server's memory. */
export interface ServerMemoryRow {
  serverMemory: ServerMemory;
  runs: number;
  /** Runs in which some command was executed twice. */
  runsWithDuplicate: number;
  /** Their share, with a 95% Wilson interval. */
  share: number; lo: number; hi: number;
  /** Duplicate executions in all runs together. */
  duplicates: number;
}

/**
 * Runs `runs` seeded "seq" runs in which the server crashes at crashAtMs and recovers at recoverAtMs,
 * once with its memory volatile and once persistent (the same seeds, so the same losses).
 * @example serverMemoryRuns({ seed: 42, runs: 100 })[1].runsWithDuplicate // 0 (persistent)
 */
export function serverMemoryRuns(options: ServerMemoryRunsOptions): ServerMemoryRow[] {
  const fn = "serverMemoryRuns";
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, ["seed", "runs", "commands", "lossRate", "delayMs", "timeoutMs", "crashAtMs", "recoverAtMs"]);
  const runs = checkInteger(`${fn}: runs`, options.runs, 1, 1_000_000);
  const crashAtMs = checkNonNegative(`${fn}: crashAtMs`, options.crashAtMs ?? 100);
  const recoverAtMs = checkNonNegative(`${fn}: recoverAtMs`, options.recoverAtMs ?? 150);
  if (recoverAtMs <= crashAtMs) fail(`${fn}: recoverAtMs`, recoverAtMs, `more than crashAtMs (${crashAtMs})`);
  const settings = {
    protocol: "seq" as const,
    commands: checkInteger(`${fn}: commands`, options.commands ?? 20, 1, 100_000),
    lossRate: checkProbability(`${fn}: lossRate`, options.lossRate ?? 0.2),
    delayMs: checkNonNegative(`${fn}: delayMs`, options.delayMs ?? 10),
    timeoutMs: checkPositive(`${fn}: timeoutMs`, options.timeoutMs ?? 50),
    faults: [{ at: crashAtMs, crash: "s1" }, { at: recoverAtMs, recover: "s1" }],
  };
  return SERVER_MEMORIES.map((serverMemory) => {
    const duplicates = monteCarlo({ runs, seed: `${options.seed}/memory`, run: (seed) => runClientServer({ ...settings, seed, serverMemory }).duplicates });
    const withDuplicate = duplicates.filter((d) => d > 0).length;
    const share = wilson(withDuplicate, runs);
    return { serverMemory, runs, runsWithDuplicate: withDuplicate, share: share.p, lo: share.lo, hi: share.hi,
      duplicates: duplicates.reduce((a, b) => a + b, 0) };
  });
}
