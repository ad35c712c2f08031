/**
 * The self-check of a "write the protocol" exercise: the student's handler (or rule) is plugged
 * into the real protocol through its documented option (`clientServerNodes({ server })`,
 * `serializerNodes({ serializer })`, `twoPhaseNodes({ lockOrder })`, `paxosNodes({ server })`), so
 * the very same code is
 *
 * 1. checked by {@link checkProtocol} in every schedule within a stated fault budget ("possible at
 *    all?"), and then
 * 2. run on the simulator in a short seeded Monte Carlo with random delays and faults ("and in
 *    practice?"), each run judged on its trace.
 *
 * (The check explores depth first, which visits every state faster, and repeats the search breadth
 * first only when something breaks, so that the counterexample shown is a shortest one.)
 * The answer is either "holds in all N states (and in M seeded runs)" or what broke, with the
 * shortest counterexample drawn as a sequence diagram (or the failing seeded run). It never shows a
 * right answer: only the student's own handler runs. A handler that throws, draws randomness, reads
 * the clock or is not deterministic gets the checker's message, which names the node, the message or
 * timer and the schedule.
 */
import type { Chart } from "../../charts/chart";
import { checkProtocol, type CheckProtocolResult } from "../../check/check-protocol";
import type { CheckProtocolOptions } from "../../check/protocol-options";
import type { Seed } from "../../random/rng";
import type { Trace } from "../../sim/trace";
import { runSeed } from "../../stats/montecarlo";
import { traceDiagram } from "../../views/trace-diagram";
import { selfCheckByRunning, type Verdict } from "./verdict";

/** One exercise: how to plug an answer in, what to check, how to simulate it. */
export interface HandlerExercise<A> {
  /** The label of the verdict, e.g. "exercise 4". */
  exercise: string;
  /** The student's answer; undefined means "not answered yet". */
  answer: A | undefined;
  /** What the student wrote, for the messages: "your server". */
  role: string;
  /** The checkProtocol options with the answer plugged into the protocol's own nodes. */
  check: (answer: A) => CheckProtocolOptions;
  /** The fault budget of `check`, in words ("at most one message dropped and one duplicated"). */
  budget: string;
  /** The seeded runs: run i gets runSeed(seed, i) and returns what went wrong (null: nothing) and its trace. */
  simulate: { runs: number; seed: Seed; run: (answer: A, seed: string) => { violation: string | null; trace: Trace } };
  /** Said with a counterexample (a direction to look in, never the answer). */
  hint: string;
  /** Said when everything holds (may explain why). */
  success: string;
}

/** What {@link checkHandlerExercise} found. */
export interface HandlerExerciseResult {
  /** Right or not, in one line (`String(result)` gives the same line). */
  verdict: Verdict;
  /** The shortest counterexample (or the failing seeded run) as a sequence diagram; null when there is none. */
  chart: Chart | null;
  /** Distinct states the checker explored (null when it did not run). */
  states: number | null;
  /** Seeded runs done (0 when the check did not get that far). */
  runs: number;
  toString(): string;
}

const STEP_PX = 26;

/** Runs the check and the seeded runs of one exercise; see the file comment. */
export function checkHandlerExercise<A>(ex: HandlerExercise<A>): HandlerExerciseResult {
  const done = (ok: boolean, message: string, extra: Partial<HandlerExerciseResult> = {}): HandlerExerciseResult => {
    const verdict = selfCheckByRunning(ex.exercise, ex.answer, () => (ok ? { ok, success: message } : { ok, hint: capitalized(message) }));
    return { verdict, chart: null, states: null, runs: 0, ...extra, toString: () => String(verdict) };
  };
  if (ex.answer === undefined) return done(false, ""); // says "not answered yet", like every other check
  const answer = ex.answer;
  let result: CheckProtocolResult;
  try {
    // Depth first visits every state faster (a right answer needs them all); only when something
    // breaks is the search repeated breadth first, for the shortest counterexample.
    const options = ex.check(answer);
    result = checkProtocol({ ...options, strategy: "dfs" });
    if (result.verdict !== "holds") result = checkProtocol({ ...options, strategy: "bfs" });
  } catch (e) {
    // Bad handlers (the protocol's option check) and broken rules of a check (randomness, the clock,
    // nondeterminism) end here, with the message that names the node, the handler and the schedule.
    return done(false, `${ex.role} cannot be checked: ${errorText(e)}`);
  }
  const states = result.distinctStates;
  const figures = { states };
  if (result.error !== null) {
    const thrown = result.properties.find((p) => p.name === "handlers do not throw");
    return done(false, `${ex.role} threw an error: ${result.error}.`, { ...figures, chart: diagram(ex, thrown?.trace, "the schedule that makes it throw") });
  }
  if (result.verdict === "violated") {
    const c = result.counterexample;
    if (c !== null) {
      const steps = c.schedule.length;
      return done(false, `"${c.property}" is violated. The diagram shows the shortest schedule that breaks it (${steps} steps: ` +
        `${c.schedule.join(", ")}). ${ex.hint}`, { ...figures, chart: diagram(ex, c.trace, `"${c.property}" broken in ${steps} steps`) });
    }
    const missing = result.properties.filter((p) => p.kind === "sometimes" && p.status === "violated").map((p) => `"${p.name}"`);
    return done(false, `no schedule reaches ${missing.join(" or ")} (${count(states)} states explored). ${ex.hint}`, figures);
  }
  if (result.verdict === "incomplete") {
    return done(false, `the check stopped after ${count(states)} states (${result.limitReached ?? "a limit"}) before it saw every state: ` +
      "keep the state small (no counter that grows with every message).", figures);
  }
  const where = `holds in all ${count(states)} states (${ex.budget})`;
  for (let i = 0; i < ex.simulate.runs; i++) {
    const seed = runSeed(ex.simulate.seed, i);
    let run: { violation: string | null; trace: Trace };
    try {
      run = ex.simulate.run(answer, seed);
    } catch (e) {
      return done(false, `${where}, but seeded run ${i} (seed "${seed}") failed: ${errorText(e)}`, { ...figures, runs: i + 1 });
    }
    if (run.violation !== null) {
      return done(false, `${where}, but seeded run ${i} (seed "${seed}", with more faults than the check's budget) breaks it: ${run.violation}. ` +
        `The diagram shows that run. ${ex.hint}`, { ...figures, runs: i + 1, chart: diagram(ex, run.trace, `seeded run ${i}`) });
    }
  }
  return done(true, `${where} and in ${count(ex.simulate.runs)} seeded runs. ${capitalized(ex.success)}`, { ...figures, runs: ex.simulate.runs });
}

function diagram<A>(ex: HandlerExercise<A>, trace: Trace | undefined, what: string): Chart | null {
  if (trace === undefined) return null;
  const endMs = trace.summary().endMs;
  return traceDiagram(trace, { title: `${capitalized(ex.exercise)}: ${what}`, heightPx: Math.min(520, 140 + STEP_PX * endMs) });
}

const count = (n: number) => n.toLocaleString("en-US");
const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
