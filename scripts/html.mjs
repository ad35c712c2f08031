// npm run html [-- NAME...] [--out DIR] [--saved]: the course as static pages that open from disk or
// any static web host. Executes the notebooks (into a temporary folder: the notebooks themselves are
// not rewritten), then writes html/<notebook>.html for each with nbconvert and the project's template
// share/templates/distsys-lab (JupyterLab's look; code folded; solutions left out; charts live), the
// decks beside them (html/slides/, by scripts/slides.mjs from the same executed notebooks), and
// html/index.html, the course. vega, vega-lite and vega-embed are copied into html/vendor/, KaTeX's
// stylesheet and fonts into html/katex/ (math is typeset here, at build time): the pages make no
// network request. The same notebooks give byte-identical files.
//
//   --out DIR   write somewhere else than html/
//   --saved     use the outputs saved in the notebooks instead of executing them (fast, may be stale)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bootstrap, jupyterEnv, REPO, runMain } from "./lib/bootstrap.mjs";
import { copyVega, courseLinks, indexHtml, notebookSummary, notebookTitle, prepareNotebook } from "./lib/edition.mjs";
import { loadExecuted, parseArgs } from "./lib/executed.mjs";
import { MathError } from "./lib/markdown.mjs";
import { copyKatex } from "./lib/math.mjs";

const TEMPLATES = path.join(REPO, "share", "templates");
const TEMPLATE = "distsys-lab";

runMain(async () => {
  const opts = parseArgs(process.argv.slice(2), "html");
  if (opts.help) {
    console.log("usage: npm run html [-- [--out DIR] [--saved] [NOTEBOOK...]]");
    return 0;
  }
  const { python, jupyter } = bootstrap(); // Python: the runner, mistune and nbconvert
  const started = process.hrtime.bigint();
  const runs = loadExecuted(python, opts.files, { saved: opts.saved });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "distsys-lab-html-"));
  let failed = 0;
  try {
    const good = runs.filter((run) => {
      if (!run.ok) console.error(`[html] ${run.stem}: the notebook failed (see above); no page written`);
      return run.ok;
    });
    failed += runs.length - good.length;
    // The course: the notebooks of this run, in file-name order.
    good.sort((a, b) => a.stem.localeCompare(b.stem));
    const entries = good.map((run) => ({ stem: run.stem, title: notebookTitle(run.notebook) ?? run.stem, summary: notebookSummary(run.notebook) }));
    const links = courseLinks(entries);

    // 1. The executed notebooks as they are, for the decks; prepared copies for nbconvert.
    const executedDir = path.join(scratch, "executed");
    const preparedDir = path.join(scratch, "prepared");
    fs.mkdirSync(executedDir);
    fs.mkdirSync(preparedDir);
    const prepared = [];
    good.forEach((run, i) => {
      fs.writeFileSync(path.join(executedDir, `${run.stem}.ipynb`), JSON.stringify(run.notebook));
      try {
        const nb = prepareNotebook(python, run.notebook, run.stem, links[i]);
        fs.writeFileSync(path.join(preparedDir, `${run.stem}.ipynb`), JSON.stringify(nb));
        prepared.push(run.stem);
      } catch (error) {
        if (!(error instanceof MathError)) throw error;
        console.error(`[html] ${run.stem}: ${error.message}\n[html] ${run.stem}: no page written; fix the TeX in ${path.basename(run.file)}`);
        failed++;
      }
    });

    // 2. nbconvert, all pages in one call.
    fs.mkdirSync(opts.out, { recursive: true });
    if (prepared.length > 0) {
      const args = ["nbconvert", "--to", "html", "--template", TEMPLATE, `--TemplateExporter.extra_template_basedirs=${TEMPLATES}`,
        "--no-prompt", "--output-dir", opts.out, ...prepared.map((stem) => path.join(preparedDir, `${stem}.ipynb`))];
      const res = spawnSync(jupyter, args, { cwd: REPO, encoding: "utf8", env: jupyterEnv() });
      if (res.status !== 0) {
        console.error(res.stderr || res.error?.message);
        console.error("[html] nbconvert failed (see above); no pages written");
        return 1;
      }
    }

    // 3. The decks, by the slides command itself, from the same executed notebooks.
    if (good.length > 0) {
      const slides = spawnSync(process.execPath, [path.join(REPO, "scripts", "slides.mjs"), "--saved", "--out", path.join(opts.out, "slides"),
        ...good.map((run) => path.join(executedDir, `${run.stem}.ipynb`))], { cwd: REPO, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
      if (slides.status !== 0) {
        console.error("[html] the decks failed (see above)");
        failed++;
      }
    }

    // 4. What the pages load, and the course index.
    copyVega(opts.out);
    copyKatex(opts.out);
    const description = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")).description;
    fs.writeFileSync(path.join(opts.out, "index.html"), indexHtml({ title: "distsys-lab", description, entries: entries.filter((e) => prepared.includes(e.stem)) }));
    for (const stem of prepared) console.log(`[html] ${stem} -> ${path.join(opts.out, `${stem}.html`)}`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`[html] the course in ${path.join(opts.out, "index.html")} (${seconds.toFixed(1)} s); it opens from disk, or publish the folder on any static host`);
  return failed === 0 ? 0 : 1;
});
