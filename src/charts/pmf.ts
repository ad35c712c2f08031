import { Chart } from "./chart";
import { CHART_COLORS, CHART_DEFAULT_SIZE } from "./theme";
import { checkField, checkFieldName, checkOptions, checkOrdered, checkRows, fieldTitle } from "./_internals/rows";
import { layeredChart } from "./_internals/layered";
import { fmt, pct, rangeOf, sentence } from "./_internals/describe";

/** Options of {@link pmfChart}. Field options name the columns of the rows. */
export interface PmfChartOptions {
  /** Field of the numeric outcome (x axis). Required. */
  x: string;
  /** Field of the estimated probability. @defaultValue "p" */
  p?: string;
  /** Field of the interval's lower end. @defaultValue "lo" */
  lo?: string;
  /** Field of the interval's upper end. @defaultValue "hi" */
  hi?: string;
  /** Field of the closed-form probability, drawn as a short black dash. @defaultValue none */
  exact?: string;
  /** Chart title. @defaultValue none */
  title?: string;
  /** X axis title; include the unit. @defaultValue derived from the field name */
  xTitle?: string;
  /** Y axis title. @defaultValue "probability" */
  yTitle?: string;
}

const KEYS = ["x", "p", "lo", "hi", "exact", "title", "xTitle", "yTitle"] as const;

/**
 * A probability mass function over numeric outcomes, for when there are too many outcomes for bars:
 * a dot per outcome at its estimated probability, a vertical line for its interval, and (with
 * `exact`) a black dash at the closed-form value. Rows `{ [x], p, lo, hi, [exact]? }`.
 * @example pmfChart(rows, { x: "score", exact: "exact" })
 */
export function pmfChart(rows: readonly object[], options: PmfChartOptions): Chart {
  const name = "pmfChart";
  checkOptions(name, options, KEYS);
  if (options === undefined) throw new TypeError(`${name}: options { x } are required`);
  const data = checkRows(name, rows);
  const x = checkFieldName(name, "x", options.x);
  const p = checkFieldName(name, "p", options.p ?? "p");
  const lo = checkFieldName(name, "lo", options.lo ?? "lo");
  const hi = checkFieldName(name, "hi", options.hi ?? "hi");
  checkField(name, data, x, "number");
  for (const f of [p, lo, hi]) checkField(name, data, f, "probability");
  checkOrdered(name, data, lo, p, hi);
  const exact = options.exact === undefined ? undefined : checkFieldName(name, "exact", options.exact);
  if (exact !== undefined) checkField(name, data, exact, "probability");
  const xEnc = { field: x, type: "quantitative", title: options.xTitle ?? fieldTitle(x), scale: { zero: false, nice: true } };
  const yTitle = options.yTitle ?? "probability";
  const tooltip: object[] = [
    { field: x, type: "quantitative", title: fieldTitle(x) },
    { field: p, type: "quantitative", title: "p", format: ".4f" },
    { field: lo, type: "quantitative", title: "interval low", format: ".4f" },
    { field: hi, type: "quantitative", title: "interval high", format: ".4f" },
  ];
  if (exact !== undefined) tooltip.push({ field: exact, type: "quantitative", title: "closed form", format: ".4f" });
  const layer: object[] = [
    { mark: { type: "rule", color: CHART_COLORS.primary, strokeWidth: 1.5 }, encoding: { x: xEnc, y: { field: lo, type: "quantitative", title: yTitle }, y2: { field: hi }, tooltip } },
    { mark: { type: "point", filled: true, size: 36, color: CHART_COLORS.primary, opacity: 1 }, encoding: { x: xEnc, y: { field: p, type: "quantitative", title: yTitle }, tooltip } },
  ];
  if (exact !== undefined) {
    layer.push({ mark: { type: "tick", orient: "horizontal", size: 12, thickness: 2.5, color: CHART_COLORS.ink, opacity: 1 }, encoding: { x: xEnc, y: { field: exact, type: "quantitative", title: yTitle }, tooltip } });
  }
  const xTitle = xEnc.title;
  const top = [...data].sort((a, b) => (b[p] as number) - (a[p] as number))[0];
  const description = sentence(
    `probability of each ${xTitle} (${data.length} values ${rangeOf(data.map((r) => r[x] as number))}) as dots with interval lines`,
    exact !== undefined && " and black dashes at the closed-form probabilities",
    `; the most likely is ${fmt(top[x])} at ${pct(top[p] as number)}`,
  );
  return layeredChart(data, layer, options.title, { width: CHART_DEFAULT_SIZE.widthPx * 1.3, height: CHART_DEFAULT_SIZE.heightPx }).description(description);
}
