import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "util";
import { displayBundle, show } from "../../src/display/show";
import { findTslab } from "../../src/display/kernel";
import { VEGALITE_MIME } from "../../src/display/mime";
import { sampleCharts } from "../charts/_fixtures";
import { fakeKernel } from "./_fake-kernel";

/** Captures console.log lines while `fn` runs. */
async function captureLog(fn: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  try {
    await fn();
  } finally {
    console.log = original;
  }
  return lines;
}

test("show(chart) outside a kernel prints a one-line description", async () => {
  assert.equal(findTslab().inKernel, false);
  const lines = await captureLog(() => show(sampleCharts().outcome.name("outcomes")));
  assert.deepEqual(lines, ['Chart "outcomes": Outcomes of one command (layer of 3 marks, 3 rows)']);
});

test("show(chart) in a tslab kernel sends ONE display_data with vega-lite, svg, png, markdown (an img with alt text), text and no html", async () => {
  const kernel = fakeKernel(true);
  try {
    const chart = sampleCharts().sweep;
    const lines = await captureLog(() => show(chart));
    assert.deepEqual(lines, []);
    assert.equal(kernel.sent.length, 1);
    const { content, update } = kernel.sent[0];
    assert.equal(update, false);
    assert.deepEqual(Object.keys(content.data).sort(), ["application/vnd.vegalite.v5+json", "image/png", "image/svg+xml", "text/markdown", "text/plain"]);
    assert.ok(!("text/html" in content.data));
    assert.deepEqual(content.data[VEGALITE_MIME], chart.toSpec());
    assert.equal(typeof content.data[VEGALITE_MIME], "object");
    assert.match(content.data["image/svg+xml"], /^<svg /);
    const svg = content.data["image/svg+xml"] as string;
    assert.ok(svg.includes(`<desc>${chart.descriptionText()}</desc>`), "the SVG carries the description");
    assert.match(svg, /^<svg [^>]*role="img" aria-label="[^"]+"/);
    const img = /^<img src="data:image\/svg\+xml;base64,([^"]+)" width="(\d+)" height="(\d+)" alt="([^"]+)">$/.exec(content.data["text/markdown"]);
    assert.ok(img, content.data["text/markdown"].slice(0, 120));
    assert.equal(Buffer.from(img[1], "base64").toString("utf8"), svg, "the markdown image is the same SVG");
    assert.equal(img[4], chart.altText());
    const png = Buffer.from(content.data["image/png"], "base64");
    assert.equal(png.subarray(1, 4).toString(), "PNG");
    const pngWidth = png.readUInt32BE(16);
    const pngHeight = png.readUInt32BE(20);
    assert.deepEqual(content.metadata, { "image/png": { width: pngWidth / 2, height: pngHeight / 2 } });
    assert.equal(content.data["text/plain"], chart.describe());
    assert.deepEqual(kernel.displayed, []);
  } finally {
    kernel.uninstall();
  }
});

test("show(chart) without the kernel's writer falls back to tslab display.png and says so once on stdout", async () => {
  const kernel = fakeKernel(false);
  try {
    const lines = await captureLog(async () => {
      await show(sampleCharts().outcome);
      await show(sampleCharts().ecdf);
    });
    assert.equal(lines.length, 1);
    assert.match(lines[0], /display writer was not found.*PNG/);
    assert.deepEqual(kernel.displayed.map((d) => d.type), ["png", "png"]);
    assert.equal(kernel.sent.length, 0);
  } finally {
    kernel.uninstall();
  }
});

test("displayBundle(chart) PNG metadata is the 1x size of the SVG", async () => {
  const bundle = await displayBundle(sampleCharts().heatmap);
  const svg = bundle.data["image/svg+xml"] as string;
  const width = Number(/width="(\d+)"/.exec(svg)![1]);
  const height = Number(/height="(\d+)"/.exec(svg)![1]);
  assert.deepEqual(bundle.metadata, { "image/png": { width, height } });
});

test("show(notAChart) throws a TypeError naming show, synchronously", () => {
  assert.throws(() => show({} as never), /show: chart must be a Chart/);
});

test("show(chart) sends the bundle before returning, so a forgotten await loses nothing", () => {
  const kernel = fakeKernel(true);
  try {
    const promise = show(sampleCharts().timeline);
    assert.equal(kernel.sent.length, 1);
    assert.ok(promise instanceof Promise);
    // tslab console.logs a cell's last value: the promise prints as an empty string.
    assert.equal(inspect(promise), "");
  } finally {
    kernel.uninstall();
  }
});
