// npm run html, end to end on a two-notebook course made from the fixture test/notebooks/figures.ipynb
// (charts, math, slide metadata, saved outputs) plus a solution cell, and a second small notebook with a
// saved output. Runs the script as a user would, twice at once, from the saved outputs (--saved: no
// kernel, so the test stays fast; executing is the runner's part, shared with npm run figures, whose
// test executes its notebook twice): the files must be byte-identical.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FIXTURE, runScript } from "./_scripts";


function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map(String).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

const SOLUTION = "const solutionMarker = 6 * 7;";

/** The course: the fixture with a solution cell added, and a second notebook of markdown and one print. */
function writeCourse(dir: string): string[] {
  const first = JSON.parse(fs.readFileSync(FIXTURE, "utf8"));
  first.cells.push({
    cell_type: "code", execution_count: null, id: "solution-1", outputs: [], source: [SOLUTION],
    metadata: { tags: ["solution"], jupyter: { source_hidden: true, outputs_hidden: true }, slideshow: { slide_type: "skip" } },
  });
  const second = {
    cells: [
      { cell_type: "markdown", id: "md-1", metadata: {}, source: ["# Second page\n\nA display formula:\n\n$$\nq = (1-p)^2\n$$\n\nand `$x$` is code."] },
      {
        cell_type: "code", execution_count: 1, id: "code-1", metadata: {}, source: ['console.log("printed by the second page");'],
        outputs: [{ name: "stdout", output_type: "stream", text: ["printed by the second page\n"] }],
      },
    ],
    metadata: first.metadata, nbformat: 4, nbformat_minor: 5,
  };
  const files = [path.join(dir, "a-first.ipynb"), path.join(dir, "b-second.ipynb")];
  fs.writeFileSync(files[0], JSON.stringify(first, null, 1));
  fs.writeFileSync(files[1], JSON.stringify(second, null, 1));
  return files;
}

test("npm run html twice gives byte-identical pages: code folded, solutions out, charts live over their SVG, math typeset, linked, offline", { timeout: 400_000 }, async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "html-test-"));
  try {
    const course = writeCourse(tmp);
    const [a, b] = await Promise.all([
      runScript("html.mjs", ["--saved", "--out", path.join(tmp, "a"), ...course]),
      runScript("html.mjs", ["--saved", "--out", path.join(tmp, "b"), ...course]),
    ]);
    assert.equal(a.code, 0, a.output);
    assert.equal(b.code, 0, b.output);
    const files = filesUnder(path.join(tmp, "a"));
    assert.deepEqual(filesUnder(path.join(tmp, "b")), files);
    for (const file of files) {
      assert.ok(fs.readFileSync(path.join(tmp, "a", file)).equals(fs.readFileSync(path.join(tmp, "b", file))), `${file} differs between two runs`);
    }
    for (const file of ["index.html", "a-first.html", "b-second.html", "slides/a-first.html", "slides/b-second.html",
      "vendor/vega.min.js", "vendor/vega-lite.min.js", "vendor/vega-embed.min.js", "katex/katex.min.css", "katex/fonts/KaTeX_Main-Regular.woff2"]) {
      assert.ok(files.includes(file), `${file} is written`);
    }
    const read = (f: string) => fs.readFileSync(path.join(tmp, "a", f), "utf8");
    const first = read("a-first.html");
    const second = read("b-second.html");

    // nbconvert's lab look, with our template's changes (nbconvert writes attributes in alphabetical order).
    assert.match(first, /<body class="jp-Notebook"/);
    assert.equal((first.match(/<figure class="edition-chart[^"]*" data-name="(fixture-outcomes|a-first-2)">/g) ?? []).length, 2, "both charts, named as in figures");
    assert.equal((first.match(/<script class="edition-chart-spec" type="application\/json">\{/g) ?? []).length, 2, "each chart carries its Vega-Lite spec");
    assert.equal((first.match(/<img alt="Outcomes of one command\.[^"]*" src="data:image\/svg\+xml;base64,/g) ?? []).length, 1, "the static SVG with the alt text, for blocked scripts");
    assert.match(first, /<details class="edition-code">\s*<summary>Code<\/summary>/, "code cells are folded");
    assert.doesNotMatch(first, /<details class="edition-code" open/);
    assert.ok(!first.includes("solutionMarker"), "the solution cell is left out");
    assert.ok(first.includes("outcomeChart"), "other code is kept");
    assert.match(second, /printed by the second page/, "outputs are kept");
    assert.match(first, /<annotation encoding="application\/x-tex">1 - p<\/annotation>/, "inline math typeset by KaTeX");
    assert.match(second, /<span class="math display"><span class="katex-display">/, "display math typeset by KaTeX");
    assert.match(second, /<code>\$x\$<\/code>/, "a $ in code is not math");
    assert.match(first, /<title>Figures fixture<\/title>/);
    assert.match(first, /<h2 id="which-outcome-is-most-likely">Which outcome is most likely\?<\/h2>/, "headings can be linked to");

    // Course links: index, previous/next, deck.
    assert.match(first, /<a class="edition-next" href="b-second\.html" rel="next">Second page →<\/a>/);
    assert.doesNotMatch(first, /edition-prev/, "the first page has no previous page");
    assert.match(second, /<a class="edition-prev" href="a-first\.html" rel="prev">← Figures fixture<\/a>/);
    assert.match(first, /<a class="edition-slides" href="slides\/a-first\.html">Slides<\/a>/);
    assert.match(second, /<a class="edition-index" href="index\.html">Course<\/a>/);
    const index = read("index.html");
    assert.ok(index.indexOf('href="a-first.html">Figures fixture</a>') < index.indexOf('href="b-second.html">Second page</a>'), "the index lists the course in order");
    assert.match(index, /href="slides\/b-second\.html">slides<\/a>/);

    // Nothing loads from the network.
    for (const page of files.filter((f) => f.endsWith(".html"))) {
      const html = read(page);
      for (const m of html.matchAll(/<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="([^"]+)"/g)) {
        assert.ok(!/^(https?:)?\/\//.test(m[1]), `${page} loads ${m[1]}`);
      }
      assert.ok(!/cdn\.jsdelivr|cdnjs|unpkg\.com|fonts\.googleapis|mathjax|require\.js/i.test(html.replace(/<script>[\s\S]*?<\/script>|<script src=[^>]*>/g, "")), `${page} names no CDN`);
    }
    assert.ok(!/MathJax|requirejs/.test(first), "no MathJax and no require.js");
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
