// The lecture decks in a browser, as an instructor projects them: `npm run slides -- --saved` builds a
// deck per notebook, and headless Chromium (Debian's, driven by playwright-core) goes through every
// slide of every deck at 1280x720 and at 1920x1080. On each slide: nothing is wider or taller than the
// slide and no element scrolls; a chart slide's chart (the live vega-embed view, re-rendered for the
// slide) covers at least 60% of the slide, with the question as the title; the words on a slide stay
// within the limits; no parameter name (a notebook's `const NAME =`) and no raw printout is shown.
// Also: the replay charts keep their slider, and no request leaves file://.
// Without Chromium the test is skipped (it fails in CI). Screenshots go to test-results/browser/.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { CHROMIUM, REPO, RESULTS, runScript, SKIP } from "./_browser";

declare const document: any;
declare const window: any;
declare const getComputedStyle: any;

/** The limits the decks are held to (issue 21). */
const MIN_CHART_SHARE = 0.6;
const MAX_WORDS = { title: 80, prose: 60, chart: 50 };
const SIZES = [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }];

const runSlides = (args: string[]) => runScript("slides.mjs", args, 300_000);

/** The names a notebook's code cells define as `const NAME =` in capitals: its parameters. */
function parameterNames(file: string): string[] {
  const nb = JSON.parse(fs.readFileSync(file, "utf8"));
  const code = nb.cells.filter((c: any) => c.cell_type === "code").map((c: any) => [].concat(c.source).join("")).join("\n");
  return [...new Set([...code.matchAll(/\bconst\s+([A-Z][A-Z0-9_]{2,})\s*=/g)].map((m) => m[1]))];
}

interface SlideReport {
  h: number; v: number; kind: string; title: string; words: number; text: string;
  overflow: string[]; scrolls: string[]; chartShare: number | null; embedded: boolean; sliders: number; replay: boolean; pre: number;
}

