// The browser test: real JupyterLab (started with the project's own `npm start` script) in headless
// Chromium driven by playwright-core. Every notebook in notebooks/ is opened, run with Run > Run All
// Cells, and must end with every cell executed, every chart drawn by vega-embed and no stderr output.
// Then a slide deck and a saved HTML figure (made by the project's scripts from the fixture notebook)
// must draw their charts from file:// with no network request at all (and the deck its KaTeX fonts).
// In JupyterLab, moving the slider of every step-through replay redraws it (the view runs in the page, no kernel);
// a saved replay figure steps through its run offline: moving its slider changes the caption and the marks drawn.
// And long work shows its progress: a cell added to a notebook (never saved) runs a long monteCarlo,
// whose one progress line is redrawn in place, and Kernel > Interrupt leaves one line.
// Screenshots go to test-results/browser/. Without Chromium the tests are skipped (they fail in CI).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { CHROMIUM, JupyterServer, launchBrowser, NO_CHROMIUM, poll, recordRequests, REPO, RESULTS, runAllCells, runScript, SKIP, sleep } from "./_browser";
import { replayChart } from "../../src/charts/replay";
import { save } from "../../src/display/save";
import { clientServerState } from "../../src/lessons/replay-states";
import { runClientServer } from "../../src/protocols/client-server";
import { replayRows } from "../../src/views/replay-rows";

// Code passed to page.evaluate runs in the browser; tsconfig has no DOM lib, so name these loosely.
declare const document: any;
declare const window: any;

const FIXTURE = path.join(REPO, "test", "notebooks", "figures.ipynb");

interface NotebookReport {
  notebook: string;
  codeCells: number;
  executed: number;
  charts: number;
  drawn: number;
  stderr: string[];
  seconds: number;
  /** Step-through replays (charts with a range slider) and how many of them redrew when their slider moved. */
  replays: number;
  stepped: number;
}

/** Moves the slider of every step-through replay in the page to its first step; counts those whose drawing changed. */
async function stepReplays(page: Page): Promise<{ replays: number; stepped: number }> {
  const replays = page.locator(".jp-OutputArea-output.jp-RenderedVegaLite:has(.vega-bindings input[type=range])");
  const count = await replays.count();
  let stepped = 0;
  for (let i = 0; i < count; i++) {
    const area = replays.nth(i);
    await area.scrollIntoViewIfNeeded();
    // JupyterLab's renderer draws on a canvas (its pixels), vega-embed elsewhere may draw an svg (its marks).
    const drawing = () => area.evaluate((el: any) => {
      const canvas = el.querySelector(".vega-embed canvas.marks");
      if (canvas) return String(canvas.toDataURL());
      return [...el.querySelectorAll("svg.marks text, svg.marks path")].map((t: any) => `${t.textContent}|${t.getAttribute("d") ?? ""}`).join("\n");
    });
    const before = await drawing();
    await area.locator(".vega-bindings input[type=range]").first().evaluate((el: any) => {
      el.value = el.min; el.dispatchEvent(new window.Event("input", { bubbles: true }));
    });
    const moved = await poll(async () => (await drawing()) !== before, 10_000, "a replay to redraw").then(() => true, () => false);
    if (moved) stepped += 1;
  }
  return { replays: count, stepped };
}

/** Opens one notebook, runs all cells from the Run menu, waits for the kernel to finish, and inspects the page. */
async function runNotebookInLab(lab: JupyterServer, page: Page, file: string): Promise<NotebookReport> {
  const name = path.basename(file);
  const started = Date.now();
  await page.goto(lab.url(`/lab/tree/${encodeURIComponent(name)}?reset`), { timeout: 60_000 });
  await page.locator(".jp-NotebookPanel .jp-Cell").first().waitFor({ timeout: 60_000 });
  const { codeCells, executed, charts, drawn, stderr, sessionId } = await runAllCells(lab, page, name,
    path.join(RESULTS, `${name.replace(/\.ipynb$/, "")}-first-chart.png`));
  const { replays, stepped } = await stepReplays(page);
  if (sessionId) await lab.api("DELETE", `/api/sessions/${sessionId}`); // free the CPU for the next notebook
  return { notebook: name, codeCells, executed, charts, drawn, stderr, seconds: (Date.now() - started) / 1000, replays, stepped };
}

