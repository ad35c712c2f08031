import { Chart } from "./chart";
import { CHART_COLORS, CHART_DEFAULT_SIZE } from "./theme";
import { checkField, checkOptions, checkRows } from "./_internals/rows";
import { naturalCompare } from "./_internals/order";
import { logDomain } from "./_internals/ticks";
import { listOf, rangeOf, sentence } from "./_internals/describe";

/** Options of {@link ecdfChart}. Rows are `{ x, p, series? }`. */
export interface EcdfChartOptions {
  /** Logarithmic x axis (x must be > 0). @defaultValue false */
  logX?: boolean;
  /** Chart title. @defaultValue none */
  title?: string;
  /** X axis title; include the unit. @defaultValue "value" */
  xTitle?: string;
  /** Y axis title. @defaultValue "P(X ≤ x)" */
  yTitle?: string;
  /** Legend title of the series. @defaultValue "series" */
  seriesTitle?: string;
}

const KEYS = ["logX", "title", "xTitle", "yTitle", "seriesTitle"] as const;

/**
 * Step lines of empirical cumulative distributions from rows `{ x, p, series? }` (p = fraction of
 * samples <= x, in [0, 1]); one line per `series` value when present.
 */
export function ecdfChart(rows: readonly object[], options: EcdfChartOptions = {}): Chart {
  const name = "ecdfChart";
  checkOptions(name, options, KEYS);
  const data = checkRows(name, rows);
  checkField(name, data, "x", options.logX ? "positive" : "number");
  checkField(name, data, "p", "probability");
  checkField(name, data, "series", "key", { optional: true });
  const hasSeries = data.some((row) => row.series !== undefined && row.series !== null);
  if (hasSeries) checkField(name, data, "series", "key");
  const tooltip: object[] = [
    { field: "x", type: "quantitative", title: options.xTitle ?? "x", format: ".4~g" },
    { field: "p", type: "quantitative", title: "P(X ≤ x)", format: ".3f" },
  ];
  if (hasSeries) tooltip.unshift({ field: "series", type: "nominal", title: options.seriesTitle ?? "series" });
  // Series in numeric order when they are named by numbers ("5 ms" before "10 ms"), else as given.
  const names = [...new Set(data.map((r) => r.series))].filter((v) => v !== undefined && v !== null) as (string | number)[];
  const order = names.every((v) => typeof v === "number" || /\d/.test(String(v))) ? [...names].sort(naturalCompare) : names;
  const xTitle = options.xTitle ?? "value";
  const spec: Record<string, unknown> = {
    data: { values: data },
    width: CHART_DEFAULT_SIZE.widthPx,
    height: CHART_DEFAULT_SIZE.heightPx,
    mark: { type: "line", interpolate: "step-after", ...(hasSeries ? {} : { color: CHART_COLORS.primary }) },
    encoding: {
      x: { field: "x", type: "quantitative", title: xTitle, scale: options.logX ? { type: "log", domain: logDomain(data.map((r) => r.x as number)), nice: false } : { zero: false } },
      y: { field: "p", type: "quantitative", title: options.yTitle ?? "P(X ≤ x)", scale: { domain: [0, 1] } },
      ...(hasSeries ? { color: { field: "series", type: "nominal", title: options.seriesTitle ?? "series", sort: order } } : {}),
      order: { field: "x", type: "quantitative" },
      tooltip,
    },
  };
  if (options.title !== undefined) spec.title = options.title;
  const description = sentence(
    `empirical cumulative distribution (step lines) of ${xTitle}, ${rangeOf(data.map((r) => r.x as number))}${options.logX ? " (log scale)" : ""}`,
    hasSeries && `, one line per ${options.seriesTitle ?? "series"} (${listOf(order)})`,
  );
  return Chart.of(spec).description(description);
}
