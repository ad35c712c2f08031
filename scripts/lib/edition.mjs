// The HTML edition of the course (npm run html), the parts that are not nbconvert's: preparing each
// executed notebook for the template share/templates/distsys-lab (Markdown rendered and math typeset by
// KaTeX here, as for the decks; each chart's name and alt text; the links to the course index, the
// previous and next notebook and the deck), copying vega, vega-lite and vega-embed beside the pages,
// and the course index. Everything is a pure function of the notebooks: the same input gives the same
// bytes.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { chartAlt } from "./deck.mjs";
import { notebookCharts } from "./executed.mjs";
import { escapeHtml, htmlPageStart } from "./html.mjs";
import { markdownToHtml } from "./markdown.mjs";

const require = createRequire(import.meta.url);
const TEXT = (v) => (Array.isArray(v) ? v.join("") : v ?? "");

/** The notebook and output metadata key the template reads (share/templates/distsys-lab/index.html.j2). */
export const EDITION_KEY = "distsys-lab-html";

/** The vega builds the pages load from `vendor/` (package, file in the package's build folder). */
export const VEGA_BUILDS = [["vega", "vega.min.js"], ["vega-lite", "vega-lite.min.js"], ["vega-embed", "vega-embed.min.js"]];

/** The first level-1 heading of a notebook as plain text, or null. */
export function notebookTitle(notebook) {
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "markdown") continue;
    const m = /^#\s+(.+)$/m.exec(TEXT(cell.source));
    if (m) return m[1].replace(/[*_`]/g, "").trim();
  }
  return null;
}

/** The first sentence of the first paragraph after the title (plain text: Markdown marks and math delimiters dropped), or "". */
export function notebookSummary(notebook) {
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "markdown") continue;
    const paragraphs = TEXT(cell.source).split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p && !/^(#|<|\||!\[|```|\$\$)/.test(p));
    if (paragraphs.length > 0) {
      const text = paragraphs[0].replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[*_`$]/g, "").replace(/\s+/g, " ").trim();
      return /^.+?[.!?](?=\s+["'(A-Z]|$)/.exec(text)?.[0] ?? text;
    }
  }
  return "";
}

/** "cell 4 `## The first line`" (indices from 0, as the notebook runner counts). */
function cellName(cells, index) {
  const line = TEXT(cells[index].source).split("\n").map((l) => l.trim()).find((l) => l) ?? "";
  return line ? `cell ${index} \`${line.slice(0, 80)}\`` : `cell ${index}`;
}

/**
 * Gives each heading of the rendered Markdown `htmls` an id made from its text ("why-does-the-order-
 * of-commands-matter"), unique in the page (a second use gets "-2"), so a section can be linked to.
 */
export function headingIds(htmls) {
  const used = new Map();
  return htmls.map((html) => html.replace(/<h([1-6])>([\s\S]*?)<\/h\1>/g, (_, level, inner) => {
    const text = inner.replace(/<annotation[\s\S]*?<\/annotation>/g, "").replace(/<[^>]+>/g, "").replace(/&[a-z]+;|&#\d+;/g, " ");
    const slug = text.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80) || "section";
    const n = (used.get(slug) ?? 0) + 1;
    used.set(slug, n);
    return `<h${level} id="${n === 1 ? slug : `${slug}-${n}`}">${inner}</h${level}>`;
  }));
}

/**
 * A copy of `notebook` ready for nbconvert with the distsys-lab template: each Markdown cell's HTML
 * (mistune and KaTeX, as in the decks; throws MathError naming the cells whose TeX KaTeX cannot read;
 * headings get ids),
 * each chart output's name and alt text, the title, and `links` ({ index, prev, next, slides }) in
 * the notebook metadata. Solution cells stay: the template's TagRemovePreprocessor drops them.
 */
export function prepareNotebook(python, notebook, stem, links) {
  const nb = structuredClone(notebook);
  const mdIndex = nb.cells.map((c, i) => (c.cell_type === "markdown" ? i : -1)).filter((i) => i >= 0);
  const html = headingIds(markdownToHtml(python, mdIndex.map((i) => TEXT(nb.cells[i].source)), (k) => cellName(nb.cells, mdIndex[k])));
  mdIndex.forEach((i, k) => {
    nb.cells[i].metadata = { ...nb.cells[i].metadata, [EDITION_KEY]: { html: html[k] } };
  });
  for (const chart of notebookCharts(nb, stem, () => undefined)) {
    const output = nb.cells[chart.cellIndex].outputs[chart.outputIndex];
    output.metadata = { ...output.metadata, [EDITION_KEY]: { name: chart.name, alt: chartAlt(chart.spec) } };
  }
  const title = notebookTitle(nb) ?? stem;
  nb.metadata = { ...nb.metadata, title, [EDITION_KEY]: links };
  return nb;
}

/**
 * The links of each page in the course `entries` ([{ stem, title }], in course order): the index, the
 * previous and next page, and the deck (slides/<stem>.html) when `slides` is true.
 */
export function courseLinks(entries, { slides = true } = {}) {
  return entries.map((entry, i) => {
    const link = (e) => (e ? { href: `${encodeURIComponent(e.stem)}.html`, title: e.title } : null);
    return {
      index: "index.html",
      prev: link(entries[i - 1]),
      next: link(entries[i + 1]),
      slides: slides ? `slides/${encodeURIComponent(entry.stem)}.html` : null,
    };
  });
}

/** Copies the minified vega, vega-lite and vega-embed builds (source-map comment dropped) and their licences into `<outDir>/vendor/`. */
export function copyVega(outDir) {
  const dest = path.join(outDir, "vendor");
  fs.mkdirSync(dest, { recursive: true });
  for (const [pkg, file] of VEGA_BUILDS) {
    const dir = path.dirname(require.resolve(pkg)); // vega-embed has an "exports" map: look beside its main file
    const code = fs.readFileSync(path.join(dir, file), "utf8").replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "\n");
    fs.writeFileSync(path.join(dest, file), code);
    const pkgDir = path.resolve(dir, ".."); // the builds sit in <package>/build/
    const meta = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
    if (meta.name !== pkg) throw new Error(`${pkgDir}/package.json is ${meta.name}, expected ${pkg}`);
    const licence = path.join(pkgDir, "LICENSE");
    fs.writeFileSync(path.join(dest, `${pkg}.LICENSE`), fs.existsSync(licence)
      ? fs.readFileSync(licence)
      : `${pkg} ${meta.version}: ${meta.license} licence (see ${meta.homepage ?? meta.repository?.url ?? "its package"})\n`);
  }
}

const INDEX_CSS = `body{max-width:860px;margin:0 auto;padding:24px 16px;font-family:'DejaVu Sans',system-ui,sans-serif;line-height:1.45;color:#222}
ol{padding-left:1.4em}li{margin:.8em 0}li a.page{font-weight:bold}li .summary{display:block;color:#444}
a{color:#1a5fb4}footer{margin-top:2em;color:#555;font-size:.9em}`;

/** html/index.html: the course title, then one line per notebook (its title linked to its page, its deck, its first sentence). */
export function indexHtml({ title, description, entries, slides = true }) {
  const items = entries.map((e) => [
    "<li>",
    `<a class="page" href="${encodeURIComponent(e.stem)}.html">${escapeHtml(e.title)}</a>`,
    slides ? ` &middot; <a class="slides" href="slides/${encodeURIComponent(e.stem)}.html">slides</a>` : "",
    e.summary ? `<span class="summary">${escapeHtml(e.summary)}</span>` : "",
    "</li>",
  ].join(""));
  return [
    htmlPageStart(title),
    `<style>${INDEX_CSS}</style>`,
    "</head>",
    "<body>",
    `<h1>${escapeHtml(title)}</h1>`,
    description ? `<p>${escapeHtml(description)}</p>` : "",
    `<ol class="course">\n${items.join("\n")}\n</ol>`,
    "<footer>Made by <code>npm run html</code>: every page works offline, charts are live (hover for values, the menu exports them, sliders step through a run); code is folded, click <em>Code</em> to see it.</footer>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
