// The HTML edition (npm run html) in headless Chromium, and one notebook in Jupyter Notebook 7.
// The edition is built from the outputs saved in notebooks/ (--saved: no kernel needed) into a temporary
// folder, then the index and every page are opened from file://. A page fails on any request that is not
// file:, data: or blob:, on a page error, on a chart that is not a vega-embed view (every Vega-Lite
// output of a non-solution cell must be one, with its export menu), on a step-through slider that does
// not change the drawing when moved, on a link that leads nowhere, and on a KaTeX font that fails to
// load, and a page whose charts show no tooltip when their marks are hovered. With scripts blocked, every chart still shows its SVG; served by `python -m http.server`, no
// request leaves that server. Notebook 7 (npm start -- --notebook) runs one lesson notebook with
// Run > Run All Cells, with the project kernel, and must draw every chart.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { Browser, CHROMIUM, freePort, JupyterServer, launchBrowser, NO_CHROMIUM, poll, recordRequests, REPO, RESULTS, runAllCells, runScript, SKIP, withTimeout } from "./_browser";

// Code passed to page.evaluate runs in the browser; tsconfig has no DOM lib, so name these loosely.
declare const document: any;
declare const window: any;

const VEGALITE = "application/vnd.vegalite.v5+json";
const NOTEBOOKS = path.join(REPO, "notebooks");
const lessons = () => fs.readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort();
const stemOf = (file: string) => file.replace(/\.ipynb$/, "");

/** The Vega-Lite outputs a page must show: those of every code cell not tagged "solution". */
function expectedCharts(file: string): number {
  const nb = JSON.parse(fs.readFileSync(path.join(NOTEBOOKS, file), "utf8"));
  return nb.cells
    .filter((c: any) => c.cell_type === "code" && !(c.metadata?.tags ?? []).includes("solution"))
    .reduce((n: number, c: any) => n + (c.outputs ?? []).filter((o: any) => o.data?.[VEGALITE]).length, 0);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "distsys-html-edition-"));
const OUT = path.join(tmp, "html");
let built: Promise<string> | null = null;
/** Builds the edition once for all tests in this file (from the saved outputs). */
const build = () => (built ??= runScript("html.mjs", ["--saved", "--out", OUT], 300_000));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const fileUrl = (rel: string) => pathToFileURL(path.join(OUT, rel)).href;

/** Every href on the page that points into the edition, as a path relative to OUT (fragment dropped). */
async function localLinks(page: Page): Promise<string[]> {
  const hrefs: string[] = await page.evaluate(() => [...document.querySelectorAll("a[href]")].map((a: any) => String(a.href)));
  const root = pathToFileURL(OUT).href + "/";
  return hrefs.filter((h) => h.startsWith(root)).map((h) => decodeURIComponent(h.slice(root.length).replace(/#.*$/, "")));
}

interface PageReport { page: string; charts: number; embedded: number; withMenu: number; tooltip: boolean; sliders: number; slidersMoved: number; errors: string[]; seconds: number }

/** Hovers the marks of the page's charts, one after another, until vega-embed shows a tooltip (at most `tries` marks). */
async function showsTooltip(page: Page, tries = 40): Promise<boolean> {
  const marks = page.locator("figure.edition-chart[data-embedded] svg.marks g.mark-symbol path, figure.edition-chart[data-embedded] svg.marks g.mark-rect path, figure.edition-chart[data-embedded] svg.marks g.mark-line path");
  const n = Math.min(await marks.count(), tries);
  const visible = () => page.evaluate(() => Boolean(document.querySelector("#vg-tooltip-element.visible")?.textContent));
  for (let i = 0; i < n; i++) {
    await marks.nth(i).hover({ force: true, timeout: 5_000 }).catch(() => undefined);
    if (await visible()) return true;
  }
  return false;
}

/** Opens one page of the edition and checks its charts, sliders, math fonts and links. */
async function checkPage(page: Page, file: string): Promise<PageReport> {
  const started = Date.now();
  const stem = stemOf(file);
  await page.goto(fileUrl(`${stem}.html`));
  const figures = page.locator("figure.edition-chart");
  const charts = await figures.count();
  // vega-embed draws after load: wait (bounded) until every chart is embedded or has failed.
  await poll(async () => (await page.locator("figure.edition-chart[data-embedded], figure.edition-chart[data-embed-error]").count()) === charts,
    60_000, `the charts of ${stem} to draw`).catch(() => undefined);
  const state = await page.evaluate(() => ({
    embedded: document.querySelectorAll("figure.edition-chart[data-embedded] .vega-embed svg.marks").length,
    withMenu: document.querySelectorAll("figure.edition-chart[data-embedded] .vega-embed .vega-actions").length,
    errors: [...document.querySelectorAll("[data-embed-error]")].map((e: any) => String(e.getAttribute("data-embed-error"))),
    staticLeft: document.querySelectorAll("figure.edition-chart .edition-chart-static").length,
    solutions: document.querySelectorAll(".celltag_solution").length,
  }));
  assert.equal(state.solutions, 0, `${stem}: no solution cell on the page`);
  assert.equal(state.staticLeft, 0, `${stem}: every static SVG is replaced by its live view`);
  const tooltip = charts > 0 && (await showsTooltip(page));

  // Every step-through slider must change the drawing when moved (to its first value, or its last).
  const sliders = page.locator("figure.edition-chart .vega-bindings input[type=range]");
  const count = await sliders.count();
  let moved = 0;
  for (let i = 0; i < count; i++) {
    const slider = sliders.nth(i);
    await slider.scrollIntoViewIfNeeded();
    const drawing = () => slider.evaluate((el: any) => String(el.closest("figure").querySelector("svg.marks").innerHTML));
    const before = await drawing();
    await slider.evaluate((el: any) => {
      el.value = el.value === el.min ? el.max : el.min;
      el.dispatchEvent(new window.Event("input", { bubbles: true }));
    });
    const changed = await poll(async () => (await drawing()) !== before, 10_000, "the drawing to change").then(() => true, () => false);
    if (changed) moved++;
    if (i === 0) await slider.evaluate((el: any) => el.closest("figure").scrollIntoView()).then(() => page.screenshot({ path: path.join(RESULTS, `html-${stem}-slider.png`) }));
  }
  if (charts > 0 && count === 0) await figures.first().screenshot({ path: path.join(RESULTS, `html-${stem}-first-chart.png`) });

  // KaTeX's fonts come from katex/fonts/ beside the page.
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f: any) => String(f.family).startsWith("KaTeX_") && f.status === "error").map((f: any) => String(f.family));
  });
  assert.deepEqual(fonts, [], `${stem}: KaTeX fonts that failed to load`);
  for (const link of await localLinks(page)) assert.ok(fs.existsSync(path.join(OUT, link)), `${stem}: the link ${link} leads to a file`);
  return { page: stem, charts, embedded: state.embedded, withMenu: state.withMenu, tooltip, sliders: count, slidersMoved: moved, errors: state.errors, seconds: (Date.now() - started) / 1000 };
}

