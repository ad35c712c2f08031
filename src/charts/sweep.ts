import { Chart } from "./chart";
import { CHART_COLORS } from "./theme";
import { checkField, checkFieldName, checkOptions, checkRows, fieldTitle, FieldKind, Row } from "./_internals/rows";
import { layeredChart } from "./_internals/layered";

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
   * The closed-form (exact) result drawn as a dashed line: either the name of a field of `rows`, or
   * separate rows holding the `x` and `y` fields (and `color`, to match series). @defaultValue none
   */
  closedForm?: string | readonly object[];
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
  "x", "y", "lo", "hi", "color", "closedForm", "logX", "logY", "title", "xTitle", "yTitle", "colorTitle",
  "simulatedLabel", "closedFormLabel",
] as const;

/**
 * Lines with points of `y` against a swept parameter `x`, with an optional interval band
 * (`lo`..`hi`), one series per `color` value, and an optional dashed closed-form overlay. When the
 * closed form is present, a legend tells simulated from closed form.
 * @example sweepChart(rows, { x: "lossRate", y: "p", lo: "lo", hi: "hi", closedForm: "exact" })
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

  const simLabel = options.simulatedLabel ?? "simulated";
  const exactLabel = options.closedFormLabel ?? "closed form";
  const xEnc = {
    field: x,
    type: "quantitative",
    title: options.xTitle ?? fieldTitle(x),
    scale: logX ? { type: "log" } : { zero: false },
    // A sweep over counts (clients, servers, replicas) gets integer ticks, not "1.0, 1.5, 2.0".
    ...(!logX && data.every((r) => Number.isInteger(r[x])) ? { axis: { format: "d", tickMinStep: 1 } } : {}),
  };
  const yTitle = options.yTitle ?? fieldTitle(y);
  const yScale = logY ? { type: "log" } : { zero: false };
  const colorEnc = color === undefined ? undefined : { field: color, type: "nominal", title: options.colorTitle ?? fieldTitle(color) };
  const tooltip: object[] = [
    { field: x, type: "quantitative", title: fieldTitle(x) },
    { field: y, type: "quantitative", title: fieldTitle(y), format: ".4~g" },
  ];
  if (lo !== undefined && hi !== undefined) {
    tooltip.push({ field: lo, type: "quantitative", title: "interval low", format: ".4~g" });
    tooltip.push({ field: hi, type: "quantitative", title: "interval high", format: ".4~g" });
  }
  if (color !== undefined) tooltip.unshift({ field: color, type: "nominal", title: fieldTitle(color) });

  const hasClosedForm = options.closedForm !== undefined;
  const dash = hasClosedForm
    ? {
        field: "source",
        type: "nominal",
        title: null,
        scale: { domain: [simLabel, exactLabel], range: [[1, 0], [6, 4]] },
        legend: { symbolStrokeColor: CHART_COLORS.ink, symbolType: "stroke" },
      }
    : undefined;

  const layer: object[] = [];
  if (lo !== undefined && hi !== undefined) {
    layer.push({
      mark: { type: "area", opacity: 0.2, ...(colorEnc ? {} : { color: CHART_COLORS.primary }) },
      encoding: {
        x: xEnc,
        y: { field: lo, type: "quantitative", title: yTitle, scale: yScale },
        y2: { field: hi },
        ...(colorEnc ? { color: colorEnc } : {}),
        tooltip,
      },
    });
  }
  layer.push({
    transform: [{ calculate: JSON.stringify(simLabel), as: "source" }],
    mark: { type: "line", point: true, ...(colorEnc ? {} : { color: CHART_COLORS.primary }) },
    encoding: {
      x: xEnc,
      y: { field: y, type: "quantitative", title: yTitle, scale: yScale },
      ...(colorEnc ? { color: colorEnc } : {}),
      ...(dash ? { strokeDash: dash } : {}),
      tooltip,
    },
  });
  if (hasClosedForm) layer.push(closedFormLayer(options.closedForm!, { rows: data, x, y, color, xEnc, yTitle, yScale, colorEnc, dash, exactLabel, logX, logY }));

  return layeredChart(data, layer, options.title);
}

interface ClosedFormContext {
  rows: readonly Row[];
  x: string;
  y: string;
  color: string | undefined;
  xEnc: object;
  yTitle: string;
  yScale: object;
  colorEnc: object | undefined;
  dash: object | undefined;
  exactLabel: string;
  logX: boolean;
  logY: boolean;
}

function closedFormLayer(closedForm: string | readonly object[], ctx: ClosedFormContext): object {
  const name = "sweepChart";
  const layer: Record<string, unknown> = {};
  let yField: string;
  let withColor = ctx.colorEnc !== undefined;
  if (typeof closedForm === "string") {
    yField = checkFieldName(name, "closedForm", closedForm);
    checkField(name, ctx.rows, yField, ctx.logY ? "positive" : "number");
    layer.transform = [{ calculate: JSON.stringify(ctx.exactLabel), as: "source" }];
  } else {
    const rows = checkRows(name, closedForm, "options.closedForm");
    checkField(name, rows, ctx.x, ctx.logX ? "positive" : "number", { argName: "options.closedForm" });
    yField = ctx.y;
    if (ctx.color !== undefined) {
      withColor = rows.every((row) => row[ctx.color!] !== undefined);
      if (withColor) checkField(name, rows, ctx.color, "key", { argName: "options.closedForm" });
    }
    layer.data = { values: rows };
    layer.transform = [{ calculate: JSON.stringify(ctx.exactLabel), as: "source" }];
    checkField(name, rows, yField, ctx.logY ? "positive" : "number", { argName: "options.closedForm" });
  }
  layer.mark = { type: "line", strokeWidth: 2, ...(withColor ? {} : { color: CHART_COLORS.ink }) };
  layer.encoding = {
    x: ctx.xEnc,
    y: { field: yField, type: "quantitative", title: ctx.yTitle, scale: ctx.yScale },
    ...(withColor ? { color: ctx.colorEnc } : {}),
    strokeDash: ctx.dash,
    tooltip: [
      ...(withColor ? [{ field: ctx.color, type: "nominal", title: fieldTitle(ctx.color!) }] : []),
      { field: ctx.x, type: "quantitative", title: fieldTitle(ctx.x) },
      { field: yField, type: "quantitative", title: ctx.exactLabel, format: ".4~g" },
    ],
  };
  return layer;
}
