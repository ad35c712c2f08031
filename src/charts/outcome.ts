import { Chart } from "./chart";
import { checkField, checkFieldName, checkOptions, checkOrdered, checkRows, fieldTitle, Row } from "./_internals/rows";

/** Options of {@link outcomeChart}. Field options name the columns of the rows. */
export interface OutcomeChartOptions {
  /** Field holding the outcome's name (bar category). @defaultValue "outcome" */
  outcome?: string;
  /** Field holding the estimated probability in [0, 1]. @defaultValue "p" */
  p?: string;
  /** Field holding the lower end of the interval. @defaultValue "lo" */
  lo?: string;
  /** Field holding the upper end of the interval. @defaultValue "hi" */
  hi?: string;
  /** Field holding the count behind each estimate (shown in tooltips when present). @defaultValue "n" */
  n?: string;
  /** Chart title. @defaultValue none */
  title?: string;
  /** Axis title of the outcome axis. @defaultValue "outcome" */
  xTitle?: string;
  /** Axis title of the probability axis. @defaultValue "probability" */
  yTitle?: string;
}

const KEYS = ["outcome", "p", "lo", "hi", "n", "title", "xTitle", "yTitle"] as const;

/**
 * Bars of outcome probabilities with interval error bars, from rows
 * `{ outcome, p, lo, hi, n? }` (e.g. Wilson intervals from a Monte Carlo run).
 * Bars keep the order of the rows. Throws if rows are empty, a field is missing, a value is not a
 * finite number, p is outside [0, 1] or lo <= p <= hi does not hold.
 */
export function outcomeChart(rows: readonly object[], options: OutcomeChartOptions = {}): Chart {
  const name = "outcomeChart";
  checkOptions(name, options, KEYS);
  const data = checkRows(name, rows);
  const outcome = checkFieldName(name, "outcome", options.outcome ?? "outcome");
  const p = checkFieldName(name, "p", options.p ?? "p");
  const lo = checkFieldName(name, "lo", options.lo ?? "lo");
  const hi = checkFieldName(name, "hi", options.hi ?? "hi");
  const n = checkFieldName(name, "n", options.n ?? "n");
  checkField(name, data, outcome, "key");
  checkField(name, data, p, "probability");
  checkField(name, data, lo, "probability");
  checkField(name, data, hi, "probability");
  checkField(name, data, n, "number", { optional: true });
  checkOrdered(name, data, lo, p, hi);
  const hasN = data.some((row) => row[n] !== undefined && row[n] !== null);

  const order = data.map((row) => String(row[outcome]));
  const x = {
    field: outcome,
    type: "nominal",
    sort: order,
    title: options.xTitle ?? fieldTitle(outcome),
    axis: { labelAngle: 0 },
  };
  const tooltip: object[] = [
    { field: outcome, type: "nominal", title: fieldTitle(outcome) },
    { field: p, type: "quantitative", title: "p", format: ".4f" },
    { field: lo, type: "quantitative", title: "interval low", format: ".4f" },
    { field: hi, type: "quantitative", title: "interval high", format: ".4f" },
  ];
  if (hasN) tooltip.push({ field: n, type: "quantitative", title: "n", format: "," });

  const spec: Record<string, unknown> = {
    data: { values: data },
    width: Math.max(240, 70 * new Set(order).size),
    height: 280,
    layer: [
      {
        mark: { type: "bar", opacity: 0.85 },
        encoding: {
          x,
          y: { field: p, type: "quantitative", title: options.yTitle ?? "probability", scale: { domain: [0, 1] }, axis: { format: "~%" } },
          color: { field: outcome, type: "nominal", sort: order, legend: null },
          tooltip,
        },
      },
      {
        mark: { type: "errorbar", ticks: { width: 12 }, color: "#222222" },
        encoding: {
          x,
          y: { field: lo, type: "quantitative", title: options.yTitle ?? "probability" },
          y2: { field: hi },
          tooltip,
        },
      },
    ],
  };
  if (options.title !== undefined) spec.title = options.title;
  return Chart.of(spec);
}
