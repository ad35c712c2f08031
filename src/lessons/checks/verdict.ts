/**
 * Self-check helpers for notebook exercises. A check tells a student whether an answer is right
 * without revealing the right answer: each notebook's checks live in src/lessons/checks/<notebook>.ts and
 * compute the expected value themselves (usually by running the simulation), then call one of these.
 *
 * Every check speaks the same way:
 * - no answer yet (the answer cell still says `undefined`): "✘ not yet (exercise N): not answered yet:
 *   write your answer in the cell above." (or "your prediction" for a prediction), never a type complaint;
 * - a wrong answer: "✘ not yet (exercise N): " and a hint that does not give the answer away;
 * - a right answer: "✔ correct (exercise N): " and why it is right.
 */

/** The outcome of a self-check; `toString()` gives the line a notebook shows. */
export interface Verdict {
  readonly exercise: string;
  readonly correct: boolean;
  readonly message: string;
  toString(): string;
}

function verdict(exercise: string, correct: boolean, message: string): Verdict {
  const text = `${correct ? "✔ correct" : "✘ not yet"} (${exercise}): ${message}`;
  return { exercise, correct, message, toString: () => text };
}

/** True for an answer cell that was not filled in (`undefined as unknown as number`, or null). */
function unanswered(answer: unknown): boolean {
  return answer === undefined || answer === null;
}

/** The verdict for an answer cell that was not filled in; `what` names the cell ("answer", "prediction"). */
function notAnswered(exercise: string, what = "answer"): Verdict {
  return verdict(exercise, false, `not answered yet: write your ${what} in the cell above.`);
}

/** Options for numeric checks. */
export interface NumericCheckOptions {
  /** Relative tolerance: |answer - expected| <= relTolerance * |expected|. @defaultValue 0.05 */
  relTolerance?: number;
  /** Absolute tolerance, used in addition to the relative one. @defaultValue 0 */
  absTolerance?: number;
  /** Shown when the answer is wrong; must not give the answer away. */
  hint?: string;
  /** Shown when the answer is right (may explain why). */
  success?: string;
}

/**
 * Checks a numeric answer against an expected value computed by the caller, within a tolerance.
 * Says "too high" or "too low" but never prints the expected value.
 */
export function selfCheckNumber(exercise: string, answer: unknown, expected: number, options: NumericCheckOptions = {}): Verdict {
  const { relTolerance = 0.05, absTolerance = 0, hint = "", success = "well done." } = options;
  if (unanswered(answer)) return notAnswered(exercise);
  if (typeof answer !== "number" || !Number.isFinite(answer)) {
    return verdict(exercise, false, `the answer should be a finite number; got ${typeof answer === "number" ? String(answer) : `a ${typeof answer}`}.`);
  }
  const allowed = Math.abs(expected) * relTolerance + absTolerance;
  if (Math.abs(answer - expected) <= allowed) return verdict(exercise, true, success);
  const direction = answer > expected ? "too high" : "too low";
  return verdict(exercise, false, `${direction}. ${hint}`.trim());
}

/** Checks an answer against an expected value by equality (strings, booleans, small arrays as JSON). */
export function selfCheckEqual(exercise: string, answer: unknown, expected: unknown, options: { hint?: string; success?: string } = {}): Verdict {
  const { hint = "", success = "well done." } = options;
  if (unanswered(answer)) return notAnswered(exercise);
  const norm = (v: unknown) => (typeof v === "string" ? v.trim().toLowerCase() : JSON.stringify(v));
  if (norm(answer) === norm(expected)) return verdict(exercise, true, success);
  return verdict(exercise, false, `that is not it. ${hint}`.trim());
}

/** Checks an answer with a predicate written by the exercise author. */
export function selfCheckWith(exercise: string, answer: unknown, isRight: (answer: unknown) => boolean, options: { hint?: string; success?: string } = {}): Verdict {
  const { hint = "", success = "well done." } = options;
  if (unanswered(answer)) return notAnswered(exercise);
  let ok = false;
  try {
    ok = isRight(answer);
  } catch {
    ok = false;
  }
  return ok ? verdict(exercise, true, success) : verdict(exercise, false, `that is not it. ${hint}`.trim());
}

