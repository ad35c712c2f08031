import { Chart } from "./chart";
import { CHART_COLORS } from "./theme";
import { checkField, checkFieldName, checkOptions, checkRows, fieldTitle } from "./_internals/rows";
import { layeredChart } from "./_internals/layered";

/** Options of {@link dotPlotChart}. */
export interface DotPlotChartOptions {
  /** Field of the row label (one lane per row, in row order). Required. */
  label: string;
  /** Field of the value (x axis). Required. */
  value: string;
  /** Field colouring the dots (e.g. the source). @defaultValue none */
  color?: string;
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
}

const KEYS = ["label", "value", "color", "logValue", "reference", "tooltip", "title", "valueTitle", "colorTitle"] as const;

/**
 * A Cleveland dot plot: one row per label, a dot at its value, optionally coloured and on a log axis,
 * with an optional dashed reference line. Good for comparing published figures of different sizes.
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
  const x = { field: value, type: "quantitative", title: options.valueTitle ?? fieldTitle(value), scale: log ? { type: "log" } : { zero: false } };
  const y = { field: label, type: "nominal", title: null, sort: data.map((r) => String(r[label])), axis: { labelLimit: 640 } };
  const tooltip = [label, value, ...(color ? [color] : []), ...(options.tooltip ?? [])].map((f) => ({
    field: f, type: typeof data[0][f] === "number" ? "quantitative" : "nominal", title: fieldTitle(f), ...(typeof data[0][f] === "number" ? { format: ".4~g" } : {}),
  }));
  const layer: object[] = [{
    mark: { type: "circle", size: 110, opacity: 0.9, ...(color ? {} : { color: CHART_COLORS.primary }) },
    encoding: { x, y, ...(color ? { color: { field: color, type: "nominal", title: options.colorTitle ?? fieldTitle(color), legend: { labelLimit: 260 } } } : {}), tooltip },
  }];
  if (options.reference !== undefined) {
    const { value: at, label: text } = options.reference;
    if (typeof at !== "number" || !Number.isFinite(at) || (log && at <= 0)) {
      throw new RangeError(`${name}: options.reference.value must be a finite number${log ? " > 0" : ""}; got ${String(at)}`);
    }
    layer.push({ data: { values: [{ at, text }] }, mark: { type: "rule", strokeDash: [6, 4], color: CHART_COLORS.ink }, encoding: { x: { field: "at", type: "quantitative" } } });
    layer.push({ data: { values: [{ at, text }] }, mark: { type: "text", align: "left", dx: 4, dy: -4, baseline: "bottom", color: CHART_COLORS.ink },
      encoding: { x: { field: "at", type: "quantitative" }, y: { value: 0 }, text: { field: "text" } } });
  }
  return layeredChart(data, layer, options.title, { width: 420, height: Math.max(120, 24 * data.length) });
}
