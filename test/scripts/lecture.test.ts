// The rules by which `npm run slides` reads a lecture from a notebook (scripts/lib/lecture.mjs), on a
// notebook written here: the bold sentence after a chart is its caption, a cell's "slide-caption"
// metadata overrides it, a long paragraph shows its first sentence (the whole goes to the notes), prose
// naming a parameter and printed output stay off the slide unless "slide-output" asks for it. The
// chart outputs are those saved in the fixture notebook test/notebooks/figures.ipynb.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO } from "./_scripts";

const VEGALITE = "application/vnd.vegalite.v5+json";

function chartOutput(name: string): unknown {
  const nb = JSON.parse(fs.readFileSync(path.join(REPO, "test", "notebooks", "figures.ipynb"), "utf8"));
  const output = nb.cells.flatMap((c: any) => c.outputs ?? []).find((o: any) => o.data?.[VEGALITE]);
  return { ...output, metadata: { "distsys-lab": { name } } };
}

const md = (source: string, slide = "-") => ({ cell_type: "markdown", metadata: { slideshow: { slide_type: slide } }, source });
const code = (outputs: unknown[], metadata: object = {}) => ({ cell_type: "code", execution_count: 1, metadata, source: "// code", outputs });
const stream = (text: string) => ({ output_type: "stream", name: "stdout", text });

/** The frame (what is on the slide) and the notes of each slide, as HTML. */
function slidesOf(deck: string): { cls: string; frame: string; notes: string }[] {
  return [...deck.matchAll(/<section class="([^"]+)">\s*<div class="frame">([\s\S]*?)\n<\/div>(?:\n<aside class="notes">([\s\S]*?)<\/aside>)?\n<\/section>/g)]
    .map((m) => ({ cls: m[1], frame: m[2], notes: m[3] ?? "" }));
}

