/**
 * One client, one server (Wattenhofer, "Fault-Tolerance & Paxos"): the naive protocol, the protocol
 * with acknowledgments and retransmission, and the same with sequence numbers.
 *
 * - `"naive"`: the client sends command k at time k * intervalMs and never looks back; the server
 *   executes whatever arrives.
 * - `"ack"`: the client sends one command at a time; the server executes every copy it receives and
 *   acknowledges it (the ACK names the command); if no ACK arrives within timeoutMs, the client sends
 *   the same command again. A lost ACK therefore makes the server execute a command twice.
 * - `"seq"`: as "ack", but the server remembers the highest command number it executed and skips
 *   (still acknowledging) any copy it has already executed: no duplicate executions.
 *
 * Nodes are named "client" and "server". The client's state: `transmissions`, `firstSentMs`,
 * `latencyMs` per command; the server's: `executions` per command and `order` (command numbers in
 * execution order). Messages are labelled "cmd k" and "ack k" in the trace; each execution is recorded
 * as `execute` with `{ cmd }` (and, with "seq", each skipped copy as `skip duplicate`).
 */
import type { DistributionLike } from "../random/distributions";
import type { Seed } from "../random/rng";
import { createWorld, type World } from "../sim/world";
import { type NodeContext } from "../sim/context";
import { checkInteger, checkKeys, checkOneOf, checkPositive, checkProbability, fail } from "../validate";

/** The three variants of the one-client protocol. */
export const CLIENT_SERVER_PROTOCOLS = ["naive", "ack", "seq"] as const;
/** A variant: "naive", "ack" (acknowledgments + retransmission) or "seq" (plus sequence numbers). */
export type ClientServerProtocol = (typeof CLIENT_SERVER_PROTOCOLS)[number];

/** Options for {@link clientServerWorld} and {@link runClientServer}. */
export interface ClientServerOptions {
  /** Seed of the world (loss and delay draws). */
  seed: Seed;
  /** Which protocol. @defaultValue "ack" */
  protocol?: ClientServerProtocol;
  /** How many commands the client sends, an integer in [1, 100000]. @defaultValue 10 */
  commands?: number;
  /** Probability that a command message is lost (and an ACK, unless ackLossRate is given). @defaultValue 0 */
  lossRate?: number;
  /** Probability that an ACK is lost. @defaultValue lossRate */
  ackLossRate?: number;
  /** One-way delay of each message in ms: a number (constant) or a distribution. @defaultValue 10 */
  delayMs?: DistributionLike;
  /** Probability that the network delivers an extra copy of a message. @defaultValue 0 */
  duplicateRate?: number;
  /** "ack"/"seq": time the client waits for an ACK before resending, in ms (> 0). @defaultValue 50 */
  timeoutMs?: number;
  /** "naive": time between two commands, in ms (> 0). @defaultValue 10 */
  intervalMs?: number;
  /** "ack"/"seq": the client gives up on a command after this many transmissions. @defaultValue 1000 */
  maxTransmissions?: number;
}

/** What happened in one run. Arrays are indexed by command number (0-based). */
export interface ClientServerResult {
  protocol: ClientServerProtocol;
  commands: number;
  /** Commands the server executed at least once. */
  delivered: number;
  /** Executions in total (delivered + duplicates). */
  executions: number;
  /** Executions beyond the first of each command. */
  duplicates: number;
  /** Per command: how many times the client sent it (1 for "naive"). */
  transmissions: number[];
  /** Per command: first send to ACK received, in ms; NaN if never acknowledged ("naive": always NaN). */
  latencyMs: number[];
  /** Per command: how many times the server executed it. */
  executedTimes: number[];
  /** Command numbers in the order the server executed them. */
  order: number[];
  /** True if the server executed some command after a later one (an old copy arrived late). */
  reordered: boolean;
  /** Messages lost in the network, by kind. */
  lost: { cmd: number; ack: number };
  /** Virtual time when the run ended, in ms. */
  endMs: number;
}

interface ClientState { cmd: number; timer: number; transmissions: number[]; firstSentMs: number[]; latencyMs: number[]; acksReceived: number }
interface ServerState { protocol: ClientServerProtocol; last: number; executions: number[]; order: number[]; received: number; acksSent: number }
/** A command or an ACK as it travels; `type` ("cmd 3", "ack 3") labels it in the trace. */
interface Msg { type: string; kind: "cmd" | "ack"; cmd: number }

const KEYS = ["seed", "protocol", "commands", "lossRate", "ackLossRate", "delayMs", "duplicateRate", "timeoutMs", "intervalMs", "maxTransmissions"];

/** @internal Validated options with defaults filled in. */
function normalize(options: ClientServerOptions) {
  if (options === null || typeof options !== "object") fail("clientServer options", options, "an object");
  checkKeys("clientServer options", options, KEYS);
  const lossRate = checkProbability("lossRate", options.lossRate ?? 0);
  return {
    protocol: checkOneOf("protocol", options.protocol ?? "ack", CLIENT_SERVER_PROTOCOLS),
    commands: checkInteger("commands", options.commands ?? 10, 1, 100_000),
    lossRate,
    ackLossRate: checkProbability("ackLossRate", options.ackLossRate ?? lossRate),
    timeoutMs: checkPositive("timeoutMs", options.timeoutMs ?? 50),
    intervalMs: checkPositive("intervalMs", options.intervalMs ?? 10),
    maxTransmissions: checkInteger("maxTransmissions", options.maxTransmissions ?? 1000, 1),
  };
}

