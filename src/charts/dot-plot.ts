import { Chart } from "./chart";
import { CHART_COLORS } from "./theme";
import { checkField, checkFieldName, checkOptions, checkRows, fieldTitle } from "./_internals/rows";
import { layeredChart } from "./_internals/layered";
import { fmt, rangeOf, sentence } from "./_internals/describe";

/** Options of {@link dotPlotChart}. */
export interface DotPlotChartOptions {
  /** Field of the row label (one lane per row, in row order). Required. */
  label: string;
  /** Field of the value (x axis). Required. */
  value: string;
  /** Field colouring the dots (e.g. the source). @defaultValue none */
  color?: string;
  /** Field giving the dots' shape, with a legend (e.g. the kind of figure), so it shows in images too. @defaultValue none */
  shape?: string;
  /** Logarithmic value axis (values must be > 0). @defaultValue false */
  logValue?: boolean;
  /** A vertical reference line: its value and its label. @defaultValue none */
  reference?: { value: number; label: string };
  /** Extra fields shown in the tooltip. @defaultValue [] */
  tooltip?: readonly string[];
  /** Chart title. @defaultValue none */
  title?: string;
  /** Value axis title; include the unit. @defaultValue derived from the field name */
  valueTitle?: string;
  /** Legend title of the colours. @defaultValue derived from the field name */
  colorTitle?: string;
  /** Legend title of the shapes. @defaultValue derived from the field name */
  shapeTitle?: string;
}

const KEYS = ["label", "value", "color", "shape", "logValue", "reference", "tooltip", "title", "valueTitle", "colorTitle", "shapeTitle"] as const;

/**
 * A Cleveland dot plot: one row per label, a dot at its value, optionally coloured and on a log axis,
 * with an optional dashed reference line. Good for comparing published figures of different sizes.
 * The value axis ends at the data and the reference line, with a margin, so nothing sits on its edge.
 * @example dotPlotChart(rows, { label: "figure", value: "minutesBetweenFailures", color: "citation", logValue: true })
 */
export function dotPlotChart(rows: readonly object[], options: DotPlotChartOptions): Chart {
  const name = "dotPlotChart";
  checkOptions(name, options, KEYS);
  if (options === undefined) throw new TypeError(`${name}: options { label, value } are required`);
  const data = checkRows(name, rows);
  const label = checkFieldName(name, "label", options.label);
  const value = checkFieldName(name, "value", options.value);
  const log = options.logValue === true;
  checkField(name, data, label, "key");
  checkField(name, data, value, log ? "positive" : "number");
  const color = options.color === undefined ? undefined : checkFieldName(name, "color", options.color);
  if (color !== undefined) checkField(name, data, color, "key");
  const shape = options.shape === undefined ? undefined : checkFieldName(name, "shape", options.shape);
  if (shape !== undefined) checkField(name, data, shape, "key");
  const valueTitle = options.valueTitle ?? fieldTitle(value);
  const x = { field: value, type: "quantitative", title: valueTitle, scale: log ? { type: "log", nice: false, padding: 16 } : { zero: false, padding: 16 } };
  const y = { field: label, type: "nominal", title: null, sort: data.map((r) => String(r[label])), axis: { labelLimit: 640 } };
  const tooltip = [label, value, ...(color ? [color] : []), ...(shape && shape !== color ? [shape] : []), ...(options.tooltip ?? [])].filter((f, i, all) => all.indexOf(f) === i).map((f) => ({
    field: f, type: typeof data[0][f] === "number" ? "quantitative" : "nominal", title: fieldTitle(f), ...(typeof data[0][f] === "number" ? { format: ".4~g" } : {}),
  }));
  const colorTitle = color === undefined ? "" : options.colorTitle ?? fieldTitle(color);
  const shapeTitle = shape === undefined ? "" : options.shapeTitle ?? fieldTitle(shape);
  const layer: object[] = [{
    mark: { type: "point", filled: true, size: 110, opacity: 0.9, ...(shape ? {} : { shape: "circle" }), ...(color ? {} : { color: CHART_COLORS.primary }) },
    encoding: {
      x, y,
      ...(color ? { color: { field: color, type: "nominal", title: colorTitle, legend: { labelLimit: 260 } } } : {}),
      ...(shape ? { shape: { field: shape, type: "nominal", title: shapeTitle, legend: { labelLimit: 260 } } } : {}),
      tooltip,
    },
  }];
  if (options.reference !== undefined) {
    const { value: at, label: text } = options.reference;
    if (typeof at !== "number" || !Number.isFinite(at) || (log && at <= 0)) {
      throw new RangeError(`${name}: options.reference.value must be a finite number${log ? " > 0" : ""}; got ${String(at)}`);
    }
    const refTooltip = [{ field: "text", type: "nominal", title: "reference" }, { field: "at", type: "quantitative", title: valueTitle, format: ".4~g" }];
    layer.push({ data: { values: [{ at, text }] }, mark: { type: "rule", strokeDash: [6, 4], color: CHART_COLORS.ink }, encoding: { x: { field: "at", type: "quantitative" }, tooltip: refTooltip } });
    layer.push({ data: { values: [{ at, text }] }, mark: { type: "text", align: "left", dx: 4, dy: -4, baseline: "bottom", color: CHART_COLORS.ink },
      encoding: { x: { field: "at", type: "quantitative" }, y: { value: 0 }, text: { field: "text" }, tooltip: refTooltip } });
  }
  const values = data.map((r) => r[value] as number);
  const description = sentence(
    `dot plot of ${valueTitle} for ${data.length} rows, ${rangeOf(values)}${log ? " (log scale)" : ""}`,
    color && `, coloured by ${colorTitle}`,
    shape && `, shaped by ${shapeTitle}`,
    options.reference && `, with a dashed reference line at ${fmt(options.reference.value)} (${options.reference.label})`,
  );
  return layeredChart(data, layer, options.title, { width: 420, height: Math.max(120, 24 * data.length) }).description(description);
}
