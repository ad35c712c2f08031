/**
 * The context handlers get in a protocol check: the engine's NodeContext API over one node of a
 * state being built. Time is abstracted (`now` is always 0; any enabled step may come next), message
 * ids are 0 (equal messages in flight are one multiset entry), payloads and timer tags are copied
 * and frozen, and randomness and the clock are refused (or, with allowRandom, ctx.rng is a fresh
 * stream of a fixed seed in each handler call).
 */
import { createRng, type Rng } from "../random/rng";
import type { NodeContext } from "../sim/context";
import { checkKnownName, fail } from "../validate";
import { deepFreeze, plainCopy } from "./plain-copy";
import type { CheckedProtocol } from "./protocol-options";

/**
 * A pending timer of a node: its id and its tag (frozen). An id is the smallest positive integer
 * no other pending timer of the node has (so ids are reused once a timer fired or was cancelled,
 * and states do not differ by a counter).
 */
export interface TimerSlot { id: number; tag: unknown }

/** One node in a state of a check. */
export interface NodeSlot {
  s: unknown;
  p: Record<string, unknown>;
  up: boolean;
  timers: TimerSlot[];
  /** The records of the kinds kept as history: [kind, detail]. */
  h: [string, unknown][];
}

/** An error thrown when a handler breaks the rules of a check (randomness, the clock, changing a payload). */
export class CheckRuleError extends Error {}

/** What a step did, in order, for building a counterexample trace. Nodes are indices. */
export type Effect =
  | { e: "deliver"; key: string; index: number; up: boolean }
  | { e: "drop" | "duplicate"; key: string; index: number }
  | { e: "timer"; node: number; tag: unknown }
  | { e: "crash" | "recover"; node: number }
  | { e: "send"; from: number; to: number; payload: unknown }
  | { e: "record"; node: number; kind: string; detail: unknown };

const RANDOM_HELP = "a check explores every schedule, so handlers must be deterministic: give the choice as an option of the protocol, " +
  "or, if the draw only sets a timer's delay (time does not matter in a check), pass allowRandom: true";

/**
 * Runs handler `which` of node `index` on `slot` (a copy the step owns). `put(to, payload)` adds a
 * message to the network. Returns whether the handler drew from ctx.rng. Math.random and Date.now
 * throw while it runs.
 */
export function runHandler(
  o: CheckedProtocol, slot: NodeSlot, index: number, which: "init" | "onMessage" | "onTimer" | "onRecover",
  args: unknown[], put: (to: number, payload: unknown) => void, fx: { push(e: Effect): void } | undefined,
): boolean {
  const names = o.nodes, name = names[index];
  let rng: Rng | undefined;
  const ctx: NodeContext = {
    now: 0,
    name,
    nodes: names,
    get state() { return slot.s; },
    set state(v: unknown) { slot.s = v; },
    get persistent() { return slot.p; },
    get rng(): Rng {
      if (!o.allowRandom) throw new CheckRuleError(`${name} used ctx.rng; ${RANDOM_HELP}`);
      return rng ??= createRng("checkProtocol", `node:${name}`);
    },
    send(to: string, payload: unknown): number {
      const i = names.indexOf(checkKnownName(`${name}: send(to)`, to, names));
      const frozen = deepFreeze(plainCopy(payload));
      put(i, frozen);
      fx?.push({ e: "send", from: index, to: i, payload: frozen });
      return 0;
    },
    broadcast(payload: unknown, to?: readonly string[]): number[] {
      const targets = to ?? names.filter((n) => n !== name);
      if (!Array.isArray(targets)) fail(`${name}: broadcast(to)`, to, "an array of node names");
      return targets.map((t) => ctx.send(t, payload));
    },
    setTimer(delayMs: number, tag?: unknown): number {
      if (typeof delayMs !== "number" || !(delayMs >= 0)) fail(`${name}: setTimer(delayMs)`, delayMs, "a number >= 0");
      let id = 1;
      while (slot.timers.some((t) => t.id === id)) id++;
      slot.timers.push({ id, tag: deepFreeze(plainCopy(tag)) });
      return id;
    },
    cancelTimer(id: number): boolean {
      const at = slot.timers.findIndex((t) => t.id === id);
      if (at < 0) return false;
      slot.timers.splice(at, 1);
      return true;
    },
    record(kind: string, detail?: unknown): void {
      if (typeof kind !== "string") fail(`${name}: record(kind)`, kind, "a string");
      if (o.history.has(kind)) slot.h.push([kind, detail === undefined ? null : JSON.parse(JSON.stringify(detail))]);
      fx?.push({ e: "record", node: index, kind, detail });
    },
  };
  const h = o.handlers[index] as Record<string, (...a: unknown[]) => void>;
  const random = Math.random, clock = Date.now;
  Math.random = () => { throw new CheckRuleError(`${name} called Math.random(); ${RANDOM_HELP}`); };
  Date.now = () => { throw new CheckRuleError(`${name} called Date.now(); time is abstracted in a check (ctx.now is 0): a handler must not read the clock`); };
  try {
    h[which].call(h, ctx, ...args);
  } catch (e) {
    if (e instanceof TypeError && /read[- ]only|not extensible|frozen/i.test(e.message)) {
      throw new CheckRuleError(`${name}'s ${which} changed a message payload or timer tag (${e.message}); ` +
        "a handler may change only ctx.state and ctx.persistent (copy a payload before changing it)");
    }
    throw e;
  } finally {
    Math.random = random;
    Date.now = clock;
  }
  return rng !== undefined;
}

