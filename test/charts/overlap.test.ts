// No two text marks overlap in any chart: every chart of every executed notebook in notebooks/ (the
// Vega-Lite spec of its display output) and every sample chart of every builder is rendered through
// vega's scenegraph, headless, with the DejaVu text metrics the SVG and PNG are drawn with, and the
// bounding boxes of all visible text items (mark text, axis labels and titles, legend labels and
// titles, chart titles) are checked pairwise. A failure names the notebook, the chart and both texts.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { REPO } from "../reliability/repo";
import { VEGALITE_MIME } from "../../src/display/mime";
import { DISPLAY_METADATA_KEY } from "../../src/display/show";
import { sampleCharts } from "./_fixtures";
import { describeOverlap, overlaps, textBoxes } from "./_text-boxes";

interface NotebookChart {
  notebook: string;
  name: string;
  spec: object;
}

function notebookCharts(): NotebookChart[] {
  const dir = path.join(REPO, "notebooks");
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort() : [];
  const charts: NotebookChart[] = [];
  for (const file of files) {
    const notebook = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    let n = 0;
    for (const [cellIndex, cell] of (notebook.cells ?? []).entries()) {
      for (const output of cell.outputs ?? []) {
        const spec = output.data?.[VEGALITE_MIME];
        if (!spec) continue;
        n++;
        const name = output.metadata?.[DISPLAY_METADATA_KEY]?.name ?? `chart ${n} (cell ${cellIndex})`;
        charts.push({ notebook: file, name, spec });
      }
    }
  }
  return charts;
}

/** The overlapping pairs of one chart, one line each. */
async function overlapLines(spec: object): Promise<string[]> {
  return overlaps(await textBoxes(spec)).map(describeOverlap);
}

const charts = notebookCharts();

test("the notebooks hold charts to check", () => {
  assert.ok(charts.length > 0, "no Vega-Lite outputs found in notebooks/*.ipynb (are the notebooks executed?)");
});

for (const chart of charts) {
  test(`no text overlaps in ${chart.notebook} chart ${chart.name}`, async () => {
    const lines = await overlapLines(chart.spec);
    assert.deepEqual(lines, [], `${chart.notebook} ${chart.name}: ${lines.length} overlapping text pair(s):\n  ${lines.join("\n  ")}`);
  });
}

test("no text overlaps in the builders' sample charts", async () => {
  const failures: string[] = [];
  for (const [name, chart] of Object.entries(sampleCharts())) {
    for (const line of await overlapLines(chart.toSpec())) failures.push(`${name}: ${line}`);
  }
  assert.deepEqual(failures, []);
});

test("the overlap check finds overlapping text (two labels at one point)", async () => {
  const spec = {
    data: { values: [{ x: 1, y: 1, t: "first label" }, { x: 1, y: 1, t: "second label" }] },
    mark: "text", encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" }, text: { field: "t" } },
  };
  const lines = await overlapLines(spec);
  assert.equal(lines.length, 1);
  assert.match(lines[0], /"first label" \(mark\) x "second label" \(mark\)|"second label" \(mark\) x "first label" \(mark\)/);
});
