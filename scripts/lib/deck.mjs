// Writes a lecture (scripts/lib/lecture.mjs) as a reveal.js deck: one HTML page, horizontal slides
// for the sections (title, then each question), vertical ones for a section's slides. The deck fills
// the browser window at any size (reveal.js at 100% x 100%, text sized to the window), and every chart
// is re-rendered for its slide: when its slide is shown, and again when the window changes size, the
// page measures the room between the title and the caption and draws the chart's Vega-Lite spec at
// that size with vega-embed (deck-embed.mjs; slide-spec.mjs scales the spec: text, strokes, symbols), so tooltips,
// sliders and the step-through replays stay live. The static SVG from the notebook is shown until then,
// and stays if the scripts cannot run. Nothing is fetched: reveal.js and KaTeX are copied beside the
// deck, vega, vega-lite and vega-embed are inlined.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { escapeHtml, htmlPageStart, jsonForScript, vegaScriptElements } from "./html.mjs";
import { EMBED_JS } from "./deck-embed.mjs";

export { slideType } from "./lecture.mjs";

const require = createRequire(import.meta.url);

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

/** "Title. Description" from a chart's Vega-Lite spec (what Chart.altText() gives for it). */
export function chartAlt(spec) {
  const title = typeof spec?.title === "string" ? spec.title : spec?.title?.text;
  const text = (Array.isArray(title) ? title.join(" ") : title ?? "").trim();
  const description = typeof spec?.description === "string" ? spec.description.trim() : "";
  const head = text && !/[.!?:;…]$/.test(text) ? `${text}.` : text;
  return [head, description].filter(Boolean).join(" ") || "Chart";
}


/** The width and height attributes of an SVG's root element (its size as drawn in the notebook). */
export function svgSize(svg) {
  const open = /<svg\b[^>]*>/.exec(svg ?? "")?.[0] ?? "";
  const num = (name) => Number(new RegExp(`\\s${name}="([\\d.]+)`).exec(open)?.[1] ?? 0);
  return { widthPx: num("width"), heightPx: num("height") };
}

function chartFigure(chart, n) {
  const id = `chart-${n}`;
  const { widthPx, heightPx } = svgSize(chart.svg);
  const fallback = chart.svg ? prefixSvgIds(chart.svg, `${id}-`) : `<p>${escapeHtml(chart.name)}</p>`;
  // The chart's alt text (its title and description) is the figure's caption for screen readers
  // (visually hidden), before and after vega-embed replaces the static SVG.
  return [
    `<figure class="chart" id="${id}" data-name="${escapeHtml(chart.name)}" data-width="${widthPx}" data-height="${heightPx}">`,
    `<figcaption class="chart-alt">${escapeHtml(chart.alt)}</figcaption>`,
    `<div class="chart-box"><div class="chart-static">${fallback}</div></div>`,
    `<script type="application/json" class="chart-spec">${jsonForScript(chart.spec)}</script>`,
    "</figure>",
  ].join("");
}

function slideHtml(slide, n) {
  const heading = slide.kind === "title" ? "h1" : "h2";
  const title = slide.title ? `<${heading} class="slide-title">${slide.title.html.replace(/^<p>|<\/p>$/g, "")}</${heading}>` : "";
  const parts = [title];
  if (slide.kind === "chart") {
    parts.push(chartFigure(slide.chart, n.chart++));
    if (slide.caption) parts.push(`<div class="caption">${slide.caption.html}</div>`);
  } else if (slide.body.length > 0) parts.push(`<div class="body">${slide.body.join("\n")}</div>`);
  const cls = [slide.kind === "title" ? "title-slide" : `${slide.kind}-slide`, slide.kind === "prose" && slide.body.length === 0 ? "question-only" : ""].filter(Boolean).join(" ");
  const notes = slide.notes.length ? `\n<aside class="notes">${slide.notes.join("\n")}</aside>` : "";
  return `<section class="${cls}">\n<div class="frame">\n${parts.join("\n")}\n</div>${notes}\n</section>`;
}

const DECK_CSS = `
:root{--r-main-font-size:min(3.4vh,1.9vw);--r-heading-font-weight:600}
.reveal .slides{text-align:left}
.reveal .slides>section,.reveal .slides>section>section{height:100%;padding:0;overflow:hidden}
.reveal .frame{position:absolute;inset:0;display:flex;flex-direction:column;gap:1.2vh;padding:2.6vh 3vw;box-sizing:border-box;overflow:hidden}
.reveal h1,.reveal h2{text-transform:none;margin:0;line-height:1.15;flex:none;overflow-wrap:anywhere}
.reveal h1.slide-title{font-size:2em;margin-top:18vh}
.reveal h2.slide-title{font-size:1.35em}
.reveal section.chart-slide h2.slide-title{font-size:1.15em}
.reveal section.question-only h2.slide-title{font-size:1.9em;margin-top:25vh}
.reveal .body{flex:none;font-size:1em}
.reveal .body p,.reveal .body li{line-height:1.35;margin:.35em 0;overflow-wrap:anywhere}
.reveal .body table{font-size:.8em}
.reveal pre.output{box-shadow:none;font-size:.55em;margin:.4em 0;background:#f6f6f6;padding:6px 10px;white-space:pre-wrap;overflow-wrap:anywhere}
.reveal code{font-size:.9em;overflow-wrap:anywhere}
.reveal .math.display{display:block}
.reveal figure.chart{flex:1 1 0;min-height:0;margin:0;position:relative}
.reveal figure.chart .chart-alt{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.reveal .chart-box{position:absolute;inset:0;overflow:hidden}
.reveal .chart-static svg{position:absolute;inset:0;width:100%;height:100%}
.reveal .chart-live{display:flex;flex-direction:column;align-items:center}
.reveal .chart-live .vega-embed{display:block;padding-right:0}
.reveal .chart-live .vega-embed .vega-actions a{font-size:14px}
.reveal .chart-live .vega-bindings{font-size:.6em;text-align:center}
.reveal .caption{flex:none;font-size:.9em;line-height:1.3}
.reveal .caption p{margin:0}
`;

/**
 * The deck page for a lecture (lecture.mjs buildLecture). `revealDir` and `katexDir` are the relative
 * URLs of the copied reveal.js and KaTeX folders (copyReveal(), copyKatex() in math.mjs).
 */
export function deckHtml(lecture, { revealDir = "reveal.js", katexDir = "katex" } = {}) {
  const n = { chart: 0 };
  const body = lecture.sections.map((s) => {
    const subs = s.slides.map((slide) => slideHtml(slide, n));
    return subs.length === 1 ? subs[0] : `<section>\n${subs.join("\n")}\n</section>`;
  });
  return [
    htmlPageStart(lecture.title.text),
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
    // The deck is the window's size (no scaling), so charts are drawn for the real pixels.
    'Reveal.initialize({ hash: true, center: false, width: "100%", height: "100%", margin: 0, minScale: 1, maxScale: 1, slideNumber: "c/t", transition: "none", plugins: [RevealNotes] });',
    EMBED_JS,
    "</script>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
