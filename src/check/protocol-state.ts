/**
 * The states and steps of a protocol check: a state holds every node's state, persistent state,
 * pending timers and history, the messages in flight and the fault budget left; a step delivers
 * one message, fires one timer, or spends the budget on a drop, a duplicate, a crash or a recovery.
 * Each step runs the protocol's own handlers on a copy of the node's state, through a context with
 * the API of the engine's (see protocol-context.ts).
 */
import { describeValue } from "../validate";
import { fingerprint } from "./fingerprint";
import { plainCopy } from "./plain-copy";
import type { CheckedProtocol } from "./protocol-options";
import { CheckRuleError, runHandler, type Effect, type NodeSlot } from "./protocol-context";

export type { NodeSlot, TimerSlot } from "./protocol-context";

/**
 * Messages in flight on one link: "unordered" keeps equal messages as one entry with a count `n`
 * (a multiset); "fifo" keeps the link's queue of payloads in send order.
 */
export interface NetEntry { key: string; link: [number, number]; payload?: unknown; n?: number; queue?: unknown[] }

/** A state of the check (plain data; never modified once built). */
export interface ProtocolState {
  nodes: NodeSlot[];
  /** Sorted by key; unordered: key "from>to#fingerprint of the payload"; fifo: key "from>to". */
  net: NetEntry[];
  /** Faults left: drops, duplicates, crashes, recoveries, early timeouts. */
  budget: number[];
  /** Set when a handler threw (a terminal state); `fatal` when the handler broke the checker's rules. */
  error?: string;
  fatal?: boolean;
}

/** One step of a schedule. `key` names a net entry; `index` a place in a fifo queue. */
export type ProtocolAction =
  | { kind: "deliver"; key: string }
  | { kind: "drop"; key: string; index: number }
  | { kind: "duplicate"; key: string; index: number }
  | { kind: "timer"; node: number; id: number }
  | { kind: "crash"; node: number }
  | { kind: "recover"; node: number };

/** The first place in the sorted `net` whose key is not below `key`. */
function place(net: readonly NetEntry[], key: string): number {
  let lo = 0, hi = net.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (net[mid].key < key) lo = mid + 1; else hi = mid; }
  return lo;
}

/** The net entry with `key`, or undefined. */
export function entry(s: ProtocolState, key: string): NetEntry | undefined {
  const e = s.net[place(s.net, key)];
  return e !== undefined && e.key === key ? e : undefined;
}

/** The steps, over validated options. */
export class ProtocolSteps {
  /** Transitions run twice to check that handlers are deterministic. */
  private determinismChecks = 2000;
  /** Handler calls that drew from ctx.rng (allowRandom). */
  randomDraws = 0;
  constructor(readonly o: CheckedProtocol) {}

  /** The state after every node's init (in node order), with the effects when `fx` is given. */
  initial(fx?: Effect[]): ProtocolState {
    const s: ProtocolState = { nodes: this.o.nodes.map(() => ({ s: {}, p: {}, up: true, timers: [], h: [] })), net: [], budget: [...this.o.budget] };
    const w = new Work(s, this);
    for (let i = 0; i < this.o.nodes.length; i++) {
      const h = this.o.handlers[i];
      if (h?.init) { const err = this.call(w, i, "init", [], fx); if (err) return err; }
    }
    return w.done();
  }

  /** The actions possible in `s`, in a fixed order: deliveries, timers, then faults within budget. */
  actions(s: ProtocolState): ProtocolAction[] {
    if (s.error !== undefined) return [];
    const out: ProtocolAction[] = [];
    const fifo = this.o.fifo, [drops, dups, crashes, recoveries, early] = s.budget;
    for (const e of s.net) out.push({ kind: "deliver", key: e.key });
    // A node's timer fires when no message from or to the node is in flight, or early within the budget.
    const busy = early > 0 ? undefined : this.busy(s);
    s.nodes.forEach((n, node) => { if (n.up && !busy?.[node]) for (const t of n.timers) out.push({ kind: "timer", node, id: t.id }); });
    s.nodes.forEach((n, node) => { if (!n.up && recoveries > 0) out.push({ kind: "recover", node }); });
    if (drops > 0 || dups > 0) {
      for (const { key, queue } of s.net) {
        const len = fifo ? (queue as unknown[]).length : 1;
        for (let index = 0; index < len; index++) {
          if (drops > 0) out.push({ kind: "drop", key, index });
          if (dups > 0) out.push({ kind: "duplicate", key, index });
        }
      }
    }
    if (crashes > 0) s.nodes.forEach((n, node) => { if (n.up && this.o.crashable[node]) out.push({ kind: "crash", node }); });
    return out;
  }

