import { test } from "node:test";
import assert from "node:assert/strict";
import { JsonSchema } from "./_schema";
import { sampleCharts } from "./_fixtures";

const schema = JsonSchema.vegaLite();
const paths = (errors: { path: string }[]) => [...new Set(errors.map((e) => e.path))];

test("JsonSchema.vegaLite() compiles the schema once and hands back the same validator", () => {
  assert.equal(JsonSchema.vegaLite(), schema);
  assert.deepEqual(schema.validate({ data: { values: [{ a: 1 }] }, mark: "bar", encoding: { x: { field: "a", type: "quantitative" } } }), []);
});

test("an unknown mark type is rejected at /mark, listing the allowed marks", () => {
  const errors = schema.validate({ data: { values: [] }, mark: "nope" });
  assert.ok(errors.length > 0);
  assert.equal(errors[0].path, "/mark");
  assert.ok(errors.some((e) => e.path === "/mark" && e.message.includes('"bar"')), JSON.stringify(errors));
});

test("an encoding channel with a bad type is rejected at /encoding/x/type", () => {
  const errors = schema.validate({ data: { values: [] }, mark: "bar", encoding: { x: { field: "a", type: "quantity" } } });
  assert.equal(errors[0].path, "/encoding/x/type");
  assert.ok(errors.some((e) => e.path === "/encoding/x/type" && e.message.includes('"quantitative"')), JSON.stringify(errors));
});

test("a broken layer inside a real chart spec is rejected with the layer's path", () => {
  const spec = sampleCharts().outcome.toSpec() as any;
  assert.deepEqual(schema.validate(spec), []);
  spec.layer[0].mark.type = "nope";
  assert.ok(paths(schema.validate(spec)).includes("/layer/0/mark/type"));
  spec.layer[0].mark.type = "bar";
  spec.layer[0].encoding.y.type = "quantity";
  assert.equal(schema.validate(spec)[0].path, "/layer/0/encoding/y/type");
});

test("unknown properties, wrong types and out-of-range numbers are rejected where they are", () => {
  assert.ok(paths(schema.validate({ data: { values: [] }, mark: "bar", colour: "red" })).includes("/colour"));
  assert.ok(paths(schema.validate({ data: { values: [] }, mark: "bar", width: "wide" })).includes("/width"));
  assert.ok(paths(schema.validate({ data: { values: [] }, mark: { type: "bar", opacity: 2 } })).includes("/mark/opacity"));
});

test("values that are not JSON (undefined, NaN, Infinity, class instances) are rejected with their path", () => {
  const base = { data: { values: [{ a: 1 }] }, mark: "bar" };
  assert.deepEqual(paths(schema.validate({ ...base, width: undefined })), ["/width"]);
  assert.deepEqual(paths(schema.validate({ ...base, data: { values: [{ a: NaN }] } })), ["/data/values/0/a"]);
  assert.ok(paths(schema.validate({ ...base, width: Infinity })).includes("/width"));
  assert.deepEqual(paths(schema.validate({ ...base, data: { values: [{ when: new Date(0) }] } })), ["/data/values/0/when"]);
});
