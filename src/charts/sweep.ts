import { Chart } from "./chart";
import { CHART_COLORS, OKABE_ITO } from "./theme";
import { checkField, checkFieldName, checkOptions, checkRows, fieldTitle, FieldKind } from "./_internals/rows";
import { checkInteger } from "../validate";
import { layeredChart } from "./_internals/layered";
import { ClosedFormFunction, closedFormRows } from "./_internals/closed-form";
import { seriesOrder } from "./_internals/order";
import { integerTicks, logDomain } from "./_internals/ticks";
import { fmt, listOf, rangeOf, sentence } from "./_internals/describe";

export type { ClosedFormFunction } from "./_internals/closed-form";

/** Options of {@link sweepChart}. */
export interface SweepChartOptions {
  /** Field of the swept parameter (x axis). Required. */
  x: string;
  /** Field of the measured value (y axis). Required. */
  y: string;
  /** Field of the interval's lower end; with `hi`, draws a shaded band. @defaultValue none */
  lo?: string;
  /** Field of the interval's upper end. @defaultValue none */
  hi?: string;
  /** Field splitting the rows into series (one line per value). @defaultValue none */
  color?: string;
  /**
   * The closed-form (exact) result, drawn as a dashed line, as one of:
   * - a function `(x) => y` (one curve) or `(x, series) => y` (a curve per `color` value), sampled
   *   at `closedFormSamples` points over the rows' x range (log-spaced with `logX`): a smooth
   *   curve, and a step where the law steps;
   * - rows holding the `x` and `y` fields (and `color`, to match series), drawn as given (make them dense);
   * - the name of a field of `rows`, drawn only at the rows' x values, joined by straight lines:
   *   right for counts (servers, replicas), where nothing lies between the points.
   * @defaultValue none
   * @example closedForm: (lossRate) => 1 - lossRate
   */
  closedForm?: string | readonly object[] | ClosedFormFunction;
  /** Points at which a closed-form function is sampled. @defaultValue 200 */
  closedFormSamples?: number;
  /** Start a linear y axis at zero (honest bars of proportions and means); false fits the data. @defaultValue true */
  zeroY?: boolean;
  /** Logarithmic x axis (x values must be > 0). @defaultValue false */
  logX?: boolean;
  /** Logarithmic y axis (y, lo, hi values must be > 0). @defaultValue false */
  logY?: boolean;
  /** Chart title. @defaultValue none */
  title?: string;
  /** X axis title; include the unit. @defaultValue derived from the field name, e.g. "delay (ms)" */
  xTitle?: string;
  /** Y axis title; include the unit. @defaultValue derived from the field name */
  yTitle?: string;
  /** Legend title of the series. @defaultValue derived from the field name */
  colorTitle?: string;
  /** Legend label of simulated results. @defaultValue "simulated" */
  simulatedLabel?: string;
  /** Legend label of the closed form. @defaultValue "closed form" */
  closedFormLabel?: string;
}

const KEYS = [
  "x", "y", "lo", "hi", "color", "closedForm", "closedFormSamples", "logX", "logY", "zeroY", "title", "xTitle", "yTitle",
  "colorTitle", "simulatedLabel", "closedFormLabel",
] as const;

/**
 * Lines with points of `y` against a swept parameter `x`, with an optional interval band
 * (`lo`..`hi`), one series per `color` value, and an optional dashed closed-form overlay. When the
 * closed form is present, a legend tells simulated from closed form. The legend shows each series
 * in its line colour, in numeric order when the series are numbers, else in the order of the lines.
 * A linear y axis starts at zero unless `zeroY: false`; log axes end just outside the data, at 1, 2
 * or 5 times a power of ten (not at whole decades far beyond it).
 * @example sweepChart(rows, { x: "lossRate", y: "p", lo: "lo", hi: "hi", closedForm: (p) => 1 - p })
 */
