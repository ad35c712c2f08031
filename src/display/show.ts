import { Chart } from "../charts/chart";
import { describeValue } from "../validate";
import { findTslab } from "./kernel";
import { PNG_MIME, SVG_MIME, TEXT_MIME, VEGALITE_MIME } from "./mime";
import { renderPng, rasterizeSvg, renderSvg } from "./render";

/** The MIME bundle of one display_data message. */
export interface DisplayBundle {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/**
 * The display bundle of a chart: the Vega-Lite spec (interactive in JupyterLab, Notebook 7 and
 * VS Code), an SVG (classic Notebook, GitHub, nbviewer), a 2x PNG shown at 1x size, and a text
 * description. Never text/html, which front ends would prefer over the Vega-Lite renderer.
 */
export async function displayBundle(chart: Chart): Promise<DisplayBundle> {
  const svg = await renderSvg(chart);
  const image = rasterizeSvg(svg);
  return {
    data: {
      [VEGALITE_MIME]: chart.toSpec(),
      [SVG_MIME]: svg,
      [PNG_MIME]: image.png.toString("base64"),
      [TEXT_MIME]: chart.describe(),
    },
    metadata: { [PNG_MIME]: { width: image.widthPx, height: image.heightPx } },
  };
}

let warnedFallback = false;

/**
 * Shows a chart in a tslab notebook cell as one display_data message carrying Vega-Lite, SVG, PNG and
 * text. If the kernel's display writer cannot be reached, shows a PNG through tslab's public API and
 * says so once on stdout. Outside a kernel (plain node), prints a one-line description.
 * @example await show(sweepChart(rows, { x: "lossRate", y: "p" }))
 */
export async function show(chart: Chart): Promise<void> {
  if (!(chart instanceof Chart)) throw new TypeError(`show: chart must be a Chart (from a chart builder or Chart.of); got ${describeValue(chart)}`);
  // Read the writer now, before any await: tslab replaces it when the next cell starts.
  const tslab = findTslab();
  if (!tslab.inKernel) {
    console.log(chart.describe());
    return;
  }
  if (tslab.writer) {
    const bundle = await displayBundle(chart);
    tslab.writer({ data: bundle.data, metadata: bundle.metadata, transient: {} }, false);
    return;
  }
  if (!warnedFallback) {
    warnedFallback = true;
    console.log("show(): tslab's display writer was not found, so charts are shown as static PNG images (no interactive Vega-Lite).");
  }
  if (tslab.display) {
    tslab.display.png((await renderPng(chart)).png);
  } else {
    console.log(chart.describe());
  }
}
