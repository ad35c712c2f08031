import { test } from "node:test";
import assert from "node:assert/strict";
import * as kinds from "../../src/sim/trace-kinds";
import { createWorld } from "../../src/sim/world";

test("trace-kinds: every named code is the position of its name in the table", () => {
  const { TRACE_KINDS, DROP_REASONS, MESSAGE_FATES } = kinds;
  const k = (name: string) => (kinds as unknown as Record<string, number>)[`K_${name.toUpperCase().replace(/-/g, "_")}`];
  for (const [i, name] of TRACE_KINDS.entries()) assert.equal(k(name), i, name);
  assert.deepEqual([kinds.R_LOSS, kinds.R_PARTITION, kinds.R_CRASHED, kinds.R_HELD_PARTITION, kinds.R_HELD_CRASHED, kinds.R_INTERVENTION],
    [0, 1, 2, 3, 4, 5]);
  assert.equal(DROP_REASONS.length, 6);
  assert.deepEqual([kinds.FATE_IN_FLIGHT, kinds.FATE_HELD, kinds.FATE_DELIVERED], [0, 1, 2]);
  // A dropped copy's fate is FATE_DROPPED + its reason: "lost" for "loss", the reason's own name otherwise.
  DROP_REASONS.forEach((r, i) => assert.equal(MESSAGE_FATES[kinds.FATE_DROPPED + i], r === "loss" ? "lost" : r));
  assert.equal(MESSAGE_FATES.length, kinds.FATE_DROPPED + DROP_REASONS.length);
});

test("trace-kinds: a trace's rows, reasons and fates are named from the table", () => {
  const w = createWorld({ seed: 1, nodes: ["A", "B"], network: { lossRate: 0.5 },
    faults: [{ at: 0, hold: { from: "A", to: "B" } }, { at: 5, crash: "B" }, { at: 6, release: { from: "A", to: "B" } }],
    handlers: { A: { init(ctx) { for (let i = 0; i < 8; i++) ctx.send("B", "m"); ctx.record("sent"); } } } });
  const t = w.run();
  const rows = t.rows();
  for (const r of rows) assert.ok(kinds.TRACE_KINDS.includes(r.kind), r.kind);
  assert.deepEqual([...new Set(rows.filter((r) => r.kind === "drop").map((r) => r.reason))].sort(), ["held-then-crashed", "loss"]);
  assert.deepEqual([...new Set(t.messages().map((m) => m.fate))].sort(), ["held-then-crashed", "lost"]);
  assert.ok(rows.some((r) => r.kind === "held") && rows.some((r) => r.kind === "hold") && rows.some((r) => r.kind === "record"));
});
