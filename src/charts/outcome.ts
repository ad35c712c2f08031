import { Chart } from "./chart";
import { CHART_COLORS, OKABE_ITO } from "./theme";
import { checkField, checkFieldName, checkOptions, checkOrdered, checkRows, fieldTitle } from "./_internals/rows";
import { dejaVuTextWidth } from "./_internals/text-metrics";
import { pct, sentence } from "./_internals/describe";

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
  /**
   * Field naming the series of each row (e.g. the protocol variant): the series' bars stand side
   * by side within each outcome, one colour per series, with a legend titled `seriesTitle`; every
   * series should have a row for every outcome (give a zero count a row, see summarizeOutcomes'
   * `outcomes`). @defaultValue none (one bar per outcome, one colour)
   */
  series?: string;
  /** Legend title of the series. @defaultValue derived from the field name */
  seriesTitle?: string;
}

const KEYS = ["outcome", "p", "lo", "hi", "n", "title", "xTitle", "yTitle", "series", "seriesTitle"] as const;

/**
 * Bars of outcome probabilities with interval error bars and the value over each bar, from rows
 * `{ outcome, p, lo, hi, n? }` (e.g. Wilson intervals from a Monte Carlo run). Bars keep the order
 * of the rows, all in one colour; the y axis starts at zero and ends just above the data. Throws if rows are empty, a field is missing, a value is not a
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
  const series = options.series === undefined ? undefined : checkFieldName(name, "series", options.series);
  if (series !== undefined) checkField(name, data, series, "key");
  const seriesOrder = series === undefined ? [] : [...new Set(data.map((row) => String(row[series])))];
  data.forEach((row, i) => {
    if (series === undefined) return;
    row[series] = String(row[series]);
    const twin = data.findIndex((other) => other[series] === row[series] && String(other[outcome]) === String(row[outcome]));
    if (twin !== i) throw new RangeError(`${name}: rows[${twin}] and rows[${i}] are both outcome ${JSON.stringify(String(row[outcome]))} of series ${JSON.stringify(row[series])}; give each (outcome, series) one row`);
  });

  const order = [...new Set(data.map((row) => String(row[outcome])))];
  const xTitle = options.xTitle ?? fieldTitle(outcome);
  const yTitle = options.yTitle ?? "probability";
  // Each bar is wide enough for its axis label (labels stay horizontal and never collide).
  // With series, each bar is wide enough for its value label too ("52.5%" over each of them).
  const perBar = Math.ceil(dejaVuTextWidth({ fontSize: 11 }, "100.0%") + 8);
  const step = Math.ceil(Math.max(56, seriesOrder.length * perBar / 0.8, ...order.map((o) => dejaVuTextWidth({ fontSize: 12 }, o) + 16)));
  const x = { field: outcome, type: "nominal", sort: order, title: xTitle, axis: { labelAngle: 0, labelLimit: 0 } };
  const tooltip: object[] = [
    { field: outcome, type: "nominal", title: fieldTitle(outcome) },
    { field: p, type: "quantitative", title: "p", format: ".4f" },
    { field: lo, type: "quantitative", title: "interval low", format: ".4f" },
    { field: hi, type: "quantitative", title: "interval high", format: ".4f" },
  ];
  if (hasN) tooltip.push({ field: n, type: "quantitative", title: "n", format: "," });
  if (series !== undefined) tooltip.unshift({ field: series, type: "nominal", title: options.seriesTitle ?? fieldTitle(series) });
  const palette = seriesOrder.map((_, i) => OKABE_ITO[i % OKABE_ITO.length]);
  const offset = series === undefined ? {} : { xOffset: { field: series, type: "nominal", sort: seriesOrder, scale: { domain: seriesOrder, paddingInner: 0.08 } } };
  const barColor = series === undefined ? {}
    : { color: { field: series, type: "nominal", title: options.seriesTitle ?? fieldTitle(series), sort: seriesOrder, scale: { domain: seriesOrder, range: palette } } };
  // One colour: the bars are one measure, so colours would carry no information. The y axis starts
  // at zero and ends just above the highest interval (not at 100%), so small shares stay visible.
  const y = (field: string) => ({ field, type: "quantitative", title: yTitle, scale: { zero: true, nice: true }, axis: { format: "~%" } });
  const spec: Record<string, unknown> = {
    data: { values: data },
    width: Math.max(240, step * order.length),
    height: 280,
    layer: [
      {
        mark: { type: "bar", opacity: 0.85, color: CHART_COLORS.primary, width: { band: series === undefined ? 0.8 : 0.9 } },
        encoding: { x, ...offset, y: y(p), ...barColor, tooltip },
      },
      {
        name: ERROR_BARS,
        mark: { type: "errorbar", ticks: { width: series === undefined ? 10 : 6 }, color: CHART_COLORS.ink, thickness: 1.5 },
        encoding: { x, ...offset, y: y(lo), y2: { field: hi }, tooltip },
      },
      {
        // The value over each bar (above its interval), so a zero bar still shows as "0%".
        name: VALUE_LABELS,
        transform: [
          { calculate: `datum[${JSON.stringify(hi)}]`, as: LABEL_TOP },
          { calculate: `format(datum[${JSON.stringify(p)}] * 100, ".3~r") + "%"`, as: "__label" },
        ],
        mark: { type: "text", baseline: "bottom", dy: -3, fontSize: 11, color: CHART_COLORS.ink },
        encoding: { x, ...offset, y: { field: LABEL_TOP, type: "quantitative" }, text: { field: "__label", type: "nominal" }, tooltip },
      },
    ],
  };
  if (options.title !== undefined) spec.title = options.title;
  const shown = data.slice(0, 8).map((row) => `${row[outcome]}${series === undefined ? "" : ` (${row[series]})`}: ${pct(row[p] as number)}`);
  const description = sentence(
    `bar chart of ${yTitle} by ${xTitle}: ${shown.join(", ")}`,
    data.length > 8 && ` and ${data.length - 8} more`,
    series !== undefined && `, side by side for ${seriesOrder.length} series (${seriesOrder.join(", ")})`,
    ", with interval error bars",
  );
  return Chart.of(spec).description(description);
}

/** Layer names that withClosedFormTicks finds the layers by. */
export const ERROR_BARS = "outcome-error-bars";
export const VALUE_LABELS = "outcome-value-labels";
/** The field holding the height of each bar's value label. */
export const LABEL_TOP = "__labelTop";
