// Alt text wherever a chart goes: `jupyter nbconvert --to html` of an executed notebook prints no
// "Alternative text is missing" warning and gives every chart image the chart's alt text (its
// title and description); SVGs carry <title>, <desc> and aria-label; saved HTML pages label the chart.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO } from "../reliability/repo";
import { chartHtml } from "../../src/display/html";
import { renderSvg } from "../../src/display/render";
import { sampleCharts } from "../charts/_fixtures";

const PYTHON = process.env.DISTSYS_PYTHON ?? path.join(REPO, ".venv", "bin", "python");
const NO_PYTHON = !fs.existsSync(PYTHON) && "no .venv (run npm test once to create it)";

test("nbconvert --to html of an executed notebook warns about no image and uses each chart's alt text", { skip: NO_PYTHON }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "alt-text-"));
  try {
    const run = spawnSync(PYTHON, [path.join(REPO, "scripts", "run_notebooks.py"), "--output-dir", dir,
      path.join(REPO, "test", "notebooks", "show.ipynb")], { encoding: "utf8", env: { ...process.env, JUPYTER_PATH: path.join(REPO, ".jupyter") } });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const executed = path.join(dir, "show.ipynb");
    const convert = spawnSync(PYTHON, ["-m", "nbconvert", "--to", "html", "--output-dir", dir, executed], { encoding: "utf8" });
    assert.equal(convert.status, 0, convert.stderr);
    assert.doesNotMatch(convert.stdout + convert.stderr, /Alternative text is missing/);
    const html = fs.readFileSync(path.join(dir, "show.html"), "utf8");
    const alts = [...html.matchAll(/<img\b[^>]*\balt="([^"]*)"/g)].map((m) => m[1]);
    const notebook = JSON.parse(fs.readFileSync(executed, "utf8"));
    const specs = notebook.cells.flatMap((c: any) => (c.outputs ?? []).map((o: any) => o.data?.["application/vnd.vegalite.v5+json"]).filter(Boolean));
    assert.equal(alts.length, specs.length, "one image per chart");
    specs.forEach((spec: any, i: number) => {
      assert.ok(alts[i].includes(spec.description.replace(/&/g, "&amp;")), `image ${i} alt text holds the chart's description: ${alts[i]}`);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("renderSvg(chart) gives the SVG role img, an aria-label and a <title> and <desc>", async () => {
  const chart = sampleCharts().heatmap.title("Success & loss");
  const svg = await renderSvg(chart);
  assert.match(svg, /^<svg [^>]*role="img" aria-label="Success &amp; loss\. Heat map of p /);
  assert.ok(svg.includes("<title>Success &amp; loss</title>"));
  assert.ok(svg.includes(`<desc>${chart.descriptionText()}</desc>`));
});

test("chartHtml(chart) labels the chart's container with its alt text", () => {
  const chart = sampleCharts().sweep;
  const html = chartHtml(chart);
  assert.ok(html.includes(`<div id="chart" role="figure" aria-label="${chart.altText()}">`), html.slice(0, 200));
  assert.equal(chart.altText(), `Success vs loss. ${chart.descriptionText()}`);
});
