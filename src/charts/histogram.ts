import { Chart } from "./chart";
import { CHART_COLORS } from "./theme";
import { checkField, checkOptions, checkRows } from "./_internals/rows";
import { fmt, rangeOf, sentence } from "./_internals/describe";
import { layeredChart } from "./_internals/layered";

/** Options of {@link histogramChart}. Bin rows are `{ x0, x1, count, density }`. */
export interface HistogramChartOptions {
  /**
   * What the bar heights show. `"density"` (count / (total * width)) is comparable with a density
   * curve. @defaultValue "density" when `overlay` is given, otherwise "count"
   */
  y?: "count" | "density";
  /** A density curve drawn over the bars: rows `{ x, density }` (e.g. the closed-form pdf). @defaultValue none */
  overlay?: readonly object[];
  /** Legend label of the overlay curve. @defaultValue "closed form" */
  overlayLabel?: string;
  /** Chart title. @defaultValue none */
  title?: string;
  /** X axis title; include the unit. @defaultValue "value" */
  xTitle?: string;
  /** Y axis title. @defaultValue "count" or "density" */
  yTitle?: string;
}

const KEYS = ["y", "overlay", "overlayLabel", "title", "xTitle", "yTitle"] as const;

/**
 * Bars of a histogram from bin rows `{ x0, x1, count, density }` (bin edges, count, and
 * density = count / (total * (x1 - x0))), with an optional density curve overlay `{ x, density }`.
 * Throws on empty rows, missing fields, non-finite values, negative counts or x1 <= x0.
 */
export function histogramChart(rows: readonly object[], options: HistogramChartOptions = {}): Chart {
  const name = "histogramChart";
  checkOptions(name, options, KEYS);
  const data = checkRows(name, rows);
  for (const field of ["x0", "x1", "count", "density"]) checkField(name, data, field, "number");
  data.forEach((row, index) => {
    if (!((row.x1 as number) > (row.x0 as number))) {
      throw new RangeError(`${name}: rows[${index}] must have x0 < x1; got x0=${row.x0}, x1=${row.x1}`);
    }
    if ((row.count as number) < 0 || (row.density as number) < 0) {
      throw new RangeError(`${name}: rows[${index}] must have count >= 0 and density >= 0; got count=${row.count}, density=${row.density}`);
    }
  });
  const yMode = options.y ?? (options.overlay ? "density" : "count");
  if (yMode !== "count" && yMode !== "density") {
    throw new RangeError(`${name}: options.y must be "count" or "density"; got ${JSON.stringify(yMode)}`);
  }
  const xTitle = options.xTitle ?? "value";
  const yTitle = options.yTitle ?? yMode;
  const layer: object[] = [
    {
      mark: { type: "rect", color: CHART_COLORS.primary, opacity: 0.75, stroke: "white", strokeWidth: 0.5 },
      encoding: {
        x: { field: "x0", type: "quantitative", title: xTitle, scale: { zero: false } },
        x2: { field: "x1" },
        y: { field: yMode, type: "quantitative", title: yTitle },
        tooltip: [
          { field: "x0", type: "quantitative", title: "from", format: ".4~g" },
          { field: "x1", type: "quantitative", title: "to", format: ".4~g" },
          { field: "count", type: "quantitative", title: "count", format: "," },
          { field: "density", type: "quantitative", title: "density", format: ".4~g" },
        ],
      },
    },
  ];
  if (options.overlay !== undefined) {
    const curve = checkRows(name, options.overlay, "options.overlay");
    checkField(name, curve, "x", "number", { argName: "options.overlay" });
    checkField(name, curve, "density", "number", { argName: "options.overlay" });
    if (yMode !== "density") {
      throw new RangeError(`${name}: options.overlay needs options.y = "density" (a density curve cannot overlay counts)`);
    }
    const label = options.overlayLabel ?? "closed form";
    layer.push({
      data: { values: curve },
      transform: [{ calculate: JSON.stringify(label), as: "curve" }],
      mark: { type: "line", strokeWidth: 2.5 },
      encoding: {
        x: { field: "x", type: "quantitative", title: xTitle },
        y: { field: "density", type: "quantitative", title: yTitle },
        color: { field: "curve", type: "nominal", title: null, scale: { range: [CHART_COLORS.bad] } },
        tooltip: [
          { field: "x", type: "quantitative", title: "x", format: ".4~g" },
          { field: "density", type: "quantitative", title: label, format: ".4~g" },
        ],
      },
    });
  }
  const edges = data.flatMap((r) => [r.x0 as number, r.x1 as number]);
  const total = data.reduce((sum, r) => sum + (r.count as number), 0);
  const description = sentence(
    `histogram of ${xTitle} (${yMode === "density" ? "density" : "counts"}): ${data.length} bins ${rangeOf(edges)}, ${fmt(total)} values`,
    options.overlay !== undefined && `, with the ${options.overlayLabel ?? "closed form"} density drawn as a curve`,
  );
  return layeredChart(data, layer, options.title).description(description);
}