test("every slide of every deck fits 1280x720 and 1920x1080: no overflow, charts >= 60% of the slide, few words, no parameter names", { skip: SKIP, timeout: 900_000 }, async () => {
  const notebooks = fs.readdirSync(path.join(REPO, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort();
  if (notebooks.length === 0) return;
  fs.mkdirSync(RESULTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "distsys-slides-"));
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"], timeout: 60_000 });
  const shares: number[] = [];
  const words: number[] = [];
  try {
    await runSlides(["--saved", "--out", tmp]);
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: size });
      const page = await context.newPage();
      const remote: string[] = [];
      const errors: string[] = [];
      page.on("request", (req) => { if (!/^(file|data|blob|about):/.test(req.url())) remote.push(req.url()); });
      page.on("pageerror", (e) => errors.push(e.message));
      for (const nb of notebooks) {
        const stem = nb.replace(/\.ipynb$/, "");
        const params = parameterNames(path.join(REPO, "notebooks", nb));
        await page.goto(pathToFileURL(path.join(tmp, `${stem}.html`)).href);
        await page.waitForFunction(() => window.Reveal?.isReady?.(), undefined, { timeout: 30_000 });
        const indices: { h: number; v: number }[] = await page.evaluate(() =>
          window.Reveal.getSlides().map((s: any) => window.Reveal.getIndices(s)).map((i: any) => ({ h: i.h, v: i.v ?? 0 })));
        let shotTaken = false;
        for (const { h, v } of indices) {
          await page.evaluate(([hh, vv]: number[]) => window.Reveal.slide(hh, vv), [h, v]);
          const report: SlideReport = await page.evaluate(async ([hh, vv]: number[]) => {
            await window.fitCharts();
            const slide = window.Reveal.getCurrentSlide();
            const W = window.innerWidth, H = window.innerHeight;
            const describe = (el: any) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : ""}`;
            const overflow: string[] = [];
            const scrolls: string[] = [];
            for (const el of [slide, ...slide.querySelectorAll("*")]) {
              // An SVG clips what it draws (marks past a cut axis): the <svg> element's own box is what shows.
              if (el.ownerSVGElement || el.closest("aside.notes, .chart-alt, .katex-mathml, script")) continue;
              const r = el.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) continue;
              if (r.left < -1 || r.top < -1 || r.right > W + 1 || r.bottom > H + 1) overflow.push(`${describe(el)} at ${Math.round(r.left)},${Math.round(r.top)}-${Math.round(r.right)},${Math.round(r.bottom)}`);
              const style = getComputedStyle(el);
              const scrollable = (o: string) => o === "auto" || o === "scroll";
              if ((scrollable(style.overflowX) && el.scrollWidth > el.clientWidth + 1) || (scrollable(style.overflowY) && el.scrollHeight > el.clientHeight + 1)) scrolls.push(describe(el));
            }
            const page = document.scrollingElement;
            if (page.scrollWidth > page.clientWidth || page.scrollHeight > page.clientHeight) scrolls.push("the page");
            const frame = slide.querySelector(".frame");
            const copy = frame.cloneNode(true);
            copy.querySelectorAll("figure, .katex-mathml").forEach((e: any) => e.remove());
            const text = String(copy.textContent).replace(/\s+/g, " ").trim();
            const svg = slide.querySelector("figure.chart .chart-live svg");
            const box = svg ? svg.getBoundingClientRect() : null;
            const spec = slide.querySelector("script.chart-spec");
            return {
              h: hh, v: vv,
              kind: slide.classList.contains("chart-slide") ? "chart" : slide.classList.contains("title-slide") ? "title" : "prose",
              title: String(slide.querySelector(".slide-title")?.textContent ?? ""),
              words: text.split(" ").filter(Boolean).length, text, overflow, scrolls,
              chartShare: box ? (box.width * box.height) / (W * H) : null,
              embedded: Boolean(slide.querySelector("figure.chart[data-embedded] .chart-live svg.marks")),
              sliders: slide.querySelectorAll(".chart-live .vega-bindings input[type=range]").length,
              replay: spec ? JSON.parse(spec.textContent).params?.some((p: any) => p.bind) === true : false,
              pre: frame.querySelectorAll("pre").length,
            };
          }, [h, v]);
          const where = `${stem} slide ${h}/${v} (${report.kind}: ${report.title.slice(0, 60)}) at ${size.width}x${size.height}`;
          assert.deepEqual(report.overflow, [], `${where}: elements outside the slide`);
          assert.deepEqual(report.scrolls, [], `${where}: scrollbars`);
          assert.ok(report.words <= MAX_WORDS[report.kind as keyof typeof MAX_WORDS], `${where}: ${report.words} words: ${report.text}`);
          assert.equal(report.pre, 0, `${where}: a raw printout on the slide`);
          for (const name of params) assert.ok(!new RegExp(`\\b${name}\\b`).test(report.text), `${where}: shows the parameter name ${name}: ${report.text}`);
          words.push(report.words);
          if (report.kind === "chart") {
            assert.ok(report.embedded, `${where}: the chart is a live vega-embed view`);
            assert.ok(report.title.length > 0, `${where}: the chart slide has the question as its title`);
            assert.ok((report.chartShare ?? 0) >= MIN_CHART_SHARE, `${where}: the chart covers ${((report.chartShare ?? 0) * 100).toFixed(1)}% of the slide`);
            if (report.replay) assert.equal(report.sliders, 1, `${where}: the replay keeps its slider`);
            shares.push(report.chartShare!);
            if (!shotTaken) {
              await page.screenshot({ path: path.join(RESULTS, `slides-${stem}-${size.width}x${size.height}.png`) });
              shotTaken = true;
            }
          }
        }
      }
      assert.deepEqual(remote, [], "requests outside file://");
      assert.deepEqual(errors, [], "page errors");
      await context.close();
    }
    shares.sort((a, b) => a - b);
    words.sort((a, b) => a - b);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(`# slides: ${shares.length} chart slides over both sizes, chart share min ${pct(shares[0])}, median ${pct(shares[shares.length >> 1])}; `
      + `${words.length} slides, words median ${words[words.length >> 1]}, max ${words[words.length - 1]}`);
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
