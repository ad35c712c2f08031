/**
 * The space-time diagram of a trace in one call: sequenceRows(trace) drawn by sequenceDiagram.
 */
import { sequenceDiagram, type SequenceDiagramOptions } from "../charts/sequence";
import { type Chart } from "../charts/chart";
import { type Trace } from "../sim/trace";
import { sequenceRows, type SequenceRowsOptions } from "./sequence-rows";
import { checkTrace } from "./trace-fold";

/** Options of {@link traceDiagram}: which rows to draw (sequenceRows) and how (sequenceDiagram). */
export interface TraceDiagramOptions extends SequenceRowsOptions, SequenceDiagramOptions {}

const ROW_KEYS = ["messageLabel", "pointKinds", "untilMs", "onlyNodes", "timers"] as const;

/**
 * The space-time diagram of a trace: `sequenceDiagram(rows.messages, rows.events, options)` with the
 * rows of `sequenceRows(trace, options)`. Lanes default to the world's node order.
 * @example await show(traceDiagram(world.trace, { title: "A lost ACK" }).name("01-lost-ack"))
 */
export function traceDiagram(trace: Trace, options: TraceDiagramOptions = {}): Chart {
  checkTrace("traceDiagram(trace, options)", trace);
  const rowOptions: SequenceRowsOptions = {};
  const chartOptions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options ?? {})) {
    if ((ROW_KEYS as readonly string[]).includes(key)) (rowOptions as Record<string, unknown>)[key] = value;
    else chartOptions[key] = value;
  }
  const rows = sequenceRows(trace, rowOptions);
  return sequenceDiagram(rows.messages, rows.events, { nodes: rows.nodes, ...chartOptions });
}
