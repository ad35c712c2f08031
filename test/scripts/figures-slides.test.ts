// npm run figures and npm run slides, end to end on the fixture notebook test/notebooks/figures.ipynb
// (one named chart, one unnamed chart, slide metadata). Runs the scripts as a user would.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The repository: the folder above this file (compiled to build/test/...) that has scripts/figures.mjs, else the working directory. */
function findRepo(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "scripts", "figures.mjs"))) return dir;
  }
  return process.cwd();
}
const REPO = findRepo();
const FIXTURE = path.join(REPO, "test", "notebooks", "figures.ipynb");

/** Runs `node scripts/<script> args`, resolving with its exit code and output (bounded by timeoutMs). */
function runScript(script: string, args: string[], timeoutMs = 240_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO, "scripts", script), ...args], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (b) => (output += b));
    child.stderr.on("data", (b) => (output += b));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} ${args.join(" ")} did not finish within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

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
    for (const file of ["reveal.js/reveal.js", "reveal.js/reveal.css", "reveal.js/theme/white.css", "reveal.js/plugin/notes.js", "index.html"]) {
      assert.ok(fs.existsSync(path.join(tmp, file)), `${file} is next to the deck`);
    }
    const deck = fs.readFileSync(path.join(tmp, "figures.html"), "utf8");
    const slides = deck.slice(deck.indexOf('<div class="slides">'), deck.lastIndexOf('<script src="reveal.js/reveal.js">'));
    // Title slide, then one section per question with the chart on a sub-slide, exercises last.
    const expect = (re: RegExp, what: string) => assert.ok(re.test(slides), `the deck has ${what} (${re})`);
    expect(/<section class="title-slide">\s*<h1>Figures fixture<\/h1>/, "a title slide");
    expect(/<span class="math">1 − <var>p<\/var><\/span>/, "math rendered without MathJax");
    assert.equal((slides.match(/<figure class="chart"/g) ?? []).length, 2);
    expect(/<section>\s*<section>\s*<h2>Which outcome is most likely\?<\/h2>\s*<\/section>\s*<section>\s*<figure class="chart" id="chart-0" data-name="fixture-outcomes">/, "the question slide, then the chart on a sub-slide");
    expect(/<div class="fragment"><p><strong>Executed once wins.<\/strong><\/p>/, "a fragment");
    expect(/<aside class="notes"><p>Say that the intervals are 95% Wilson intervals.<\/p>/, "speaker notes");
    assert.ok(slides.lastIndexOf("<h2>Exercises</h2>") > slides.lastIndexOf('<figure class="chart"'), "exercises come last");
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
