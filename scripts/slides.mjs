// npm run slides [-- NAME...] [--out DIR] [--saved] [--pptx]: executes the notebooks (into a temporary
// folder: the notebooks themselves are not rewritten) and writes one reveal.js deck per notebook to
// slides/<notebook>.html, plus slides/index.html. What the slides show comes from the notebook: its
// questions (## headings), charts, bold findings and slide metadata (see scripts/lib/lecture.mjs); each
// chart is drawn at the size of its slide (scripts/lib/deck.mjs). reveal.js is copied from node_modules into slides/reveal.js/,
// KaTeX's stylesheet and fonts into slides/katex/, and vega, vega-lite and vega-embed are inlined in
// each deck, so the decks work offline: charts are live vega-embed views, with the static SVG shown if
// scripts cannot run; $math$ is typeset by KaTeX here, at build time. No request leaves the machine.
// A formula KaTeX cannot typeset fails that notebook's deck (no deck written, exit code 1), with the
// cell and the TeX named, as a failing notebook does.
//
//   --out DIR   write somewhere else than slides/
//   --saved     use the outputs saved in the notebooks instead of executing them (fast, may be stale)
//   --pptx      also write slides/pptx/<notebook>.pptx: a title slide and one slide per named chart
//               (its question, the chart as 2x PNG with SVG for PowerPoint, the finding; scripts/lib/pptx.mjs)
import fs from "node:fs";
import path from "node:path";
import { bootstrap, runMain } from "./lib/bootstrap.mjs";
import { chartAlt, copyReveal, deckHtml } from "./lib/deck.mjs";
import { loadExecuted, notebookCharts, parseArgs } from "./lib/executed.mjs";
import { escapeHtml } from "./lib/html.mjs";
import { buildLecture } from "./lib/lecture.mjs";
import { MathError } from "./lib/markdown.mjs";
import { markdownBlocks } from "./lib/markdown-blocks.mjs";
import { copyKatex } from "./lib/math.mjs";
import { writePptx } from "./lib/pptx.mjs";

const TEXT = (v) => (Array.isArray(v) ? v.join("") : v ?? "");

runMain(async () => {
  const argv = process.argv.slice(2);
  const pptx = argv.includes("--pptx");
  const opts = parseArgs(argv.filter((a) => a !== "--pptx"), "slides");
  if (opts.help) {
    console.log("usage: npm run slides [-- [--out DIR] [--saved] [--pptx] [NOTEBOOK...]]");
    return 0;
  }
  const { python } = bootstrap(); // Python: the runner, and mistune for Markdown
  const started = process.hrtime.bigint();
  const runs = loadExecuted(python, opts.files, { saved: opts.saved });
  fs.mkdirSync(opts.out, { recursive: true });
  copyReveal(opts.out);
  copyKatex(opts.out);

  let failed = 0;
  for (const run of runs) {
    if (!run.ok) {
      console.error(`[slides] ${run.stem}: the notebook failed (see above); no deck written`);
      failed++;
      continue;
    }
    const cells = run.notebook.cells;
    const mdIndex = cells.map((c, i) => (c.cell_type === "markdown" ? i : -1)).filter((i) => i >= 0);
    let lists;
    try {
      lists = markdownBlocks(python, mdIndex.map((i) => TEXT(cells[i].source)), (k) => cellName(cells, mdIndex[k]));
    } catch (error) {
      if (!(error instanceof MathError)) throw error;
      console.error(`[slides] ${run.stem}: ${error.message}\n[slides] ${run.stem}: no deck written; fix the TeX in ${path.basename(run.file)}`);
      failed++;
      continue;
    }
    const blocks = new Map(mdIndex.map((i, k) => [i, lists[k]]));
    const charts = notebookCharts(run.notebook, run.stem, (msg) => console.warn(`[slides] ${msg}`));
    const lecture = buildLecture(run.notebook, { blocks, charts, stem: run.stem, escapeHtml, alt: chartAlt });
    const deck = path.join(opts.out, `${run.stem}.html`);
    fs.writeFileSync(deck, deckHtml(lecture));
    const slides = lecture.sections.flatMap((s) => s.slides);
    const shown = slides.filter((s) => s.kind === "chart").length;
    console.log(`[slides] ${run.stem}: ${lecture.sections.length} sections, ${slides.length} slides, ${shown} with charts -> ${deck}`);
    if (pptx) {
      const file = path.join(opts.out, "pptx", `${run.stem}.pptx`);
      const { pictures } = await writePptx(lecture, file);
      console.log(`[slides] ${run.stem}: ${pictures} charts -> ${file}`);
    }
  }
  writeIndex(opts.out);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`[slides] decks in ${opts.out} (${seconds.toFixed(1)} s); open one in a browser, S for speaker notes`);
  return failed === 0 ? 0 : 1;
});

/** "cell 4 `## The first line`" (the index counts from 0, as the notebook runner's messages do). */
function cellName(cells, index) {
  const line = TEXT(cells[index].source).split("\n").map((l) => l.trim()).find((l) => l) ?? "";
  return line ? `cell ${index} \`${line.slice(0, 80)}\`` : `cell ${index}`;
}

/** slides/index.html: links to every deck in the folder, and to its PowerPoint deck if there is one. */
function writeIndex(out) {
  const decks = fs.readdirSync(out).filter((f) => f.endsWith(".html") && f !== "index.html").sort();
  const items = decks.map((f) => {
    const stem = f.replace(/\.html$/, "");
    const pptx = fs.existsSync(path.join(out, "pptx", `${stem}.pptx`)) ? ` (<a href="pptx/${encodeURIComponent(stem)}.pptx">PowerPoint</a>)` : "";
    return `<li><a href="${encodeURIComponent(f)}">${escapeHtml(stem)}</a>${pptx}</li>`;
  });
  fs.writeFileSync(path.join(out, "index.html"), [
    "<!DOCTYPE html>", '<html lang="en">', '<head><meta charset="utf-8"><title>distsys-lab slides</title>',
    "<style>body{margin:24px;font-family:'DejaVu Sans',sans-serif}li{margin:.4em 0}</style></head>",
    "<body><h1>distsys-lab slides</h1>", `<ul>\n${items.join("\n")}\n</ul>`,
    "<p>Made by <code>npm run slides</code>. Arrow keys move, Esc shows an overview, S opens speaker notes.</p>",
    "</body></html>", "",
  ].join("\n"));
}
