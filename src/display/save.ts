import * as fs from "fs";
import * as path from "path";
import { Chart } from "../charts/chart";
import { describeValue } from "../validate";
import { chartHtml } from "./html";
import { renderPng, renderSvg } from "./render";

/** File extensions `save` understands, and what each writes. */
export const SAVE_FORMATS = Object.freeze({
  ".svg": "SVG image",
  ".png": "PNG image at 2x",
  ".html": "self-contained interactive HTML page (works offline)",
  ".vl.json": "Vega-Lite spec",
  ".json": "Vega-Lite spec",
});

/** The format of a path: "svg", "png", "html" or "json"; throws naming the valid extensions otherwise. */
export function saveFormat(file: string): "svg" | "png" | "html" | "json" {
  const lower = file.toLowerCase();
  if (lower.endsWith(".svg")) return "svg";
  if (lower.endsWith(".png")) return "png";
  if (lower.endsWith(".html")) return "html";
  if (lower.endsWith(".json")) return "json";
  throw new RangeError(`save: cannot tell the format of ${JSON.stringify(file)} from its extension; use one of ${Object.keys(SAVE_FORMATS).join(", ")}`);
}

/**
 * Writes a chart to `file`, the format chosen by the extension: `.svg`, `.png` (2x), `.html` (one
 * self-contained interactive page), `.vl.json` or `.json` (the Vega-Lite spec). Writes nothing but
 * that file; the folder must exist. Returns the absolute path written.
 * @example await save(chart, "figures/loss-sweep.svg")
 */
export async function save(chart: Chart, file: string): Promise<string> {
  if (!(chart instanceof Chart)) throw new TypeError(`save: chart must be a Chart; got ${describeValue(chart)}`);
  if (typeof file !== "string" || file.length === 0) throw new TypeError(`save: path must be a non-empty string; got ${describeValue(file)}`);
  const format = saveFormat(file);
  const absolute = path.resolve(file);
  const folder = path.dirname(absolute);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(folder);
  } catch {
    stat = undefined;
  }
  if (!stat || !stat.isDirectory()) {
    throw new Error(`save: folder ${JSON.stringify(folder)} does not exist (saving ${JSON.stringify(file)}); create it first`);
  }
  if (fs.statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`save: path ${JSON.stringify(absolute)} is a folder; pass a file name such as ${JSON.stringify(path.join(absolute, `chart.${format}`))}`);
  }
  let content: string | Buffer;
  switch (format) {
    case "svg":
      content = await renderSvg(chart);
      break;
    case "png":
      content = (await renderPng(chart)).png;
      break;
    case "html":
      content = chartHtml(chart, await renderSvg(chart));
      break;
    case "json":
      content = `${JSON.stringify(chart.toSpec(), null, 2)}\n`;
      break;
  }
  await fs.promises.writeFile(absolute, content);
  return absolute;
}
