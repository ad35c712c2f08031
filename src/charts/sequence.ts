import { checkPositive, describeValue } from "../validate";
import { Chart } from "./chart";
import { CHART_COLORS } from "./theme";
import { checkOptions } from "./_internals/rows";
import { kindColors } from "./_internals/kinds";
import { messageKindColors } from "./_internals/message-colors";
import { layoutSequence } from "./_internals/sequence-layout";
import { EVENT_LABEL_DX_PX, MESSAGE_LABEL_DY_PX, placeSequenceLabels, SEQUENCE_LABEL_FONT_PX } from "./_internals/sequence-labels";
import { SequenceFate } from "./_internals/sequence-rows";
import { fmt, listOf, sentence } from "./_internals/describe";

export { SEQUENCE_FATES } from "./_internals/sequence-rows";
export type { SequenceFate } from "./_internals/sequence-rows";

/**
 * One message arrow. `fate` says how it is drawn: "delivered" (an arrow to the receiver at `deliverMs`);
 * "duplicate" (a second delivery of the same message: dashed, orange); "lost" (lost in the network) and
 * "dropped" (discarded, e.g. at a crashed receiver), both ending in a cross: on the receiver's lane at
 * `deliverMs` when it is set, otherwise half way, at `dropMs` when that is set; "in-flight" (still
 * travelling at the end: grey, half way); "corrupted" (arrived altered: an arrow to the receiver,
 * green, dash-dotted). The rows of a simulation trace come from `sequenceRows(trace)`.
 */
export interface SequenceMessage {
  id: string | number;
  from: string;
  to: string;
  sendMs: number;
  /** When it arrived (or was dropped at the receiver); null if it never reached the receiver. */
  deliverMs: number | null;
  /** When it was dropped on the way (lost, dropped); the cross is drawn half way at this time. @defaultValue none */
  dropMs?: number | null;
  fate: SequenceFate;
  /** Why, shown in the tooltip (e.g. "crashed", "partition"). @defaultValue the fate */
  reason?: string;
  /** Short text drawn on the arrow, e.g. "cmd(3)" or "ack". */
  label?: string;
  /** The message type, e.g. "cmd" (sequenceRows gives the payload type); colours the arrow with `color: "kind"`. @defaultValue the label up to its first "(" or space */
  kind?: string;
}

/**
 * A node event `{ node, startMs, endMs?, kind, label? }`: with `endMs`, or for kinds "crash" and "down",
 * an interval shaded on the node's lane (open-ended to the end of the chart without `endMs`); other
 * kinds (e.g. "execute") are points with the label beside them: a diamond, or a clock for kind
 * {@link TIMER_KIND} (a timer firing, from `sequenceRows(trace, { timers: true })`).
 */
export interface SequenceEvent {
  node: string;
  startMs: number;
  endMs?: number | null;
  kind: string;
  label?: string;
}

/** Options of {@link sequenceDiagram}. */
export interface SequenceDiagramOptions {
  /** Lane order, left to right; must include every node of the trace. @defaultValue order of first appearance */
  nodes?: readonly string[];
  /** Draw message labels on the arrows. @defaultValue true */
  labels?: boolean;
  /** Chart title. @defaultValue none */
  title?: string;
  /** Time axis title; include the unit. @defaultValue "time (ms)" */
  timeTitle?: string;
  /** Plot height in pixels (time runs downward). @defaultValue 420 */
  heightPx?: number;
  /** Width per lane in pixels. @defaultValue 140 */
  laneWidthPx?: number;
  /**
   * The time axis [from, to] in ms, at least the span of the rows: give two diagrams the same range
   * to compare them on one time scale (a run and its fork). @defaultValue from 0 (or the earliest time) to the latest
   */
  timeRangeMs?: readonly [number, number];
  /**
   * What the arrow colour shows: "fate" (delivered, duplicate, lost, ...) or "kind" (the message type,
   * one palette in every diagram: asks blue, commands orange, yes green, no vermillion, round ends
   * purple); with "kind" the fate is still drawn by the dash and the cross. @defaultValue "fate"
   */
  color?: "fate" | "kind";
  /**
   * Labels or kinds of messages and events to emphasise (e.g. ["propose(2, c1)"], ["execute"]):
   * drawn thicker and bold, their labels placed first. @defaultValue none
   */
  highlight?: readonly string[];
}

/** The event kind drawn as a clock on its lane: a timer that fired (e.g. a retransmission timeout). */
export const TIMER_KIND = "timer";
/**
 * A clock face with two hands as a vega symbol path in the unit square, filled: a ring (the inner
 * circle runs the other way, so it stays empty) and two bars.
 */
