/**
 * What a property of {@link checkProtocol} sees in a state: every node's state, the messages in
 * flight, the pending timers, the records kept as history and the faults left.
 */
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
