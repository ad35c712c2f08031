/** Small seeded runs for the view tests: a client retrying commands against two servers, with faults. */
import { createWorld } from "../../src/sim/world";
import type { NodeContext, NodeHandlers } from "../../src/sim/context";
import type { FaultEvent, Intervention, NetworkOptions } from "../../src/sim/options";
import type { Trace } from "../../src/sim/trace";

interface ClientState { seq: number; acks: Set<string>; timer: number | null }

/**
 * u1 sends command k (`{ type: "cmd", seq: k, to: [...] }`) to s1 and s2 and resends to both every
 * 25 ms until both acknowledge; then k + 1, up to `commands`. The client records `issue` and `commit`
 * `{ cmd: k }`; a server records `execute` `{ cmd: k }` and acknowledges with
 * `{ type: "ack", seq: k, by: name, stored: null }`.
 */
export function retryWorld(options: {
  seed: number; network?: NetworkOptions; faults?: FaultEvent[]; interventions?: Intervention[]; commands?: number; untilMs?: number;
}): Trace {
  const commands = options.commands ?? 4;
  const servers = ["s1", "s2"];
  const issue = (ctx: NodeContext<ClientState>) => {
    ctx.record("issue", { cmd: ctx.state.seq });
    send(ctx);
  };
  const send = (ctx: NodeContext<ClientState>) => {
    for (const s of servers) if (!ctx.state.acks.has(s)) ctx.send(s, { type: "cmd", seq: ctx.state.seq, to: servers });
    ctx.state.timer = ctx.setTimer(25, "retry");
  };
  const client: NodeHandlers<ClientState> = {
    init(ctx) { ctx.state = { seq: 0, acks: new Set(), timer: null }; issue(ctx); },
    onMessage(ctx, msg) {
      const m = msg.payload as { seq: number; by: string };
      if (m.seq !== ctx.state.seq) return;
      ctx.state.acks.add(m.by);
      if (ctx.state.acks.size < servers.length) return;
      if (ctx.state.timer !== null) ctx.cancelTimer(ctx.state.timer);
      ctx.state.acks = new Set();
      ctx.record("commit", { cmd: ctx.state.seq });
      if (++ctx.state.seq < commands) issue(ctx);
    },
    onTimer(ctx) { send(ctx); },
  };
  const server: NodeHandlers = {
    onMessage(ctx, msg) {
      const m = msg.payload as { seq: number };
      ctx.record("execute", { cmd: m.seq });
      ctx.send(msg.from, { type: "ack", seq: m.seq, by: ctx.name, stored: null });
    },
  };
  const world = createWorld({
    seed: options.seed, nodes: ["u1", "s1", "s2"], handlers: { u1: client, s1: server, s2: server },
    network: options.network ?? { delayMs: 10 }, faults: options.faults ?? [], interventions: options.interventions ?? [],
  });
  return world.run({ untilMs: options.untilMs ?? 400 });
}

/** Every engine fate in one run (seed 2): crashes, a partition, holds released into a partition and onto a crashed node, a hold still on at the end, a dropped message. */
export function everyFateTrace(): Trace {
  return retryWorld({
    seed: 2, commands: 100, untilMs: 395, network: { delayMs: 10, lossRate: 0.1, duplicateRate: 0.1 }, interventions: [{ dropMessage: 3 }],
    faults: [
      { at: 60, crash: "s1" }, { at: 120, recover: "s1" },
      { at: 140, hold: { from: "u1", to: "s2" } }, { at: 150, partition: [["u1", "s1"], ["s2"]] },
      { at: 170, release: { from: "u1", to: "s2" } }, { at: 200, heal: true },
      { at: 250, hold: { from: "u1", to: "s1" } }, { at: 260, crash: "s1" }, { at: 280, release: { from: "u1", to: "s1" } },
      { at: 300, recover: "s1" }, { at: 350, hold: { from: "u1", to: "s2" } },
    ],
  });
}
