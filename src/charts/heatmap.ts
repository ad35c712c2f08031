import { Chart } from "./chart";
import { CHART_SEQUENTIAL_SCHEME } from "./theme";
import { checkField, checkFieldName, checkOptions, checkOrdered, checkRows, fieldTitle, type Row } from "./_internals/rows";
import { checkOneOf } from "../validate";
import { dejaVuTextWidth } from "./_internals/text-metrics";
import { rangeOf, sentence } from "./_internals/describe";
import { d3Format } from "./_internals/format";
import { layeredChart } from "./_internals/layered";

/** Options of {@link heatmapChart}. */
export interface HeatmapChartOptions {
  /** Field of the first parameter (columns). Required. */
  x: string;
  /** Field of the second parameter (rows of the grid). Required. */
  y: string;
  /** Field of the measured value (cell colour). Required. */
  color: string;
  /** Print each cell's value in the cell (and, with `lo`/`hi`, its interval's half-width below it). @defaultValue false */
  labels?: boolean;
  /** Field of the lower end of each cell's interval; with `hi`, shown in tooltips and labels. @defaultValue none */
  lo?: string;
  /** Field of the upper end of each cell's interval. @defaultValue none */
  hi?: string;
  /** Field of the number of runs behind each cell, shown in tooltips. @defaultValue none */
  n?: string;
  /**
   * The second line of a labelled cell with `lo`/`hi`: "halfWidth" prints "±" the larger side of the
   * interval (e.g. "±0.05"), "range" prints the interval itself ("0–0.09"), honest for lopsided
   * intervals such as a Wilson interval of a share near 0 or 1. @defaultValue "halfWidth"
   */
  intervalLabel?: "halfWidth" | "range";
  /**
   * d3-format string of the labels and tooltips. @defaultValue with `lo`/`hi`: fixed decimals down
   * to the typical half-width's first significant digit (e.g. ".2f" for ±0.03); otherwise ".3~g"
   */
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

const KEYS = ["x", "y", "color", "labels", "lo", "hi", "n", "intervalLabel", "format", "title", "xTitle", "yTitle", "colorTitle", "scheme"] as const;

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
  if ((options.lo === undefined) !== (options.hi === undefined)) {
    throw new TypeError(`${name}: options.lo and options.hi go together; got only ${options.lo === undefined ? "hi" : "lo"}`);
  }
  const lo = options.lo === undefined ? undefined : checkFieldName(name, "lo", options.lo);
  const hi = options.hi === undefined ? undefined : checkFieldName(name, "hi", options.hi);
  if (lo !== undefined && hi !== undefined) {
    checkField(name, data, lo, "number");
    checkField(name, data, hi, "number");
    checkOrdered(name, data, lo, color, hi);
  }
  const intervalLabel = checkOneOf(`${name}: options.intervalLabel`, options.intervalLabel ?? "halfWidth", ["halfWidth", "range"] as const);
  const n = options.n === undefined ? undefined : checkFieldName(name, "n", options.n);
  if (n !== undefined) checkField(name, data, n, "number");
  const halfWidths = lo === undefined ? [] : data.map((r) => Math.max((r[hi!] as number) - (r[color] as number), (r[color] as number) - (r[lo] as number)));
  const format = options.format ?? (halfWidths.length > 0 ? fixedFormat(halfWidths) : ".3~g");
  const values = data.map((row) => row[color] as number);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const mid = (min + max) / 2;
  const numericY = data.every((row) => typeof row[y] === "number");
  const numericX = data.every((row) => typeof row[x] === "number");
  const xTitle = options.xTitle ?? fieldTitle(x);
  const yTitle = options.yTitle ?? fieldTitle(y);
  const colorTitle = options.colorTitle ?? fieldTitle(color);
  const xEnc = { field: x, type: "ordinal", title: xTitle, sort: numericX ? "ascending" : null, axis: { labelAngle: 0 } };
  const yEnc = { field: y, type: "ordinal", title: yTitle, sort: numericY ? "descending" : null };
  const tooltip: object[] = [
    { field: x, type: "ordinal", title: fieldTitle(x) },
    { field: y, type: "ordinal", title: fieldTitle(y) },
    { field: color, type: "quantitative", title: fieldTitle(color), format },
  ];
  if (lo !== undefined) tooltip.push({ field: lo, type: "quantitative", title: "interval low", format }, { field: hi, type: "quantitative", title: "interval high", format });
  if (n !== undefined) tooltip.push({ field: n, type: "quantitative", title: "n", format: "," });
  const labelled = options.labels === true;
  const at = (f: string) => `datum[${JSON.stringify(f)}]`;
  const fmtExpr = (expr: string) => `format(${expr}, ${JSON.stringify(format)})`;
  const half = lo === undefined ? "" : `max(${at(hi!)} - ${at(color)}, ${at(color)} - ${at(lo)})`;
  // Two lines with an interval: the value, then "±" its half-width (the larger side of the interval).
  const labelExpr = lo === undefined ? fmtExpr(at(color))
    : intervalLabel === "range" ? `${fmtExpr(at(color))} + "\\n" + ${fmtExpr(at(lo))} + "–" + ${fmtExpr(at(hi!))}`
    : `${fmtExpr(at(color))} + "\\n±" + ${fmtExpr(half)}`;
  const layer: object[] = [
    {
      mark: { type: "rect" },
      encoding: {
        x: xEnc,
        y: yEnc,
        color: { field: color, type: "quantitative", title: colorTitle, scale: { scheme: options.scheme ?? CHART_SEQUENTIAL_SCHEME }, legend: { format: format.replace(/^(\.\d+)f$/, "$1~f") } },
        tooltip,
      },
    },
  ];
  if (labelled) {
    layer.push({
      transform: [{ calculate: labelExpr, as: LABEL }],
      mark: { type: "text", fontSize: 11, lineBreak: "\n", lineHeight: 13 },
      encoding: {
        x: xEnc,
        y: yEnc,
        text: { field: LABEL, type: "nominal" },
        color: { condition: { test: `datum[${JSON.stringify(color)}] > ${mid}`, value: "black" }, value: "white" },
        tooltip,
      },
    });
  }
  const nx = new Set(data.map((row) => row[x])).size;
  const ny = new Set(data.map((row) => row[y])).size;
  // Cells wide and tall enough for their labels.
  const secondLine = (row: Row, i: number) => intervalLabel === "range"
    ? `${d3Format(format, row[lo!] as number)}–${d3Format(format, row[hi!] as number)}`
    : `±${d3Format(format, halfWidths[i])}`;
  const lines = labelled ? data.map((row, i) => [d3Format(format, row[color] as number), ...(lo === undefined ? [] : [secondLine(row, i)])]) : [];
  const labelWidth = Math.max(0, ...lines.flat().map((line) => dejaVuTextWidth({ fontSize: 11 }, line)));
  const cellWidth = Math.max(48, Math.ceil(labelWidth + 12));
  const cellHeight = lo !== undefined && labelled ? 40 : 32;
  const description = sentence(
    `heat map of ${colorTitle} over ${xTitle} (${nx} values) and ${yTitle} (${ny} values)`,
    `, ${rangeOf(values)}`,
    labelled && (lo !== undefined ? `, each cell labelled with its value and ${intervalLabel === "range" ? "interval" : "interval half-width"}` : ", each cell labelled with its value"),
  );
  return layeredChart(data, layer, options.title, { width: Math.min(960, Math.max(200, cellWidth * nx)), height: Math.min(640, Math.max(160, cellHeight * ny)) })
    .description(description);
}

/** The field holding each cell's label text. */
const LABEL = "__label";

/** Fixed decimals down to the first significant digit of the median half-width, e.g. ".2f" for ±0.03. */
function fixedFormat(halfWidths: number[]): string {
  const sorted = halfWidths.filter((h) => h > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return ".3~g";
  const median = sorted[Math.floor(sorted.length / 2)];
  return `.${Math.min(6, Math.max(0, -Math.floor(Math.log10(median))))}f`;
}
