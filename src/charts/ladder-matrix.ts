import { Chart } from "./chart";
import { heatmapChart } from "./heatmap";
import { listOf, sentence } from "./_internals/describe";
import { checkOptions } from "./_internals/rows";
import { checkOneOf } from "../validate";

/** Options of {@link ladderMatrixChart}. */
export interface LadderMatrixChartOptions {
  /** Chart title. @defaultValue none */
  title?: string;
  /** d3-format of the cell labels: "d" for a single replay (0/1), ".2f" for rates. @defaultValue ".2f", or from the intervals with `lo`/`hi` */
  format?: string;
  /** Field of the lower end of each rate's interval (shown under the rate, as "lo–hi", and in tooltips). @defaultValue none */
  lo?: string;
  /** Field of the upper end of each rate's interval. @defaultValue none */
  hi?: string;
  /** Field of the number of replays behind each rate (tooltips). @defaultValue none */
  n?: string;
  /**
   * What to do with a property that no protocol broke (a column of zeros, which looks like a
   * mistake): "note" keeps it and says so in the subtitle (with a title) and the description,
   * "drop" leaves the column out (and says so likewise), "keep" draws it without comment.
   * @defaultValue "note"
   */
  zeroColumns?: "note" | "drop" | "keep";
}

const KEYS = ["title", "format", "lo", "hi", "n", "zeroColumns"] as const;

/**
 * The protocol ladder as a matrix: one row per protocol (in the order of the rows), one column per
 * property, cells coloured by `broken` (0..1, the share of replays in which the property broke) with the
 * value printed; long labels are slanted and never truncated.
 * @example ladderMatrixChart(protocolLadder({ seed: 42 }), { format: "d" })
 */
export function ladderMatrixChart(rows: readonly { protocol: string; property: string; broken: number }[], options: LadderMatrixChartOptions = {}): Chart {
  const name = "ladderMatrixChart";
  checkOptions(name, options, KEYS);
  const zeroMode = checkOneOf(`${name}: options.zeroColumns`, options.zeroColumns ?? "note", ["note", "drop", "keep"] as const);
  const { lo, hi, n } = options;
  const intervals = lo !== undefined || hi !== undefined;
  const allProperties = Array.isArray(rows) ? [...new Set(rows.map((r) => r?.property))] : [];
  const zero = zeroMode === "keep" ? [] : allProperties.filter((p) => rows.filter((r) => r?.property === p).every((r) => r?.broken === 0));
  const shown = zeroMode === "drop" && zero.length < allProperties.length ? rows.filter((r) => !zero.includes(r?.property)) : rows;
  const note = zero.length === 0 ? ""
    : `${listOf(zero)}: broken by no protocol here${zeroMode === "drop" && shown !== rows ? ` (${zero.length === 1 ? "column" : "columns"} left out)` : ""}`;
  const base = heatmapChart(shown, { x: "property", y: "protocol", color: "broken", labels: true,
    ...(options.format !== undefined || !intervals ? { format: options.format ?? ".2f" } : {}),
    ...(lo !== undefined ? { lo, intervalLabel: "range" as const } : {}), ...(hi !== undefined ? { hi } : {}), ...(n !== undefined ? { n } : {}),
    xTitle: "property that broke", yTitle: "", colorTitle: "broken", ...(options.title === undefined ? {} : { title: options.title }) });
  const protocols = [...new Set(shown.map((r) => r.protocol))];
  const properties = [...new Set(shown.map((r) => r.property))];
  const broke = shown.filter((r) => r.broken > 0);
  const description = sentence(
    `matrix of ${protocols.length} protocols (${listOf(protocols, 3)}) by ${properties.length} properties (${listOf(properties, 3)})`,
    `, each cell the share of replays in which the property broke`,
    broke.length === 0 ? "; none broke" : `; ${broke.length} of ${shown.length} cells are above zero`,
    note !== "" && `; ${note}`,
  );
  const chart = base.mapSpec((spec) => {
    spec.width = Math.max(480, spec.width as number);
    spec.height = Math.max(300, spec.height as number);
    for (const layer of spec.layer as { encoding: Record<string, any> }[]) {
      layer.encoding.x.axis = { labelAngle: -30, labelLimit: 240 };
      layer.encoding.y.axis = { labelLimit: 240 };
      if (layer.encoding.color?.scale) {
        layer.encoding.color.scale = { domain: [0, 1], scheme: "orangered" };
        layer.encoding.color.legend = { format: ".1f", values: [0, 0.5, 1] };
      }
      if (layer.encoding.color?.condition) layer.encoding.color = { condition: { test: "datum.broken > 0.5", value: "white" }, value: "black" };
    }
  });
  return (note !== "" && options.title !== undefined ? chart.title(options.title, note) : chart).description(description);
}