  /** Per node: whether a message from or to it is in flight. */
  busy(s: ProtocolState): boolean[] {
    const out = s.nodes.map(() => false);
    for (const e of s.net) { out[e.link[0]] = out[e.link[1]] = true; }
    return out;
  }

  /** Whether some message can be delivered, some timer fire or some node recover (else the state is stuck). */
  canProgress(s: ProtocolState): boolean {
    if (s.net.length > 0) return true;
    return s.nodes.some((n) => (n.up && n.timers.length > 0) || (!n.up && s.budget[3] > 0));
  }

  /** The state after `a`; with `fx`, the step's effects are appended to it (for traces). */
  next(s: ProtocolState, a: ProtocolAction, fx?: Effect[]): ProtocolState {
    if (fx !== undefined || this.determinismChecks <= 0) return this.step(s, a, fx);
    this.determinismChecks--;
    const first = this.step(s, a), second = this.step(s, a);
    if (first.fatal || second.fatal) return first.fatal ? first : second;
    if (fingerprint(first) !== fingerprint(second)) {
      return { ...s, error: `checkProtocol: the handlers are not deterministic: ${this.describe(s, a)} gave two different states when run twice from the same state; ` +
        "a handler may depend only on ctx.state, ctx.persistent and its arguments, and change only ctx.state and ctx.persistent " +
        "(no Math.random, Date.now, or variables outside the handlers)", fatal: true };
    }
    return first;
  }

  /** "delivering \"cmd 0\" from u1 to s1", "s1's timer \"timeout\"", "crashing s1", ... */
  describe(s: ProtocolState, a: ProtocolAction): string {
    const names = this.o.nodes;
    if (a.kind === "timer") {
      const t = s.nodes[a.node].timers.find((x) => x.id === a.id);
      return `${names[a.node]}'s onTimer(${describeValue(t?.tag)})`;
    }
    if (a.kind === "crash" || a.kind === "recover") return `${a.kind === "crash" ? "crashing" : "recovering"} ${names[a.node]}`;
    const e = entry(s, a.key);
    const payload = e === undefined ? undefined : this.o.fifo ? (e.queue as unknown[])[a.kind === "deliver" ? 0 : a.index] : e.payload;
    const what = `${describeValue(payload)} from ${names[e?.link[0] ?? 0]} to ${names[e?.link[1] ?? 0]}`;
    return a.kind === "deliver" ? `${names[e?.link[1] ?? 0]}'s onMessage(${what})` : `${a.kind === "drop" ? "dropping" : "duplicating"} ${what}`;
  }

  private step(s: ProtocolState, a: ProtocolAction, fx?: Effect[]): ProtocolState {
    const w = new Work(s, this);
    const b = s.budget.slice();
    switch (a.kind) {
      case "deliver": {
        const { link, payload } = w.take(a.key, 0);
        fx?.push({ e: a.kind, key: a.key, index: 0, up: s.nodes[link[1]].up });
        if (!s.nodes[link[1]].up) break; // arriving at a crashed node: lost
        const h = this.o.handlers[link[1]];
        if (!h?.onMessage) break;
        const msg = Object.freeze({ id: 0, from: this.o.nodes[link[0]], to: this.o.nodes[link[1]], payload, sentMs: 0 });
        const err = this.call(w, link[1], "onMessage", [msg], fx, s, a);
        if (err) return err;
        break;
      }
      case "drop": b[0]--; w.take(a.key, a.index); fx?.push({ e: a.kind, key: a.key, index: a.index }); break;
      case "duplicate": {
        b[1]--;
        const e = entry(s, a.key) as NetEntry;
        w.put(e.link[0], e.link[1], this.o.fifo ? (e.queue as unknown[])[a.index] : e.payload);
        fx?.push({ e: a.kind, key: a.key, index: a.index });
        break;
      }
      case "timer": {
        if (this.busy(s)[a.node]) b[4]--; // an early timeout: a message from or to the node is still in flight
        const n = w.node(a.node);
        const at = n.timers.findIndex((t) => t.id === a.id);
        const tag = n.timers[at].tag;
        n.timers.splice(at, 1);
        fx?.push({ e: "timer", node: a.node, tag });
        const h = this.o.handlers[a.node];
        if (h?.onTimer) { const err = this.call(w, a.node, "onTimer", [tag], fx, s, a); if (err) return err; }
        break;
      }
      case "crash": {
        b[2]--;
        const n = w.node(a.node);
        n.up = false;
        n.timers = [];
        fx?.push({ e: "crash", node: a.node });
        break;
      }
      case "recover": {
        b[3]--;
        const n = w.node(a.node);
        n.up = true;
        n.s = {};
        fx?.push({ e: "recover", node: a.node });
        const h = this.o.handlers[a.node];
        const which = h?.onRecover ? "onRecover" : "init";
        if (h?.[which]) { const err = this.call(w, a.node, which, [], fx, s, a); if (err) return err; }
        break;
      }
    }
    w.budget = b;
    return w.done();
  }