test("the HTML edition from file://: the index and every page, every chart a vega-embed view, every slider redraws, no request leaves file://", { skip: SKIP, timeout: 600_000 }, async () => {
  assert.ok(CHROMIUM, NO_CHROMIUM);
  const files = lessons();
  if (files.length === 0) return;
  fs.mkdirSync(RESULTS, { recursive: true });
  let browser: Browser | null = null;
  const reports: PageReport[] = [];
  try {
    [, browser] = await Promise.all([build(), launchBrowser()]);
    const page = await browser.context.newPage();
    const remote = recordRequests(page);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    await page.goto(fileUrl("index.html"));
    const index = await localLinks(page);
    for (const file of files) {
      assert.ok(index.includes(`${stemOf(file)}.html`), `the index links ${stemOf(file)}.html`);
      assert.ok(index.includes(`slides/${stemOf(file)}.html`), `the index links the deck of ${stemOf(file)}`);
    }
    for (const link of index) assert.ok(fs.existsSync(path.join(OUT, link)), `index: the link ${link} leads to a file`);

    // Code is folded; the button opens every code cell.
    await page.goto(fileUrl(`${stemOf(files[0])}.html`));
    const code = await page.evaluate(() => ({ cells: document.querySelectorAll("details.edition-code").length, open: document.querySelectorAll("details.edition-code[open]").length }));
    assert.ok(code.cells > 0, "the page has code cells");
    assert.equal(code.open, 0, "code cells are collapsed");
    await page.locator(".edition-code-toggle").click();
    assert.equal(await page.locator("details.edition-code[open]").count(), code.cells, "the button opens every code cell");

    for (const file of files) {
      const report = await checkPage(page, file);
      reports.push(report);
      console.log(`# ${report.page}: ${report.embedded}/${report.charts} charts embedded (${report.withMenu} with the export menu${report.tooltip ? ", tooltips" : ""}), ${report.slidersMoved}/${report.sliders} sliders redraw, ${report.seconds.toFixed(1)} s`);
      const expected = expectedCharts(file);
      assert.equal(report.charts, expected, `${report.page}: ${report.charts} charts on the page for ${expected} Vega-Lite outputs outside solution cells`);
      assert.deepEqual(report.errors, [], `${report.page}: charts that vega-embed could not draw`);
      assert.equal(report.embedded, report.charts, `${report.page}: ${report.charts - report.embedded} of ${report.charts} charts are not vega-embed views`);
      assert.equal(report.withMenu, report.charts, `${report.page}: every chart has the export menu`);
      assert.ok(report.charts === 0 || report.tooltip, `${report.page}: hovering the marks of its charts shows a vega-embed tooltip`);
      assert.equal(report.slidersMoved, report.sliders, `${report.page}: ${report.sliders - report.slidersMoved} of ${report.sliders} sliders do not change the drawing`);
    }
    assert.ok(reports.some((r) => r.sliders > 0), "some page has a step-through slider (the replay charts)");
    await page.close();
    assert.deepEqual(remote, [], "requests outside file://");
    assert.deepEqual(errors, [], "page errors");
  } finally {
    if (browser) await browser.close();
  }
  fs.writeFileSync(path.join(RESULTS, "html-edition.json"), `${JSON.stringify(reports, null, 2)}\n`);
});

