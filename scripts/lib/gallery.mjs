// The figures/index.html gallery: one section per notebook, each figure shown from its SVG file with
// links to the SVG, PNG and interactive HTML beside it. Relative links only, no scripts, no network.

import { escapeHtml, htmlPageStart } from "./html.mjs";

/** The gallery page for [{ stem, title, charts: [{ name, title, alt? }] }] (deterministic: no dates). */
export function galleryHtml(notebooks) {
  const total = notebooks.reduce((n, g) => n + g.charts.length, 0);
  const sections = notebooks.map((g) => {
    const figures = g.charts.map((c) => {
      const base = `${encodeURIComponent(g.stem)}/${encodeURIComponent(c.name)}`;
      return [
        `<figure id="${escapeHtml(`${g.stem}--${c.name}`)}">`,
        `<a href="${base}.html"><img src="${base}.svg" alt="${escapeHtml(c.alt ?? c.title)}" loading="lazy"></a>`,
        `<figcaption><code>${escapeHtml(c.name)}</code> <a href="${base}.svg">svg</a> <a href="${base}.png">png</a> <a href="${base}.html">interactive</a></figcaption>`,
        "</figure>",
      ].join("\n");
    });
    return [
      `<section id="${escapeHtml(g.stem)}">`,
      `<h2>${escapeHtml(g.title)} <small>${escapeHtml(g.stem)}.ipynb, ${g.charts.length} figures</small></h2>`,
      figures.length ? `<div class="grid">\n${figures.join("\n")}\n</div>` : "<p>No charts.</p>",
      "</section>",
    ].join("\n");
  });
  return [
    htmlPageStart("distsys-lab figures"),
    "<style>",
    "body{margin:24px;font-family:'DejaVu Sans',sans-serif;color:#222;background:#fff}",
    "h2{margin-top:2em;border-bottom:1px solid #ddd}h2 small{font-weight:normal;color:#666;font-size:60%}",
    ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:24px}",
    "figure{margin:0;padding:8px;border:1px solid #eee}figure img{max-width:100%;height:auto;display:block}",
    "figcaption{font-size:13px;margin-top:6px}figcaption a{margin-left:8px}nav a{margin-right:12px}",
    "</style>",
    "</head>",
    "<body>",
    `<h1>distsys-lab figures</h1>`,
    `<p>${total} figures from ${notebooks.length} notebooks, made by <code>npm run figures</code>. Click a figure for its interactive version.</p>`,
    `<nav>${notebooks.map((g) => `<a href="#${escapeHtml(g.stem)}">${escapeHtml(g.stem)}</a>`).join(" ")}</nav>`,
    ...sections,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