  /** Runs one handler of `node` on the work state; a state with `error` when it throws. */
  private call(w: Work, node: number, which: "init" | "onMessage" | "onTimer" | "onRecover", args: unknown[], fx?: Effect[], from?: ProtocolState, a?: ProtocolAction): ProtocolState | undefined {
    try {
      const drew = runHandler(this.o, w.node(node), node, which, args, (to, payload) => w.put(node, to, payload), fx);
      if (drew) this.randomDraws++;
      return undefined;
    } catch (e) {
      const what = from && a ? this.describe(from, a) : `${this.o.nodes[node]}'s ${which}()`;
      const base = from ?? w.base;
      const rule = e instanceof CheckRuleError;
      const text = e instanceof Error ? e.message : String(e);
      return { nodes: base.nodes, net: base.net, budget: base.budget, error: rule ? `checkProtocol: ${what}: ${text}` : `checkProtocol: ${what} threw: ${text}`, ...(rule ? { fatal: true } : {}) };
    }
  }
}

/** A state being built from `base` by one step: nodes and net entries are copied when first changed. */
class Work {
  private nodes: NodeSlot[] | undefined;
  private net: NetEntry[] | undefined;
  budget: number[];
  constructor(readonly base: ProtocolState, private readonly steps: ProtocolSteps) {
    this.budget = base.budget;
  }

  node(i: number): NodeSlot {
    this.nodes ??= this.base.nodes.slice();
    if (this.nodes[i] === this.base.nodes[i]) {
      const n = this.base.nodes[i];
      this.nodes[i] = { s: plainCopy(n.s), p: plainCopy(n.p), up: n.up, timers: n.timers.slice(), h: n.h.slice() };
    }
    return this.nodes[i];
  }

  private netCopy(): NetEntry[] {
    return this.net ??= this.base.net.slice();
  }

  /** Adds a copy of `payload` (frozen) to the link from -> to. */
  put(from: number, to: number, payload: unknown): void {
    const net = this.netCopy();
    const key = this.steps.o.fifo ? `${from}>${to}` : `${from}>${to}#${fingerprint(payload)}`;
    const at = place(net, key), e = net[at];
    if (e !== undefined && e.key === key) {
      net[at] = this.steps.o.fifo ? { key, link: e.link, queue: [...(e.queue as unknown[]), payload] } : { key, link: e.link, payload: e.payload, n: (e.n as number) + 1 };
    } else {
      net.splice(at, 0, this.steps.o.fifo ? { key, link: [from, to], queue: [payload] } : { key, link: [from, to], payload, n: 1 });
    }
  }

  /** Removes one message of entry `key` (fifo: the one at `index`); returns its link and payload. */
  take(key: string, index: number): { link: [number, number]; payload: unknown } {
    const net = this.netCopy(), at = place(net, key), e = net[at];
    if (this.steps.o.fifo) {
      const queue = (e.queue as unknown[]).slice();
      const [payload] = queue.splice(index, 1);
      if (queue.length === 0) net.splice(at, 1); else net[at] = { key, link: e.link, queue };
      return { link: e.link, payload };
    }
    if ((e.n as number) <= 1) net.splice(at, 1); else net[at] = { key, link: e.link, payload: e.payload, n: (e.n as number) - 1 };
    return { link: e.link, payload: e.payload };
  }

  done(): ProtocolState {
    return { nodes: this.nodes ?? this.base.nodes, net: this.net ?? this.base.net, budget: this.budget };
  }
}

