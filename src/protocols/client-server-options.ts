/**
 * The options of {@link runClientServer} (client-server.ts), their defaults and their validation.
 */
import type { DistributionLike } from "../random/distributions";
import type { Seed } from "../random/rng";
import type { NodeHandlers } from "../sim/context";
import type { FaultEvent } from "../sim/options";
import { checkRoleHandlers } from "./role-handlers";
import { checkInteger, checkKeys, checkNonNegative, checkOneOf, checkPositive, checkProbability, fail } from "../validate";

/** The chapter's three steps: naive, acknowledgments + retransmission, plus sequence numbers. */
export const CLIENT_SERVER_PROTOCOLS = ["naive", "ack", "seq"] as const;
/** A variant: "naive", "ack" (acknowledgments + retransmission) or "seq" (plus sequence numbers). */
export type ClientServerProtocol = (typeof CLIENT_SERVER_PROTOCOLS)[number];

/** Where the server keeps the highest command number it executed: its memory, or its disk. */
export const SERVER_MEMORIES = ["volatile", "persistent"] as const;
/** "volatile" (`ctx.state`: lost when the server crashes) or "persistent" (`ctx.persistent`: survives the crash). */
export type ServerMemory = (typeof SERVER_MEMORIES)[number];

/** Options for {@link runClientServer}. */
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
  /** Probability that a message (command or ACK) arrives corrupted: one value of it altered. @defaultValue 0 */
  corruptRate?: number;
  /** Each message carries a CRC-32 of its content; a receiver discards a message whose CRC does not match (recording `discard`), so corruption becomes loss. @defaultValue false */
  checksum?: boolean;
  /**
   * "seq": where the server keeps the highest command number it executed. "volatile": in `ctx.state`,
   * so a server that crashes and recovers starts again from nothing and executes a copy of a command
   * it executed before the crash once more; "persistent": in `ctx.persistent` (its disk), which
   * survives the crash. Not with `server` (your own server keeps its own memory). @defaultValue "volatile"
   */
  serverMemory?: ServerMemory;
  /** "ack"/"seq": time the client waits for an ACK before resending, in ms (> 0). @defaultValue 50 */
  timeoutMs?: number;
  /** "naive": time between two commands, in ms (> 0). @defaultValue 10 */
  intervalMs?: number;
  /** "ack"/"seq": the client gives up on a command after this many transmissions, in [1, 1000000]. @defaultValue 1000 */
  maxTransmissions?: number;
  /** Crashes and other faults of the client "u1" and the server "s1", e.g. `[{ at: 30, crash: "s1" }]`. @defaultValue [] */
  faults?: FaultEvent[];
  /** Stop the run at this virtual time in ms (>= 0). @defaultValue run until every command is done */
  untilMs?: number;
  /**
   * Your own server: these handlers replace the server s1's (the client is still the one of
   * `protocol`). It receives `{ type: "cmd k", kind: "cmd", cmd: k }` and must answer
   * `{ type: "ack k", kind: "ack", cmd: k }`, and records each execution with
   * `ctx.record("execute", { cmd: k })`. @defaultValue the server of `protocol`
   */
  server?: NodeHandlers<unknown, unknown>;
}

/** @internal Validated options with defaults filled in (what the handlers and the reading use). */
export interface ClientServerSettings {
  protocol: ClientServerProtocol;
  commands: number;
  lossRate: number;
  ackLossRate: number;
  timeoutMs: number;
  intervalMs: number;
  maxTransmissions: number;
  corruptRate: number;
  checksum: boolean;
  serverMemory: ServerMemory;
  untilMs: number | undefined;
  /** The caller's own server handlers, if any. */
  server: NodeHandlers<unknown, unknown> | undefined;
}

const KEYS = ["seed", "protocol", "commands", "lossRate", "ackLossRate", "delayMs", "duplicateRate", "corruptRate", "checksum",
  "serverMemory", "timeoutMs", "intervalMs", "maxTransmissions", "faults", "untilMs", "server"];

/**
 * @internal Checks the options once, at the entry point (seed, delayMs, duplicateRate and faults are
 * checked by createWorld, with the same parameter names).
 */
export function checkClientServerOptions(options: ClientServerOptions): ClientServerSettings {
  if (options === null || typeof options !== "object") fail("runClientServer options", options, "an object");
  checkKeys("runClientServer options", options, KEYS);
  const lossRate = checkProbability("lossRate", options.lossRate ?? 0);
  if (options.serverMemory !== undefined && options.server !== undefined) {
    fail("serverMemory", options.serverMemory, "left out when `server` is given (your own server keeps its own memory)");
  }
  return {
    protocol: checkOneOf("protocol", options.protocol ?? "ack", CLIENT_SERVER_PROTOCOLS),
    commands: checkInteger("commands", options.commands ?? 10, 1, 100_000),
    lossRate,
    ackLossRate: checkProbability("ackLossRate", options.ackLossRate ?? lossRate),
    timeoutMs: checkPositive("timeoutMs", options.timeoutMs ?? 50),
    intervalMs: checkPositive("intervalMs", options.intervalMs ?? 10),
    maxTransmissions: checkInteger("maxTransmissions", options.maxTransmissions ?? 1000, 1, 1_000_000),
    corruptRate: checkProbability("corruptRate", options.corruptRate ?? 0),
    checksum: options.checksum === undefined ? false : typeof options.checksum === "boolean" ? options.checksum : fail("checksum", options.checksum, "true or false"),
    serverMemory: checkOneOf("serverMemory", options.serverMemory ?? "volatile", SERVER_MEMORIES),
    untilMs: options.untilMs === undefined ? undefined : checkNonNegative("untilMs", options.untilMs),
    server: checkRoleHandlers("server", options.server),
  };
}
