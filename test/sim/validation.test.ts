import { test } from "node:test";
import assert from "node:assert/strict";
import { createWorld } from "../../src/sim/world";
import { WorldOptions } from "../../src/sim/options";
import { exponential } from "../../src/random/distributions";

const ok: WorldOptions = { seed: 1, nodes: ["A", "B"] };
const bad = (extra: Partial<WorldOptions> | Record<string, unknown>, re: RegExp) =>
  assert.throws(() => createWorld({ ...ok, ...extra } as WorldOptions), re);

test("createWorld(options) errors name the parameter, value and valid range", () => {
  bad({ nodes: [] }, /nodes must be a non-empty array of names; got \[\]/);
  bad({ nodes: ["A", "A"] }, /nodes must be an array of distinct names \("A" repeats\)/);
  bad({ seed: NaN }, /seed must be a finite number or a string; got NaN/);
  bad({ network: { lossRate: 1.5 } }, /network.lossRate must be a number in \[0, 1\]; got 1.5/);
  bad({ network: { duplicateRate: -0.1 } }, /network.duplicateRate must be a number in \[0, 1\]; got -0.1/);
  bad({ network: { delayMs: exponential(-3) } }, /network.delayMs.mean must be a finite number > 0; got -3/);
  bad({ network: { delayMs: NaN } }, /network.delayMs must be a finite number.*got NaN/);
  bad({ network: { links: { "A->Z": { lossRate: 0.1 } } } }, /network.links\["A->Z"\] to must be one of the known nodes "A", "B"; got "Z"/);
  bad({ network: { links: { "A->B": { lossRate: 2 } } } }, /network.links\["A->B"\].lossRate must be a number in \[0, 1\]; got 2/);
  bad({ network: { lossrate: 0.1 } as never }, /network has an unknown option "lossrate"/);
  bad({ speeds: { A: 0 } }, /speeds.A must be a finite number > 0; got 0/);
  bad({ speeds: { Q: 1 } }, /speeds key must be one of the known nodes "A", "B"; got "Q"/);
  bad({ maxEvents: -5 }, /maxEvents must be an integer/);
});

test("createWorld(options) fault schedule errors name the entry", () => {
  bad({ faults: [{ at: 50, crash: "S2" }] }, /faults\[0\].crash must be one of the known nodes "A", "B"; got "S2"/);
  bad({ faults: [{ at: -1, crash: "A" }] }, /faults\[0\].at must be a finite number in \[0, Infinity\); got -1/);
  bad({ faults: [{ at: 1, partition: [["A"], ["A", "B"]] }] }, /"A" repeats/);
  bad({ faults: [{ at: 1, block: { from: "A", to: "X" } }] }, /faults\[0\].block.to must be one of the known nodes/);
  bad({ faults: [{ at: 1, crash: "A", recover: "B" }] as never }, /faults\[0\] must be an object with exactly one of/);
  bad({ interventions: [{ dropMessage: 0 }] }, /interventions\[0\].dropMessage must be an integer in \[1/);
});

test("ctx.send(to) and run(options) validate their arguments", () => {
  const w = createWorld({ ...ok, handlers: { A: { init(ctx) { ctx.send("Z", "x"); } } } });
  assert.throws(() => w.run(), /send\(to\) must be one of the known nodes "A", "B"; got "Z"/);
  const w2 = createWorld({ ...ok, handlers: { A: { init(ctx) { ctx.setTimer(-1); } } } });
  assert.throws(() => w2.run(), /setTimer\(delayMs\) must be a finite number in \[0, Infinity\); got -1/);
  assert.throws(() => createWorld(ok).run({ untilMs: NaN }), /untilMs must be a finite number.*got NaN/);
  assert.throws(() => createWorld(ok).run({ until: 5 } as never), /unknown option "until"/);
  assert.throws(() => createWorld({ ...ok, handlers: { Q: {} } }), /handlers key must be one of the known nodes/);
});
