import { test } from "node:test";
import assert from "node:assert/strict";
import { Chart, VEGA_LITE_SCHEMA_URL } from "../../src/charts/chart";
import { chartTheme, OKABE_ITO } from "../../src/charts/theme";
import { fieldTitle } from "../../src/charts/_internals/rows";

const base = () => Chart.of({ data: { values: [{ a: 1, b: 2 }] }, mark: "point", encoding: { x: { field: "a", type: "quantitative" } } });

test("Chart methods return copies and leave the original unchanged", () => {
  const c = base();
  const before = JSON.stringify(c.toSpec());
  const d = c.title("T", "sub").size(300, 200).name("fig-1").props({ encoding: { y: { field: "b", type: "quantitative" } } });
  assert.equal(JSON.stringify(c.toSpec()), before);
  assert.equal(c.figureName, undefined);
  const spec = d.toSpec();
  assert.deepEqual(spec.title, { text: "T", subtitle: "sub" });
  assert.equal(spec.width, 300);
  assert.equal(spec.height, 200);
  assert.equal(d.figureName, "fig-1");
  assert.deepEqual(spec.encoding, { x: { field: "a", type: "quantitative" }, y: { field: "b", type: "quantitative" } });
});

test("Chart.of(spec) copies its input, and toSpec() returns a fresh copy", () => {
  const spec = { data: { values: [{ a: 1 }] }, mark: "point" };
  const c = Chart.of(spec);
  spec.mark = "bar";
  (spec.data.values[0] as { a: number }).a = 99;
  assert.equal(c.toSpec().mark, "point");
  const out = c.toSpec();
  (out as { mark: string }).mark = "line";
  assert.equal(c.toSpec().mark, "point");
});

test("toSpec() carries $schema and the theme, with the chart's own config on top", () => {
  const spec = base().props({ config: { axis: { labelFontSize: 20 } } }).toSpec();
  assert.equal(spec.$schema, VEGA_LITE_SCHEMA_URL);
  const config = spec.config as any;
  assert.equal(config.font, "DejaVu Sans, sans-serif");
  assert.equal(config.axis.labelFontSize, 20);
  assert.equal(config.axis.titleFontSize, (chartTheme() as any).axis.titleFontSize);
  assert.deepEqual(config.range.category, [...OKABE_ITO]);
  assert.deepEqual(JSON.parse(JSON.stringify(base())), base().toSpec());
});

test("props({ key: undefined }) removes a key; arrays replace", () => {
  const c = base().props({ encoding: undefined, transform: [{ filter: "true" }] }).props({ transform: [{ filter: "false" }] });
  assert.equal(c.toSpec().encoding, undefined);
  assert.deepEqual(c.toSpec().transform, [{ filter: "false" }]);
});

test("Chart.size(), .name(), .title() reject bad values with the parameter named", () => {
  assert.throws(() => base().size(0, 100), /widthPx must be a finite number > 0; got 0/);
  assert.throws(() => base().size(100, NaN), /heightPx must be a finite number > 0; got NaN/);
  assert.throws(() => base().name("bad name/.."), /figureName must be 1-100 letters/);
  assert.throws(() => base().title(3 as never), /text must be a string; got 3/);
  assert.throws(() => Chart.of([] as never), /spec must be a Vega-Lite spec object/);
});

test("describe() gives a one-line summary", () => {
  assert.equal(base().title("Hello").name("h").describe(), 'Chart "h": Hello (point mark, 1 rows)');
});

test("fieldTitle(field) turns camelCase with a unit suffix into words with the unit", () => {
  assert.equal(fieldTitle("delayMs"), "delay (ms)");
  assert.equal(fieldTitle("mtbfYears"), "mtbf (years)");
  assert.equal(fieldTitle("lossRate"), "loss rate");
  assert.equal(fieldTitle("p"), "p");
  assert.equal(fieldTitle("Ms"), "ms");
});

test("Chart.description(text) sets the Vega-Lite description; altText() puts the title first; charts without one get a derived one", () => {
  const plain = Chart.of({ data: { values: [{ a: 1, b: 2 }] }, mark: "bar", encoding: { x: { field: "a", type: "quantitative" }, y: { field: "b", type: "quantitative", title: "count" } } });
  assert.equal(plain.toSpec().description, "Bar chart of count against a.");
  const described = plain.description("  Bars of one count.  ").title("Counts", "one row");
  assert.equal(described.toSpec().description, "Bars of one count.");
  assert.equal(described.altText(), "Counts. one row. Bars of one count.");
  assert.throws(() => plain.description(""), /Chart\.description\(text\) text must be a non-empty string/);
});
