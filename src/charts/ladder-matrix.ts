import { Chart } from "./chart";
import { heatmapChart } from "./heatmap";

/** Options of {@link ladderMatrixChart}. */
export interface LadderMatrixChartOptions {
  /** Chart title. @defaultValue none */
  title?: string;
  /** d3-format of the cell labels: "d" for a single replay (0/1), ".2f" for rates. @defaultValue ".2f" */
  format?: string;
}

/**
 * The protocol ladder as a matrix: one row per protocol (in the order of the rows), one column per
 * property, cells coloured by `broken` (0..1, the share of replays in which the property broke) with the
 * value printed; long labels are slanted and never truncated.
 * @example ladderMatrixChart(protocolLadder({ seed: 42 }), { format: "d" })
 */
export function ladderMatrixChart(rows: readonly { protocol: string; property: string; broken: number }[], options: LadderMatrixChartOptions = {}): Chart {
  const base = heatmapChart(rows, { x: "property", y: "protocol", color: "broken", labels: true, format: options.format ?? ".2f",
    xTitle: "property that broke", yTitle: "", colorTitle: "broken", ...(options.title === undefined ? {} : { title: options.title }) });
  return base.mapSpec((spec) => {
    spec.width = 480;
    spec.height = 300;
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
}
