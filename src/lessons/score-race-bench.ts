/**
 * The score race of notebook 02 as a Monte Carlo run function for the benchmarks
 * (scripts/bench.mjs): two clients send "+10" and "*5" to one server, delays are exponential, each
 * command is lost with a small probability; a run ends when both commands were delivered or lost,
 * and its outcome is the server's final score. It runs the notebook's own protocol,
 * {@link runScoreRace} from src/protocols/score-race.ts, on the engine.
 *
 * {@link scoreRaceBenchRun} has the `(args, seed, index)` shape of `monteCarloParallel`, so workers
 * can load it from the compiled module (dist/scenarios/score-race-bench.js).
 */
import { exponential } from "../random/distributions";
import { type Seed } from "../random/rng";
import { runScoreRace, type ScoreRaceResult } from "../protocols/score-race";
import { checkKeys, checkPositive, fail } from "../validate";

/** Options of {@link scoreRaceBenchRun}. */
export interface ScoreRaceBenchOptions {
  /** Mean of the exponential one-way delay of each command, in ms. @defaultValue 10 */
  meanDelayMs?: number;
  /** Probability that a command is lost. @defaultValue 0.01 */
  lossRate?: number;
  /** The server's score before any command arrives. @defaultValue 0 */
  initialScore?: number;
}

/**
 * One seeded run of the score race; returns the server's final score (50: "+10" first, 10: "*5"
 * first or only "+10" arrived, 0: only "*5" or nothing arrived). Same seed -> same score. The index
 * is unused (it is part of the `monteCarloParallel` run-function shape).
 *
 * @example
 * scoreRaceBenchRun({ lossRate: 0.01 }, "42/run/0", 0) // 50, 10 or 0
 */
export function scoreRaceBenchRun(args: ScoreRaceBenchOptions | undefined, seed: Seed, index = 0): number {
  void index;
  return runnerFor(args)(seed).final;
}

// One validated runner per options object: monteCarlo and the workers pass the same args object to
// every run, so the options are checked once per experiment rather than once per run.
const runners = new WeakMap<object, (seed: Seed) => ScoreRaceResult>();
const DEFAULT_ARGS: ScoreRaceBenchOptions = {};

function runnerFor(args: ScoreRaceBenchOptions | undefined): (seed: Seed) => ScoreRaceResult {
  const o: ScoreRaceBenchOptions = args ?? DEFAULT_ARGS;
  if (o === null || typeof o !== "object") fail("scoreRaceBenchRun(args)", o, "an options object or undefined");
  let runner = runners.get(o);
  if (runner === undefined) {
    checkKeys("scoreRaceBenchRun options", o, ["meanDelayMs", "lossRate", "initialScore"]);
    const meanDelayMs = checkPositive("meanDelayMs", o.meanDelayMs ?? 10);
    const race = { delayMs: exponential(meanDelayMs), lossRate: o.lossRate ?? 0.01, initialScore: o.initialScore ?? 0 };
    runner = (seed: Seed) => runScoreRace({ ...race, seed });
    runners.set(o, runner);
  }
  return runner;
}
