/**
 * What one client-server run did, read from its trace alone: the client's transmissions and ACKs
 * are the trace's messages (read from their labels, "cmd k" and "ack k", which are what was sent even
 * when the payload arrived corrupted), the server's executions its `execute` records, give-ups the
 * client's `give-up` records, discarded messages the `discard` records.
 */
import type { Trace } from "../sim/trace";
import type { ClientServerProtocol, ClientServerSettings } from "./client-server-options";
import type { Outcome, ProtocolRun } from "./protocol-run";

/** What a message was sent as, from its label ("cmd 3", "ack 3"). */
const sentAs = (label: string) => {
  const [kind, k] = label.split(" ");
  return { kind: kind as "cmd" | "ack", cmd: Number(k) };
};

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
  /** Messages that arrived corrupted (network corruptRate), by kind. */
  corrupted: { cmd: number; ack: number };
  /** Messages a receiver discarded because their checksum did not match (option checksum). */
  discarded: number;
  /** Executions of a command number that a corrupted message made up (the command sent was another one). */
  wrongExecutions: number;
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
  const lost = { cmd: 0, ack: 0 }, corrupted = { cmd: 0, ack: 0 };
  const messages = trace.messages();
  for (const m of messages) {
    const { kind, cmd: k } = sentAs(m.label);
    if (m.fate === "lost") lost[kind]++;
    if (m.corrupted && m.fate === "delivered") corrupted[kind]++;
    if (kind === "cmd" && !m.duplicate && transmissions[k]++ === 0) firstSentMs[k] = m.sendMs;
    if (kind === "ack" && m.deliverMs !== null) firstAckMs[k] = Math.min(firstAckMs[k], m.deliverMs);
  }
  const gaveUp = new Set(trace.records<{ cmd: number }>("give-up").map((r) => r.detail.cmd));
  const latencyMs = firstAckMs.map((t, k) => (t === Infinity || gaveUp.has(k) ? NaN : t - firstSentMs[k]));
  const order = trace.records<{ cmd: number }>("execute").map((r) => r.detail.cmd);
  for (const k of order) if (k >= 0 && k < n) executedTimes[k]++;
  // An execution is wrong when the message it handled arrived with another command number than it was sent with.
  let wrongExecutions = 0, deliveredId = 0;
  for (const r of trace.rows()) {
    if (r.kind === "deliver") deliveredId = r.msgId as number;
    else if (r.kind === "record" && r.label === "execute") {
      const m = messages[deliveredId - 1];
      if (m.corrupted && (m.payload as { cmd?: unknown }).cmd !== sentAs(m.label).cmd) wrongExecutions++;
    }
  }
  let delivered = 0;
  for (const e of executedTimes) if (e > 0) delivered++;
  let reordered = false;
  for (let i = 1, max = -1; i < order.length; i++) {
    max = Math.max(max, order[i - 1]);
    if (order[i] < max) { reordered = true; break; }
  }
  return {
    protocol: o.protocol, commands: n, delivered, executions: order.length, duplicates: order.length - delivered,
    transmissions, latencyMs, executedTimes, order, reordered, lost, corrupted, discarded: trace.records("discard").length, wrongExecutions,
    endMs: trace.summary().endMs,
  };
}
