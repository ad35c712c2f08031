import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { createWorld } from "../../src/sim/world";
import type { WorldOptions } from "../../src/sim/options";
import { corruptPayload } from "../../src/sim/corrupt";
import { createRng } from "../../src/random/rng";
import { exponential } from "../../src/random/distributions";
import { sequenceRows } from "../../src/views/sequence-rows";

/** A sends `count` payloads to B at once; B answers each one; nobody looks at the content. */
const chatter = (network: WorldOptions["network"], count = 200): WorldOptions => ({
  seed: 5, nodes: ["A", "B"], network,
  handlers: {
    A: { init(ctx) { for (let i = 0; i < count; i++) ctx.send("B", { type: "cmd", k: i, text: `c${i}`, ok: true }); } },
    B: { onMessage(ctx, msg) { ctx.send("A", { type: "ack", k: msg.payload.k }); } },
  },
});

test("createWorld: corruptRate 0 (global or per link) leaves every trace byte-identical, loss, delay and duplicate draws included", () => {
  const base = { delayMs: exponential(5), lossRate: 0.2, duplicateRate: 0.1 };
  const plain = createWorld(chatter(base)).run().hash();
  assert.equal(createWorld(chatter({ ...base, corruptRate: 0 })).run().hash(), plain);
  assert.equal(createWorld(chatter({ ...base, links: { "A<->B": { corruptRate: 0 } } })).run().hash(), plain);
  assert.notEqual(createWorld(chatter({ ...base, corruptRate: 0.5 })).run().hash(), plain);
});

test("createWorld: corruption has its own stream, so it changes no send, delivery, loss or duplication", () => {
  const base = { delayMs: exponential(5), lossRate: 0.2, duplicateRate: 0.1 };
  const shape = (o: WorldOptions) => createWorld(o).run().messages().map((m) => [m.from, m.to, m.sendMs, m.deliverMs, m.dropMs, m.fate, m.copyOf]);
  assert.deepEqual(shape(chatter({ ...base, corruptRate: 0.3 })), shape(chatter(base)));
});

test("createWorld: with corruptRate 1 every copy arrives altered, is marked and logged, and the sender's payload is untouched", () => {
  const sent: unknown[] = [];
  const t = createWorld({ seed: 1, nodes: ["A", "B"], network: { corruptRate: 1 }, handlers: {
    A: { init(ctx) { for (let i = 0; i < 20; i++) { const p = { type: "cmd", k: i }; sent.push(p); ctx.send("B", p); } } },
  } }).run();
  const messages = t.messages();
  assert.equal(messages.length, 20);
  messages.forEach((m, i) => {
    assert.equal(m.corrupted, true);
    assert.notDeepEqual(m.payload, { type: "cmd", k: i });
    assert.deepEqual(sent[i], { type: "cmd", k: i });
  });
  assert.deepEqual(t.rows().filter((r) => r.kind === "corrupt").map((r) => r.msgId), messages.map((m) => m.id));
  assert.deepEqual([...new Set(sequenceRows(t).messages.map((m) => m.fate))], ["corrupted"]);
});

test("createWorld: the share of corrupted copies follows corruptRate within 4 standard errors; a per-link rate overrides the global one", () => {
  const p = 0.25;
  const t = createWorld(chatter({ corruptRate: p, links: { "B->A": { corruptRate: 0 } } }, 4000)).run();
  const out = t.messages().filter((m) => m.from === "A"), back = t.messages().filter((m) => m.from === "B");
  const share = out.filter((m) => m.corrupted).length / out.length;
  assert.ok(Math.abs(share - p) <= 4 * Math.sqrt((p * (1 - p)) / out.length), String(share));
  assert.equal(back.filter((m) => m.corrupted).length, 0);
});

test("corruptPayload(payload, rng) changes exactly one primitive value and nothing else (property)", () => {
  const leaves = (v: unknown, path = ""): [string, unknown][] =>
    v !== null && typeof v === "object" ? Object.entries(v).flatMap(([k, x]) => leaves(x, `${path}/${k}`)) : v === null ? [] : [[path, v]];
  const json = fc.jsonValue({ maxDepth: 3 }).filter((v) => !Object.is(v, -0));
  fc.assert(fc.property(json, fc.integer({ min: 0, max: 1e6 }), (payload, seed) => {
    const before = JSON.stringify(payload);
    const out = corruptPayload(payload, createRng(seed, "corrupt"));
    assert.equal(JSON.stringify(payload), before); // the original is untouched
    const a = leaves(payload), b = leaves(out);
    if (a.length === 0) return assert.equal(out, null);
    assert.deepEqual(b.map(([k]) => k), a.map(([k]) => k));
    assert.equal(a.filter(([, x], i) => !Object.is(x, b[i][1])).length, 1);
  }), { numRuns: 300 });
});
