/** Axis helpers: a second y axis in another unit, a fixed log range in whole decades, integer x ticks. */
import { Chart } from "./chart";
import { checkNumber, checkPositive, fail } from "../validate";
import { integerTicks } from "./_internals/ticks";

/** Options of {@link withSecondaryYAxis}. */
export interface SecondaryYAxisOptions {
  /** The right axis shows the left axis value times this factor (e.g. 1440: per minute -> per day). Required. */
  factor: number;
  /** Title of the right axis; include the unit. Required. */
  title: string;
  /** The left axis range [min, max], fixed so both axes line up (must be > 0 on a log axis). Required. */
  domain: [number, number];
  /** Logarithmic axes (the chart's own y scale must be log too). @defaultValue false */
  log?: boolean;
}

/**
 * A copy of a layered chart with a second y axis on the right showing the same values in another
 * unit (value * factor). Both axes get fixed, aligned ranges; the original layers keep sharing
 * their scales. Works for charts whose spec has a top-level `layer` (sweepChart, histogramChart, ...).
 * @example withSecondaryYAxis(chart, { factor: 1440, title: "failures per day", domain: [1e-4, 10], log: true })
 */
export function withSecondaryYAxis(chart: Chart, options: SecondaryYAxisOptions): Chart {
  const name = "withSecondaryYAxis(chart, options)";
  if (!(chart instanceof Chart)) fail(`${name} chart`, chart, "a Chart");
  const factor = checkPositive("factor", options.factor);
  if (typeof options.title !== "string") fail("title", options.title, "a string");
  if (!Array.isArray(options.domain) || options.domain.length !== 2) fail("domain", options.domain, "[min, max]");
  const log = options.log === true;
  const lo = checkNumber("domain[0]", options.domain[0], log ? Number.MIN_VALUE : -Infinity);
  const hi = checkNumber("domain[1]", options.domain[1], lo);
  return chart.mapSpec((spec) => {
    if (!Array.isArray(spec.layer)) fail(`${name} chart`, chart.describe(), "a layered chart");
    const fixed = (spec.layer as Record<string, any>[]).map((layer) => {
      const y = layer.encoding?.y;
      if (!y) return layer;
      return { ...layer, encoding: { ...layer.encoding, y: { ...y, scale: { ...(y.scale ?? {}), domain: [lo, hi], nice: false, padding: 0 } } } };
    });
    const right = {
      data: { values: [{ secondary: lo * factor }, { secondary: hi * factor }] },
      mark: { type: "rule", opacity: 0, tooltip: null },
      encoding: {
        y: {
          field: "secondary", type: "quantitative", title: options.title,
          scale: { ...(log ? { type: "log" } : {}), domain: [lo * factor, hi * factor], nice: false },
          axis: { orient: "right", grid: false },
        },
      },
    };
    const { layer: _layer, resolve: _resolve, ...rest } = spec;
    const text = typeof rest.description === "string" ? rest.description.replace(/\.$/, "") : "";
    if (text) rest.description = `${text}; the right axis gives the same values in ${options.title}.`;
    return { ...rest, layer: [{ layer: fixed }, right], resolve: { scale: { y: "independent" } } };
  });
}

/**
 * The smallest range of whole powers of ten holding every value (all must be > 0), for a fixed log
 * axis, e.g. [3e-5, 0.95] -> [1e-5, 1].
 */
export function decadeDomain(values: readonly number[]): [number, number] {
  if (!Array.isArray(values) || values.length === 0) fail("decadeDomain(values) values", values, "a non-empty array of numbers > 0");
  let lo = Infinity, hi = -Infinity;
  values.forEach((v, i) => {
    checkNumber(`decadeDomain(values) values[${i}]`, v, Number.MIN_VALUE);
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  });
  // Number("1e-5") is exactly the decimal 1e-5, whereas 10 ** -5 is 0.000009999999999999999.
  const decade = (k: number) => Number(`1e${k}`);
  const kLo = Math.floor(Math.log10(lo) + 1e-12);
  const kHi = Math.max(kLo + 1, Math.ceil(Math.log10(hi) - 1e-12));
  return [decade(kLo), decade(kHi)];
}

/**
 * A copy of a chart whose x axis shows whole numbers only, each once (ticks at whole numbers
 * covering the data, no decimals), for counts such as a number of replicas. Applies to the
 * top-level encoding and every layer. (Vega's `tickMinStep` alone can print "1 2 2 3 3".)
 * @example withIntegerXAxis(sweepChart(rows, { x: "r", y: "p" }))
 */
export function withIntegerXAxis(chart: Chart): Chart {
  if (!(chart instanceof Chart)) fail("withIntegerXAxis(chart) chart", chart, "a Chart");
  return chart.mapSpec((spec) => {
    const values: number[] = [];
    const collect = (node: Record<string, any>, rows: unknown[]) => {
      const own = Array.isArray(node.data?.values) ? node.data.values : rows;
      const field = node.encoding?.x?.field;
      if (typeof field === "string") for (const r of own) if (r && typeof r[field] === "number") values.push(r[field]);
      if (Array.isArray(node.layer)) for (const child of node.layer) collect(child, own);
    };
    collect(spec, []);
    const ticks = integerTicks(values);
    const fix = (node: Record<string, any>): Record<string, any> => {
      const x = node.encoding?.x;
      const axis = { ...(x?.axis ?? {}), format: "d", ...(ticks.length > 0 ? { values: ticks } : { tickMinStep: 1 }) };
      const out: Record<string, any> = x ? { ...node, encoding: { ...node.encoding, x: { ...x, axis } } } : { ...node };
      if (Array.isArray(node.layer)) out.layer = node.layer.map(fix);
      return out;
    };
    return fix(spec);
  });
}
