/**
 * One client, one server (Wattenhofer, "Fault-Tolerance & Paxos"), in the chapter's three steps:
 *
 * 1. `"naive"`, Algorithm "Naive Client-Server": the client sends command k at time k * intervalMs
 *    and never looks back; the server executes whatever arrives.
 * 2. `"ack"`, Algorithm "Client-Server with Acknowledgments": the client sends one command at a
 *    time; the server executes every copy it receives and acknowledges it (the ACK names the
 *    command); if no ACK arrives within timeoutMs, the client sends the same command again. A lost
 *    ACK therefore makes the server execute a command twice.
 * 3. `"seq"`, sequence numbers (the remark that follows): as "ack", but the server remembers the
 *    highest command number it executed and skips (still acknowledging) any copy it has already
 *    executed: no duplicate executions. Option `serverMemory` says where it remembers that number:
 *    in volatile state (the default), which a crash wipes, so after recovering the server executes
 *    again a copy of a command it executed before the crash; or on its disk (`ctx.persistent`).
 *
 * The client is node "u1", the server "s1". Messages are labelled "cmd k" and "ack k" in the trace;
 * the server records each execution as `execute` with `{ cmd }` (and, with "seq", each skipped copy
 * as `skip duplicate`); a client that runs out of transmissions records `give-up` with `{ cmd }`.
 * With `checksum`, every message carries a CRC-32 of its content (`sum`); a receiver discards a
 * message whose CRC does not match, recording `discard`: a corrupted message becomes a lost one.
 * Everything in the result is read from that trace (client-server-result.ts). `server: handlers`
 * runs your own server code in place of s1's (with the client of the chosen step).
 */
import { crc32 } from "zlib";
import type { NodeContext, NodeHandlers } from "../sim/context";
import { runProtocol, type ProtocolNodes } from "./protocol-run";
import { checkClientServerOptions, type ClientServerOptions, type ClientServerSettings } from "./client-server-options";
import { readClientServer, type ClientServerResult } from "./client-server-result";

export { CLIENT_SERVER_PROTOCOLS, SERVER_MEMORIES, type ClientServerOptions, type ClientServerProtocol, type ServerMemory } from "./client-server-options";
export type { ClientServerResult } from "./client-server-result";

/** The node names: clients are u1, u2, ... and servers s1, s2, ... in every protocol. */
const CLIENT = "u1", SERVER = "s1";

/** Command number `cmd` (0-based), from the client to the server; `sum`: its CRC-32 (option checksum). */
export interface CommandMessage { type: `cmd ${number}`; kind: "cmd"; cmd: number; sum?: number }
/** The server's acknowledgment of command `cmd` (steps 2 and 3 only); `sum`: its CRC-32 (option checksum). */
export interface AckMessage { type: `ack ${number}`; kind: "ack"; cmd: number; sum?: number }
/** Everything that travels between client and server; `type` labels it in the trace. */
export type ClientServerMessage = CommandMessage | AckMessage;

/** The client: the command it is working on, its transmissions so far, its retransmission timer. */
interface ClientState { cmd: number; sent: number; timer: number }
/**
 * The server's memory: the highest command number it executed (-1 before the first), used by step 3.
 * It lives in `ctx.state` or in `ctx.persistent`, as option serverMemory says.
 */
interface ServerMemoryState { last: number }

/** The CRC-32 of everything a message says but its checksum. */
const crcOf = (m: ClientServerMessage) => crc32(`${m.type}|${m.kind}|${m.cmd}`);
const sealed = <M extends ClientServerMessage>(m: M, checksum: boolean): M => (checksum ? { ...m, sum: crcOf(m) } : m);
/** With checksums on, whether a message arrived as it was sent (else it is discarded and recorded). */
const intact = (ctx: NodeContext<unknown, ClientServerMessage>, m: ClientServerMessage, checksum: boolean) => {
  if (!checksum || m.sum === crcOf(m)) return true;
  ctx.record("discard", {});
  return false;
};
const command = (cmd: number, checksum: boolean): CommandMessage => sealed({ type: `cmd ${cmd}`, kind: "cmd", cmd }, checksum);
const ack = (cmd: number, checksum: boolean): AckMessage => sealed({ type: `ack ${cmd}`, kind: "ack", cmd }, checksum);

