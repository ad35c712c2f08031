import { test } from "node:test";
import assert from "node:assert/strict";
import { DISPLAY_METADATA_KEY, displayBundle, show } from "../../src/display/show";
import { sampleCharts } from "../charts/_fixtures";
import { fakeKernel } from "./_fake-kernel";

test('show(chart.name("loss-sweep")) puts the name into the display_data metadata under "distsys-lab"', () => {
  const kernel = fakeKernel(true);
  try {
    show(sampleCharts().sweep.name("loss-sweep"));
    assert.equal(kernel.sent.length, 1);
    assert.equal(DISPLAY_METADATA_KEY, "distsys-lab");
    assert.deepEqual(kernel.sent[0].content.metadata["distsys-lab"], { name: "loss-sweep" });
    assert.ok("image/png" in kernel.sent[0].content.metadata);
  } finally {
    kernel.uninstall();
  }
});

test("show(unnamedChart) sends no distsys-lab metadata", () => {
  const kernel = fakeKernel(true);
  try {
    show(sampleCharts().sweep);
    assert.equal(kernel.sent.length, 1);
    assert.ok(!("distsys-lab" in kernel.sent[0].content.metadata));
  } finally {
    kernel.uninstall();
  }
});

test("displayBundle(namedChart) carries the same name metadata as show()", async () => {
  const bundle = await displayBundle(sampleCharts().outcome.name("outcomes"));
  assert.deepEqual(bundle.metadata[DISPLAY_METADATA_KEY], { name: "outcomes" });
});
