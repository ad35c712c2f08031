/**
 * What a property of {@link checkProtocol} sees in a state: every node's state, the messages in
 * flight, the pending timers, the records kept as history and the faults left.
 */
import type { ProtocolState } from "./protocol-state";

/** One node in a {@link ProtocolView}. */
export interface NodeView {
  /** ctx.state (volatile). */
  state: any;
  /** ctx.persistent (survives crashes). */
  persistent: Record<string, any>;
  /** False while the node is crashed. */
  up: boolean;
  /** The tags of its pending timers, in the order they were set. */
  timers: unknown[];
}

/** One message copy in flight. */
export interface InFlightMessage {
  from: string;
  to: string;
  payload: any;
}

/** A record kept as history (see the `history` option), in the order its node recorded it. */
export interface HistoryRecord {
  node: string;
  kind: string;
  detail: any;
}

/** A state of the checked protocol, as properties see it. Read it; never change it. */
export interface ProtocolView {
  /** Every node by name. */
  nodes: Record<string, NodeView>;
  /** Every message copy in flight (a copy duplicated by the network appears twice). */
  inFlight: InFlightMessage[];
  /** The records of the given kinds (all kept kinds when none is given), node by node in node order. */
  records(...kinds: string[]): HistoryRecord[];
  /** The faults the schedule may still add. */
  faultsLeft: { drops: number; duplicates: number; crashes: number; recoveries: number; timeouts: number };
}

/** Builds views of states, remembering the last one (each property of a state reads the same view). */
export function viewMaker(names: readonly string[], fifo: boolean, history: ReadonlySet<string>): (s: ProtocolState) => ProtocolView {
  let last: ProtocolState | undefined;
  let view: ProtocolView | undefined;
  return (s) => {
    if (s === last && view) return view;
    const nodes: Record<string, NodeView> = {};
    s.nodes.forEach((n, i) => (nodes[names[i]] = { state: n.s, persistent: n.p, up: n.up, timers: n.timers.map((t) => t.tag) }));
    const inFlight: InFlightMessage[] = [];
    for (const entry of s.net) {
      const [from, to] = entry.link;
      if (fifo) for (const payload of entry.queue as unknown[]) inFlight.push({ from: names[from], to: names[to], payload });
      else for (let k = 0; k < (entry.n as number); k++) inFlight.push({ from: names[from], to: names[to], payload: entry.payload });
    }
    const [drops, duplicates, crashes, recoveries, timeouts] = s.budget;
    const records = (...kinds: string[]): HistoryRecord[] => {
      for (const k of kinds) {
        if (!history.has(k)) throw new RangeError(`checkProtocol: view.records(${JSON.stringify(k)}): records of kind ${JSON.stringify(k)} are not kept; add it to the history option (history: [${[...history, k].map((x) => JSON.stringify(x)).join(", ")}])`);
      }
      const out: HistoryRecord[] = [];
      s.nodes.forEach((n, i) => {
        for (const [kind, detail] of n.h) if (kinds.length === 0 || kinds.includes(kind)) out.push({ node: names[i], kind, detail });
      });
      return out;
    };
    last = s;
    view = { nodes, inFlight, records, faultsLeft: { drops, duplicates, crashes, recoveries, timeouts } };
    return view;
  };
}
