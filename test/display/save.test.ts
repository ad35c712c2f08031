import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { Chart } from "../../src/charts/chart";
import { chartHtml } from "../../src/display/html";
import { save, saveFormat } from "../../src/display/save";
import { sampleCharts } from "../charts/_fixtures";

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "charts-save-"));
}

test("save(chart, path) writes svg, png, html, vl.json and json, and returns absolute paths", async () => {
  const dir = tempDir();
  const chart = sampleCharts().outcome.name("outcomes");
  const names = ["a.svg", "a.png", "a.html", "a.vl.json", "b.json", "C.SVG"];
  for (const name of names) {
    const written = await save(chart, path.join(dir, name));
    assert.equal(written, path.join(dir, name));
    assert.ok(path.isAbsolute(written));
  }
  assert.deepEqual(fs.readdirSync(dir).sort(), [...names].sort(), "nothing but the given paths is written");
  assert.match(fs.readFileSync(path.join(dir, "a.svg"), "utf8"), /^<svg /);
  assert.equal(fs.readFileSync(path.join(dir, "a.png")).subarray(1, 4).toString(), "PNG");
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, "a.vl.json"), "utf8")), chart.toSpec());
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, "b.json"), "utf8")), chart.toSpec());
  fs.rmSync(dir, { recursive: true });
});

test("save(chart, relativePath) resolves against the working directory", async () => {
  const dir = tempDir();
  const cwd = process.cwd();
  try {
    process.chdir(dir);
    assert.equal(await save(sampleCharts().ecdf, "x.json"), path.join(fs.realpathSync(dir), "x.json"));
  } finally {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true });
  }
});

test("save(chart, path) with an unknown extension names the path and the valid extensions", async () => {
  await assert.rejects(save(sampleCharts().outcome, "/tmp/figure.pdf"), /"\/tmp\/figure.pdf".*\.svg, \.png, \.html, \.vl\.json, \.json/);
  assert.throws(() => saveFormat("noext"), /use one of/);
});

test("save(chart, path) into a missing folder says the folder does not exist and writes nothing", async () => {
  const dir = tempDir();
  const target = path.join(dir, "missing", "figure.svg");
  await assert.rejects(save(sampleCharts().outcome, target), (error: Error) => {
    assert.match(error.message, /folder ".*missing" does not exist/);
    assert.ok(error.message.includes(target));
    return true;
  });
  assert.deepEqual(fs.readdirSync(dir), []);
  fs.rmSync(dir, { recursive: true });
});

test("save(notAChart, path) is a TypeError", async () => {
  await assert.rejects(save({ mark: "bar" } as never, "/tmp/x.svg"), TypeError);
});

test("chartHtml(chart) is self-contained: inlined libraries, no external URLs in src/href, spec escaped", () => {
  const evil = "</script><script>alert(1)</script> & <b>";
  const chart = Chart.of({ data: { values: [{ a: evil, b: 1 }] }, mark: "bar", encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } } })
    .title(evil)
    .name("evil-chart");
  const html = chartHtml(chart, "<svg></svg>");
  assert.ok(!/<script[^>]+src=/i.test(html), "no external scripts");
  assert.ok(!/<link[^>]+href=/i.test(html), "no external stylesheets");
  assert.ok(!html.includes("sourceMappingURL"), "no source map requests");
  // The title occurs only escaped; the only </script> tags are ours.
  assert.ok(!html.includes("<script>alert(1)"));
  const scriptTags = html.match(/<script\b/g)!.length;
  assert.equal(html.match(/<\/script>/g)!.length, scriptTags);
  assert.match(html, /<title>evil-chart<\/title>/);
  // The embedded spec parses back to the chart's spec.
  const json = /<script type="application\/json" id="chart-spec">([^]*?)<\/script>/.exec(html)![1];
  assert.deepEqual(JSON.parse(json), chart.toSpec());
  assert.ok(html.includes("vegaEmbed(") && html.includes('"editor":false') && html.includes('"export":true'));
});

test("chartHtml(chart) inline scripts still parse as JavaScript after escaping", () => {
  const html = chartHtml(sampleCharts().sequence, "");
  const scripts = [...html.matchAll(/<script>([^]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 4); // vega, vega-lite, vega-embed, the embed call
  for (const code of scripts) assert.doesNotThrow(() => new vm.Script(code));
  assert.ok(html.length < 1_000_000, `page is ${html.length} bytes`);
});
