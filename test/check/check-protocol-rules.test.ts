import { test } from "node:test";
import assert from "node:assert/strict";
import { checkProtocol } from "../../src/check/check-protocol";
import type { NodeHandlers } from "../../src/sim/context";
import { twoPhaseNodes } from "../../src/protocols/two-phase";

const ping = (server: NodeHandlers): Parameters<typeof checkProtocol>[0] => ({
  nodes: ["u1", "s1"],
  handlers: { u1: { init(ctx) { ctx.send("s1", { type: "ping", n: 1 }); } }, s1: server },
});

test("a handler that throws: the result names the node, the message and the schedule, and carries it as a trace", () => {
  const r = checkProtocol(ping({ onMessage(_ctx, msg) { if (msg.payload.n === 1) throw new Error("boom"); } }));
  assert.equal(r.verdict, "violated");
  assert.match(r.error ?? "", /checkProtocol: s1's onMessage\(\{"type":"ping","n":1\} from u1 to s1\) threw: boom; schedule: 1\. u1 -> s1: ping/);
  assert.equal(r.counterexample?.property, "handlers do not throw");
  assert.equal(r.counterexample?.trace.messages()[0].fate, "delivered");
});

test("randomness, the clock and payload changes are refused with clear errors; allowRandom counts the draws", () => {
  assert.throws(() => checkProtocol(ping({ onMessage(ctx) { ctx.state.x = ctx.rng.next(); } })),
    /checkProtocol: s1's onMessage\(.*\): s1 used ctx.rng; a check explores every schedule.*allowRandom: true; schedule: 1\. u1 -> s1: ping/);
  assert.throws(() => checkProtocol(ping({ onMessage(ctx) { ctx.state.x = Math.random(); } })), /s1 called Math.random\(\)/);
  assert.throws(() => checkProtocol(ping({ onMessage(ctx) { ctx.state.x = Date.now(); } })), /s1 called Date.now\(\); time is abstracted/);
  assert.throws(() => checkProtocol(ping({ onMessage(_ctx, msg) { msg.payload.n = 2; } })), /s1's onMessage changed a message payload or timer tag/);
  const r = checkProtocol({ ...ping({ onMessage(ctx) { ctx.setTimer(ctx.rng.next() * 10, "t"); } }), allowRandom: true });
  assert.equal(r.verdict, "holds");
  assert.equal(r.randomDraws > 0, true);
});

test("a handler that changes something outside ctx.state is caught by running the step twice", () => {
  let count = 0;
  assert.throws(() => checkProtocol(ping({ onMessage(ctx) { ctx.state.seen = ++count; } })), /the handlers are not deterministic/);
});

test("done: a state where nothing can happen and the protocol is not done is stuck (a deadlock)", () => {
  // Two clients lock two servers in opposite orders (rotated requests, queueing servers): a deadlock.
  const nodes = twoPhaseNodes({ clients: 2, servers: 2, lockRequests: "sequential", lockOrder: "rotated", onConflict: "wait", backoff: "fixed" });
  const done = (v: Parameters<NonNullable<Parameters<typeof checkProtocol>[0]["done"]>>[0]) => v.records("commit").length === 2;
  const r = checkProtocol({ ...nodes, history: ["commit"], done });
  assert.equal(r.properties.find((p) => p.name === "not stuck")?.status, "violated");
  assert.ok((r.counterexample?.schedule.length ?? 0) > 0);
});

test("fifo links deliver in send order; unordered ones in any order", () => {
  const two = (network: "fifo" | "unordered") => {
    const orders = new Set<string>();
    checkProtocol({ nodes: ["u1", "s1"], network, history: ["got"],
      handlers: { u1: { init(ctx) { ctx.send("s1", "a"); ctx.send("s1", "b"); } }, s1: { onMessage(ctx, msg) { ctx.record("got", msg.payload); } } },
      invariants: { collect: (v) => { orders.add(v.records("got").map((r) => r.detail).join("")); return true; } } });
    return [...orders].filter((o) => o.length === 2).sort();
  };
  assert.deepEqual(two("fifo"), ["ab"]);
  assert.deepEqual(two("unordered"), ["ab", "ba"]);
});
