import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "child_process";
import * as path from "path";
import { outcomeChart } from "../../src/charts/outcome";
import { PNG_SCALE, rasterizeSvg, renderPng, renderSvg, renderSvgSync, stableSvgIds } from "../../src/display/render";
import { outcomeRows, sampleCharts } from "../charts/_fixtures";

/** Dark pixels (all channels < 128) in a column band of an RGBA image. */
function darkPixels(image: { pixels: Buffer; width: number; height: number }, x0: number, x1: number): number {
  let dark = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 4;
      if (image.pixels[i] < 128 && image.pixels[i + 1] < 128 && image.pixels[i + 2] < 128) dark++;
    }
  }
  return dark;
}

test("renderSvg(chart) is byte-stable across renders in one process", async () => {
  for (const [name, chart] of Object.entries(sampleCharts())) {
    const first = await renderSvg(chart);
    await renderSvg(outcomeChart(outcomeRows)); // advance vega's global id counters in between
    const second = await renderSvg(chart);
    assert.equal(second, first, `${name} SVG changed between renders`);
  }
});

test("renderSvg(chart) gives the same bytes in a fresh process", async () => {
  const script = [
    `const f = require(${JSON.stringify(path.join(__dirname, "..", "charts", "_fixtures.js"))});`,
    `const d = require(${JSON.stringify(path.join(__dirname, "..", "..", "src", "display", "render"))});`,
    "d.renderSvg(f.sampleCharts().sequence).then((svg) => process.stdout.write(svg));",
  ].join("\n");
  const child = execFileSync(process.execPath, ["-e", script], { encoding: "utf8", maxBuffer: 64 << 20 });
  await renderSvg(sampleCharts().outcome); // this process's counters are now ahead of the child's
  assert.equal(child, await renderSvg(sampleCharts().sequence));
});

test("renderSvgSync(chart) gives the same bytes as renderSvg(chart) for every builder", async () => {
  for (const [name, chart] of Object.entries(sampleCharts())) {
    assert.equal(renderSvgSync(chart), await renderSvg(chart), name);
  }
});

test("stableSvgIds(svg) renumbers ids and their references in order of appearance, under a content-hash prefix", () => {
  const svg = '<svg><clipPath id="clip7"><rect/></clipPath><g clip-path="url(#clip7)"/><linearGradient id="gradient_3"/><use href="#gradient_3"/></svg>';
  const out = stableSvgIds(svg);
  const prefix = /id="(v[0-9a-f]{8})-0"/.exec(out)![1];
  assert.equal(out, `<svg><clipPath id="${prefix}-0"><rect/></clipPath><g clip-path="url(#${prefix}-0)"/><linearGradient id="${prefix}-1"/><use href="#${prefix}-1"/></svg>`);
  // The same SVG with other counter values gives the same bytes; a different SVG gets another prefix.
  assert.equal(stableSvgIds(svg.replace(/clip7/g, "clip99").replace(/gradient_3/g, "gradient_12")), out);
  assert.ok(!stableSvgIds(svg.replace("<rect/>", "<circle/>")).includes(prefix));
});

test("renderSvg(chart) ids differ between different charts (no clashes when several share a page)", async () => {
  const a = await renderSvg(sampleCharts().heatmap);
  const b = await renderSvg(sampleCharts().heatmap.title("another"));
  const ids = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(ids(a).length > 0);
  assert.deepEqual(ids(a).filter((id) => ids(b).includes(id)), []);
});

test("renderPng(chart) is 2x the SVG size and says its 1x size", async () => {
  const chart = outcomeChart(outcomeRows);
  const svg = await renderSvg(chart);
  const widthPx = Number(/width="(\d+)"/.exec(svg)![1]);
  const heightPx = Number(/height="(\d+)"/.exec(svg)![1]);
  const image = await renderPng(chart);
  assert.equal(PNG_SCALE, 2);
  assert.deepEqual([image.widthPx, image.heightPx, image.width, image.height], [widthPx, heightPx, 2 * widthPx, 2 * heightPx]);
  assert.deepEqual([...image.png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});

test("renderPng(chart) draws text: the y-axis title area has dark pixels (and none without fonts)", async () => {
  const chart = outcomeChart(outcomeRows);
  const svg = await renderSvg(chart);
  const withFonts = rasterizeSvg(svg);
  const withoutFonts = rasterizeSvg(svg, { fonts: false });
  // The rotated y-axis title "probability" is the leftmost thing in the chart: CSS x in [0, 30).
  const band = 30 * PNG_SCALE;
  assert.ok(darkPixels(withFonts, 0, band) > 100, `expected text pixels, got ${darkPixels(withFonts, 0, band)}`);
  assert.equal(darkPixels(withoutFonts, 0, band), 0, "control: without fonts the title area is blank");
});

test("renderPng(chart) is byte-stable", async () => {
  const chart = sampleCharts().histogram;
  assert.ok((await renderPng(chart)).png.equals((await renderPng(chart)).png));
});

test("rasterizeSvg(svg, { scale }) rejects a bad scale", () => {
  assert.throws(() => rasterizeSvg("<svg/>", { scale: 0 }), /options.scale must be a number in \(0, 8\]; got 0/);
});
