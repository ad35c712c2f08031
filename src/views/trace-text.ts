/**
 * Plain-text views of traces and tables, for notebook output next to the charts.
 */
import type { TraceDiff } from "../sim/diff";
import type { TraceRow } from "../sim/trace";
import { checkInteger, fail } from "../validate";
import { recordLabel, valueText } from "./labels";

const ms = (t: number) => `${Number(t.toFixed(2))} ms`;

/**
 * One trace event as a short line, e.g. `20 ms  drop ack #4 server→client (intervention)` or
 * `10 ms  server: execute(0)` (a recorded state change reads as in the diagrams: recordLabel).
 */
export function traceRowText(row: TraceRow): string {
  if (row.msgId !== null) {
    const reason = row.reason ? ` (${row.reason})` : "";
    return `${ms(row.t)}  ${row.kind} ${row.label ?? ""} #${row.msgId} ${row.from}→${row.to}${reason}`;
  }
  if (row.kind === "record") return `${ms(row.t)}  ${row.node ?? "world"}: ${recordLabel(row.label ?? "record", row.detail)}`;
  return `${ms(row.t)}  ${row.node ?? "world"}: ${row.kind}${row.label === null ? "" : ` ${row.label}`}${row.detail === null ? "" : ` ${valueText(row.detail)}`}`;
}

/**
 * The differences between two traces (from diffTraces) as lines: the first divergence, then the
 * events only in the first trace ("-") and only in the second ("+"), each list cut at `max` lines.
 * @param max - lines per list, an integer >= 1. @defaultValue 20
 */
export function traceDiffLines(diff: TraceDiff, max = 20): string[] {
  if (diff === null || typeof diff !== "object" || !Array.isArray(diff.onlyInA)) fail("traceDiffLines(diff)", diff, "the result of diffTraces(a, b)");
  checkInteger("traceDiffLines(diff, max): max", max, 1);
  if (diff.identical || diff.firstDivergence === null) return ["the traces are identical"];
  const f = diff.firstDivergence;
  const lines = [`first divergence: event ${f.seq} at ${ms(f.tMs)}`];
  const list = (sign: string, rows: TraceRow[], what: string) => {
    lines.push(`${rows.length} event(s) ${what}:`);
    rows.slice(0, max).forEach((r) => lines.push(`  ${sign} ${traceRowText(r)}`));
    if (rows.length > max) lines.push(`  ... and ${rows.length - max} more`);
  };
  list("-", diff.onlyInA, "only in the first run");
  list("+", diff.onlyInB, "only in the second run");
  return lines;
}

/**
 * Rows of plain objects as an aligned text table (numbers right-aligned, shown with up to 4
 * significant digits). `columns` picks and orders the fields. @defaultValue the first row's fields
 * @example console.log(textTable([{ outcome: "50", share: 0.5 }]))
 */
export function textTable(rows: readonly object[], columns?: readonly string[]): string {
  if (!Array.isArray(rows)) fail("textTable(rows)", rows, "an array of objects");
  if (rows.length === 0) return "(no rows)";
  const cols = columns ?? Object.keys(rows[0]);
  const cell = (v: unknown) => (typeof v === "number" ? (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)))) : v === undefined || v === null ? "" : String(v));
  const body = rows.map((r) => cols.map((c) => cell((r as Record<string, unknown>)[c])));
  const width = cols.map((c, j) => Math.max(c.length, ...body.map((b) => b[j].length)));
  const numeric = cols.map((c) => rows.every((r) => typeof (r as Record<string, unknown>)[c] === "number"));
  const fmt = (cells: string[]) => cells.map((s, j) => (numeric[j] ? s.padStart(width[j]) : s.padEnd(width[j]))).join("  ").trimEnd();
  return [fmt(cols.slice()), width.map((w) => "-".repeat(w)).join("  "), ...body.map(fmt)].join("\n");
}