/**
 * An unrun world with the chosen protocol installed on nodes "client" and "server". Run it with
 * `world.run()` (it stops by itself once every command is done), fork it with `world.fork(...)`, and
 * read the outcome with {@link clientServerOutcome}.
 * @example
 * const world = clientServerWorld({ seed: 42, protocol: "ack", lossRate: 0.2 });
 * world.run();
 * clientServerOutcome(world).duplicates;
 */
export function clientServerWorld(options: ClientServerOptions): World {
  const o = normalize(options);
  const n = o.commands;
  const sendCmd = (ctx: NodeContext<ClientState, Msg>) => {
    const s = ctx.state, k = s.cmd;
    if (s.transmissions[k] === 0) s.firstSentMs[k] = ctx.now;
    s.transmissions[k]++;
    ctx.send("server", { type: `cmd ${k}`, kind: "cmd", cmd: k });
    if (o.protocol !== "naive") s.timer = ctx.setTimer(o.timeoutMs, "timeout");
  };
  const next = (ctx: NodeContext<ClientState, Msg>) => {
    if (++ctx.state.cmd < n) sendCmd(ctx);
  };
  const client = {
    init(ctx: NodeContext<ClientState, Msg>) {
      ctx.state = { cmd: 0, timer: 0, transmissions: new Array(n).fill(0), firstSentMs: new Array(n).fill(NaN), latencyMs: new Array(n).fill(NaN), acksReceived: 0 };
      sendCmd(ctx);
      if (o.protocol === "naive" && n > 1) ctx.setTimer(o.intervalMs, "next");
    },
    onMessage(ctx: NodeContext<ClientState, Msg>, msg: { payload: Msg }) {
      const s = ctx.state, k = msg.payload.cmd;
      s.acksReceived++;
      if (msg.payload.kind !== "ack" || k !== s.cmd) return; // a stale ACK of an earlier command
      ctx.cancelTimer(s.timer);
      s.latencyMs[k] = ctx.now - s.firstSentMs[k];
      next(ctx);
    },
    onTimer(ctx: NodeContext<ClientState, Msg>, tag: string) {
      if (tag === "next") {
        next(ctx);
        if (ctx.state.cmd < n - 1) ctx.setTimer(o.intervalMs, "next");
      } else if (ctx.state.transmissions[ctx.state.cmd] < o.maxTransmissions) {
        sendCmd(ctx);
      } else {
        ctx.record("give-up", { cmd: ctx.state.cmd });
        next(ctx);
      }
    },
  };
  const server = {
    init(ctx: NodeContext<ServerState, Msg>) {
      ctx.state = { protocol: o.protocol, last: -1, executions: new Array(n).fill(0), order: [], received: 0, acksSent: 0 };
    },
    onMessage(ctx: NodeContext<ServerState, Msg>, msg: { from: string; payload: Msg }) {
      const s = ctx.state, k = msg.payload.cmd;
      s.received++;
      if (o.protocol !== "seq" || k > s.last) {
        s.executions[k]++;
        s.order.push(k);
        if (k > s.last) s.last = k;
        ctx.record("execute", { cmd: k });
      } else {
        ctx.record("skip duplicate", { cmd: k });
      }
      if (o.protocol !== "naive") {
        s.acksSent++;
        ctx.send(msg.from, { type: `ack ${k}`, kind: "ack", cmd: k });
      }
    },
  };
  return createWorld({
    seed: options.seed,
    nodes: ["client", "server"],
    network: {
      delayMs: options.delayMs ?? 10,
      duplicateRate: options.duplicateRate ?? 0,
      links: { "client->server": { lossRate: o.lossRate }, "server->client": { lossRate: o.ackLossRate } },
    },
    handlers: { client, server },
  });
}

/** Reads the outcome of a world built by {@link clientServerWorld} (after, or during, a run). */
export function clientServerOutcome(world: World): ClientServerResult {
  const c = world.context("client").state as ClientState;
  const s = world.context("server").state as ServerState;
  if (!c.transmissions || !s.executions) throw new Error("clientServerOutcome(world): run the world first (world.run())");
  const n = c.transmissions.length;
  let delivered = 0, executions = 0;
  for (const e of s.executions) { executions += e; if (e > 0) delivered++; }
  let reordered = false;
  for (let i = 1, max = -1; i < s.order.length; i++) {
    max = Math.max(max, s.order[i - 1]);
    if (s.order[i] < max) { reordered = true; break; }
  }
  const lost = { cmd: 0, ack: 0 };
  const summary = world.trace.summary();
  if (summary.duplicated === 0 && summary.inFlight === 0) {
    // Every copy was delivered or lost: the counts follow from what each side sent and received.
    let sent = 0;
    for (const t of c.transmissions) sent += t;
    lost.cmd = sent - s.received;
    lost.ack = s.acksSent - c.acksReceived;
  } else {
    for (const m of world.trace.messages()) if (m.fate === "lost") lost[(m.payload as Msg).kind]++;
  }
  return {
    protocol: s.protocol,
    commands: n, delivered, executions, duplicates: executions - delivered,
    transmissions: c.transmissions.slice(), latencyMs: c.latencyMs.slice(), executedTimes: s.executions.slice(),
    order: s.order.slice(), reordered, lost, endMs: world.now,
  };
}

/**
 * Builds the world, runs it to the end and returns the outcome: the one call for Monte Carlo.
 * @example runClientServer({ seed: "42/run/0", protocol: "naive", lossRate: 0.1 }).delivered
 */
export function runClientServer(options: ClientServerOptions): ClientServerResult {
  const world = clientServerWorld(options);
  world.run();
  return clientServerOutcome(world);
}
