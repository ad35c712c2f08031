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

/** The context of one node in a check; one object per node, pointed at the step's copy of the node before each call. */
class CheckCtx implements NodeContext {
  readonly now = 0;
  readonly name: string;
  slot!: NodeSlot;
  put!: (to: number, payload: unknown) => void;
  fx: { push(e: Effect): void } | undefined;
  drew = false;
  constructor(private readonly o: CheckedProtocol, private readonly index: number) {
    this.name = o.nodes[index];
  }
  get nodes(): readonly string[] { return this.o.nodes; }
  get state(): any { return this.slot.s; }
  set state(v: any) { this.slot.s = v; }
  get persistent(): Record<string, any> { return this.slot.p; }
  get rng(): Rng {
    if (!this.o.allowRandom) throw new CheckRuleError(`${this.name} used ctx.rng; ${RANDOM_HELP}`);
    this.drew = true;
    // A fresh stream of a fixed seed in each handler call: the same state and step draw the same numbers.
    return createRng("checkProtocol", `node:${this.name}`);
  }
  send(to: string, payload: unknown): number {
    const names = this.o.nodes;
    let i = names.indexOf(to);
    if (i < 0) i = names.indexOf(checkKnownName(`${this.name}: send(to)`, to, names));
    const frozen = deepFreeze(plainCopy(payload));
    this.put(i, frozen);
    this.fx?.push({ e: "send", from: this.index, to: i, payload: frozen });
    return 0;
  }
  broadcast(payload: unknown, to?: readonly string[]): number[] {
    const targets = to ?? this.o.nodes.filter((n) => n !== this.name);
    if (!Array.isArray(targets)) fail(`${this.name}: broadcast(to)`, to, "an array of node names");
    return targets.map((t) => this.send(t, payload));
  }
  setTimer(delayMs: number, tag?: unknown): number {
    if (typeof delayMs !== "number" || !(delayMs >= 0)) fail(`${this.name}: setTimer(delayMs)`, delayMs, "a number >= 0");
    const timers = this.slot.timers;
    let id = 1;
    while (timers.some((t) => t.id === id)) id++;
    timers.push({ id, tag: deepFreeze(plainCopy(tag)) });
    return id;
  }
  cancelTimer(id: number): boolean {
    const timers = this.slot.timers, at = timers.findIndex((t) => t.id === id);
    if (at < 0) return false;
    timers.splice(at, 1);
    return true;
  }
  record(kind: string, detail?: unknown): void {
    if (typeof kind !== "string") fail(`${this.name}: record(kind)`, kind, "a string");
    if (this.o.history.has(kind)) this.slot.h.push([kind, detail === undefined ? null : JSON.parse(JSON.stringify(detail))]);
    this.fx?.push({ e: "record", node: this.index, kind, detail });
  }
}

const contexts = new WeakMap<CheckedProtocol, CheckCtx[]>();
let running = "";
const noRandom = (): number => { throw new CheckRuleError(`${running} called Math.random(); ${RANDOM_HELP}`); };
const noClock = (): number => { throw new CheckRuleError(`${running} called Date.now(); time is abstracted in a check (ctx.now is 0): a handler must not read the clock`); };

/**
 * Runs handler `which` of node `index` on `slot` (a copy the step owns). `put(to, payload)` adds a
 * message to the network. Returns whether the handler drew from ctx.rng. Math.random and Date.now
 * throw while it runs.
 */
export function runHandler(
  o: CheckedProtocol, slot: NodeSlot, index: number, which: "init" | "onMessage" | "onTimer" | "onRecover",
  args: unknown[], put: (to: number, payload: unknown) => void, fx: { push(e: Effect): void } | undefined,
): boolean {
  let list = contexts.get(o);
  if (list === undefined) contexts.set(o, (list = o.nodes.map((_, i) => new CheckCtx(o, i))));
  const ctx = list[index];
  ctx.slot = slot; ctx.put = put; ctx.fx = fx; ctx.drew = false;
  const name = ctx.name;
  const h = o.handlers[index] as Record<string, (...a: unknown[]) => void>;
  const random = Math.random, clock = Date.now;
  running = name;
  Math.random = noRandom;
  Date.now = noClock;
  try {
    if (args.length === 0) h[which].call(h, ctx); else h[which].call(h, ctx, args[0]);
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
  return ctx.drew;
}
