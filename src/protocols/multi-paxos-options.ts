/**
 * The options of multi-Paxos (runMultiPaxos, multiPaxosNodes), validated once at the entry point into
 * one config with every default filled in, and the messages the protocol sends.
 */
import { normalizeFault, type FaultEvent } from "../sim/fault-options";
import { exponential, sampler, type DistributionLike } from "../random/distributions";
import { type Seed } from "../random/rng";
import { checkInteger, checkKeys, checkNonNegative, checkPositive, checkProbability, checkSeed, describeValue, fail } from "../validate";

/** One answer of phase 1 about one slot: the command C stored under T_store (as in single-decree Paxos). */
export interface StoredEntry { tStore: number; c: string }

/**
 * How a new leader picks the command of a slot from the oks of its majority (phase 2 of Paxos, slot by
 * slot): `stored` holds one entry per server that stored something for the slot (never empty). The
 * chapter's rule, the default, takes the command with the largest T_store.
 */
export type ChooseStored = (stored: readonly StoredEntry[]) => string;

/** The chapter's rule: adopt the command stored with the largest T_store. */
export const largestTStore: ChooseStored = (stored) => stored.reduce((a, b) => (b.tStore > a.tStore ? b : a)).c;

/** Options of {@link runMultiPaxos}. */
export interface MultiPaxosOptions {
  /** Seed of every random draw of the run. */
  seed: Seed;
  /** Number of servers (s1, s2, ...; s1 leads first), an integer in [1, 15]. @defaultValue 3 */
  servers?: number;
  /** Number of clients (u1, u2, ...), in [1, 50]. @defaultValue 2 */
  clients?: number;
  /** Commands each client issues, one at a time (u1 owns c1..cm, u2 the next m, ...). @defaultValue 3 */
  commandsPerClient?: number;
  /** One-way message delay in ms. @defaultValue exponential(10) */
  delayMs?: DistributionLike;
  /** Probability that a message is lost. @defaultValue 0 */
  lossRate?: number;
  /** Probability that a message is delivered twice. @defaultValue 0 */
  duplicateRate?: number;
  /** A client resends its command, to the next server, after this long without an answer. @defaultValue 100 */
  timeoutMs?: number;
  /** The leader's heartbeat period (it also resends unanswered proposals then). @defaultValue 20 */
  heartbeatMs?: number;
  /**
   * A follower that heard no heartbeat for a while challenges the leader: it checks every
   * electionTimeoutMs plus a random extra in [0, electionTimeoutMs). @defaultValue 60
   */
  electionTimeoutMs?: number;
  /**
   * Challenges (phase 1 attempts after a silence) per server before it stops trying to lead; s1's first
   * bid at start is not counted, so 0 means s1 leads for ever (or nobody leads once it is gone). @defaultValue 1000 */
  maxElections?: number;
  /** How a new leader picks a slot's command from the oks (see {@link ChooseStored}). @defaultValue largestTStore */
  chooseStored?: ChooseStored;
  /** Crash, recover, partition, ... schedule (see createWorld). @defaultValue [] */
  faults?: FaultEvent[];
  /** The run stops at this virtual time, in ms. @defaultValue 3000 */
  untilMs?: number;
}

/** @internal Validated options with defaults filled in. */
export interface MultiPaxosConfig {
  seed: Seed; servers: string[]; clients: string[]; commandsPerClient: number; delayMs: DistributionLike;
  lossRate: number; duplicateRate: number; timeoutMs: number; heartbeatMs: number; electionTimeoutMs: number;
  maxElections: number; chooseStored: ChooseStored; faults: FaultEvent[]; untilMs: number; majority: number;
}

const KEYS = ["seed", "servers", "clients", "commandsPerClient", "delayMs", "lossRate", "duplicateRate", "timeoutMs",
  "heartbeatMs", "electionTimeoutMs", "maxElections", "chooseStored", "faults", "untilMs"];

