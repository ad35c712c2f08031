// npm run figures [-- NAME...] [--out DIR] [--saved]: executes the notebooks (into a temporary
// folder: the notebooks themselves are not rewritten) and writes every chart they show to
// figures/<notebook>/<chart-name>.{svg,png,html}, plus figures/index.html, a gallery that works
// offline. Charts are named in the notebooks with Chart.name(...); unnamed ones get <notebook>-<n>.
// Rendering uses the project's own save() from the Vega-Lite spec in each output, so the same
// notebooks give byte-identical files on every run.
//
//   --out DIR   write somewhere else than figures/
//   --saved     use the outputs saved in the notebooks instead of executing them (fast, may be stale)
import fs from "node:fs";
import path from "node:path";
import { bootstrap, runMain } from "./lib/bootstrap.mjs";
import { loadDist, loadExecuted, notebookCharts, parseArgs } from "./lib/executed.mjs";
import { galleryHtml } from "./lib/gallery.mjs";

const FORMATS = ["svg", "png", "html"];

runMain(async () => {
  const opts = parseArgs(process.argv.slice(2), "figures");
  if (opts.help) {
    console.log("usage: npm run figures [-- [--out DIR] [--saved] [NOTEBOOK...]]");
    return 0;
  }
  const { python } = bootstrap({ python: !opts.saved });
  const dist = await loadDist();
  const started = process.hrtime.bigint();
  const runs = loadExecuted(python, opts.files, { saved: opts.saved });

  fs.mkdirSync(opts.out, { recursive: true });
  const gallery = [];
  let failed = 0;
  for (const run of runs) {
    if (!run.ok) {
      console.error(`[figures] ${run.stem}: the notebook failed (see above); its figures are left as they were`);
      failed++;
      continue;
    }
    const dir = path.join(opts.out, run.stem);
    fs.rmSync(dir, { recursive: true, force: true }); // no stale figures from renamed charts
    fs.mkdirSync(dir, { recursive: true });
    const charts = notebookCharts(run.notebook, run.stem);
    const entries = [];
    for (const chart of charts) {
      const figure = dist.Chart.of(chart.spec, chart.name);
      for (const ext of FORMATS) await dist.save(figure, path.join(dir, `${chart.name}.${ext}`));
      entries.push({ name: chart.name, named: chart.named, title: figure.describe(), alt: figure.altText() });
    }
    gallery.push({ stem: run.stem, title: notebookTitle(run.notebook) ?? run.stem, charts: entries });
    const unnamed = entries.filter((e) => !e.named).length;
    console.log(`[figures] ${run.stem}: ${entries.length} charts${unnamed ? ` (${unnamed} without a name)` : ""} -> ${path.relative(process.cwd(), dir) || "."}/`);
  }
  // Keep the gallery complete: notebooks not rendered this time but present on disk stay listed.
  const rendered = new Set(gallery.map((g) => g.stem));
  for (const stem of listedBefore(opts.out)) {
    if (!rendered.has(stem.stem)) gallery.push(stem);
  }
  gallery.sort((a, b) => a.stem.localeCompare(b.stem));
  fs.writeFileSync(path.join(opts.out, "index.html"), galleryHtml(gallery));
  fs.writeFileSync(path.join(opts.out, "figures.json"), `${JSON.stringify(gallery, null, 2)}\n`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const total = gallery.reduce((n, g) => n + g.charts.length, 0);
  console.log(`[figures] ${total} figures in ${gallery.length} notebooks, gallery ${path.join(opts.out, "index.html")} (${seconds.toFixed(1)} s)`);
  return failed === 0 ? 0 : 1;
});

/** The first level-1 heading of the notebook, without the "#". */
function notebookTitle(notebook) {
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "markdown") continue;
    const src = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    const m = /^#\s+(.+)$/m.exec(src);
    if (m) return m[1].trim();
  }
  return null;
}

/** Gallery entries of an earlier run (figures.json), for notebooks not rendered this time. */
function listedBefore(out) {
  try {
    return JSON.parse(fs.readFileSync(path.join(out, "figures.json"), "utf8")).filter((g) => fs.existsSync(path.join(out, g.stem)));
  } catch {
    return [];
  }
}
