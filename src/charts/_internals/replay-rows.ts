/**
 * Checks of the rows a replay chart is given (see charts/replay.ts): every part present, steps
 * numbered 1, 2, 3, ... in order, at most REPLAY_MAX_STEPS of them, and every node, step and line in range.
 */
import { describeValue } from "../../validate";
import { checkField, checkRows } from "./rows";
import type { SequenceMessage } from "../sequence";

/** One step of a replay: what happened at `t` on `node`, in words (the caption at that step). */
export interface ReplayStep {
  /** 1, 2, 3, ... in order. */
  step: number;
  t: number;
  node: string;
  /** The caption, e.g. "s1 receives cmd(0) from u1". */
  text: string;
  /** The message this step sends, delivers or drops; a drop's step is ringed where its cross is. @defaultValue none */
  messageId?: string | number;
}

/** A message of a replay: a sequence-diagram message plus the steps at which it leaves and arrives (or is dropped). */
export interface ReplayMessage extends SequenceMessage {
  sendStep: number;
  /** The step at which it arrives or is dropped; null if it is still travelling at the last step. */
  endStep: number | null;
}

/** A point on a lane (a recorded state change), drawn from its step on. */
export interface ReplayMark {
  step: number;
  node: string;
  t: number;
  kind: string;
}

/** A crash..recover interval, shaded on the lane from `startStep` on (open while `endStep` is null or later). */
export interface ReplayOutage {
  node: string;
  startStep: number;
  startMs: number;
  endStep: number | null;
  endMs: number | null;
}

/** One line of a node's state, shown under its lane for steps `fromStep` .. `toStep - 1` (toStep null: to the end). */
export interface ReplayStateLine {
  node: string;
  line: number;
  fromStep: number;
  toStep: number | null;
  text: string;
  /** True when the line changed at `fromStep` (drawn bold at that step). */
  changed: boolean;
}

/** The rows of a replay (from `replayRows(trace, ...)`). */
export interface ReplayRows {
  nodes: string[];
  steps: ReplayStep[];
  messages: ReplayMessage[];
  marks: ReplayMark[];
  outages: ReplayOutage[];
  states: ReplayStateLine[];
}

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
