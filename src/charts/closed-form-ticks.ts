import { Chart } from "./chart";
import { CHART_COLORS } from "./theme";
import { isPlainObject } from "./_internals/json";
import { describeValue } from "../validate";

/**
 * Adds a black tick at each bar's closed-form (exact) value to an {@link outcomeChart}: the rows
 * must carry the exact probability in `field` (rows without it get no tick). Tick marks have no
 * legend in Vega-Lite, so say what they are in the title (e.g. "black ticks: closed form").
 * @param label - the ticks' name in tooltips. @defaultValue "closed form"
 * @example withClosedFormTicks(outcomeChart(rows), "exact")
 */
export function withClosedFormTicks(chart: Chart, field: string, label = "closed form"): Chart {
  if (!(chart instanceof Chart)) throw new TypeError(`withClosedFormTicks: chart must be a Chart from outcomeChart; got ${describeValue(chart)}`);
  if (typeof field !== "string" || field.length === 0) throw new TypeError(`withClosedFormTicks: field must be a field name; got ${describeValue(field)}`);
  return chart.mapSpec((spec) => {
    const layers = spec.layer;
    const first = Array.isArray(layers) && isPlainObject(layers[0]) ? layers[0] : undefined;
    const x = first && isPlainObject(first.encoding) ? first.encoding.x : undefined;
    const rows = isPlainObject(spec.data) && Array.isArray(spec.data.values) ? spec.data.values : undefined;
    if (!x || !rows || !Array.isArray(layers)) throw new TypeError("withClosedFormTicks: chart must be an outcomeChart (a layer of bars over inline rows)");
    if (!rows.some((r) => isPlainObject(r) && typeof r[field] === "number")) {
      throw new RangeError(`withClosedFormTicks: no row has a number in field ${JSON.stringify(field)}`);
    }
    layers.push({
      transform: [{ filter: `isValid(datum[${JSON.stringify(field)}])` }],
      mark: { type: "tick", thickness: 3, size: 34 },
      encoding: {
        x, y: { field, type: "quantitative" },
        color: { value: CHART_COLORS.ink },
        tooltip: [{ field, type: "quantitative", title: label, format: ".4f" }],
      },
    });
    return spec;
  });
}