const CLOCK_PATH = "M-1,0A1,1 0 1,1 1,0A1,1 0 1,1 -1,0Z"
  + "M-0.7,0A0.7,0.7 0 1,0 0.7,0A0.7,0.7 0 1,0 -0.7,0Z"
  + "M-0.14,0.14L-0.14,-0.6L0.14,-0.6L0.14,0.14Z"
  + "M-0.14,-0.14L0.5,-0.14L0.5,0.14L-0.14,0.14Z";
const LANE_FONT_PX = 13;
const INTERVAL_GREY = new Set(["crash", "down"]);
const KEYS = ["nodes", "labels", "title", "timeTitle", "heightPx", "laneWidthPx", "timeRangeMs", "color", "highlight"] as const;
const FATE_COLORS: Record<SequenceFate, string> = { delivered: "#0072B2", duplicate: "#E69F00", lost: "#D55E00", dropped: "#CC79A7", "in-flight": "#999999", corrupted: "#009E73" };
const FATE_DASH: Record<SequenceFate, number[]> = { delivered: [1, 0], duplicate: [5, 3], lost: [1, 0], dropped: [2, 2], "in-flight": [1, 3], corrupted: [6, 2, 1, 2] };

/**
 * A space-time (Lamport) diagram of a simulation trace: one vertical lane per node, time running
 * downward, an arrow per message from its send time on the sender's lane to its delivery time on the
 * receiver's lane; lost messages stop half way in a cross, duplicates are dashed and orange, crashes
 * and down time are shaded on the lane. Throws on malformed rows, naming the array, field and index.
 * For a simulation trace, `traceDiagram(trace)` does it all; `sequenceRows(trace)` gives the rows.
 * @example sequenceDiagram([{ id: 1, from: "u1", to: "s1", sendMs: 0, deliverMs: 10, fate: "delivered", label: "cmd(c1)" }])
 */
