/**
 * One self-contained HTML page per chart: vega, vega-lite and vega-embed (minified builds from
 * node_modules) inlined, the spec embedded as JSON, a static SVG shown until the scripts run (and
 * when JavaScript is off). Works offline; makes no network requests.
 */
import * as fs from "fs";
import * as path from "path";
import type { Chart } from "../charts/chart";

let libraries: string | undefined;

/**
 * The minified vega, vega-lite and vega-embed builds from node_modules as inline `<script>` elements,
 * joined by newlines (read once, then cached). Also used by the slide decks of `npm run slides`.
 */
export function vegaScriptElements(): string {
  if (libraries === undefined) {
    const builds = [
      ["vega", "vega.min.js"],
      ["vega-lite", "vega-lite.min.js"],
      ["vega-embed", "vega-embed.min.js"],
    ].map(([pkg, file]) => {
      // vega-embed has an "exports" map, so resolve the package's main file and look beside it.
      const dir = path.dirname(require.resolve(pkg));
      const code = fs.readFileSync(path.join(dir, file), "utf8");
      return `<script>\n${scriptSafe(code.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, ""))}\n</script>`;
    });
    libraries = builds.join("\n");
  }
  return libraries;
}

/**
 * The opening of every page the project writes (saved charts, slide decks, the figure gallery): the
 * doctype, `<html lang="en">`, `<head>` with charset, viewport and the escaped title. The caller adds
 * its styles and scripts and closes the head.
 */
export function htmlPageStart(title: string): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
  ].join("\n");
}

/**
 * Escapes text for HTML element content and attribute values (&, <, >, " and '). A non-string from a
 * plain JavaScript caller (the scripts/ folder) is converted with String() first.
 */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Makes code safe inside a <script> element: no "</script" or "<!--" can end or confuse it. */
function scriptSafe(code: string): string {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

/** JSON that can sit inside a <script> element: <, >, &, U+2028 and U+2029 escaped. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The HTML page of a chart. `staticSvg` (from renderSvg) is shown until vega-embed replaces it with
 * the interactive chart; the actions menu offers export to SVG and PNG only (no editor links). The
 * chart's alt text (title and description) is the container's `aria-label`.
 */
export function chartHtml(chart: Chart, staticSvg = ""): string {
  const spec = chart.toSpec();
  const title = chart.figureName ?? chart.describe();
  const alt = chart.altText();
  const options = {
    renderer: "svg",
    actions: { export: true, source: false, compiled: false, editor: false },
    downloadFileName: chart.figureName ?? "chart",
  };
  return [
    htmlPageStart(title),
    "<style>body{margin:16px;font-family:'DejaVu Sans',sans-serif;background:white}#chart-error{color:#b00020;white-space:pre-wrap}</style>",
    vegaScriptElements(),
    "</head>",
    "<body>",
    // The chart's alt text stays on the container when vega-embed replaces the static SVG.
    // role "figure" (not "img"), so the export menu vega-embed adds inside stays reachable.
    `<div id="chart" role="figure" aria-label="${escapeHtml(alt)}">${svgForHtml(staticSvg)}</div>`,
    '<pre id="chart-error"></pre>',
    `<script type="application/json" id="chart-spec">${jsonForScript(spec)}</script>`,
    `<script type="application/json" id="chart-options">${jsonForScript(options)}</script>`,
    "<script>",
    "(function () {",
    '  var spec = JSON.parse(document.getElementById("chart-spec").textContent);',
    '  var options = JSON.parse(document.getElementById("chart-options").textContent);',
    '  vegaEmbed("#chart", spec, options).catch(function (error) {',
    '    document.getElementById("chart-error").textContent = "Chart error: " + error.message;',
    "  });",
    "})();",
    "</script>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** Drops an XML declaration or doctype so the SVG can be inlined in HTML. */
function svgForHtml(svg: string): string {
  return svg.replace(/^<\?xml[^>]*>\s*/, "").replace(/^<!DOCTYPE[^>]*>\s*/i, "");
}
