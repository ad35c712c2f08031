// Builds one reveal.js deck (an HTML page) from an executed notebook, following the cells' slide
// metadata ("slideshow": {"slide_type": "slide" | "subslide" | "fragment" | "skip" | "notes" | "-"}),
// as JupyterLab's property inspector and nbconvert's slides exporter use it:
//   slide: a new horizontal slide; subslide: a new slide below it; fragment: revealed step by step;
//   skip: left out; notes: speaker notes (press S); "-" or none: continues the current slide.
// Markdown cells are rendered; code cells contribute their outputs, not their code: charts (live
// vega-embed views over the static SVG, which stays if the scripts fail), text and images. A chart
// always gets a slide of its own (a new sub-slide when the current one already has content), and the
// "Exercises" section is put last. Math comes typeset (KaTeX, scripts/lib/math.mjs). Everything is in
// the page or next to it: no network at all.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { escapeHtml, htmlPageStart, jsonForScript, vegaScriptElements } from "./html.mjs";
import { notebookCharts } from "./executed.mjs";

const require = createRequire(import.meta.url);
const TEXT = (v) => (Array.isArray(v) ? v.join("") : v ?? "");

/** The reveal.js files a deck needs, relative to node_modules/reveal.js/dist; copied to <out>/reveal.js/. */
export const REVEAL_FILES = ["reset.css", "reveal.css", "theme/white.css", "reveal.js", "plugin/notes.js"];

/** Copies the reveal.js distribution files the decks use into `<outDir>/reveal.js/`, plus its licence. */
export function copyReveal(outDir) {
  const pkgDir = path.resolve(path.dirname(require.resolve("reveal.js")), ".."); // dist/reveal.js -> package folder
  for (const file of REVEAL_FILES) {
    const target = path.join(outDir, "reveal.js", file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(pkgDir, "dist", file), target);
  }
  fs.copyFileSync(path.join(pkgDir, "LICENSE"), path.join(outDir, "reveal.js", "LICENSE"));
}

