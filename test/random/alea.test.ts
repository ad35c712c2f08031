import { test } from "node:test";
import assert from "node:assert/strict";
import seedrandom from "seedrandom";
import { createRng } from "../../src/random/rng";

// The reference: createRng used to wrap seedrandom.alea(key).double; its own Alea must draw the very
// same numbers, so seeds printed before the rewrite still reproduce the same runs.
const SEP = "\u241f";

test("createRng(seed, stream).next() draws exactly seedrandom.alea(key).double()", () => {
  const seeds: (number | string)[] = [0, 1, 42, -7, 3.25, 1e21, "", "42/run/17", "ünïcödé ✓", "x".repeat(300)];
  for (let i = 0; i < 200; i++) seeds.push(`42/run/${i * 7919}`);
  for (const seed of seeds) {
    for (const stream of [undefined, "loss", "node:S"]) {
      const key = stream === undefined ? String(seed) : String(seed) + SEP + stream;
      const reference = seedrandom.alea(key).double;
      const ours = createRng(seed, stream);
      for (let k = 0; k < 100; k++) assert.equal(ours.next(), reference(), `seed ${JSON.stringify(seed)} stream ${stream} draw ${k}`);
    }
  }
});

test("createRng(seed).next() matches seedrandom over a long stream", () => {
  const reference = seedrandom.alea("long");
  const ours = createRng("long");
  for (let k = 0; k < 200_000; k++) {
    const want = reference.double();
    const got = ours.next();
    if (got !== want) assert.fail(`draw ${k}: got ${got}, want ${want}`);
  }
});

test("createRng(seed).int(n) matches floor(seedrandom double * n)", () => {
  const reference = seedrandom.alea("ints").double;
  const ours = createRng("ints");
  for (let k = 0; k < 1000; k++) assert.equal(ours.int(6), Math.floor(reference() * 6));
});
