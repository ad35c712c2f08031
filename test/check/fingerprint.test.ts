import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { fingerprint } from "../../src/check/fingerprint";

// The canonical form, written independently as text: objects with sorted keys (undefined values
// dropped), Sets and Maps with sorted entries, numbers with -0 as 0. Two values must have the same
// fingerprint exactly when their canonical texts are equal (up to 64-bit collisions).
function canonical(v: unknown): string {
  if (v === undefined) return "u";
  if (v === null) return "null";
  if (typeof v === "number") return `n${Object.is(v, -0) ? 0 : v}`;
  if (typeof v === "string") return `s${JSON.stringify(v)}`;
  if (typeof v === "boolean") return `b${v}`;
  if (typeof v === "bigint") return `i${v}`;
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v instanceof Set) return `S{${[...v].map(canonical).sort().join(",")}}`;
  if (v instanceof Map) return `M{${[...v].map(([k, x]) => `${canonical(k)}=>${canonical(x)}`).sort().join(",")}}`;
  return `{${Object.entries(v as object).filter(([, x]) => x !== undefined).map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).sort().join(",")}}`;
}

const leaf = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(0.5, -0, 1e300, NaN), fc.constantFrom("", "a", "b", "working", "ab"),
  fc.boolean(), fc.constant(null), fc.constant(undefined), fc.bigInt({ min: -2n, max: 2n }));
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom("a", "b", "c", "rm"), tie("value"), { maxKeys: 3 }),
    fc.array(fc.oneof(fc.constantFrom("a", "b", "c"), fc.integer({ min: 0, max: 3 })), { maxLength: 3 }).map((xs) => new Set(xs)),
    fc.array(fc.tuple(fc.constantFrom("k", "l", 1), tie("value")), { maxLength: 2 }).map((es) => new Map(es))),
}));

/** The same value with every object's keys and every Set's and Map's entries in reverse order. */
function reordered(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reordered);
  if (v instanceof Set) return new Set([...v].reverse());
  if (v instanceof Map) return new Map([...v].reverse().map(([k, x]) => [k, reordered(x)]));
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reordered(x)]));
  return v;
}

test("fingerprint: key order, Set order and Map order do not matter", () => {
  assert.equal(fingerprint({ a: 1, b: [true, "x"] }), fingerprint({ b: [true, "x"], a: 1 }));
  assert.equal(fingerprint(new Set(["p", "q"])), fingerprint(new Set(["q", "p"])));
  assert.equal(fingerprint(new Map([["x", 1], ["y", 2]])), fingerprint(new Map([["y", 2], ["x", 1]])));
  assert.equal(fingerprint({ a: 1, gone: undefined }), fingerprint({ a: 1 }));
  assert.equal(fingerprint(-0), fingerprint(0));
  assert.match(fingerprint({ a: 1 }), /^[0-9a-f]{16}$/);
  fc.assert(fc.property(value, (v) => { assert.equal(fingerprint(reordered(v)), fingerprint(v)); }), { numRuns: 500, seed: 5 });
});

test("fingerprint: values with different canonical forms differ (order of arrays, types, nesting)", () => {
  const distinct: unknown[] = [[1, 2], [2, 1], [1], [[1]], "1", 1, 1n, true, "true", null, undefined, [], {}, new Set(), new Map(), { a: [] }, { a: {} },
    { a: 1, b: 2 }, { a: 2, b: 1 }, new Set([1, 2]), new Set([1]), new Map([[1, 2]]), new Map([[2, 1]]), ["a", "b"], ["ab"], 0.5, 1e300, NaN, [undefined], [null]];
  assert.equal(new Set(distinct.map(fingerprint)).size, distinct.length);
  fc.assert(fc.property(value, value, (a, b) => {
    assert.equal(fingerprint(a) === fingerprint(b), canonical(a) === canonical(b), `${canonical(a)} vs ${canonical(b)}`);
  }), { numRuns: 2000, seed: 6 });
});

test("fingerprint: anything but plain data is refused, naming where it is", () => {
  assert.throws(() => fingerprint({ rm: [1, new Date(0)] }), /fingerprint: state\.rm\[1\] is a Date instance; a state must be plain data/);
  assert.throws(() => fingerprint({ f: () => 1 }), /state\.f is a function/);
  const cyclic: { self?: unknown } = {};
  cyclic.self = cyclic;
  assert.throws(() => fingerprint(cyclic), /nesting deeper than 200 levels \(a cycle\?\)/);
});
