/**
 * Input checks shared by the chart builders. Every error names the builder, the field and the row
 * index, so a bad row never turns into a blank chart.
 */
import { describeValue } from "../../validate";
import { isPlainObject } from "./json";

/** One tidy data row: field name -> value. */
export type Row = { [field: string]: unknown };

/** What a field must hold. */
export type FieldKind = "number" | "positive" | "probability" | "key" | "string";

const EXPECTED: Record<FieldKind, string> = {
  number: "a finite number",
  positive: "a finite number > 0",
  probability: "a number in [0, 1]",
  key: "a string or a finite number",
  string: "a string",
};

/** Checks that `rows` is a non-empty array of plain objects; returns shallow copies of the rows. */
export function checkRows(builder: string, rows: unknown, argName = "rows"): Row[] {
  if (!Array.isArray(rows)) {
    throw new TypeError(`${builder}: ${argName} must be an array of row objects; got ${describeValue(rows)}`);
  }
  if (rows.length === 0) {
    throw new RangeError(`${builder}: ${argName} is empty; pass at least one row`);
  }
  return rows.map((row, index) => {
    if (!isPlainObject(row)) {
      throw new TypeError(`${builder}: ${argName}[${index}] must be a row object; got ${describeValue(row)}`);
    }
    return { ...row };
  });
}

/** Checks that an option naming a field is a non-empty string. */
export function checkFieldName(builder: string, option: string, value: unknown): string {
  if (typeof value !== "string" || value.length === 0) {
    throw new TypeError(`${builder}: options.${option} must be a field name (a non-empty string); got ${describeValue(value)}`);
  }
  return value;
}

/**
 * Checks that every row has `field` holding a value of `kind`. With `optional`, rows may omit the
 * field (or hold null/undefined), but values present must still be of `kind`.
 */
export function checkField(
  builder: string,
  rows: readonly Row[],
  field: string,
  kind: FieldKind,
  opts: { argName?: string; optional?: boolean } = {},
): void {
  const argName = opts.argName ?? "rows";
  rows.forEach((row, index) => {
    const value = row[field];
    if (value === undefined || value === null) {
      if (opts.optional) return;
      if (!(field in row)) {
        const fields = Object.keys(row).join(", ") || "none";
        throw new TypeError(`${builder}: ${argName}[${index}] has no field ${JSON.stringify(field)}; its fields are: ${fields}`);
      }
    }
    if (!matches(kind, value)) {
      throw new RangeError(`${builder}: ${argName}[${index}].${field} must be ${EXPECTED[kind]}; got ${describeValue(value)}`);
    }
  });
}

function matches(kind: FieldKind, value: unknown): boolean {
  switch (kind) {
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "positive":
      return typeof value === "number" && Number.isFinite(value) && value > 0;
    case "probability":
      return typeof value === "number" && value >= 0 && value <= 1;
    case "key":
      return typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
    case "string":
      return typeof value === "string";
  }
}

/** Checks lo <= mid <= hi in every row (intervals must contain their estimate). */
export function checkOrdered(builder: string, rows: readonly Row[], lo: string, mid: string, hi: string): void {
  rows.forEach((row, index) => {
    const a = row[lo] as number;
    const b = row[mid] as number;
    const c = row[hi] as number;
    if (!(a <= b && b <= c)) {
      throw new RangeError(`${builder}: rows[${index}] must have ${lo} <= ${mid} <= ${hi}; got ${lo}=${a}, ${mid}=${b}, ${hi}=${c}`);
    }
  });
}

/** Throws unless `options` is undefined or a plain object with only `allowed` keys. */
export function checkOptions(builder: string, options: unknown, allowed: readonly string[]): void {
  if (options === undefined) return;
  if (!isPlainObject(options)) {
    throw new TypeError(`${builder}: options must be an object; got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new TypeError(`${builder}: unknown option ${JSON.stringify(key)}; known options: ${allowed.join(", ")}`);
    }
  }
}

const UNIT_SUFFIXES: ReadonlyArray<[RegExp, string]> = [
  [/Ms$/, "ms"],
  [/Sec$|Seconds$/, "s"],
  [/Minutes$/, "min"],
  [/Hours$/, "h"],
  [/Days$/, "days"],
  [/Years$/, "years"],
  [/Pct$|Percent$/, "%"],
  [/Bytes$/, "bytes"],
];

/**
 * A readable axis title from a field name, with the unit from its suffix:
 * `delayMs` -> "delay (ms)", `mtbfYears` -> "mtbf (years)", `lossRate` -> "loss rate".
 */
export function fieldTitle(field: string): string {
  let unit = "";
  let base = field;
  for (const [pattern, name] of UNIT_SUFFIXES) {
    if (pattern.test(field) && field.replace(pattern, "").length > 0) {
      unit = name;
      base = field.replace(pattern, "");
      break;
    }
  }
  const words = base
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return unit ? `${words} (${unit})` : words;
}

/** The distinct values of a field, in first-seen order. */
export function distinct(rows: readonly Row[], field: string): unknown[] {
  const seen = new Set<unknown>();
  for (const row of rows) seen.add(row[field]);
  return [...seen];
}