/** @internal Validates the options of `fn` once, so that errors name `fn`. */
export function multiPaxosConfig(fn: string, options: MultiPaxosOptions): MultiPaxosConfig {
  if (options === null || typeof options !== "object") fail(`${fn}(options): options`, options, "an object");
  checkKeys(`${fn} options`, options, KEYS);
  const nServers = checkInteger(`${fn}: servers`, options.servers ?? 3, 1, 15);
  const nClients = checkInteger(`${fn}: clients`, options.clients ?? 2, 1, 50);
  const servers = Array.from({ length: nServers }, (_, i) => `s${i + 1}`);
  const clients = Array.from({ length: nClients }, (_, i) => `u${i + 1}`);
  const delayMs = options.delayMs ?? exponential(10);
  if (typeof delayMs === "number") checkNonNegative(`${fn}: delayMs`, delayMs);
  sampler(delayMs, `${fn}: delayMs`);
  const faults = options.faults ?? [];
  if (!Array.isArray(faults)) fail(`${fn}: faults`, faults, "an array of fault entries such as { at: 50, crash: \"s1\" }");
  faults.forEach((f, i) => normalizeFault(`${fn}: faults[${i}]`, f, [...clients, ...servers]));
  const chooseStored = options.chooseStored ?? largestTStore;
  if (typeof chooseStored !== "function") throw new TypeError(`${fn}: chooseStored must be a function (stored) => command; got ${describeValue(chooseStored)}`);
  return {
    seed: checkSeed(`${fn}: seed`, options.seed),
    servers, clients,
    commandsPerClient: checkInteger(`${fn}: commandsPerClient`, options.commandsPerClient ?? 3, 1, 1_000_000),
    delayMs,
    lossRate: checkProbability(`${fn}: lossRate`, options.lossRate ?? 0),
    duplicateRate: checkProbability(`${fn}: duplicateRate`, options.duplicateRate ?? 0),
    timeoutMs: checkPositive(`${fn}: timeoutMs`, options.timeoutMs ?? 100),
    heartbeatMs: checkPositive(`${fn}: heartbeatMs`, options.heartbeatMs ?? 20),
    electionTimeoutMs: checkPositive(`${fn}: electionTimeoutMs`, options.electionTimeoutMs ?? 60),
    maxElections: checkInteger(`${fn}: maxElections`, options.maxElections ?? 1000, 0, 1_000_000),
    chooseStored,
    faults,
    untilMs: checkPositive(`${fn}: untilMs`, options.untilMs ?? 3000),
    majority: Math.floor(nServers / 2) + 1,
  };
}

/** What a client sends to a server. */
export type MultiPaxosRequest = { type: "cmd"; id: string; client: string };
/** What a server answers a client: its command was executed, or the leader is another server. */
export type MultiPaxosAck = { type: "ack"; id: string } | { type: "redirect"; id: string; leader: string };
/** What servers send each other, phase by phase. */
export type MultiPaxosServerMessage =
  | { type: "prepare"; t: number; fromSlot: number } //                   phase 1: may I have ticket t, for every slot from fromSlot on?
  | { type: "ok"; t: number; stored: [number, StoredEntry][] } //         phase 1: t is yours; per slot, C and T_store
  | { type: "nack"; t: number; tMax: number } //                          t is too small: I issued T_max
  | { type: "propose"; t: number; slot: number; c: string } //            phase 2: store c in the slot under t
  | { type: "success"; t: number; slot: number } //                       phase 2: stored
  | { type: "execute"; slot: number; c: string } //                       phase 3: the slot's command is chosen
  | { type: "heartbeat"; t: number; chosenUpTo: number } //               the leader is alive; slots below chosenUpTo are chosen
  | { type: "catch-up"; fromSlot: number }; //                            a follower asks for the chosen slots it missed
/** Every message of multi-Paxos. */
export type MultiPaxosMessage = MultiPaxosRequest | MultiPaxosAck | MultiPaxosServerMessage;
