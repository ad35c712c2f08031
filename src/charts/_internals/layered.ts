/** The top level that the layered chart builders share: data, size, layers and an optional title. */
import { Chart } from "../chart";
import { CHART_DEFAULT_SIZE } from "../theme";
import type { Row } from "./rows";

/** Width and height of a chart in pixels. */
export interface ChartSizePx {
  width: number;
  height: number;
}

/**
 * A chart of `layer` over the inline `data`, with the keys in the order data, width, height, layer,
 * title (the title only when given). The size defaults to CHART_DEFAULT_SIZE.
 */
export function layeredChart(data: readonly Row[], layer: object[], title: string | undefined, size?: ChartSizePx): Chart {
  const spec: Record<string, unknown> = {
    data: { values: data },
    width: size?.width ?? CHART_DEFAULT_SIZE.widthPx,
    height: size?.height ?? CHART_DEFAULT_SIZE.heightPx,
    layer,
  };
  if (title !== undefined) spec.title = title;
  return Chart.of(spec);
}
