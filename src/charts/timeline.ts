import { Chart } from "./chart";
import { checkField, checkOptions, checkRows, distinct, Row } from "./_internals/rows";
import { kindColors } from "./_internals/kinds";
import { describeValue } from "../validate";

/** Options of {@link timelineChart}. Rows are `{ node, kind, t }` (an event) or `{ node, kind, start, end }` (an interval). */
export interface TimelineChartOptions {
  /** Lane order, top to bottom. @defaultValue nodes in order of first appearance */
  nodes?: readonly string[];
  /** Field of the event time. @defaultValue "t" */
  t?: string;
  /** Field of an interval's start. @defaultValue "start" */
  start?: string;
  /** Field of an interval's end; a missing/null end means "until the end of the chart". @defaultValue "end" */
  end?: string;
  /** Chart title. @defaultValue none */
  title?: string;
  /** Time axis title; include the unit. @defaultValue "time (ms)" */
  xTitle?: string;
}

const KEYS = ["nodes", "t", "start", "end", "title", "xTitle"] as const;

/**
 * Events per node on horizontal lanes: point events (crash, recovery, failure, ...) as symbols and
 * intervals (a node being down) as bars, coloured by `kind`. Rows: `{ node, kind, t, label? }` or
 * `{ node, kind, start, end?, label? }`. Throws if a row has neither `t` nor `start`, or a time is not finite.
 */
export function timelineChart(rows: readonly object[], options: TimelineChartOptions = {}): Chart {
  const name = "timelineChart";
  checkOptions(name, options, KEYS);
  const data = checkRows(name, rows);
  const tField = options.t ?? "t";
  const startField = options.start ?? "start";
  const endField = options.end ?? "end";
  checkField(name, data, "node", "key");
  checkField(name, data, "kind", "string");
  for (const row of data) row.node = String(row.node);
  const points: Row[] = [];
  const intervals: Row[] = [];
  data.forEach((row, index) => {
    if (row[startField] !== undefined && row[startField] !== null) intervals.push({ ...row, __row: index });
    else if (row[tField] !== undefined && row[tField] !== null) points.push(row);
    else throw new TypeError(`${name}: rows[${index}] needs either ${tField} (an event) or ${startField} (an interval); its fields are: ${Object.keys(row).join(", ")}`);
  });
  checkField(name, points, tField, "number");
  intervals.forEach((row) => {
    const index = row.__row as number;
    for (const field of [startField, endField]) {
      const value = row[field];
      if (field === endField && (value === undefined || value === null)) continue;
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new RangeError(`${name}: rows[${index}].${field} must be a finite number; got ${describeValue(value)}`);
      }
    }
    if (typeof row[endField] === "number" && (row[endField] as number) < (row[startField] as number)) {
      throw new RangeError(`${name}: rows[${index}] must have ${startField} <= ${endField}; got ${row[startField]} > ${row[endField]}`);
    }
  });
  const times = [
    ...points.map((r) => r[tField] as number),
    ...intervals.flatMap((r) => [r[startField] as number, ...(typeof r[endField] === "number" ? [r[endField] as number] : [])]),
  ];
  const tMax = Math.max(...times);
  for (const row of intervals) {
    delete row.__row;
    if (typeof row[endField] !== "number") row[endField] = tMax;
  }
  const nodes = options.nodes ? [...options.nodes] : distinct(data, "node").map(String);
  data.forEach((row, index) => {
    if (!nodes.includes(String(row.node))) {
      throw new RangeError(`${name}: rows[${index}].node ${JSON.stringify(row.node)} is not in options.nodes (${nodes.map((n) => JSON.stringify(n)).join(", ")})`);
    }
  });
  const kinds = distinct(data, "kind") as string[];
  const xTitle = options.xTitle ?? "time (ms)";
  const y = { field: "node", type: "nominal", title: "node", sort: nodes, scale: { domain: nodes } };
  const color = { field: "kind", type: "nominal", title: "event", scale: { domain: kinds, range: kindColors(kinds) } };
  const layer: object[] = [];
  if (intervals.length > 0) {
    layer.push({
      data: { values: intervals },
      mark: { type: "bar", opacity: 0.55, height: { band: 0.6 } },
      encoding: {
        y,
        x: { field: startField, type: "quantitative", title: xTitle },
        x2: { field: endField },
        color,
        tooltip: [
          { field: "node", type: "nominal" },
          { field: "kind", type: "nominal" },
          { field: startField, type: "quantitative", title: "from", format: ".4~g" },
          { field: endField, type: "quantitative", title: "to", format: ".4~g" },
        ],
      },
    });
  }
  if (points.length > 0) {
    layer.push({
      data: { values: points },
      mark: { type: "point", filled: true, size: 110, opacity: 0.95 },
      encoding: {
        y,
        x: { field: tField, type: "quantitative", title: xTitle },
        color,
        shape: { field: "kind", type: "nominal", title: "event", scale: { domain: kinds } },
        tooltip: [
          { field: "node", type: "nominal" },
          { field: "kind", type: "nominal" },
          { field: tField, type: "quantitative", title: "time", format: ".4~g" },
          ...(points.some((r) => typeof r.label === "string") ? [{ field: "label", type: "nominal" }] : []),
        ],
      },
    });
  }
  const spec: Record<string, unknown> = {
    width: 520,
    height: Math.max(80, 36 * nodes.length),
    layer,
  };
  if (options.title !== undefined) spec.title = options.title;
  return Chart.of(spec);
}