/** What an experiment run by {@link selfCheckByRunning} says about an answer. */
export type RunJudgement = { ok: true; success: string } | { ok: false; hint: string };

/**
 * Checks an answer by running an experiment with it (the break-it exercises: a seed, a schedule or a
 * parameter that should break a claim). `judge` runs the experiment and says whether the answer does
 * what was asked; its hint must not name a value that would. An answer the simulation rejects (a bad
 * option) gets the simulation's own error message, which names the student's value, not the answer.
 */
export function selfCheckByRunning(exercise: string, answer: unknown, judge: (answer: unknown) => RunJudgement): Verdict {
  if (unanswered(answer)) return notAnswered(exercise);
  let judged: RunJudgement;
  try {
    judged = judge(answer);
  } catch (e) {
    return verdict(exercise, false, `that value does not run: ${e instanceof Error ? e.message : String(e)}.`);
  }
  return judged.ok ? verdict(exercise, true, judged.success) : verdict(exercise, false, judged.hint);
}

/** Options for {@link selfCheckPrediction}. */
export interface PredictionOptions {
  /** Numeric predictions: accepted when |prediction - actual| <= relTolerance * |actual|. @defaultValue 0.2 */
  relTolerance?: number;
  /** Numeric predictions: absolute tolerance, added to the relative one. @defaultValue 0 */
  absTolerance?: number;
  /** Choice predictions: the allowed choices (compared trimmed and lower-case). @defaultValue any value */
  choices?: readonly string[];
  /** Why the result is what it is: shown after a right prediction and after a wrong one. */
  explain: string;
}

/**
 * Compares a prediction (a number or one of `choices`) with the result of the experiment, which the
 * caller computes itself (`actual`, or a function that computes it: then nothing runs until a
 * prediction is written down). Right or wrong, the verdict explains the result; it never prints it (the
 * notebook's run cell shows it, once the prediction is written down).
 */
export function selfCheckPrediction(exercise: string, prediction: unknown, result: number | string | (() => number | string), options: PredictionOptions): Verdict {
  const { relTolerance = 0.2, absTolerance = 0, choices, explain } = options;
  if (unanswered(prediction)) return notAnswered(exercise, "prediction");
  const actual = typeof result === "function" ? result() : result;
  if (typeof actual === "number") {
    if (typeof prediction !== "number" || !Number.isFinite(prediction)) {
      return verdict(exercise, false, `the prediction should be a finite number; got ${typeof prediction === "number" ? String(prediction) : `a ${typeof prediction}`}.`);
    }
    if (Math.abs(prediction - actual) <= Math.abs(actual) * relTolerance + absTolerance) return verdict(exercise, true, `a good prediction. ${explain}`);
    return verdict(exercise, false, `your prediction was ${prediction > actual ? "too high" : "too low"}; compare it with the run above. ${explain}`);
  }
  const norm = (v: unknown) => String(v).trim().toLowerCase();
  if (choices !== undefined && !choices.map(norm).includes(norm(prediction))) {
    return verdict(exercise, false, `the prediction should be one of ${choices.map((c) => JSON.stringify(c)).join(", ")}; got ${JSON.stringify(prediction)}.`);
  }
  if (norm(prediction) === norm(actual)) return verdict(exercise, true, `a good prediction. ${explain}`);
  return verdict(exercise, false, `the run above says otherwise. ${explain}`);
}

/**
 * The run cell of a predict-then-run exercise: runs the experiment (and returns what `run` returns,
 * usually the sentence that shows the result) only once a prediction is written down; before that it
 * returns "not answered yet: write your prediction in the cell above, then run this cell again." and
 * runs nothing, so Run All never shows the result before the student has guessed.
 */
export function afterPrediction<T>(prediction: unknown, run: () => T): T | string {
  if (unanswered(prediction)) return "not answered yet: write your prediction in the cell above, then run this cell again.";
  return run();
}
