import { Chart } from "./chart";
import { checkField, checkOptions, checkRows, distinct, Row } from "./_internals/rows";
import { kindColors } from "./_internals/kinds";
import { describeValue } from "../validate";
import { fmt, listOf, sentence } from "./_internals/describe";

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
  /**
   * The time axis range [from, to], e.g. the whole horizon of a simulation (open intervals run to
   * its end). @defaultValue from the earliest to the latest time in the rows
   */
  domain?: readonly [number, number];
}

const KEYS = ["nodes", "t", "start", "end", "title", "xTitle", "domain"] as const;
/** Interval kinds drawn as a pale backdrop on the whole lane, so other intervals stay visible on top. */
const BACKDROP = new Set(["down", "crash", "crashed", "partitioned"]);
const WIDTH_PX = 520;

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
  let domain: [number, number] | undefined;
  if (options.domain !== undefined) {
    const d = options.domain;
    if (!Array.isArray(d) || d.length !== 2 || !d.every((v) => typeof v === "number" && Number.isFinite(v)) || !(d[0] < d[1])) {
      throw new RangeError(`${name}: options.domain must be [from, to] with finite numbers from < to; got ${describeValue(d)}`);
    }
    domain = [d[0], d[1]];
  }
  const tMax = domain ? domain[1] : Math.max(...times);
  const tMin = domain ? domain[0] : Math.min(...times);
  // Every interval is drawn at least 3 px wide (a 14-day repair on a 3-year axis is still visible);
  // tooltips give the real times.
  const minSpan = ((tMax - tMin) * 3) / WIDTH_PX;
  for (const row of intervals) {
    delete row.__row;
    if (typeof row[endField] !== "number") row[endField] = tMax;
    row.__x2 = Math.max(row[endField] as number, (row[startField] as number) + minSpan);
    row.__lane = BACKDROP.has(String(row.kind)) ? "backdrop" : "bar";
  }
  const nodes = options.nodes ? [...options.nodes] : distinct(data, "node").map(String);
  data.forEach((row, index) => {
    if (!nodes.includes(String(row.node))) {
      throw new RangeError(`${name}: rows[${index}].node ${JSON.stringify(row.node)} is not in options.nodes (${nodes.map((n) => JSON.stringify(n)).join(", ")})`);
    }
  });
  const kinds = distinct(data, "kind") as string[];
  const colors = new Map(kinds.map((k, i) => [k, kindColors(kinds)[i]]));
  const intervalKinds = distinct(intervals, "kind") as string[];
  const pointKinds = distinct(points, "kind") as string[];
  const xTitle = options.xTitle ?? "time (ms)";
  const xScale = domain ? { domain, nice: false } : {};
  const y = { field: "node", type: "nominal", title: "node", sort: nodes, scale: { domain: nodes } };
  const layer: object[] = [];
  const intervalTooltip = [
    { field: "node", type: "nominal" },
    { field: "kind", type: "nominal" },
    { field: startField, type: "quantitative", title: "from", format: ".4~g" },
    { field: endField, type: "quantitative", title: "to", format: ".4~g" },
  ];
  // Intervals and point events have a legend each (their own colour scales), so every legend
  // symbol looks like its mark: squares for intervals, the event's shape for points.
  const intervalColor = {
    field: "kind", type: "nominal", title: "state",
    scale: { domain: intervalKinds, range: intervalKinds.map((k) => colors.get(k)!) },
    legend: { symbolType: "square", symbolOpacity: 0.7, symbolStrokeWidth: 0 },
  };
  const bars: object[] = [];
  for (const part of ["backdrop", "bar"] as const) {
    const values = intervals.filter((r) => r.__lane === part);
    if (values.length === 0) continue;
    const backdrop = part === "backdrop";
    bars.push({
      data: { values },
      mark: backdrop
        ? { type: "bar", height: { band: 0.9 }, opacity: 0.45, stroke: "#555555", strokeWidth: 1, strokeDash: [3, 2] }
        : { type: "bar", height: { band: 0.45 }, opacity: 0.85 },
      encoding: {
        y,
        x: { field: startField, type: "quantitative", title: xTitle, scale: xScale },
        x2: { field: "__x2" },
        color: intervalColor,
        tooltip: intervalTooltip,
      },
    });
  }
  if (bars.length > 0) layer.push({ layer: bars });
  if (points.length > 0) {
    const pointScale = { domain: pointKinds, range: pointKinds.map((k) => colors.get(k)!) };
    layer.push({
      data: { values: points },
      mark: { type: "point", filled: true, size: 80, opacity: 1, stroke: "white", strokeWidth: 0.8 },
      encoding: {
        y,
        x: { field: tField, type: "quantitative", title: xTitle, scale: xScale },
        color: { field: "kind", type: "nominal", title: "event", scale: pointScale, legend: {} },
        shape: { field: "kind", type: "nominal", title: "event", scale: { domain: pointKinds } },
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
    width: WIDTH_PX,
    height: Math.max(80, 36 * nodes.length),
    layer,
    resolve: { scale: { color: "independent", shape: "independent" } },
  };
  if (options.title !== undefined) spec.title = options.title;
  const count = (rows: Row[], kind: string) => rows.filter((r) => r.kind === kind).length;
  const description = sentence(
    `timeline of ${nodes.length} lanes (${listOf(nodes)}) over ${xTitle} from ${fmt(tMin)} to ${fmt(tMax)}`,
    intervalKinds.length > 0 && `, with intervals ${listOf(intervalKinds.map((k) => `${k} (${count(intervals, k)})`))}`,
    pointKinds.length > 0 && `${intervalKinds.length > 0 ? " and" : ", with"} point events ${listOf(pointKinds.map((k) => `${k} (${count(points, k)})`))}`,
  );
  return Chart.of(spec).description(description);
}