export function sequenceDiagram(
  messages: readonly SequenceMessage[] | readonly object[],
  events?: readonly SequenceEvent[] | readonly object[] | null,
  options: SequenceDiagramOptions = {},
): Chart {
  checkOptions("sequenceDiagram", options, KEYS);
  if (options.heightPx !== undefined) checkPositive("sequenceDiagram: options.heightPx", options.heightPx);
  if (options.laneWidthPx !== undefined) checkPositive("sequenceDiagram: options.laneWidthPx", options.laneWidthPx);
  if (options.color !== undefined && options.color !== "fate" && options.color !== "kind") {
    throw new RangeError(`sequenceDiagram: options.color must be "fate" or "kind"; got ${describeValue(options.color)}`);
  }
  const highlight = checkHighlight(options.highlight);
  const layout = layoutSequence(messages, events, options.nodes);
  for (const row of [...layout.arrows, ...layout.marks]) row.hl = highlight.has(String(row.label)) || highlight.has(String(row.kind));
  const { nodes, fates } = layout;
  const [tMin, tMax] = options.timeRangeMs === undefined ? [layout.tMin, layout.tMax] : checkRange(options.timeRangeMs, layout.tMin, layout.tMax);
  const n = nodes.length;
  const timeTitle = options.timeTitle ?? "time (ms)";
  const widthPx = Math.max(280, (options.laneWidthPx ?? 140) * n);
  const heightPx = options.heightPx ?? 420;
  // Labels that would overprint one already placed are left to the tooltip (see sequence-labels.ts).
  const labelled = options.labels !== false;
  const placement = placeSequenceLabels(
    { widthPx, heightPx, lanes: nodes, tMin, tMax, laneFontPx: LANE_FONT_PX },
    labelled ? layout.arrows : [], layout.marks, (row) => row.hl === true,
  );
  const x = (field: string) => ({
    field,
    type: "quantitative",
    scale: { domain: [-0.5, n - 0.5], nice: false, zero: false },
    axis: {
      orient: "top", title: null, values: nodes.map((_, i) => i), labelExpr: `${JSON.stringify(nodes)}[datum.value]`,
      grid: false, ticks: false, domain: false, labelFontSize: LANE_FONT_PX, labelFontWeight: "bold", labelColor: CHART_COLORS.ink,
    },
  });
  const y = (field: string) => ({
    field, type: "quantitative", title: timeTitle, scale: { domain: [tMin, tMax], nice: false, zero: false, reverse: true },
  });
  const byKind = options.color === "kind";
  const fateColor = (legend: boolean) => ({
    ...(byKind
      ? { field: "kind", type: "nominal", title: "message", scale: { domain: layout.messageKinds, range: messageKindColors(layout.messageKinds) } }
      : { field: "fate", type: "nominal", title: "message", scale: { domain: fates, range: fates.map((f) => FATE_COLORS[f]) } }),
    ...(legend ? {} : { legend: null }),
  });
  const messageTooltip = [
    { field: "id", type: "nominal", title: "message" },
    { field: "from", type: "nominal" },
    { field: "to", type: "nominal" },
    { field: "sendMs", type: "quantitative", title: "sent (ms)", format: ".4~g" },
    { field: "endMs", type: "quantitative", title: "arrived/dropped (ms)", format: ".4~g" },
    { field: "reason", type: "nominal", title: "fate" },
    ...(layout.arrows.some((a) => a.label !== undefined) ? [{ field: "label", type: "nominal" }] : []),
  ];
  // Down time is neutral grey on the lanes (vermillion is taken by lost messages).
  const kindRange = kindColors(layout.kinds).map((c, i) => (INTERVAL_GREY.has(layout.kinds[i]) ? CHART_COLORS.down : c));
  const lanes = nodes.map((node, lane) => ({ node, lane, t0: tMin, t1: tMax }));
  const layer: object[] = [
    {
      data: { values: lanes },
      mark: { type: "rule", color: CHART_COLORS.muted, strokeWidth: 1.5 },
      encoding: { x: x("lane"), y: y("t0"), y2: { field: "t1" }, tooltip: [{ field: "node", type: "nominal" }] },
    },
  ];
  if (layout.intervals.length > 0) {
    layer.push({
      // Open intervals (a crash without recovery) run to the end of the time axis.
      data: { values: layout.intervals.map((r) => (r.open ? { ...r, endMs: tMax } : r)) },
      mark: { type: "rect", opacity: 0.35 },
      encoding: {
        x: x("x1"), x2: { field: "x2" }, y: y("startMs"), y2: { field: "endMs" },
        color: { field: "kind", type: "nominal", title: "node event", scale: { domain: layout.kinds, range: kindRange } },
        tooltip: [
          { field: "node", type: "nominal" }, { field: "kind", type: "nominal" },
          { field: "startMs", type: "quantitative", title: "from (ms)", format: ".4~g" },
          { field: "endMs", type: "quantitative", title: "to (ms)", format: ".4~g" },
        ],
      },
    });
  }
  // Event points and their labels go on top of the arrows.
  const eventLayers: object[] = [];
  if (layout.marks.length > 0) {
    const tooltip = [{ field: "node", type: "nominal" }, { field: "kind", type: "nominal" }, { field: "startMs", type: "quantitative", title: "time (ms)", format: ".4~g" }];
    eventLayers.push({
      data: { values: layout.marks },
      mark: { type: "point", shape: "diamond", filled: true, size: 90 },
      encoding: {
        x: x("lane"), y: y("startMs"), tooltip,
        // Diamonds for state changes, a clock for a timer that fired (its shape scale resolved on its
        // own, like the colours, so the node-event legend shows each kind's colour and glyph).
        ...(layout.kinds.includes(TIMER_KIND) ? {
          shape: {
            field: "kind", type: "nominal", title: "node event",
            scale: { domain: layout.kinds, range: layout.kinds.map((k) => (k === TIMER_KIND ? CLOCK_PATH : "diamond")) },
            ...(layout.intervals.length > 0 ? { legend: null } : {}),
          },
          size: { condition: { test: `datum.kind === ${JSON.stringify(TIMER_KIND)}`, value: 240 }, value: 90 },
        } : {}),
        color: {
          field: "kind", type: "nominal", title: "node event", scale: { domain: layout.kinds, range: kindRange },
          ...(layout.intervals.length > 0 ? { legend: null } : {}),
        },
      },
    });
    for (const [side, bold] of [["right", false], ["left", false], ["right", true], ["left", true]] as const) {
      const shown = layout.marks.filter((m) => m.side === side && (m.hl === true) === bold);
      if (shown.length === 0) continue;
      eventLayers.push({
        data: { values: shown },
        mark: {
          type: "text", align: side === "right" ? "left" : "right", dx: side === "right" ? EVENT_LABEL_DX_PX : -EVENT_LABEL_DX_PX,
          fontSize: SEQUENCE_LABEL_FONT_PX, color: CHART_COLORS.ink, ...(bold ? { fontWeight: "bold" } : {}),
        },
        encoding: { x: x("lane"), y: y("startMs"), text: { field: "shown", type: "nominal" }, tooltip },
      });
    }
  }
  const arrows = { name: "messages" };
  layer.push({
    data: arrows,
    mark: { type: "rule" },
    encoding: {
      x: x("x1"), y: y("y1"), x2: { field: "x2" }, y2: { field: "y2" }, color: fateColor(true),
      strokeDash: {
        field: "fate", type: "nominal", title: byKind ? "fate" : "message", scale: { domain: fates, range: fates.map((f) => FATE_DASH[f]) },
        ...(byKind && fates.length === 1 ? { legend: null } : {}),
      },
      strokeWidth: { condition: { test: "datum.hl === true", value: 3.5 }, value: 1.8 },
      tooltip: messageTooltip,
    },
  });
  // Arrowheads: a triangle rotated to the arrow's on-screen direction (uses the width/height signals).
  const span = tMax - tMin;
  layer.push({
    data: arrows,
    transform: [
      { filter: "datum.end === 'arrow'" },
      { calculate: `atan2(-(datum.x2 - datum.x1) * width / ${n}, (datum.y2 - datum.y1) * height / ${span}) * 180 / PI`, as: "angle" },
    ],
    mark: { type: "point", shape: "triangle-down", filled: true, size: 70, opacity: 1 },
    encoding: { x: x("x2"), y: y("y2"), angle: { field: "angle", type: "quantitative", scale: null }, color: fateColor(false), tooltip: messageTooltip },
  });
  if (layout.arrows.some((a) => a.end === "cross")) {
    layer.push({
      data: arrows,
      transform: [{ filter: "datum.end === 'cross'" }],
      mark: { type: "point", shape: "cross", angle: 45, filled: true, size: 120, opacity: 1 },
      encoding: { x: x("x2"), y: y("y2"), color: fateColor(false), tooltip: messageTooltip },
    });
  }
  for (const bold of [false, true]) {
    if (!layout.arrows.some((a) => a.shown !== undefined && (a.hl === true) === bold)) continue;
    layer.push({
      data: arrows,
      transform: [{ filter: `isValid(datum.shown) && ${bold ? "datum.hl === true" : "datum.hl !== true"}` }],
      mark: { type: "text", fontSize: SEQUENCE_LABEL_FONT_PX, dy: MESSAGE_LABEL_DY_PX, color: CHART_COLORS.ink, ...(bold ? { fontWeight: "bold" } : {}) },
      encoding: { x: x("labelX"), y: y("labelY"), text: { field: "shown", type: "nominal" }, tooltip: messageTooltip },
    });
  }
  layer.push(...eventLayers);
  const spec: Record<string, unknown> = {
    width: widthPx,
    height: heightPx,
    datasets: { messages: layout.arrows },
    layer,
    // Message fates and node events use separate colour scales; strokeDash is resolved alongside so
    // the message legend merges colour and dash.
    resolve: { scale: { color: "independent", strokeDash: "independent", ...(layout.kinds.includes(TIMER_KIND) ? { shape: "independent" } : {}) } },
  };
  const note = hiddenNote(placement.hiddenMessages, placement.hiddenEvents);
  if (options.title !== undefined) spec.title = note === undefined ? options.title : { text: options.title, subtitle: note };
  else if (note !== undefined) spec.title = { text: note, fontSize: 13, fontWeight: "normal", color: "#444444" };
  const fateCounts = fates.map((f) => `${layout.arrows.filter((a) => a.fate === f).length} ${f}`);
  const kindCounts = layout.kinds.map((k) => `${k} (${[...layout.intervals, ...layout.marks].filter((e) => e.kind === k).length})`);
  const description = sentence(
    `sequence diagram of ${layout.arrows.length} messages between ${n} lanes (${listOf(nodes)}), ${timeTitle} running down from ${fmt(tMin)} to ${fmt(tMax)}`,
    fateCounts.length > 0 && `: ${listOf(fateCounts)}`,
    kindCounts.length > 0 && `; node events ${listOf(kindCounts)}`,
  );
  return Chart.of(spec).description(description);
}

