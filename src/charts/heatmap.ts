import { Chart } from "./chart";
import { CHART_SEQUENTIAL_SCHEME } from "./theme";
import { checkField, checkFieldName, checkOptions, checkRows, fieldTitle, Row } from "./_internals/rows";
import { layeredChart } from "./_internals/layered";

/** Options of {@link heatmapChart}. */
export interface HeatmapChartOptions {
  /** Field of the first parameter (columns). Required. */
  x: string;
  /** Field of the second parameter (rows of the grid). Required. */
  y: string;
  /** Field of the measured value (cell colour). Required. */
  color: string;
  /** Print each cell's value in the cell. @defaultValue false */
  labels?: boolean;
  /** d3-format string of the labels and tooltips. @defaultValue ".3~g" */
  format?: string;
  /** Chart title. @defaultValue none */
  title?: string;
  /** X axis title; include the unit. @defaultValue derived from the field name */
  xTitle?: string;
  /** Y axis title; include the unit. @defaultValue derived from the field name */
  yTitle?: string;
  /** Legend title of the colour; include the unit. @defaultValue derived from the field name */
  colorTitle?: string;
  /** Vega colour scheme. @defaultValue "viridis" */
  scheme?: string;
}

const KEYS = ["x", "y", "color", "labels", "format", "title", "xTitle", "yTitle", "colorTitle", "scheme"] as const;

/**
 * A grid of cells over two parameters (`x`, `y`, each a discrete set of values) coloured by a
 * measured value, optionally with the value printed in each cell (dark text on light cells, white on
 * dark). The y axis lists values bottom-up when they are numbers.
 * @example heatmapChart(rows, { x: "lossRate", y: "timeoutMs", color: "p", labels: true })
 */
export function heatmapChart(rows: readonly object[], options: HeatmapChartOptions): Chart {
  const name = "heatmapChart";
  checkOptions(name, options, KEYS);
  if (options === undefined) throw new TypeError(`${name}: options { x, y, color } are required`);
  const data = checkRows(name, rows);
  const x = checkFieldName(name, "x", options.x);
  const y = checkFieldName(name, "y", options.y);
  const color = checkFieldName(name, "color", options.color);
  checkField(name, data, x, "key");
  checkField(name, data, y, "key");
  checkField(name, data, color, "number");
  const format = options.format ?? ".3~g";
  const values = data.map((row) => row[color] as number);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const mid = (min + max) / 2;
  const numericY = data.every((row) => typeof row[y] === "number");
  const numericX = data.every((row) => typeof row[x] === "number");
  const xEnc = { field: x, type: "ordinal", title: options.xTitle ?? fieldTitle(x), sort: numericX ? "ascending" : null, axis: { labelAngle: 0 } };
  const yEnc = { field: y, type: "ordinal", title: options.yTitle ?? fieldTitle(y), sort: numericY ? "descending" : null };
  const tooltip = [
    { field: x, type: "ordinal", title: fieldTitle(x) },
    { field: y, type: "ordinal", title: fieldTitle(y) },
    { field: color, type: "quantitative", title: fieldTitle(color), format },
  ];
  const layer: object[] = [
    {
      mark: { type: "rect" },
      encoding: {
        x: xEnc,
        y: yEnc,
        color: {
          field: color,
          type: "quantitative",
          title: options.colorTitle ?? fieldTitle(color),
          scale: { scheme: options.scheme ?? CHART_SEQUENTIAL_SCHEME },
          legend: { format },
        },
        tooltip,
      },
    },
  ];
  if (options.labels === true) {
    layer.push({
      mark: { type: "text", fontSize: 11 },
      encoding: {
        x: xEnc,
        y: yEnc,
        text: { field: color, type: "quantitative", format },
        color: { condition: { test: `datum[${JSON.stringify(color)}] > ${mid}`, value: "black" }, value: "white" },
        tooltip,
      },
    });
  }
  const nx = new Set(data.map((row) => row[x])).size;
  const ny = new Set(data.map((row) => row[y])).size;
  return layeredChart(data, layer, options.title, { width: Math.min(640, Math.max(200, 48 * nx)), height: Math.min(480, Math.max(160, 32 * ny)) });
}