test("the HTML edition with scripts blocked shows every chart's SVG; served by python -m http.server, no request leaves that server", { skip: SKIP, timeout: 300_000 }, async () => {
  assert.ok(CHROMIUM, NO_CHROMIUM);
  const files = lessons();
  if (files.length === 0) return;
  await build();
  const file = files.find((f) => expectedCharts(f) > 0) ?? files[0];
  const stem = stemOf(file);
  let browser: Browser | null = await launchBrowser({ javaScript: false });
  let server: ReturnType<typeof spawn> | null = null;
  try {
    const page = await browser.context.newPage();
    const remote = recordRequests(page);
    await page.goto(fileUrl(`${stem}.html`));
    const shown = await page.locator("figure.edition-chart .edition-chart-static img").evaluateAll((imgs) =>
      imgs.filter((img: any) => img.complete && img.naturalWidth > 0 && img.alt.length > 0).length);
    assert.equal(shown, expectedCharts(file), `${stem}: every chart shows its SVG (with alt text) when scripts are blocked`);
    assert.deepEqual(remote, [], "requests outside file://");
    await browser.close();
    browser = null;

    // A static host: python -m http.server on the folder. Every request goes to it.
    const port = await freePort();
    const python = path.join(REPO, ".venv", "bin", "python");
    server = spawn(fs.existsSync(python) ? python : "python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", OUT], { stdio: "ignore" });
    const origin = `http://127.0.0.1:${port}/`;
    await poll(async () => fetch(origin).then((r) => r.ok, () => false), 20_000, "python -m http.server");
    browser = await launchBrowser();
    const served = await browser.context.newPage();
    const away = recordRequests(served, (u) => u.startsWith(origin) || /^(data|blob|about):/.test(u));
    for (const rel of ["index.html", `${stem}.html`]) {
      await served.goto(`${origin}${rel}`);
      await poll(async () => (await served.locator("figure.edition-chart:not([data-embedded])").count()) === 0, 60_000, `the charts of ${rel} over HTTP`);
    }
    assert.deepEqual(away, [], "requests that leave the static server");
  } finally {
    if (browser) await browser.close();
    if (server) server.kill();
  }
});

test("Jupyter Notebook 7 (npm start -- --notebook) runs a lesson notebook with the project kernel: all cells run, every chart is drawn", { skip: SKIP, timeout: 400_000 }, async () => {
  assert.ok(CHROMIUM, NO_CHROMIUM);
  const files = lessons();
  // The notebook with the most charts, to check as many renderers as we can in one run.
  const name = [...files].sort((a, b) => expectedCharts(b) - expectedCharts(a) || a.localeCompare(b))[0];
  if (!name) return;
  fs.mkdirSync(RESULTS, { recursive: true });
  const server = new JupyterServer(["--notebook"]);
  let browser: Browser | null = null;
  try {
    [, browser] = await Promise.all([server.start(240_000), launchBrowser()]);
    const page = await browser.context.newPage();
    await page.goto(server.url(`/notebooks/${encodeURIComponent(name)}`), { timeout: 60_000 });
    await page.locator(".jp-NotebookPanel .jp-Cell").first().waitFor({ timeout: 60_000 });
    const app = await page.evaluate(() => ({ page: document.body.dataset.notebook, name: JSON.parse(document.getElementById("jupyter-config-data").textContent).appName }));
    assert.deepEqual(app, { page: "notebooks", name: "Jupyter Notebook" }, "the page is Notebook 7's notebook view, not JupyterLab");
    const { kernel, codeCells, executed, charts, drawn, stderr } = await runAllCells(server, page, name,
      path.join(RESULTS, `notebook7-${stemOf(name)}-first-chart.png`));
    assert.equal(kernel, "distsys-lab", "the notebook runs on the project kernel");
    const notRun = codeCells - executed;
    console.log(`# Notebook 7, ${name}: ${executed}/${codeCells} cells run, ${drawn}/${charts} charts drawn, ${stderr.length} stderr outputs`);
    assert.deepEqual(stderr, [], `${name}: stderr or error output`);
    assert.equal(notRun, 0, `${name}: ${notRun} code cells did not run`);
    // Solution cells run too (their outputs are hidden, not removed), so count every Vega-Lite output.
    const source = JSON.parse(fs.readFileSync(path.join(NOTEBOOKS, name), "utf8"));
    const saved = source.cells.reduce((n: number, c: any) => n + (c.outputs ?? []).filter((o: any) => o.data?.[VEGALITE]).length, 0);
    assert.ok(charts >= saved, `${name}: ${charts} chart outputs in Notebook 7 for ${saved} in the saved notebook`);
    assert.equal(drawn, charts, `${name}: ${charts - drawn} of ${charts} charts have no vega-embed svg/canvas`);
    await page.close();
  } finally {
    if (browser) await browser.close();
    await withTimeout(server.stop(), 30_000, "stopping Notebook 7").catch(() => undefined);
  }
});
