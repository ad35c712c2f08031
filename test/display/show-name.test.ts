import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "path";
import Module from "module";
import { DISPLAY_METADATA_KEY, displayBundle, show } from "../../src/display";
import { sampleCharts } from "../charts/_fixtures";

/** A fake tslab 1.0.22 kernel (dist/public.js + dist/jupyter.js in require.cache) that records display_data messages. */
function fakeKernel() {
  const dir = path.join("/nonexistent-fake-name", "node_modules", "tslab", "dist");
  const sent: { data: Record<string, unknown>; metadata: Record<string, unknown> }[] = [];
  const display = { png: () => undefined, svg: () => undefined, text: () => undefined };
  const publicApi = { display };
  const cache = require.cache as Record<string, unknown>;
  const add = (file: string, exports: unknown) => {
    const mod = new Module(file);
    mod.filename = file;
    mod.loaded = true;
    mod.exports = exports;
    cache[file] = mod;
  };
  add(path.join(dir, "public.js"), publicApi);
  add(path.join(dir, "jupyter.js"), { lastWriteDisplayData: (content: (typeof sent)[number]) => sent.push(content) });
  (globalThis as any).__tslab__ = { exports: {}, require: (id: string) => (id === "tslab" ? publicApi : require(id)) };
  const uninstall = () => {
    delete cache[path.join(dir, "public.js")];
    delete cache[path.join(dir, "jupyter.js")];
    delete (globalThis as any).__tslab__;
  };
  return { sent, uninstall };
}

test('show(chart.name("loss-sweep")) puts the name into the display_data metadata under "distsys-lab"', () => {
  const kernel = fakeKernel();
  try {
    show(sampleCharts().sweep.name("loss-sweep"));
    assert.equal(kernel.sent.length, 1);
    assert.equal(DISPLAY_METADATA_KEY, "distsys-lab");
    assert.deepEqual(kernel.sent[0].metadata["distsys-lab"], { name: "loss-sweep" });
    assert.ok("image/png" in kernel.sent[0].metadata);
  } finally {
    kernel.uninstall();
  }
});

test("show(unnamedChart) sends no distsys-lab metadata", () => {
  const kernel = fakeKernel();
  try {
    show(sampleCharts().sweep);
    assert.equal(kernel.sent.length, 1);
    assert.ok(!("distsys-lab" in kernel.sent[0].metadata));
  } finally {
    kernel.uninstall();
  }
});

test("displayBundle(namedChart) carries the same name metadata as show()", async () => {
  const bundle = await displayBundle(sampleCharts().outcome.name("outcomes"));
  assert.deepEqual(bundle.metadata[DISPLAY_METADATA_KEY], { name: "outcomes" });
});
