import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { compileChart, renderSvg } from "../../src/display/render";
import { JsonSchema } from "./_schema";
import { repoRoot, sampleCharts } from "./_fixtures";

const schema = JsonSchema.vegaLite();
const charts = sampleCharts();
const snapshotDir = path.join(repoRoot(), "test", "charts", "__snapshots__");

for (const [name, chart] of Object.entries(charts)) {
  test(`${name}: toSpec() validates against the Vega-Lite v5 schema`, () => {
    const errors = schema.validate(chart.toSpec());
    assert.deepEqual(errors.slice(0, 5), []);
  });

  test(`${name}: compiles without Vega-Lite warnings and renders to SVG with text`, async () => {
    assert.deepEqual(compileChart(chart).warnings, []);
    const svg = await renderSvg(chart);
    assert.match(svg, /^<svg /);
    assert.match(svg, /<text/);
    assert.match(svg, /font-family="DejaVu Sans, sans-serif"/);
  });

  test(`${name}: every mark has a tooltip`, () => {
    const missing: string[] = [];
    const visit = (node: Record<string, unknown>, where: string) => {
      if (node.mark !== undefined) {
        const enc = (node.encoding ?? {}) as Record<string, unknown>;
        const mark = node.mark as Record<string, unknown>;
        if (enc.tooltip === undefined && mark.tooltip === undefined) missing.push(where);
      }
      if (Array.isArray(node.layer)) node.layer.forEach((child, i) => visit(child, `${where}/layer/${i}`));
    };
    visit(chart.toSpec(), "");
    assert.deepEqual(missing, []);
  });

  test(`${name}: carries a one-sentence description of its own (the alt text), not the generic fallback`, () => {
    let own: unknown;
    chart.mapSpec((spec) => void (own = spec.description));
    assert.equal(typeof own, "string");
    const text = own as string;
    assert.ok(text.length > 20, text);
    assert.match(text, /^[A-Z].*\.$/s, "starts with a capital, ends with a full stop");
    assert.doesNotMatch(text.slice(0, -1), /[.!?]\s+[A-Z]/, "one sentence");
    assert.doesNotMatch(text, /undefined|NaN|\[object/);
    assert.equal(chart.toSpec().description, text);
  });

  test(`${name}: toSpec() matches the committed snapshot (UPDATE_SNAPSHOTS=1 rewrites it)`, () => {
    const file = path.join(snapshotDir, `${name}.vl.json`);
    const actual = `${JSON.stringify(chart.toSpec(), null, 2)}\n`;
    if (process.env.UPDATE_SNAPSHOTS === "1" || !fs.existsSync(file)) {
      fs.mkdirSync(snapshotDir, { recursive: true });
      fs.writeFileSync(file, actual);
      if (process.env.UPDATE_SNAPSHOTS !== "1") assert.fail(`snapshot ${file} was missing and has been written; re-run`);
      return;
    }
    assert.equal(actual, fs.readFileSync(file, "utf8"), `spec differs from ${file}; run with UPDATE_SNAPSHOTS=1 if the change is intended`);
  });
}

test("JsonSchema.validate() rejects a broken spec (the validator is not vacuous)", () => {
  const errors = schema.validate({ mark: "bars", encoding: { x: { field: "a", type: "quantity" } } });
  assert.ok(errors.length > 0);
  assert.ok(schema.validate({ data: { values: [] }, mark: "bar", width: "wide" }).length > 0);
  assert.deepEqual(schema.validate({ data: { values: [] }, mark: "bar" }), []);
});
