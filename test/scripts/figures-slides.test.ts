// npm run figures and npm run slides, end to end on the fixture notebook test/notebooks/figures.ipynb
// (one named chart, one unnamed chart, slide metadata). Runs the scripts as a user would.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FIXTURE, runScript } from "./_scripts";


function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: false } as never as undefined)
    .map(String)
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

test("npm run figures twice (executing the notebook each time) gives byte-identical SVG, PNG and HTML files named from Chart.name()", { timeout: 300_000 }, async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "figures-test-"));
  try {
    const [a, b] = await Promise.all([
      runScript("figures.mjs", ["--out", path.join(tmp, "a"), FIXTURE]),
      runScript("figures.mjs", ["--out", path.join(tmp, "b"), FIXTURE]),
    ]);
    assert.equal(a.code, 0, a.output);
    assert.equal(b.code, 0, b.output);
    const files = filesUnder(path.join(tmp, "a"));
    assert.deepEqual(files, [
      "figures.json",
      "figures/figures-2.html", "figures/figures-2.png", "figures/figures-2.svg",
      "figures/fixture-outcomes.html", "figures/fixture-outcomes.png", "figures/fixture-outcomes.svg",
      "index.html",
    ]);
    assert.deepEqual(filesUnder(path.join(tmp, "b")), files);
    for (const file of files) {
      assert.ok(fs.readFileSync(path.join(tmp, "a", file)).equals(fs.readFileSync(path.join(tmp, "b", file))), `${file} differs between two runs`);
    }
    const svg = fs.readFileSync(path.join(tmp, "a", "figures", "fixture-outcomes.svg"), "utf8");
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /Outcomes of one command/);
    const index = fs.readFileSync(path.join(tmp, "a", "index.html"), "utf8");
    assert.match(index, /src="figures\/fixture-outcomes\.svg"/);
    assert.match(index, /href="figures\/figures-2\.html"/);
    assert.doesNotMatch(index, /(src|href)="(https?:)?\/\//, "the gallery links only to local files");
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("npm run slides -- --saved builds a reveal.js deck from the slide metadata, offline", { timeout: 240_000 }, async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "slides-test-"));
  try {
    const run = await runScript("slides.mjs", ["--saved", "--out", tmp, FIXTURE]);
    assert.equal(run.code, 0, run.output);
    for (const file of ["reveal.js/reveal.js", "reveal.js/reveal.css", "reveal.js/theme/white.css", "reveal.js/plugin/notes.js", "katex/katex.min.css", "katex/fonts/KaTeX_Main-Regular.woff2", "katex/LICENSE", "index.html"]) {
      assert.ok(fs.existsSync(path.join(tmp, file)), `${file} is next to the deck`);
    }
    // KaTeX's stylesheet names only fonts that were copied next to it, as relative woff2 URLs.
    const css = fs.readFileSync(path.join(tmp, "katex", "katex.min.css"), "utf8");
    const urls = [...css.matchAll(/url\(\s*["']?([^)"']+)["']?\s*\)/g)].map((m) => m[1]);
    assert.equal(urls.length, (css.match(/@font-face/g) ?? []).length, "one font URL per @font-face");
    assert.ok(urls.length >= 10, `the stylesheet names ${urls.length} fonts`);
    for (const url of urls) {
      assert.match(url, /^fonts\/KaTeX_[\w-]+\.woff2$/);
      assert.ok(fs.existsSync(path.join(tmp, "katex", url)), `katex/${url}, named by katex.min.css, is copied`);
    }
    assert.deepEqual(fs.readdirSync(path.join(tmp, "katex", "fonts")).sort(), urls.map((u) => u.slice("fonts/".length)).sort(), "exactly the fonts it names");
    const deck = fs.readFileSync(path.join(tmp, "figures.html"), "utf8");
    const slides = deck.slice(deck.indexOf('<div class="slides">'), deck.lastIndexOf('<script src="reveal.js/reveal.js">'));
    // Title slide, then a slide per chart with the question as its title and the finding as its caption, exercises last.
    const expect = (re: RegExp, what: string) => assert.ok(re.test(slides), `the deck has ${what} (${re})`);
    expect(/<section class="title-slide">\s*<div class="frame">\s*<h1 class="slide-title">Figures fixture<\/h1>/, "a title slide");
    expect(/<span class="math"><span class="katex"><span class="katex-mathml"><math [^>]*>.*?<annotation encoding="application\/x-tex">1 - p<\/annotation>.*?<\/math><\/span><span class="katex-html" aria-hidden="true">/, "math typeset by KaTeX when the deck is built");
    assert.match(deck, /<link rel="stylesheet" href="katex\/katex.min.css">/);
    assert.ok(!/<script[^>]*katex/i.test(deck), "KaTeX does not run in the page");
    assert.equal((slides.match(/<figure class="chart"/g) ?? []).length, 2);
    expect(/<section class="chart-slide">\s*<div class="frame">\s*<h2 class="slide-title">Which outcome is most likely\?<\/h2>\s*<figure class="chart" id="chart-0" data-name="fixture-outcomes"/, "the chart's slide, titled with its question");
    expect(/<\/figure>\s*<div class="caption"><p>Executed once wins.<\/p><\/div>/, "the bold finding after the chart as its caption");
    expect(/<aside class="notes">[\s\S]*?<p>Say that the intervals are 95% Wilson intervals.<\/p>/, "speaker notes");
    assert.ok(slides.lastIndexOf('<h2 class="slide-title">Exercises</h2>') > slides.lastIndexOf('<figure class="chart"'), "exercises come last");
    assert.ok(!slides.includes("import { show"), "skipped cells are left out");
    // Nothing is loaded from the network: every src/href is relative, and no CDN appears anywhere.
    for (const m of deck.matchAll(/<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]+)"/g)) {
      assert.ok(!/^(https?:)?\/\//.test(m[1]), `the deck loads ${m[1]}`);
    }
    assert.ok(!/cdn\.jsdelivr|cdnjs|unpkg\.com|fonts\.googleapis|mathjax\.org/i.test(deck), "the deck names no CDN");
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

/** A notebook of markdown cells only (nbformat 4), written to `file`. */
function writeMarkdownNotebook(file: string, cells: string[]): void {
  const nb = {
    cells: cells.map((source, i) => ({ cell_type: "markdown", id: `md-${i}`, metadata: { slideshow: { slide_type: "slide" } }, source })),
    metadata: {}, nbformat: 4, nbformat_minor: 5,
  };
  fs.writeFileSync(file, JSON.stringify(nb, null, 1));
}

test("npm run slides typesets $math$ and $$math$$ with KaTeX where nbconvert finds math, and fails a deck whose TeX KaTeX cannot read", { timeout: 240_000 }, async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "slides-math-"));
  try {
    const good = path.join(tmp, "good-math.ipynb");
    const bad = path.join(tmp, "bad-math.ipynb");
    writeMarkdownNotebook(good, [
      "# Math\n\nInline $q = (1-p)^2$ and $i < k$; not math: \\$5 and \\$6, `$x$` in code, and $5 and $6.",
      "## Display\n\n$$\nP(\\text{diverge}) = 1 - q^n - (1-q)^n.\n$$\n\nand in a sentence $$\\sum_{k > n/2} \\binom{n}{k}$$ too.",
    ]);
    writeMarkdownNotebook(bad, ["# Bad", "## Still bad\n\nA fraction $\\frac{1}$ and $$\\nosuchmacro{x}$$ here."]);
    const run = await runScript("slides.mjs", ["--saved", "--out", path.join(tmp, "out"), good, bad]);
    assert.equal(run.code, 1, `a deck with bad TeX makes the run fail:\n${run.output}`);
    // The error names the notebook, the cell (index and first line), each formula and KaTeX's reason.
    assert.match(run.output, /\[slides\] bad-math: 2 formulas KaTeX cannot typeset:/);
    assert.match(run.output, /cell 1 `## Still bad`: \$\\frac\{1\}\$: .*expected '\}'/);
    assert.match(run.output, /cell 1 `## Still bad`: \$\$\\nosuchmacro\{x\}\$\$: Undefined control sequence: \\nosuchmacro/);
    assert.ok(run.output.indexOf("\\frac{1}") < run.output.indexOf("\\nosuchmacro"), "formulas in the order of the text");
    assert.match(run.output, /\[slides\] bad-math: no deck written/);
    assert.ok(!fs.existsSync(path.join(tmp, "out", "bad-math.html")), "no deck for the notebook with bad TeX");

    const deck = fs.readFileSync(path.join(tmp, "out", "good-math.html"), "utf8");
    const tex = [...deck.matchAll(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g)].map((m) => m[1]);
    assert.deepEqual(tex, ["q = (1-p)^2", "i &lt; k", "P(\\text{diverge}) = 1 - q^n - (1-q)^n.", "\\sum_{k &gt; n/2} \\binom{n}{k}"]);
    assert.match(deck, /not math: \$5 and \$6, <code>\$x\$<\/code> in code, and \$5 and \$6\./);
    assert.equal((deck.match(/<span class="math display"><span class="katex-display">/g) ?? []).length, 2, "two display formulas");
    assert.ok(!deck.includes('<div class="math">'), "display math inside a paragraph is a span (valid HTML), not a div");
    assert.ok(!/katex-error/.test(deck));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
