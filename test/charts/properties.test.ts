import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { outcomeChart } from "../../src/charts/outcome";
import { sweepChart } from "../../src/charts/sweep";
import { stableSvgIds } from "../../src/display/render";
import { JsonSchema } from "./_schema";

const schema = JsonSchema.vegaLite();
const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

test("sweepChart(rows) gives a schema-valid spec for any finite rows (fast-check, seed 42, 60 runs)", () => {
  fc.assert(
    fc.property(fc.array(fc.record({ x: finite, y: finite, s: fc.constantFrom("a", "b") }), { minLength: 1, maxLength: 20 }), (rows) => {
      const spec = sweepChart(rows, { x: "x", y: "y", color: "s" }).toSpec();
      assert.deepEqual(schema.validate(spec), []);
    }),
    { seed: 42, numRuns: 60 },
  );
});

test("sweepChart(rows) names the first row holding a non-finite value (fast-check, seed 42)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ x: finite, y: finite }), { minLength: 1, maxLength: 30 }),
      fc.nat(),
      fc.constantFrom(NaN, Infinity, -Infinity, "1", null),
      (rows, k, bad) => {
        const index = k % rows.length;
        const broken = rows.map((r, i) => (i === index ? { ...r, y: bad } : r));
        assert.throws(() => sweepChart(broken, { x: "x", y: "y" }), (e: Error) => e.message.startsWith(`sweepChart: rows[${index}]`));
      },
    ),
    { seed: 42, numRuns: 100 },
  );
});

test("outcomeChart(rows) accepts any rows with 0 <= lo <= p <= hi <= 1 (fast-check, seed 42)", () => {
  const prob = fc.double({ min: 0, max: 1, noNaN: true });
  fc.assert(
    fc.property(fc.array(fc.tuple(prob, prob, prob), { minLength: 1, maxLength: 8 }), (triples) => {
      const rows = triples.map(([a, b, c], i) => {
        const [lo, p, hi] = [a, b, c].sort((u, v) => u - v);
        return { outcome: `o${i}`, p, lo, hi };
      });
      assert.deepEqual(schema.validate(outcomeChart(rows).toSpec()), []);
    }),
    { seed: 42, numRuns: 60 },
  );
});

test("stableSvgIds(svg) is idempotent and keeps references pointing at their targets (fast-check, seed 42)", () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}[0-9]{0,3}$/), { minLength: 1, maxLength: 6 }), (ids) => {
      const svg = `<svg>${ids.map((id) => `<clipPath id="${id}"/>`).join("")}${[...ids].reverse().map((id) => `<g clip-path="url(#${id})"/>`).join("")}</svg>`;
      const once = stableSvgIds(svg);
      assert.equal(stableSvgIds(once), once);
      const prefix = /id="(v[0-9a-f]{8})-0"/.exec(once)![1];
      ids.forEach((_, i) => {
        assert.ok(once.includes(`id="${prefix}-${i}"`));
        assert.ok(once.includes(`url(#${prefix}-${ids.length - 1 - i})`));
      });
    }),
    { seed: 42, numRuns: 100 },
  );
});
