/**
 * What one client-server run did, read from its trace alone: the client's transmissions and ACKs
 * are the trace's messages, the server's executions its `execute` records, give-ups the client's
 * `give-up` records.
 */
import type { Trace } from "../sim/trace";
import type { ClientServerProtocol, ClientServerSettings } from "./client-server-options";
import type { Outcome, ProtocolRun } from "./protocol-run";

/** What the reading needs of a message (a ClientServerMessage of client-server.ts). */
interface Payload { kind: "cmd" | "ack"; cmd: number }

/** What happened in one run. Arrays are indexed by command number (0-based). */
export interface ClientServerResult extends ProtocolRun<ClientServerResult> {
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

/**
 * @internal The outcome of a run, from its trace. A command's transmissions are the client's sends of
 * it; its latency runs from its first send to the first arrival of its ACK. That first ACK is always
 * the one that completes the command: the client works on command k from its first send until an
 * ACK of k arrives or it gives up on k, so an ACK can only be stale if the client gave up first
 * (then the command has no latency).
 */
export function readClientServer(trace: Trace, o: Pick<ClientServerSettings, "protocol" | "commands">): Outcome<ClientServerResult> {
  const n = o.commands;
  const transmissions: number[] = new Array(n).fill(0), firstSentMs: number[] = new Array(n).fill(NaN);
  const firstAckMs: number[] = new Array(n).fill(Infinity), executedTimes: number[] = new Array(n).fill(0);
  const lost = { cmd: 0, ack: 0 };
  for (const m of trace.messages()) {
    const { kind, cmd: k } = m.payload as Payload;
    if (m.fate === "lost") lost[kind]++;
    if (kind === "cmd" && !m.duplicate && transmissions[k]++ === 0) firstSentMs[k] = m.sendMs;
    if (kind === "ack" && m.deliverMs !== null) firstAckMs[k] = Math.min(firstAckMs[k], m.deliverMs);
  }
  const gaveUp = new Set(trace.records<{ cmd: number }>("give-up").map((r) => r.detail.cmd));
  const latencyMs = firstAckMs.map((t, k) => (t === Infinity || gaveUp.has(k) ? NaN : t - firstSentMs[k]));
  const order = trace.records<{ cmd: number }>("execute").map((r) => r.detail.cmd);
  for (const k of order) executedTimes[k]++;
  let delivered = 0;
  for (const e of executedTimes) if (e > 0) delivered++;
  let reordered = false;
  for (let i = 1, max = -1; i < order.length; i++) {
    max = Math.max(max, order[i - 1]);
    if (order[i] < max) { reordered = true; break; }
  }
  return {
    protocol: o.protocol, commands: n, delivered, executions: order.length, duplicates: order.length - delivered,
    transmissions, latencyMs, executedTimes, order, reordered, lost, endMs: trace.summary().endMs,
  };
}