/** "12 message labels are only in the tooltips (they would overprint others)", or undefined when all are drawn. */
function hiddenNote(messages: number, events: number): string | undefined {
  const parts = [messages > 0 && `${messages} message label${messages === 1 ? "" : "s"}`, events > 0 && `${events} event label${events === 1 ? "" : "s"}`].filter(Boolean);
  if (parts.length === 0) return undefined;
  const one = messages + events === 1;
  return `${parts.join(" and ")} ${one ? "is" : "are"} only in the tooltips (${one ? "it" : "they"} would overprint others)`;
}

function checkHighlight(value: unknown): Set<string> {
  if (value === undefined) return new Set();
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    throw new TypeError(`sequenceDiagram: options.highlight must be an array of message or event labels or kinds; got ${describeValue(value)}`);
  }
  return new Set(value);
}

function checkRange(range: unknown, lo: number, hi: number): [number, number] {
  const ok = Array.isArray(range) && range.length === 2 && range.every((v) => typeof v === "number" && Number.isFinite(v)) && range[0] < range[1];
  if (!ok || range[0] > lo || range[1] < hi) {
    throw new RangeError(`sequenceDiagram: options.timeRangeMs must be [from, to] covering the rows (${lo} to ${hi} ms); got ${describeValue(range)}`);
  }
  return [range[0], range[1]];
}
