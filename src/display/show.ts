import { Chart } from "../charts/chart";
import { describeValue } from "../validate";
import { findTslab } from "./kernel";
import { MARKDOWN_MIME, PNG_MIME, SVG_MIME, TEXT_MIME, VEGALITE_MIME } from "./mime";
import { escapeHtml } from "./html";
import { inspect } from "util";
import { rasterizeSvg, renderSvg, renderSvgSync } from "./render";

/** The MIME bundle of one display_data message. */
export interface DisplayBundle {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** The display_data metadata key under which show() records the chart's figure name. */
export const DISPLAY_METADATA_KEY = "distsys-lab";

/**
 * The display bundle of a chart: the Vega-Lite spec (interactive in JupyterLab, Notebook 7 and
 * VS Code), an SVG (GitHub; with `<title>`, `<desc>` and `aria-label`), a 2x PNG shown at 1x size, the
 * SVG as an `<img>` with the chart's alt text in Markdown (what `jupyter nbconvert --to html`,
 * nbviewer and the classic Notebook show, so their images have alt text), and a text description.
 * Never text/html, which front ends would prefer over the Vega-Lite renderer.
 * A named chart (`chart.name("loss-sweep")`) also carries `metadata["distsys-lab"] = { name }`,
 * which `npm run figures` reads back from executed notebooks to name the figure files.
 */
export async function displayBundle(chart: Chart): Promise<DisplayBundle> {
  return bundleFromSvg(chart, await renderSvg(chart));
}

function bundleFromSvg(chart: Chart, svg: string): DisplayBundle {
  const image = rasterizeSvg(svg);
  const metadata: Record<string, unknown> = { [PNG_MIME]: { width: image.widthPx, height: image.heightPx } };
  if (chart.figureName !== undefined) metadata[DISPLAY_METADATA_KEY] = { name: chart.figureName };
  return {
    data: {
      [VEGALITE_MIME]: chart.toSpec(),
      [SVG_MIME]: svg,
      [PNG_MIME]: image.png.toString("base64"),
      [MARKDOWN_MIME]: imgMarkdown(chart, svg, image.widthPx, image.heightPx),
      [TEXT_MIME]: chart.describe(),
    },
    metadata,
  };
}

/** The SVG as one `<img>` element with alt text (HTML inside Markdown), shown at its own size. */
function imgMarkdown(chart: Chart, svg: string, widthPx: number, heightPx: number): string {
  const src = `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
  return `<img src="${src}" width="${widthPx}" height="${heightPx}" alt="${escapeHtml(chart.altText())}">`;
}

let warnedFallback = false;

/**
 * Shows a chart in a tslab notebook cell as one display_data message carrying Vega-Lite, SVG, PNG and
 * text. If the kernel's display writer cannot be reached, shows a PNG through tslab's public API and
 * says so once on stdout. Outside a kernel (plain node), prints a one-line description.
 *
 * The chart is rendered and sent before show() returns, so it appears even without `await`; the
 * returned promise is already settled and prints as nothing when it is a cell's last value. Bad
 * input throws at once (not as a rejected promise).
 * @example show(sweepChart(rows, { x: "lossRate", y: "p" }))
 */
export function show(chart: Chart): Promise<void> {
  // Errors are thrown synchronously, so they show in the cell even without `await`.
  if (!(chart instanceof Chart)) {
    throw new TypeError(`show: chart must be a Chart (from a chart builder or Chart.of); got ${describeValue(chart)}`);
  }
  const tslab = findTslab();
  if (!tslab.inKernel) {
    console.log(chart.describe());
    return quiet(Promise.resolve());
  }
  const svg = renderSvgSync(chart);
  if (svg === null) {
    // Asynchronous data: render later; report a failure on stderr too, in case nobody awaits.
    const later = renderSvg(chart).then((text) => send(chart, text, tslab));
    later.catch((error: Error) => console.error(`show(): ${error.message}`));
    return quiet(later);
  }
  send(chart, svg, tslab);
  return quiet(Promise.resolve());
}

function send(chart: Chart, svg: string, tslab: ReturnType<typeof findTslab>): void {
  if (tslab.writer) {
    const bundle = bundleFromSvg(chart, svg);
    tslab.writer({ data: bundle.data, metadata: bundle.metadata, transient: {} }, false);
    return;
  }
  if (!warnedFallback) {
    warnedFallback = true;
    console.log("show(): tslab's display writer was not found, so charts are shown as static PNG images (no interactive Vega-Lite).");
  }
  if (tslab.display) tslab.display.png(rasterizeSvg(svg).png);
  else console.log(chart.describe());
}

/** tslab prints a cell's last value with console.log; make show()'s promise print as an empty line, not "Promise { ... }". */
function quiet<T>(promise: Promise<T>): Promise<T> {
  Object.defineProperty(promise, inspect.custom, { value: () => "", enumerable: false });
  return promise;
}