test("a lecture from a notebook: the bold finding after a chart is its caption, metadata overrides it, long prose and printouts go to the notes", { timeout: 240_000 }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lecture-test-"));
  try {
    const long = "This paragraph is long enough that it cannot stay on a slide as it is. It goes on and on with "
      + "details that a reader of the notebook wants and an audience in a lecture hall does not need to read.";
    const nb = {
      cells: [
        md(`# Lecture fixture\n\n${long}`, "slide"),
        md("## Does the metadata choose the caption?\n\nWith `LOSS_RATE` at its default, nothing else matters here.", "slide"),
        code([chartOutput("lecture-first")], { "distsys-lab": { "slide-caption": "The caption given in the metadata." } }),
        md("**This bold sentence is not the caption.**"),
        md("## Which bold sentence is the caption?", "slide"),
        code([chartOutput("lecture-second")]),
        md("The chart shows **a label** first, then **The finding is this bold sentence**: with more words after it."),
        code([stream("{ logs: { S1: [1, 2] } }\n")]),
        code([stream("a line the cell asks to show\n")], { "distsys-lab": { "slide-output": true } }),
      ],
      metadata: {}, nbformat: 4, nbformat_minor: 5,
    };
    const file = path.join(tmp, "lecture.ipynb");
    fs.writeFileSync(file, JSON.stringify(nb));
    const run = spawnSync(process.execPath, [path.join(REPO, "scripts", "slides.mjs"), "--saved", "--out", path.join(tmp, "out"), file], { cwd: REPO, encoding: "utf8" });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const slides = slidesOf(fs.readFileSync(path.join(tmp, "out", "lecture.html"), "utf8"));
    assert.deepEqual(slides.map((s) => s.cls), ["title-slide", "prose-slide question-only", "chart-slide", "chart-slide", "prose-slide"]);
    const [title, question, first, second, output] = slides;

    assert.match(title.frame, /<h1 class="slide-title">Lecture fixture<\/h1>/);
    assert.match(title.frame, /<p>This paragraph is long enough that it cannot stay on a slide as it is.<\/p>/, "the first sentence on the slide");
    assert.doesNotMatch(title.frame, /goes on and on/);
    assert.match(title.notes, /goes on and on/, "the whole paragraph in the notes");

    assert.doesNotMatch(question.frame, /LOSS_RATE/, "prose naming a parameter stays off the slide");
    assert.match(question.notes, /LOSS_RATE/);

    assert.match(first.frame, /<h2 class="slide-title">Does the metadata choose the caption\?<\/h2>\s*<figure class="chart" id="chart-0" data-name="lecture-first"/);
    assert.match(first.frame, /<div class="caption"><p>The caption given in the metadata.<\/p><\/div>/);
    assert.doesNotMatch(first.frame, /not the caption/);

    assert.match(second.frame, /<h2 class="slide-title">Which bold sentence is the caption\?<\/h2>/);
    assert.match(second.frame, /<div class="caption"><p>The finding is this bold sentence.<\/p><\/div>/, "the bold sentence, not the bold label");
    assert.match(second.notes, /\{ logs: \{ S1: \[1, 2\] \} \}/, "a printout goes to the notes");
    assert.doesNotMatch(second.frame, /logs/);

    assert.match(output.frame, /<pre class="output">a line the cell asks to show<\/pre>/, "slide-output puts the printout on a slide");
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

// Issue 21: every chart slide of every course notebook's deck carries its finding, from the cell's
// "slide-caption" metadata or from a bold sentence in the prose after the chart (not the fallback, the
// first sentence of the prose before it, which is most often a setup sentence). Reads the notebooks'
// saved outputs, as `npm run slides -- --saved` does, with the lecture rules of scripts/lib/lecture.mjs.
test("every chart slide of every notebook's deck has a caption from its metadata or from a bold finding", { timeout: 240_000 }, () => {
  const from = (file: string) => JSON.stringify(pathToFileURL(path.join(REPO, "scripts", file)).href);
  const script = `
    import fs from "node:fs";
    import path from "node:path";
    import { bootstrap } from ${from("lib/bootstrap.mjs")};
    import { buildLecture } from ${from("lib/lecture.mjs")};
    import { markdownBlocks } from ${from("lib/markdown-blocks.mjs")};
    import { lessonNotebooks } from ${from("notebooks.mjs")};
    import { notebookCharts, notebookStem } from ${from("lib/executed.mjs")};
    import { escapeHtml } from ${from("lib/html.mjs")};
    import { chartAlt } from ${from("lib/deck.mjs")};
    const { python } = bootstrap({ build: false });
    const TEXT = (v) => (Array.isArray(v) ? v.join("") : v ?? "");
    const out = [];
    for (const file of lessonNotebooks([])) {
      const nb = JSON.parse(fs.readFileSync(file, "utf8"));
      const md = nb.cells.map((c, i) => (c.cell_type === "markdown" ? i : -1)).filter((i) => i >= 0);
      const lists = markdownBlocks(python, md.map((i) => TEXT(nb.cells[i].source)));
      const stem = notebookStem(file);
      const lecture = buildLecture(nb, { blocks: new Map(md.map((i, k) => [i, lists[k]])), charts: notebookCharts(nb, stem, () => {}), stem, escapeHtml, alt: chartAlt });
      for (const s of lecture.sections) for (const sl of s.slides) {
        if (sl.kind === "chart") out.push({ notebook: path.basename(file), chart: sl.chart.name, from: sl.captionFrom ?? null, caption: sl.caption?.text ?? null });
      }
    }
    console.log(JSON.stringify(out));`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "captions-test-"));
  let run;
  try {
    fs.writeFileSync(path.join(tmp, "captions.mjs"), script);
    run = spawnSync(process.execPath, [path.join(tmp, "captions.mjs")], { cwd: REPO, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const slides: { notebook: string; chart: string; from: string | null; caption: string | null }[] = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
  const notebooks = new Set(slides.map((s) => s.notebook));
  assert.ok(notebooks.size >= 6 && slides.length >= 60, `${slides.length} chart slides in ${notebooks.size} notebooks: are the notebooks executed?`);
  const missing = slides.filter((s) => s.from !== "metadata" && s.from !== "finding");
  assert.deepEqual(missing.map((s) => `${s.notebook} ${s.chart}: ${s.caption === null ? "no caption" : `only the prose before it: "${s.caption}"`}`), [],
    "each chart needs a bold finding in the prose after it (or a slide-caption in its cell's metadata)");
});