/** The client's code for the chosen step. */
function clientHandlers(o: ClientServerSettings): NodeHandlers<ClientState, ClientServerMessage> {
  const retransmits = o.protocol !== "naive";
  /** Sends the current command (again). */
  const send = (ctx: NodeContext<ClientState, ClientServerMessage>) => {
    ctx.state.sent++;
    ctx.send(SERVER, command(ctx.state.cmd, o.checksum));
    // Step 2: wait for the ACK; resend when the timeout fires first.
    if (retransmits) ctx.state.timer = ctx.setTimer(o.timeoutMs, "timeout");
  };
  /** Moves on to the next command, if any. */
  const next = (ctx: NodeContext<ClientState, ClientServerMessage>) => {
    if (++ctx.state.cmd >= o.commands) return;
    ctx.state.sent = 0;
    send(ctx);
  };
  return {
    init(ctx) {
      ctx.state = { cmd: 0, sent: 0, timer: 0 };
      send(ctx);
      // Step 1: the next command follows after intervalMs, whatever happened to this one.
      if (!retransmits && o.commands > 1) ctx.setTimer(o.intervalMs, "next");
    },
    onMessage(ctx, msg) {
      if (!intact(ctx, msg.payload, o.checksum)) return;
      // Step 2: the ACK of the current command completes it (an ACK of an earlier one is stale).
      if (msg.payload.kind !== "ack" || msg.payload.cmd !== ctx.state.cmd) return;
      ctx.cancelTimer(ctx.state.timer);
      next(ctx);
    },
    onTimer(ctx, tag: "next" | "timeout") {
      if (tag === "next") {
        next(ctx);
        if (ctx.state.cmd < o.commands - 1) ctx.setTimer(o.intervalMs, "next");
      } else if (ctx.state.sent < o.maxTransmissions) {
        send(ctx); // step 2: no ACK in time, so send the same command again
      } else {
        ctx.record("give-up", { cmd: ctx.state.cmd });
        next(ctx);
      }
    },
  };
}

/** The server's code for the chosen step. */
function serverHandlers(o: ClientServerSettings): NodeHandlers<unknown, ClientServerMessage> {
  /** Where `last` is kept: volatile state (wiped by a crash) or the disk. */
  const memory = (ctx: NodeContext<unknown, ClientServerMessage>) =>
    (o.serverMemory === "persistent" ? ctx.persistent : ctx.state) as ServerMemoryState;
  return {
    init(ctx) {
      memory(ctx).last = -1;
    },
    onRecover(ctx) {
      // A recovered server has lost its volatile state: with serverMemory "volatile" it starts from nothing.
      if (o.serverMemory === "volatile") memory(ctx).last = -1;
    },
    onMessage(ctx, msg) {
      if (!intact(ctx, msg.payload, o.checksum)) return;
      const k = msg.payload.cmd, mem = memory(ctx);
      if (o.protocol === "seq" && k <= mem.last) {
        ctx.record("skip duplicate", { cmd: k }); // step 3: already executed, so only acknowledge it
      } else {
        mem.last = Math.max(mem.last, k);
        ctx.record("execute", { cmd: k }); // steps 1 and 2: execute every copy that arrives
      }
      if (o.protocol !== "naive") ctx.send(msg.from, ack(k, o.checksum)); // step 2: acknowledge every copy
    },
  };
}

function clientServerHandlers(o: ClientServerSettings): ProtocolNodes {
  return { nodes: [CLIENT, SERVER], handlers: { [CLIENT]: clientHandlers(o), [SERVER]: o.server ?? serverHandlers(o) } };
}

/**
 * The nodes (u1, s1) and handlers that {@link runClientServer} runs, for createWorld or checkProtocol
 * (network and run options are not needed; a check abstracts time, so use few maxTransmissions).
 * @example checkProtocol({ ...clientServerNodes({ protocol: "seq", commands: 1, maxTransmissions: 2 }), faults: { drops: 1 } })
 */
export function clientServerNodes(options: Omit<ClientServerOptions, "seed"> = {}): ProtocolNodes {
  return clientServerHandlers(checkClientServerOptions({ seed: 0, ...options }));
}

/**
 * Runs one client and one server with the chosen protocol until every command is done (or until
 * untilMs) and reads the outcome from the trace. The result carries the trace, and `fork(...)`
 * replays the same run with one intervention.
 * @example runClientServer({ seed: "42/run/0", protocol: "naive", lossRate: 0.1 }).delivered
 * @example
 * const base = runClientServer({ seed: 42, commands: 3 });
 * const dropped = base.fork({ dropMessage: base.trace.messages().find((m) => m.label === "ack 0")!.id });
 * dropped.executedTimes; // [2, 1, 1]: the lost ACK made the server execute command 0 twice
 */
export function runClientServer(options: ClientServerOptions): ClientServerResult {
  const o = checkClientServerOptions(options);
  const { nodes, handlers } = clientServerHandlers(o);
  const world = {
    seed: options.seed,
    nodes,
    network: {
      delayMs: options.delayMs ?? 10,
      duplicateRate: options.duplicateRate ?? 0,
      corruptRate: o.corruptRate,
      links: { [`${CLIENT}->${SERVER}`]: { lossRate: o.lossRate }, [`${SERVER}->${CLIENT}`]: { lossRate: o.ackLossRate } },
    },
    faults: options.faults,
    handlers,
  };
  return runProtocol<ClientServerResult>(world, (trace) => readClientServer(trace, o), { untilMs: o.untilMs });
}
