/**
 * Checks of the rows a replay chart is given (see charts/replay.ts): every part present, steps
 * numbered 1, 2, 3, ... in order, at most REPLAY_MAX_STEPS of them, and every node, step and line in range.
 */
import { describeValue } from "../../validate";
import type { ReplayRows } from "../replay";
import { checkField, checkRows } from "./rows";

/**
 * The most steps a replay holds. Each step adds a caption and its time to the spec, and every row
 * carries the steps at which it appears: 60 steps keep a replay's spec small (tens of kB) and its
 * slider usable; cut a longer run with `untilMs` or `onlyNodes`.
 */
export const REPLAY_MAX_STEPS = 60;

const NAME = "replayChart";

/** Validates replay rows; returns them (the same objects). */
export function checkReplayRows(rows: unknown): ReplayRows {
  if (rows === null || typeof rows !== "object" || Array.isArray(rows)) {
    throw new TypeError(`${NAME}: rows must be the object of replayRows(trace, ...) ({ nodes, steps, messages, marks, outages, states }); got ${describeValue(rows)}`);
  }
  const r = rows as Partial<ReplayRows>;
  for (const key of ["nodes", "steps", "messages", "marks", "outages", "states"] as const) {
    if (!Array.isArray(r[key])) throw new TypeError(`${NAME}: rows.${key} must be an array; got ${describeValue(r[key])}`);
  }
  const steps = checkRows(NAME, r.steps, "rows.steps");
  if (steps.length > REPLAY_MAX_STEPS) {
    throw new RangeError(`${NAME}: rows.steps has ${steps.length} steps; at most ${REPLAY_MAX_STEPS} (cut the run with untilMs or onlyNodes)`);
  }
  checkField(NAME, steps, "t", "number", { argName: "rows.steps" });
  checkField(NAME, steps, "text", "string", { argName: "rows.steps" });
  steps.forEach((s, i) => {
    if (s.step !== i + 1) throw new RangeError(`${NAME}: rows.steps[${i}].step must be ${i + 1} (steps are numbered 1, 2, 3, ... in order); got ${describeValue(s.step)}`);
  });
  const nodes = r.nodes as unknown[];
  const known = (where: string, node: unknown) => {
    if (!nodes.includes(node)) throw new RangeError(`${NAME}: ${where} is ${describeValue(node)}, not one of rows.nodes (${nodes.join(", ")})`);
  };
  steps.forEach((s, i) => known(`rows.steps[${i}].node`, s.node));
  (r.states as ReplayRows["states"]).forEach((s, i) => known(`rows.states[${i}].node`, s.node));
  (r.marks as ReplayRows["marks"]).forEach((m, i) => known(`rows.marks[${i}].node`, m.node));
  (r.outages as ReplayRows["outages"]).forEach((o, i) => known(`rows.outages[${i}].node`, o.node));
  (r.messages as ReplayRows["messages"]).forEach((m, i) => {
    const ok = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= steps.length;
    if (!ok(m.sendStep) || !(m.endStep === null || (ok(m.endStep) && (m.endStep as number) >= m.sendStep))) {
      throw new RangeError(`${NAME}: rows.messages[${i}] must have sendStep <= endStep (or endStep null), both steps of rows.steps; got ${describeValue(m.sendStep)} and ${describeValue(m.endStep)}`);
    }
  });
  return r as ReplayRows;
}
