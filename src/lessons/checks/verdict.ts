/**
 * Self-check helpers for notebook exercises. A check tells a student whether an answer is right
 * without revealing the right answer: each notebook's checks live in src/lessons/checks/<notebook>.ts and
 * compute the expected value themselves (usually by running the simulation), then call one of these.
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
  if (typeof answer !== "number" || !Number.isFinite(answer)) {
    return verdict(exercise, false, `expected a finite number as the answer; got ${typeof answer === "number" ? String(answer) : typeof answer}.`);
  }
  const allowed = Math.abs(expected) * relTolerance + absTolerance;
  if (Math.abs(answer - expected) <= allowed) return verdict(exercise, true, success);
  const direction = answer > expected ? "too high" : "too low";
  return verdict(exercise, false, `${direction}. ${hint}`.trim());
}

/** Checks an answer against an expected value by equality (strings, booleans, small arrays as JSON). */
export function selfCheckEqual(exercise: string, answer: unknown, expected: unknown, options: { hint?: string; success?: string } = {}): Verdict {
  const { hint = "", success = "well done." } = options;
  const norm = (v: unknown) => (typeof v === "string" ? v.trim().toLowerCase() : JSON.stringify(v));
  if (norm(answer) === norm(expected)) return verdict(exercise, true, success);
  return verdict(exercise, false, `that is not it. ${hint}`.trim());
}

/** Checks an answer with a predicate written by the exercise author. */
export function selfCheckWith(exercise: string, answer: unknown, isRight: (answer: unknown) => boolean, options: { hint?: string; success?: string } = {}): Verdict {
  const { hint = "", success = "well done." } = options;
  let ok = false;
  try {
    ok = isRight(answer);
  } catch {
    ok = false;
  }
  return ok ? verdict(exercise, true, success) : verdict(exercise, false, `that is not it. ${hint}`.trim());
}
