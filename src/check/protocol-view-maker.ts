/**
 * The views of {@link ProtocolView} over the states of a check (protocol-state.ts), built once per
 * state however many properties read it.
 */
import type { ProtocolState } from "./protocol-state";
import type { HistoryRecord, InFlightMessage, NodeView, ProtocolView } from "./protocol-view";

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