test("Chromium is available for the browser test (required in CI)", { skip: SKIP }, () => {
  assert.ok(CHROMIUM, NO_CHROMIUM);
});

test("JupyterLab from npm start runs every notebook (Run > Run All Cells): all cells run, every chart is a vega-embed view, no stderr", { skip: SKIP, timeout: 600_000 }, async () => {
  assert.ok(CHROMIUM, NO_CHROMIUM);
  const notebooks = fs.readdirSync(path.join(REPO, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort();
  if (notebooks.length === 0) return; // nothing to open yet
  fs.mkdirSync(RESULTS, { recursive: true });
  const lab = new JupyterServer();
  let browser: Awaited<ReturnType<typeof launchBrowser>> | null = null;
  const reports: NotebookReport[] = [];
  try {
    const [, launched] = await Promise.all([lab.start(240_000), launchBrowser()]);
    browser = launched;
    const page = await browser.context.newPage();
    for (const nb of notebooks) {
      const report = await runNotebookInLab(lab, page, path.join(REPO, "notebooks", nb));
      reports.push(report);
      console.log(`# ${report.notebook}: ${report.executed}/${report.codeCells} cells run, ${report.drawn}/${report.charts} charts drawn, ${report.stepped}/${report.replays} replays stepped, ${report.stderr.length} stderr outputs, ${report.seconds.toFixed(1)} s`);
    }
    await page.close();
  } finally {
    if (browser) await browser.close();
    await lab.stop();
  }
  fs.writeFileSync(path.join(RESULTS, "notebooks.json"), `${JSON.stringify(reports, null, 2)}\n`);
  for (const r of reports) {
    const source = JSON.parse(fs.readFileSync(path.join(REPO, "notebooks", r.notebook), "utf8"));
    // As many charts as the committed notebook's executed outputs hold (a cell may show a chart only
    // sometimes, such as a self-check that draws a counterexample only for a wrong answer).
    const savedCharts = source.cells.flatMap((c: any) => c.outputs ?? []).filter((o: any) => o.data?.["application/vnd.vegalite.v5+json"]).length;
    assert.deepEqual(r.stderr, [], `${r.notebook}: stderr or error output`);
    assert.equal(r.executed, r.codeCells, `${r.notebook}: ${r.codeCells - r.executed} code cells did not run (a cell failed and stopped Run All)`);
    assert.equal(r.charts, savedCharts, `${r.notebook}: ${r.charts} chart outputs in JupyterLab, ${savedCharts} in the saved notebook`);
    assert.equal(r.drawn, r.charts, `${r.notebook}: ${r.charts - r.drawn} of ${r.charts} charts have no vega-embed svg/canvas`);
    const replayCells = source.cells.filter((c: any) => c.cell_type === "code" && /\breplayChart\(/.test([].concat(c.source).join(""))).length;
    assert.ok(r.replays >= replayCells, `${r.notebook}: ${r.replays} step-through replays drawn for ${replayCells} cells that call replayChart()`);
    assert.equal(r.stepped, r.replays, `${r.notebook}: ${r.replays - r.stepped} of ${r.replays} replays did not redraw when their slider moved`);
  }
});

/** What one cell shows: each output's MIME type and text. */
async function cellOutputs(page: Page, index: number): Promise<{ mime: string; text: string }[]> {
  return page.locator(".jp-Notebook .jp-Cell").nth(index).locator(".jp-OutputArea-output").evaluateAll((els) =>
    els.map((e) => ({ mime: String(e.getAttribute("data-mime-type") ?? ""), text: String(e.textContent ?? "") })));
}

/** Adds a code cell above the first one (Esc, A, Enter, as a student would), types `code` and runs it (Shift+Enter). */
async function addAndRunFirstCell(page: Page, code: string): Promise<void> {
  await page.locator(".jp-Notebook .jp-Cell").first().locator(".jp-InputPrompt").click();
  await page.keyboard.press("Escape");
  await page.keyboard.press("a");
  await page.keyboard.press("Enter");
  await page.keyboard.insertText(code);
  await page.keyboard.press("Shift+Enter");
}

const SPIN = "const spin = (ms: number) => { const end = performance.now() + ms; while (performance.now() < end) {} }; ";

test("JupyterLab shows a long monteCarlo's progress as one line redrawn in place; Kernel > Interrupt leaves one line and the kernel answers", { skip: SKIP, timeout: 300_000 }, async () => {
  assert.ok(CHROMIUM, NO_CHROMIUM);
  fs.mkdirSync(RESULTS, { recursive: true });
  const name = fs.readdirSync(path.join(REPO, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort()[0];
  if (!name) return;
  const lab = new JupyterServer();
  let browser: Awaited<ReturnType<typeof launchBrowser>> | null = null;
  try {
    const [, launched] = await Promise.all([lab.start(240_000), launchBrowser()]);
    browser = launched;
    const page = await browser.context.newPage();
    await page.goto(lab.url(`/lab/tree/${encodeURIComponent(name)}?reset`), { timeout: 60_000 });
    await page.locator(".jp-NotebookPanel .jp-Cell").first().waitFor({ timeout: 60_000 });
    const session = async () => ((await lab.api("GET", "/api/sessions")) as any[]).find((x) => x.path === name || x.path?.endsWith(`/${name}`));
    await poll(async () => (await session())?.kernel?.execution_state === "idle", 90_000, `the kernel of ${name} to start`);

    // About 3 s of work: the line appears after 1 s and is redrawn; the cell ends with its final line.
    await addAndRunFirstCell(page, `import { createRng, monteCarlo } from "distsys-lab"; ${SPIN}` +
      "const r = monteCarlo({ runs: 3000, seed: 1, run: (s) => { spin(1); return createRng(s).next() < 0.5; } });");
    const seen: string[] = [];
    let most = 0;
    await poll(async () => {
      const outs = await cellOutputs(page, 0);
      most = Math.max(most, outs.length);
      const t = outs.map((o) => o.text.trim()).join(" | ");
      if (t && t !== seen[seen.length - 1]) seen.push(t);
      if (/^monteCarlo 3,000 runs: 2,/.test(t)) await page.locator(".jp-Notebook .jp-Cell").first().screenshot({ path: path.join(RESULTS, "progress-line.png") }).catch(() => undefined);
      return /^3,000 runs in \d+\.\d s$/.test(t);
    }, 60_000, "the monteCarlo cell's final line", 100);
    const running = seen.filter((t) => /^monteCarlo 3,000 runs: [\d,]+\/3,000 \(\d+%\), [\d,]+ runs\/s, \d+\.\d s left$/.test(t));
    assert.ok(running.length >= 3, `the line was redrawn while the cell ran; seen: ${seen.join(" || ")}`);
    assert.equal(most, 1, `one output line at all times; seen: ${seen.join(" || ")}`);
    const outs = await cellOutputs(page, 0);
    assert.equal(outs[0].mime, "text/plain");

    // 17 minutes of work, interrupted from the Kernel menu once its line shows.
    await addAndRunFirstCell(page, `${SPIN.replace("const spin", "const spin2")}` +
      "monteCarlo({ runs: 1_000_000, seed: 1, run: (s) => { spin2(1); return createRng(s).next() < 0.5; } });");
    await poll(async () => (await cellOutputs(page, 0)).some((o) => /^monteCarlo 1,000,000 runs: /.test(o.text.trim())), 60_000, "the long cell's progress line");
    await page.locator(".lm-MenuBar-item", { hasText: /^Kernel$/ }).click();
    await page.locator(".lm-Menu-item:visible", { hasText: "Interrupt Kernel" }).first().click();
    await poll(async () => (await cellOutputs(page, 0)).some((o) => o.mime === "application/vnd.jupyter.stderr"), 30_000, "the interrupted line");
    await sleep(500);
    const after = (await cellOutputs(page, 0)).filter((o) => o.text.trim() !== "");
    await page.locator(".jp-Notebook .jp-Cell").first().screenshot({ path: path.join(RESULTS, "progress-interrupted.png") }).catch(() => undefined);
    assert.equal(after.length, 1, `one line after the interrupt: ${JSON.stringify(after)}`);
    assert.equal(after[0].mime, "application/vnd.jupyter.stderr");
    assert.match(after[0].text.trim(), /^interrupted after [\d,]+ of 1,000,000 runs \(<1%\); to keep partial results, pass maxSeconds$/);

    // The kernel still answers.
    await sleep(500);
    await addAndRunFirstCell(page, 'console.log("still here", 6 * 7);');
    await poll(async () => (await cellOutputs(page, 0)).some((o) => o.text.includes("still here 42")), 30_000, "the next cell's output");
    await page.close();
  } finally {
    if (browser) await browser.close();
    await lab.stop();
  }
});

test("a slide deck and a saved HTML figure draw their charts offline: no request leaves file://", { skip: SKIP, timeout: 300_000 }, async () => {
  assert.ok(CHROMIUM, NO_CHROMIUM);
  fs.mkdirSync(RESULTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "distsys-offline-"));
  let browser: Awaited<ReturnType<typeof launchBrowser>> | null = null;
  try {
    // The fixture notebook carries its outputs, so --saved needs no kernel.
    await Promise.all([
      runScript("slides.mjs", ["--saved", "--out", path.join(tmp, "slides"), FIXTURE], 240_000),
      runScript("figures.mjs", ["--saved", "--out", path.join(tmp, "figures"), FIXTURE], 240_000),
    ]);
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    const remote = recordRequests(page);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    await page.goto(pathToFileURL(path.join(tmp, "slides", "figures.html")).href);
    await page.waitForFunction(() => (window as any).Reveal?.isReady?.(), undefined, { timeout: 30_000 });
    // A chart is drawn for its slide when the slide is laid out: visit each chart's slide, then come back.
    const deck = await page.evaluate(async () => {
      const reveal = (window as any).Reveal;
      for (const slide of reveal.getSlides().filter((s: any) => s.querySelector("figure.chart"))) {
        const at = reveal.getIndices(slide);
        reveal.slide(at.h, at.v);
        await (window as any).fitCharts();
      }
      reveal.slide(0, 0);
      return {
      charts: document.querySelectorAll("figure.chart").length,
      embedded: document.querySelectorAll("figure.chart[data-embedded] .vega-embed svg.marks").length,
      errors: [...document.querySelectorAll("[data-embed-error]")].map((e: any) => String(e.getAttribute("data-embed-error"))),
      reveal: typeof reveal?.isReady === "function" && reveal.isReady(),
      };
    });
    assert.equal(deck.embedded, deck.charts, `deck: ${deck.embedded} of ${deck.charts} charts embedded; errors ${deck.errors.join("; ")}`);
    assert.ok(deck.reveal, "reveal.js initialised");
    // The title slide's $1 - p$ is typeset by KaTeX with its own fonts, loaded from slides/katex/fonts/.
    const math = await page.evaluate(async () => {
      await document.fonts.ready;
      const fonts = [...document.fonts].filter((f: any) => String(f.family).startsWith("KaTeX_"));
      return {
        formulas: document.querySelectorAll("section.present .math .katex-html").length,
        loaded: fonts.filter((f: any) => f.status === "loaded").map((f: any) => String(f.family)),
        failed: fonts.filter((f: any) => f.status === "error").map((f: any) => String(f.family)),
      };
    });
    assert.ok(math.formulas > 0, "the title slide shows a KaTeX formula");
    assert.ok(math.loaded.includes("KaTeX_Main") && math.loaded.includes("KaTeX_Math"), `KaTeX fonts loaded: ${math.loaded.join(", ")}`);
    assert.deepEqual(math.failed, [], "KaTeX fonts that failed to load");
    await page.evaluate(() => (window as any).Reveal.slide(1, 0)); // the first chart's slide
    const visible = page.locator("section.present figure.chart .vega-embed svg.marks").first();
    await visible.waitFor({ state: "visible", timeout: 10_000 });
    assert.ok(((await visible.boundingBox())?.width ?? 0) > 100, "the chart on the current slide is drawn at a visible size");
    await page.screenshot({ path: path.join(RESULTS, "slides-fixture-chart.png") });

    await page.goto(pathToFileURL(path.join(tmp, "figures", "figures", "fixture-outcomes.html")).href);
    await page.locator("#chart.vega-embed svg.marks").first().waitFor({ state: "visible", timeout: 30_000 });
    assert.equal(await page.locator("#chart-error").textContent(), "");
    await page.screenshot({ path: path.join(RESULTS, "figure-fixture-outcomes.png") });

    await page.goto(pathToFileURL(path.join(tmp, "figures", "index.html")).href);
    await page.locator("figure img").first().waitFor({ state: "visible", timeout: 10_000 });
    assert.ok(await page.locator("figure img").first().evaluate((img: any) => img.naturalWidth > 0), "the gallery shows the SVG");

    assert.deepEqual(remote, [], "requests outside file://");
    assert.deepEqual(errors, [], "page errors");
  } finally {
    if (browser) await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("a saved replay figure steps through its run with no kernel: moving the slider changes the caption and the marks drawn", { skip: SKIP, timeout: 120_000 }, async () => {
  assert.ok(CHROMIUM, NO_CHROMIUM);
  fs.mkdirSync(RESULTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "distsys-replay-"));
  let browser: Awaited<ReturnType<typeof launchBrowser>> | null = null;
  try {
    // Seed 42/run/18 of notebook 01's small runs: three commands, the ACK of command 2 lost, command 2 sent again.
    const run = runClientServer({ seed: "42/run/18", protocol: "ack", lossRate: 0.2, commands: 3, delayMs: 10, timeoutMs: 50 });
    const rows = replayRows(run.trace, { state: clientServerState, timers: true });
    const file = await save(replayChart(rows, { title: "A lost ACK" }), path.join(tmp, "replay.html"));
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    const remote = recordRequests(page);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    const slider = page.locator("#chart .vega-bindings input[type=range]");
    await slider.waitFor({ state: "visible", timeout: 30_000 });
    const drawn = () => page.evaluate(() => ({
      caption: [...document.querySelectorAll("#chart svg.marks text")].map((t: any) => String(t.textContent)).find((t: string) => t.startsWith("step ")) ?? "",
      marks: document.querySelectorAll("#chart svg.marks path").length,
    }));
    const setStep = async (k: number) => {
      await slider.evaluate((el: any, v: number) => { el.value = String(v); el.dispatchEvent(new window.Event("input", { bubbles: true })); }, k);
      await poll(async () => (await drawn()).caption.startsWith(`step ${k} of`), 10_000, `the caption of step ${k}`);
      return drawn();
    };
    const n = rows.steps.length;
    const last = await drawn();
    assert.equal(last.caption, `step ${n} of ${n}, 110 ms: u1 receives ack 2 from s1`, "the figure opens at the last step");
    const first = await setStep(1);
    assert.equal(first.caption, `step 1 of ${n}, 0 ms: u1 sends cmd 0 to s1`);
    assert.ok(first.marks < last.marks, `fewer marks at step 1 (${first.marks}) than at the last step (${last.marks})`);
    const lost = rows.steps.find((s) => /is lost/.test(s.text))!;
    const atLoss = await setStep(lost.step);
    assert.match(atLoss.caption, /ack 2 from s1 to u1 is lost$/);
    assert.ok(first.marks < atLoss.marks && atLoss.marks < last.marks, `marks grow with the step: ${first.marks}, ${atLoss.marks}, ${last.marks}`);
    await page.screenshot({ path: path.join(RESULTS, "replay-lost-ack.png") });
    assert.deepEqual(remote, [], "requests outside file://");
    assert.deepEqual(errors, [], "page errors");
  } finally {
    if (browser) await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