export function sweepChart(rows: readonly object[], options: SweepChartOptions): Chart {
  const name = "sweepChart";
  checkOptions(name, options, KEYS);
  if (options === undefined) throw new TypeError(`${name}: options { x, y } are required`);
  const data = checkRows(name, rows);
  const x = checkFieldName(name, "x", options.x);
  const y = checkFieldName(name, "y", options.y);
  const logX = options.logX === true;
  const logY = options.logY === true;
  const xKind: FieldKind = logX ? "positive" : "number";
  const yKind: FieldKind = logY ? "positive" : "number";
  checkField(name, data, x, xKind);
  checkField(name, data, y, yKind);
  if ((options.lo === undefined) !== (options.hi === undefined)) {
    throw new TypeError(`${name}: options.lo and options.hi go together; got only ${options.lo === undefined ? "hi" : "lo"}`);
  }
  const lo = options.lo === undefined ? undefined : checkFieldName(name, "lo", options.lo);
  const hi = options.hi === undefined ? undefined : checkFieldName(name, "hi", options.hi);
  if (lo !== undefined && hi !== undefined) {
    checkField(name, data, lo, yKind);
    checkField(name, data, hi, yKind);
  }
  const color = options.color === undefined ? undefined : checkFieldName(name, "color", options.color);
  if (color !== undefined) checkField(name, data, color, "key");
  const samples = options.closedFormSamples === undefined ? 200 : checkInteger(`${name}: options.closedFormSamples`, options.closedFormSamples, 2, 5000);
  const closed = options.closedForm === undefined ? undefined
    : closedFormRows(options.closedForm, { name, rows: data, x, y, color, logX, logY, samples });

  const simLabel = options.simulatedLabel ?? "simulated";
  const exactLabel = options.closedFormLabel ?? "closed form";
  const xs = data.map((r) => r[x] as number);
  const integerX = !logX && xs.every((v) => Number.isInteger(v));
  const xTitle = options.xTitle ?? fieldTitle(x);
  const xEnc = {
    field: x,
    type: "quantitative",
    title: xTitle,
    scale: logX ? { type: "log", domain: logDomain([...xs, ...(closed?.rows ?? []).map((r) => r[x] as number)]), nice: false } : { zero: false },
    // A sweep over counts (clients, servers, replicas) gets whole-number ticks only.
    ...(integerX ? { axis: { values: integerTicks(xs), format: "d" } } : {}),
  };
  const yTitle = options.yTitle ?? fieldTitle(y);
  const yValues = () => [y, ...(lo ? [lo, hi!] : []), ...(closed && !closed.rows ? [closed.yField] : [])]
    .flatMap((f) => data.map((r) => r[f] as number)).concat((closed?.rows ?? []).map((r) => r[y] as number));
  const yScale = logY ? { type: "log", domain: logDomain(yValues()), nice: false } : { zero: options.zeroY !== false };
  const order = color === undefined ? undefined : seriesOrder(data, color, x, y);
  const colorTitle = color === undefined ? undefined : options.colorTitle ?? fieldTitle(color);
  // The legend comes from the lines' colour scale alone, so its swatches are the line colour (not
  // the pale band's). Bands and closed forms take the same colours straight from the data
  // (scale null: no scale, no legend to merge with).
  const palette = order === undefined ? [] : order.map((_, i) => OKABE_ITO[i % OKABE_ITO.length]);
  const colorOf = color === undefined ? "" : `${JSON.stringify(palette)}[indexof(${JSON.stringify(order)}, datum[${JSON.stringify(color)}])]`;
  const seriesColor = color === undefined ? {}
    : { color: { field: color, type: "nominal", title: colorTitle, sort: order, scale: { domain: order, range: palette }, legend: { symbolType: "stroke", symbolStrokeWidth: 3 } } };
  const dataColor = (channel: "fill" | "stroke") => (color === undefined ? {} : { [channel]: { field: SERIES_COLOR, type: "nominal", scale: null } });
  const colorTransform = color === undefined ? [] : [{ calculate: colorOf, as: SERIES_COLOR }];
  const tooltip: object[] = [
    { field: x, type: "quantitative", title: fieldTitle(x) },
    { field: y, type: "quantitative", title: fieldTitle(y), format: ".4~g" },
  ];
  if (lo !== undefined && hi !== undefined) {
    tooltip.push({ field: lo, type: "quantitative", title: "interval low", format: ".4~g" });
    tooltip.push({ field: hi, type: "quantitative", title: "interval high", format: ".4~g" });
  }
  if (color !== undefined) tooltip.unshift({ field: color, type: "nominal", title: fieldTitle(color) });

  const dash = closed
    ? {
        field: "source",
        type: "nominal",
        title: null,
        scale: { domain: [simLabel, exactLabel], range: [[1, 0], [6, 4]] },
        legend: { symbolStrokeColor: CHART_COLORS.ink, symbolType: "stroke" },
      }
    : undefined;
  const fixedColor = color === undefined ? { color: CHART_COLORS.primary } : {};

  const layer: object[] = [];
  if (lo !== undefined && hi !== undefined) {
    layer.push({
      transform: colorTransform,
      mark: { type: "area", opacity: 0.2, ...fixedColor },
      encoding: {
        x: xEnc,
        y: { field: lo, type: "quantitative", title: yTitle, scale: yScale },
        y2: { field: hi },
        ...dataColor("fill"),
        tooltip,
      },
    });
  }
  layer.push({
    transform: [{ calculate: JSON.stringify(simLabel), as: "source" }],
    mark: { type: "line", point: true, strokeWidth: 2.5, ...fixedColor },
    encoding: {
      x: xEnc,
      y: { field: y, type: "quantitative", title: yTitle, scale: yScale },
      ...seriesColor,
      ...(dash ? { strokeDash: dash } : {}),
      tooltip,
    },
  });
  if (closed) {
    // Drawn over the simulated lines and thinner than them, so a simulated line that follows the
    // closed form exactly still shows on both sides of the dashes.
    const withColor = closed.perSeries;
    layer.push({
      ...(closed.rows ? { data: { values: closed.rows } } : {}),
      transform: [{ calculate: JSON.stringify(exactLabel), as: "source" }, ...(withColor ? colorTransform : [])],
      mark: { type: "line", strokeWidth: 1.6, ...(withColor ? {} : { color: CHART_COLORS.ink }) },
      encoding: {
        x: xEnc,
        y: { field: closed.yField, type: "quantitative", title: yTitle, scale: yScale },
        ...(withColor ? dataColor("stroke") : {}),
        strokeDash: dash,
        tooltip: [
          ...(withColor ? [{ field: color, type: "nominal", title: fieldTitle(color!) }] : []),
          { field: x, type: "quantitative", title: fieldTitle(x), format: ".4~g" },
          { field: closed.yField, type: "quantitative", title: exactLabel, format: ".4~g" },
        ],
      },
    });
  }
  const ys = data.map((r) => r[y] as number);
  const single = color === undefined ? trend(data, x, y) : "";
  const description = sentence(
    `line chart of ${yTitle} against ${xTitle} ${rangeOf(xs)}${logX ? " (log scale)" : ""}`,
    color !== undefined && `, one line per ${colorTitle || "series"} (${listOf(order!)})`,
    single ? `: ${single}` : `, values ${rangeOf(ys)}`,
    lo !== undefined && ", with interval bands",
    closed && `; the ${/^closed form/i.test(exactLabel) ? exactLabel : `closed form (${exactLabel})`} is drawn dashed`,
  );
  return layeredChart(data, layer, options.title).description(description);
}

/** The field holding each series' colour in bands and closed forms. */
const SERIES_COLOR = "__seriesColor";

/** "y goes from a at x = 1 to b at x = 5" for one series, in x order. */
function trend(rows: readonly Record<string, unknown>[], x: string, y: string): string {
  const sorted = [...rows].sort((a, b) => (a[x] as number) - (b[x] as number));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === last) return `${fmt(first[y])} at ${fmt(first[x])}`;
  return `${fmt(first[y])} at ${fmt(first[x])} to ${fmt(last[y])} at ${fmt(last[x])}`;
}
