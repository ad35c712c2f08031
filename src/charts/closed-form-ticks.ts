import { Chart } from "./chart";
import { ERROR_BARS, LABEL_TOP, VALUE_LABELS } from "./outcome";
import { isPlainObject } from "./_internals/json";
import { describeValue } from "../validate";

/**
 * Adds a black tick across each bar at its closed-form (exact) value to an {@link outcomeChart}: the
 * rows must carry the exact probability in `field` (rows without it get no tick). The ticks are
 * drawn under the error bars, so both stay visible, and the value labels move above them. Tick marks
 * have no legend in Vega-Lite, so say what they are in the title (e.g. "black ticks: closed form").
 * @param label - the ticks' name in tooltips and in the description. @defaultValue "closed form"
 * @example withClosedFormTicks(outcomeChart(rows), "exact")
 */
export function withClosedFormTicks(chart: Chart, field: string, label = "closed form"): Chart {
  if (!(chart instanceof Chart)) throw new TypeError(`withClosedFormTicks: chart must be a Chart from outcomeChart; got ${describeValue(chart)}`);
  if (typeof field !== "string" || field.length === 0) throw new TypeError(`withClosedFormTicks: field must be a field name; got ${describeValue(field)}`);
  const ticked = chart.mapSpec((spec) => {
    const layers = spec.layer;
    const first = Array.isArray(layers) && isPlainObject(layers[0]) ? layers[0] : undefined;
    const x = first && isPlainObject(first.encoding) ? first.encoding.x : undefined;
    const rows = isPlainObject(spec.data) && Array.isArray(spec.data.values) ? spec.data.values : undefined;
    if (!x || !rows || !Array.isArray(layers)) throw new TypeError("withClosedFormTicks: chart must be an outcomeChart (a layer of bars over inline rows)");
    if (!rows.some((r) => isPlainObject(r) && typeof r[field] === "number")) {
      throw new RangeError(`withClosedFormTicks: no row has a number in field ${JSON.stringify(field)}`);
    }
    const access = `datum[${JSON.stringify(field)}]`;
    const bars = layers.findIndex((l) => isPlainObject(l) && l.name === ERROR_BARS);
    const ticks = {
      transform: [{ filter: `isValid(${access})` }],
      // A bar of zero height drawn as its black outline: a line across 3/4 of the bar's width.
      mark: { type: "bar", width: { band: 0.6 }, fill: null, stroke: "#000000", strokeWidth: 2.5, opacity: 1 },
      encoding: {
        // With outcomeChart's series, each tick sits on its own bar of the group.
        x, ...(first && isPlainObject(first.encoding) && first.encoding.xOffset ? { xOffset: first.encoding.xOffset } : {}),
        y: { field, type: "quantitative" }, y2: { field },
        tooltip: [{ field, type: "quantitative", title: label, format: ".4f" }],
      },
    };
    layers.splice(bars >= 0 ? bars : layers.length, 0, ticks);
    const labels = layers.find((l) => isPlainObject(l) && l.name === VALUE_LABELS) as Record<string, unknown> | undefined;
    if (labels && Array.isArray(labels.transform)) {
      const [top, ...rest] = labels.transform as { calculate: string }[];
      labels.transform = [{ calculate: `max(${top.calculate}, isValid(${access}) ? ${access} : 0)`, as: LABEL_TOP }, ...rest];
    }
    return spec;
  });
  return ticked.description(ticked.descriptionText().replace(/\.$/, `; black ticks mark the ${label}.`));
}
