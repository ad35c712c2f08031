/**
 * The closed-form overlay of a sweep chart: from a field of the rows (drawn at the rows' x values),
 * from separate rows (as dense as the caller makes them), or from a function sampled on a fine grid
 * over the rows' x range (so curves are curves and steps are steps, not straight lines between the
 * simulated points).
 */
import { checkField, checkFieldName, checkRows, Row } from "./rows";
import { describeValue } from "../../validate";

/** A closed form as a function of the swept value (and of the series value, with `color`). */
export type ClosedFormFunction = (x: number, series?: string | number) => number;

/** What {@link closedFormRows} returns: the field holding y, and rows of its own (undefined: the chart's rows). */
export interface ClosedFormData {
  yField: string;
  rows: Row[] | undefined;
  /** Whether the closed form has one curve per series. */
  perSeries: boolean;
}

interface Context {
  name: string;
  rows: readonly Row[];
  x: string;
  y: string;
  color: string | undefined;
  logX: boolean;
  logY: boolean;
  samples: number;
}

/** Validates the closed form and returns the data it is drawn from. */
export function closedFormRows(closedForm: string | readonly object[] | ClosedFormFunction, ctx: Context): ClosedFormData {
  const { name, x, y, color } = ctx;
  const yKind = ctx.logY ? "positive" : "number";
  if (typeof closedForm === "string") {
    const yField = checkFieldName(name, "closedForm", closedForm);
    checkField(name, ctx.rows, yField, yKind);
    return { yField, rows: undefined, perSeries: color !== undefined };
  }
  if (typeof closedForm === "function") {
    // A function of x alone is one curve for all series; one of (x, series) is a curve per series.
    const perSeries = color !== undefined && closedForm.length >= 2;
    return { yField: y, rows: sampled(closedForm, { ...ctx, color: perSeries ? color : undefined }), perSeries };
  }
  const rows = checkRows(name, closedForm, "options.closedForm");
  checkField(name, rows, x, ctx.logX ? "positive" : "number", { argName: "options.closedForm" });
  checkField(name, rows, y, yKind, { argName: "options.closedForm" });
  const perSeries = color !== undefined && rows.every((row) => row[color] !== undefined);
  if (perSeries) checkField(name, rows, color!, "key", { argName: "options.closedForm" });
  return { yField: y, rows, perSeries };
}

/** The x values of the grid: `samples` points from the smallest to the largest x (log-spaced on a log axis), plus the rows' own x values. */
export function sampleGrid(xs: readonly number[], samples: number, log: boolean): number[] {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const grid = new Set<number>(xs);
  for (let i = 0; i < samples; i++) {
    const f = samples === 1 ? 0 : i / (samples - 1);
    grid.add(log ? Math.exp(Math.log(lo) + f * (Math.log(hi) - Math.log(lo))) : lo + f * (hi - lo));
  }
  return [...grid].sort((a, b) => a - b);
}

function sampled(fn: ClosedFormFunction, ctx: Context): Row[] {
  const { name, x, y, color } = ctx;
  const grid = sampleGrid(ctx.rows.map((r) => r[x] as number), ctx.samples, ctx.logX);
  const series: (string | number | undefined)[] = color === undefined ? [undefined] : [...new Set(ctx.rows.map((r) => r[color] as string | number))];
  const rows: Row[] = [];
  for (const s of series) {
    for (const at of grid) {
      const value = s === undefined ? fn(at) : fn(at, s);
      const ok = typeof value === "number" && Number.isFinite(value) && (!ctx.logY || value > 0);
      if (!ok) {
        const call = s === undefined ? `(${at})` : `(${at}, ${JSON.stringify(s)})`;
        throw new RangeError(`${name}: options.closedForm${call} must return a finite number${ctx.logY ? " > 0 (logY)" : ""}; got ${describeValue(value)}`);
      }
      rows.push(s === undefined ? { [x]: at, [y]: value } : { [x]: at, [y]: value, [color!]: s });
    }
  }
  return rows;
}