/** Gives the ids of an inline SVG a per-chart prefix, so several SVGs on one page do not clash. */
function prefixSvgIds(svg, prefix) {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  if (ids.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (w, a, id, b) => (ids.has(id) ? `${a}${prefix}${id}${b}` : w))
    .replace(/url\(#([^)]+)\)/g, (w, id) => (ids.has(id) ? `url(#${prefix}${id})` : w))
    .replace(/href="#([^"]+)"/g, (w, id) => (ids.has(id) ? `href="#${prefix}${id}"` : w))
    .replace(/^<\?xml[^>]*>\s*/, "");
}

const stripAnsi = (s) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");

/** The slide type of a cell: slide, subslide, fragment, skip, notes or "-". */
export function slideType(cell) {
  const t = cell.metadata?.slideshow?.slide_type;
  return ["slide", "subslide", "fragment", "skip", "notes"].includes(t) ? t : "-";
}

/**
 * The deck's slides as [{ subs: [{ parts: [html], notes: [html], chart: boolean }] }].
 * `markdown` maps a markdown cell's index to its HTML.
 */
export function buildSlides(notebook, stem, markdown) {
  const charts = notebookCharts(notebook, stem, () => undefined);
  const chartAt = new Map(charts.map((c) => [`${c.cellIndex}/${c.outputIndex}`, c]));
  const sections = [];
  const current = () => sections.at(-1).subs.at(-1);
  const newSection = () => sections.push({ subs: [{ parts: [], notes: [], chart: false }] });
  const newSub = () => sections.at(-1).subs.push({ parts: [], notes: [], chart: false });
  let chartNo = 0;

  notebook.cells.forEach((cell, index) => {
    const type = slideType(cell);
    if (type === "skip" || cell.cell_type === "raw") return;
    const pieces = []; // { html, chart }
    if (cell.cell_type === "markdown") {
      const html = markdown.get(index);
      if (html && html.trim()) pieces.push({ html, chart: false });
    } else if (cell.cell_type === "code") {
      (cell.outputs ?? []).forEach((output, outputIndex) => {
        const chart = chartAt.get(`${index}/${outputIndex}`);
        if (chart) pieces.push({ html: chartHtml(chart, chartNo++), chart: true });
        else {
          const html = outputHtml(output, `out-${index}-${outputIndex}-`);
          if (html) pieces.push({ html, chart: false });
        }
      });
    }
    if (type === "notes") {
      if (sections.length === 0) newSection();
      current().notes.push(...pieces.map((p) => p.html));
      return;
    }
    if (type === "slide" || sections.length === 0) newSection();
    else if (type === "subslide") newSub();
    for (const piece of pieces) {
      // Charts get a slide of their own: start a sub-slide if this one already shows something.
      if (piece.chart && current().parts.length > 0) newSub();
      const html = type === "fragment" ? `<div class="fragment">${piece.html}</div>` : piece.html;
      current().parts.push(html);
      if (piece.chart) current().chart = true;
    }
  });
  for (const s of sections) s.subs = s.subs.filter((sub) => sub.parts.length > 0 || sub.notes.length > 0);
  const filled = sections.filter((s) => s.subs.length > 0);
  // Exercises at the end, whatever the notebook's order.
  const isExercises = (s) => /^<h[12][^>]*>\s*Exercises?\b/i.test(s.subs[0]?.parts[0] ?? "");
  return [...filled.filter((s) => !isExercises(s)), ...filled.filter(isExercises)];
}

function chartHtml(chart, n) {
  const id = `chart-${n}`;
  const fallback = chart.svg
    ? prefixSvgIds(chart.svg, `${id}-`)
    : `<p>${escapeHtml(chart.name)}</p>`;
  // The chart's alt text (its title and description) is the figure's caption for screen readers
  // (visually hidden), before and after vega-embed replaces the static SVG.
  return [
    `<figure class="chart" id="${id}" data-name="${escapeHtml(chart.name)}">`,
    `<figcaption class="chart-alt">${escapeHtml(chartAlt(chart.spec))}</figcaption>`,
    `<div class="chart-static">${fallback}</div>`,
    `<script type="application/json" class="chart-spec">${jsonForScript(chart.spec)}</script>`,
    "</figure>",
  ].join("");
}

/** "Title. Description" from a chart's Vega-Lite spec (what Chart.altText() gives for it). */
export function chartAlt(spec) {
  const title = typeof spec?.title === "string" ? spec.title : spec?.title?.text;
  const text = (Array.isArray(title) ? title.join(" ") : title ?? "").trim();
  const description = typeof spec?.description === "string" ? spec.description.trim() : "";
  const head = text && !/[.!?:;…]$/.test(text) ? `${text}.` : text;
  return [head, description].filter(Boolean).join(" ") || "Chart";
}

function outputHtml(output, idPrefix) {
  if (output.output_type === "stream") {
    if (output.name === "stderr") return `<pre class="output stderr">${escapeHtml(stripAnsi(TEXT(output.text)))}</pre>`;
    const text = stripAnsi(TEXT(output.text)).replace(/\s+$/, "");
    return text ? `<pre class="output">${escapeHtml(text)}</pre>` : "";
  }
  if (output.output_type === "error") return `<pre class="output stderr">${escapeHtml(`${output.ename}: ${output.evalue}`)}</pre>`;
  const data = output.data ?? {};
  if (data["image/svg+xml"]) return `<div class="output image">${prefixSvgIds(TEXT(data["image/svg+xml"]), idPrefix)}</div>`;
  if (data["image/png"]) {
    const alt = data["text/plain"] !== undefined ? stripAnsi(TEXT(data["text/plain"])).trim() : "";
    return `<div class="output image"><img alt="${escapeHtml(alt)}" src="data:image/png;base64,${TEXT(data["image/png"]).trim()}"></div>`;
  }
  if (data["text/markdown"] === undefined && data["text/plain"] !== undefined) {
    const text = stripAnsi(TEXT(data["text/plain"])).replace(/\s+$/, "");
    return text ? `<pre class="output">${escapeHtml(text)}</pre>` : "";
  }
  return "";
}

const DECK_CSS = `
.reveal figure.chart .chart-alt{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
:root{--r-main-font-size:26px;--r-heading1-size:1.9em;--r-heading2-size:1.35em;--r-heading3-size:1.1em}
.reveal .slides{text-align:left}
.reveal .slides section{height:100%;overflow-y:auto;box-sizing:border-box;padding:0 8px}
.reveal h1,.reveal h2,.reveal h3{text-transform:none;margin-bottom:.5em}
.reveal section.title-slide h1{margin-top:1.5em}
.reveal p,.reveal li{line-height:1.35}
.reveal table{font-size:.8em}
.reveal pre.output{box-shadow:none;font-size:.5em;width:100%;margin:.4em 0;background:#f6f6f6;padding:6px 10px;white-space:pre;overflow-x:auto}
.reveal pre.stderr{background:#fdd}
.reveal code{font-size:.9em}
.reveal figure.chart{margin:.2em 0;text-align:center}
.reveal figure.chart svg,.reveal .output.image svg,.reveal .output.image img{max-width:100%;max-height:620px;height:auto}
.reveal .math.display{display:block}
.reveal .vega-embed .vega-actions a{font-size:14px}
`;

const EMBED_JS = `
(function () {
  var figures = document.querySelectorAll("figure.chart");
  Array.prototype.forEach.call(figures, function (figure) {
    var spec = JSON.parse(figure.querySelector("script.chart-spec").textContent);
    var target = document.createElement("div");
    target.style.display = "none";
    figure.appendChild(target);
    vegaEmbed(target, spec, {
      renderer: "svg",
      actions: { export: true, source: false, compiled: false, editor: false },
      downloadFileName: figure.getAttribute("data-name") || "chart"
    }).then(function () {
      var fallback = figure.querySelector(".chart-static");
      if (fallback) fallback.remove();
      target.style.display = "";
      figure.setAttribute("data-embedded", "true");
    }).catch(function (error) {
      figure.setAttribute("data-embed-error", String(error && error.message || error));
    });
  });
})();
`;

/**
 * The deck page. `revealDir` and `katexDir` are the relative URLs of the copied reveal.js and KaTeX
 * folders (copyReveal(), copyKatex() in math.mjs).
 */
export function deckHtml({ title, sections, revealDir = "reveal.js", katexDir = "katex" }) {
  const body = sections.map((s, i) => {
    const subs = s.subs.map((sub, j) => {
      const cls = i === 0 && j === 0 ? ' class="title-slide"' : "";
      const notes = sub.notes.length ? `\n<aside class="notes">${sub.notes.join("\n")}</aside>` : "";
      return `<section${cls}>\n${sub.parts.join("\n")}${notes}\n</section>`;
    });
    return subs.length === 1 ? subs[0] : `<section>\n${subs.join("\n")}\n</section>`;
  });
  return [
    htmlPageStart(title),
    `<link rel="stylesheet" href="${revealDir}/reset.css">`,
    `<link rel="stylesheet" href="${revealDir}/reveal.css">`,
    `<link rel="stylesheet" href="${revealDir}/theme/white.css">`,
    `<link rel="stylesheet" href="${katexDir}/katex.min.css">`,
    `<style>${DECK_CSS}</style>`,
    vegaScriptElements(),
    "</head>",
    "<body>",
    '<div class="reveal"><div class="slides">',
    ...body,
    "</div></div>",
    `<script src="${revealDir}/reveal.js"></script>`,
    `<script src="${revealDir}/plugin/notes.js"></script>`,
    "<script>",
    'Reveal.initialize({ hash: true, center: false, width: 1280, height: 800, margin: 0.04, slideNumber: "c/t", transition: "none", plugins: [RevealNotes] });',
    EMBED_JS,
    "</script>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
