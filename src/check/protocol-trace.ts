/**
 * A schedule found by {@link checkProtocol}, replayed step by step into an ordinary engine
 * {@link Trace} (so sequence diagrams and timelines draw it) and into readable lines. Step k of the
 * schedule happens at time k ms; the nodes' init runs at 0.
 */
import { TraceBuilder } from "../sim/trace-builder";
import type { Trace } from "../sim/trace";
import { payloadLabel } from "../sim/network";
import { fingerprint } from "./fingerprint";
import type { Effect } from "./protocol-context";
import { entry, type NetEntry, type ProtocolAction, type ProtocolState, type ProtocolSteps } from "./protocol-state";

/** A schedule as a trace and as one line per step. */
export interface Replayed {
  trace: Trace;
  schedule: string[];
}

/** Replays `actions` from the initial state (states[i + 1] is the state after actions[i]). */
export function replaySchedule(steps: ProtocolSteps, states: readonly ProtocolState[], actions: readonly ProtocolAction[]): Replayed {
  const names = steps.o.nodes, fifo = steps.o.fifo;
  const b = new TraceBuilder(names);
  // The trace ids of the messages in flight, by net entry key (in the order the state keeps them).
  const ids = new Map<string, number[]>();
  const keyOf = (from: number, to: number, payload: unknown) => fifo ? `${from}>${to}` : `${from}>${to}#${fingerprint(payload)}`;
  const schedule: string[] = [];
  const write = (t: number, fx: Effect[]) => {
    for (const f of fx) {
      switch (f.e) {
        case "send": {
          const key = keyOf(f.from, f.to, f.payload);
          ids.set(key, [...(ids.get(key) ?? []), b.send(t, f.from, f.to, f.payload)]);
          break;
        }
        case "record": b.record(t, f.node, f.kind, f.detail); break;
        case "timer": b.timer(t, f.node, f.tag); break;
        case "crash": b.crash(t, f.node); break;
        case "recover": b.recover(t, f.node); break;
        case "duplicate": {
          const list = ids.get(f.key) as number[];
          list.push(b.duplicate(t, list[fifo ? f.index : 0]));
          break;
        }
        default: { // deliver, drop
          const list = ids.get(f.key) as number[];
          const [id] = list.splice(fifo ? f.index : 0, 1);
          if (list.length === 0) ids.delete(f.key);
          if (f.e === "drop") b.drop(t, id, "loss");
          else if ((f as { up: boolean }).up) b.deliver(t, id);
          else b.drop(t, id, "crashed");
        }
      }
    }
  };
  const init: Effect[] = [];
  steps.initial(init);
  write(0, init);
  actions.forEach((a, k) => {
    const s = states[k];
    schedule.push(line(steps, s, a));
    const fx: Effect[] = [];
    steps.next(s, a, fx);
    write(k + 1, fx);
  });
  return { trace: b.finish(actions.length), schedule };
}

/** One readable step: "u1 -> s1: cmd 0", "drop s1 -> u1: ack 0", "u1: timer timeout", "crash s1". */
function line(steps: ProtocolSteps, s: ProtocolState, a: ProtocolAction): string {
  const names = steps.o.nodes;
  if (a.kind === "timer") {
    const tag = s.nodes[a.node].timers.find((t) => t.id === a.id)?.tag;
    return `${names[a.node]}: timer ${typeof tag === "object" && tag !== null ? JSON.stringify(tag) : String(tag)}`;
  }
  if (a.kind === "crash" || a.kind === "recover") return `${a.kind} ${names[a.node]}`;
  const e = entry(s, a.key) as NetEntry;
  const payload = steps.o.fifo ? (e.queue as unknown[])[a.kind === "deliver" ? 0 : a.index] : e.payload;
  const msg = `${names[e.link[0]]} -> ${names[e.link[1]]}: ${payloadLabel(payload) || JSON.stringify(payload)}`;
  if (a.kind === "deliver") return s.nodes[e.link[1]].up ? msg : `${msg} (lost: ${names[e.link[1]]} is down)`;
  return `${a.kind} ${msg}`;
}
