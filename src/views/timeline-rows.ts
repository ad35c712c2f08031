/**
 * A trace as the rows of timelineChart: who is down, who waits, who holds which lock, and when things
 * happened, per node.
 */
import type { Trace } from "../sim/trace";
import { checkKeys, fail } from "../validate";
import { checkTrace, foldTrace } from "./trace-fold";

/** A row of timelineChart: a point `{ node, kind, t }` or an interval `{ node, kind, start, end }`. */
export type TimelineRow = { node: string; kind: string; t?: number; start?: number; end?: number };

/** An interval of {@link timelineRows}: from a record of kind `open` to the next record of kind `close` on the same node. */
export interface TimelineInterval {
  open: string;
  close: string;
  /** The row's kind: a name, or a function of the opening record's detail (e.g. `(d) => "locked by " + d.client`). */
  kind: string | ((detail: any) => string);
}

/** What {@link timelineRows} draws. */
export interface TimelineSpec {
  /** Record pairs drawn as intervals per node. @defaultValue [] */
  intervals?: readonly TimelineInterval[];
  /** Record kinds drawn as points, with the kind each point gets, e.g. `{ commit: "committed" }`. @defaultValue {} */
  points?: Readonly<Record<string, string>>;
}

/**
 * Timeline rows of a run: crash..recover as "down" intervals; for each pair of recorded kinds (open,
 * close) in `intervals`, an interval per node (e.g. issue..commit as "waiting", lock..unlock as
 * "locked by A"); recorded kinds in `points` as points. Intervals still
 * open end at the end of the run. Outage rows come last (drawn on top).
 * @example timelineChart(timelineRows(run.trace, { intervals: [{ open: "lock", close: "unlock", kind: "locked" }] }))
 */
export function timelineRows(trace: Trace, spec: TimelineSpec): TimelineRow[] {
  const fn = "timelineRows(trace, spec)";
  checkTrace(fn, trace);
  if (spec === null || typeof spec !== "object") fail(`${fn}: spec`, spec, "an object { intervals?, points? }");
  checkKeys(`${fn} spec`, spec, ["intervals", "points"]);
  const intervals = spec.intervals ?? [];
  const end = trace.summary().endMs;
  const rows: TimelineRow[] = [];
  const downs: TimelineRow[] = [];
  const open = new Map<string, { node: string; start: number; kind: string }>();
  for (const s of foldTrace(trace)) {
    if (s.step === "down") {
      downs.push({ node: s.node, kind: "down", start: s.startMs, end: s.endMs ?? end });
      continue;
    }
    const r = s.row;
    intervals.forEach((iv, i) => {
      const key = `${i}/${r.node}`;
      const o = open.get(key);
      if (r.kind === iv.open && o === undefined) {
        open.set(key, { node: r.node, start: r.t, kind: typeof iv.kind === "function" ? iv.kind(r.detail) : iv.kind });
      } else if (r.kind === iv.close && o !== undefined) {
        rows.push({ node: r.node, kind: o.kind, start: o.start, end: r.t });
        open.delete(key);
      }
    });
    if (spec.points !== undefined && Object.prototype.hasOwnProperty.call(spec.points, r.kind)) {
      rows.push({ node: r.node, kind: spec.points[r.kind], t: r.t });
    }
  }
  for (const o of open.values()) rows.push({ node: o.node, kind: o.kind, start: o.start, end });
  // Outages last, so a chart draws them on top of whatever the node was doing.
  return [...rows, ...downs];
}
