import { checkPositive } from "../validate";
import { Chart } from "./chart";
import { CHART_COLORS } from "./theme";
import { checkOptions, Row } from "./_internals/rows";
import { messageKindColors } from "./_internals/message-colors";
import { layoutSequence } from "./_internals/sequence-layout";
import { MESSAGE_LABEL_DY_PX, placeSequenceLabels, SEQUENCE_LABEL_FONT_PX } from "./_internals/sequence-labels";
import { checkReplayRows, REPLAY_MAX_STEPS } from "./_internals/replay-rows";
import { fmt, listOf, sentence } from "./_internals/describe";

export { REPLAY_MAX_STEPS } from "./_internals/replay-rows";
export type { ReplayMark, ReplayMessage, ReplayOutage, ReplayRows, ReplayStateLine, ReplayStep } from "./_internals/replay-rows";
import type { ReplayMessage, ReplayRows, ReplayStep } from "./_internals/replay-rows";

/** Options of {@link replayChart}. */
export interface ReplayChartOptions {
  /** Chart title. @defaultValue none */
  title?: string;
  /** Plot height of the lanes in pixels (time runs downward). @defaultValue 300 */
  heightPx?: number;
  /** Width per lane in pixels; state lines longer than a lane are cut with an ellipsis. @defaultValue 150 */
  laneWidthPx?: number;
  /** Title of the state panel. @defaultValue "state after this step" */
  stateTitle?: string;
}

const KEYS = ["title", "heightPx", "laneWidthPx", "stateTitle"] as const;
const CAPTION_FONT_PX = 13;
const STATE_FONT_PX = 11;
const STATE_LINE_PX = 16;
const FATE_DASH: Record<string, number[]> = { delivered: [1, 0], duplicate: [5, 3], lost: [1, 0], dropped: [2, 2], "in-flight": [4, 3] };

/**
 * A replay of a run, one step at a time, with no kernel: a slider (a Vega-Lite parameter `step` bound
 * to a range input) runs over the steps; at step k the messages that arrived so far are drawn as
 * arrows, messages still travelling as dashed lines to where they are at that moment (a dot at the
 * head), the current event is ringed and described in the caption above the lanes, and the panel under
 * the lanes shows each node's state after step k (a changed line in bold). Only parameters, filters
 * and expressions, no callbacks: it works the same in JupyterLab, in a saved HTML figure and in a deck;
 * the static SVG/PNG shows the last step (the parameter's default). At most {@link REPLAY_MAX_STEPS} steps.
 * @example const rows = replayRows(run.trace, { state: clientServerState });
 *   await show(replayChart(rows, { title: "A lost ACK" }).name("01-replay"));
 */
export function replayChart(rows: ReplayRows, options: ReplayChartOptions = {}): Chart {
  checkOptions("replayChart", options, KEYS);
  if (options.heightPx !== undefined) checkPositive("replayChart: options.heightPx", options.heightPx);
  if (options.laneWidthPx !== undefined) checkPositive("replayChart: options.laneWidthPx", options.laneWidthPx);
  const { nodes, steps, messages, marks, outages, states } = checkReplayRows(rows);
  const last = steps.length;
  const layout = layoutSequence(messages.length > 0 ? messages : [], null, nodes);
  const byId = new Map(messages.map((m) => [String(m.id), m]));
  const arrows: Row[] = layout.arrows.map((a) => {
    const m = byId.get(String(a.id)) as ReplayMessage;
    return { ...a, sendStep: m.sendStep, endStep: m.endStep ?? last + 1 };
  });
  const n = nodes.length;
  const tMin = Math.min(layout.tMin, ...steps.map((s) => s.t));
  const tMax = Math.max(layout.tMax, ...steps.map((s) => s.t), tMin + 1);
  const widthPx = Math.max(300, (options.laneWidthPx ?? 150) * n);
  const heightPx = options.heightPx ?? 300;
  placeSequenceLabels({ widthPx, heightPx, lanes: nodes, tMin, tMax, laneFontPx: 13 }, arrows, [], () => false);
  const lane = (field: string, axis: boolean) => ({
    field, type: "quantitative", scale: { domain: [-0.5, n - 0.5], nice: false, zero: false },
    axis: axis
      ? { orient: "top", title: null, values: nodes.map((_, i) => i), labelExpr: `${JSON.stringify(nodes)}[datum.value]`, grid: false, ticks: false, domain: false, labelFontSize: 13, labelFontWeight: "bold", labelColor: CHART_COLORS.ink }
      : null,
  });
  const x = (field: string) => lane(field, true);
  const y = (field: string) => ({ field, type: "quantitative", title: "time (ms)", scale: { domain: [tMin, tMax], nice: false, zero: false, reverse: true } });
  const kinds = layout.messageKinds;
  // Every layer carries the same colour definition, so the one legend (by message kind) is kept.
  const color = () => ({ field: "kind", type: "nominal", title: "message", scale: { domain: kinds, range: messageKindColors(kinds) } });
  const tooltip = [
    { field: "label", type: "nominal", title: "message" }, { field: "from", type: "nominal" }, { field: "to", type: "nominal" },
    { field: "sendMs", type: "quantitative", title: "sent (ms)", format: ".4~g" }, { field: "reason", type: "nominal", title: "fate" },
  ];
  const arrived = "datum.endStep <= step";
  const travelling = "datum.sendStep <= step && datum.endStep > step";
  const laneLayers: object[] = [
    { data: { values: nodes.map((node, i) => ({ node, lane: i, t0: tMin, t1: tMax })) }, mark: { type: "rule", color: CHART_COLORS.muted, strokeWidth: 1.5 }, encoding: { x: x("lane"), y: y("t0"), y2: { field: "t1" } } },
    {
      // Now: a faint line across all lanes at the time of the current step.
      data: { values: [{ x1: -0.5, x2: n - 0.5 }] }, transform: [{ calculate: "stepMs", as: "t" }],
      mark: { type: "rule", color: CHART_COLORS.muted, strokeDash: [2, 3], strokeWidth: 1 }, encoding: { x: x("x1"), x2: { field: "x2" }, y: y("t") },
    },
  ];
  if (outages.length > 0) {
    laneLayers.push({
      data: { values: outages.map((o) => ({ ...o, lane: nodes.indexOf(o.node), endStep: o.endStep ?? last + 1, endMs: o.endMs ?? tMax })) },
      transform: [
        { filter: "datum.startStep <= step" },
        { calculate: "datum.lane - 0.3", as: "x1" }, { calculate: "datum.lane + 0.3", as: "x2" },
        { calculate: "datum.endStep <= step ? datum.endMs : stepMs", as: "until" },
      ],
      mark: { type: "rect", color: CHART_COLORS.down, opacity: 0.5 },
      encoding: { x: x("x1"), x2: { field: "x2" }, y: y("startMs"), y2: { field: "until" } },
    });
  }
  laneLayers.push(
    {
      data: { name: "messages" }, transform: [{ filter: arrived }],
      mark: { type: "rule", strokeWidth: 1.8 },
      encoding: {
        x: x("x1"), y: y("y1"), x2: { field: "x2" }, y2: { field: "y2" }, color: color(),
        strokeDash: { field: "fate", type: "nominal", title: "fate", scale: { domain: layout.fates, range: layout.fates.map((f) => FATE_DASH[f]) }, ...(layout.fates.every((f) => f === "delivered" || f === "lost") ? { legend: null } : {}) },
        tooltip,
      },
    },
    {
      data: { name: "messages" },
      transform: [
        { filter: `${arrived} && datum.end === 'arrow'` },
        { calculate: `atan2(-(datum.x2 - datum.x1) * width / ${n}, (datum.y2 - datum.y1) * height / ${tMax - tMin}) * 180 / PI`, as: "angle" },
      ],
      mark: { type: "point", shape: "triangle-down", filled: true, size: 70, opacity: 1 },
      encoding: { x: x("x2"), y: y("y2"), angle: { field: "angle", type: "quantitative", scale: null }, color: color(), tooltip },
    },
    {
      data: { name: "messages" }, transform: [{ filter: `${arrived} && datum.end === 'cross'` }],
      mark: { type: "point", shape: "cross", angle: 45, filled: true, size: 120, opacity: 1 },
      encoding: { x: x("x2"), y: y("y2"), color: color(), tooltip },
    },
    {
      // Travelling: a dashed line from the sender to where the message is at the current step's time.
      data: { name: "messages" },
      transform: [
        { filter: travelling },
        { calculate: "datum.y2 > datum.y1 ? clamp((stepMs - datum.y1) / (datum.y2 - datum.y1), 0, 1) : 1", as: "f" },
        { calculate: "datum.x1 + (datum.x2 - datum.x1) * datum.f", as: "xNow" },
        { calculate: "datum.y1 + (datum.y2 - datum.y1) * datum.f", as: "yNow" },
      ],
      layer: [
        { mark: { type: "rule", strokeWidth: 1.8, strokeDash: [4, 3] }, encoding: { x: x("x1"), y: y("y1"), x2: { field: "xNow" }, y2: { field: "yNow" }, color: color(), tooltip } },
        { mark: { type: "point", shape: "circle", filled: true, size: 45, opacity: 1 }, encoding: { x: x("xNow"), y: y("yNow"), color: color(), tooltip } },
      ],
    },
  );
  if (arrows.some((a) => a.shown !== undefined)) {
    laneLayers.push({
      data: { name: "messages" }, transform: [{ filter: `${arrived} && isValid(datum.shown)` }],
      mark: { type: "text", fontSize: SEQUENCE_LABEL_FONT_PX, dy: MESSAGE_LABEL_DY_PX, color: CHART_COLORS.ink },
      encoding: { x: x("labelX"), y: y("labelY"), text: { field: "shown", type: "nominal" }, tooltip },
    });
  }
  if (marks.length > 0) {
    laneLayers.push({
      data: { values: marks.map((m) => ({ ...m, lane: nodes.indexOf(m.node) })) }, transform: [{ filter: "datum.step <= step" }],
      mark: { type: "point", shape: "diamond", filled: true, size: 80, color: CHART_COLORS.ink },
      encoding: { x: x("lane"), y: y("t"), tooltip: [{ field: "node", type: "nominal" }, { field: "kind", type: "nominal" }, { field: "t", type: "quantitative", title: "time (ms)" }] },
    });
  }
  laneLayers.push({
    data: { name: "steps" }, transform: [{ filter: "datum.step === step" }],
    mark: { type: "point", shape: "circle", filled: false, size: 420, strokeWidth: 2.5, color: CHART_COLORS.bad, opacity: 1 },
    encoding: { x: x("ringX"), y: y("ringY") },
  });
  const crossAt = new Map(arrows.filter((a) => a.end === "cross").map((a) => [`${String(a.id)}@${String(a.endStep)}`, a]));
  const stepRows = steps.map((s) => ({ ...s, ...ringAt(s, crossAt, nodes), caption: `step ${s.step} of ${last}, ${fmt(s.t)} ms: ${s.text}` }));
  const maxLines = Math.max(1, ...states.map((s) => s.line + 1));
  const spec: Record<string, unknown> = {
    params: [
      { name: "step", value: last, bind: { input: "range", min: 1, max: last, step: 1, name: "step " } },
      { name: "stepMs", expr: `${JSON.stringify(steps.map((s) => s.t))}[step - 1]` },
    ],
    datasets: { messages: arrows, steps: stepRows },
    spacing: 12,
    vconcat: [
      {
        width: widthPx, height: CAPTION_FONT_PX + 6, data: { name: "steps" }, transform: [{ filter: "datum.step === step" }],
        mark: { type: "text", align: "left", baseline: "middle", fontSize: CAPTION_FONT_PX, color: CHART_COLORS.ink, limit: widthPx + 160 },
        encoding: { x: { value: 0 }, y: { value: (CAPTION_FONT_PX + 6) / 2 }, text: { field: "caption", type: "nominal" } },
      },
      { width: widthPx, height: heightPx, layer: laneLayers },
      {
        width: widthPx, height: maxLines * STATE_LINE_PX,
        title: { text: options.stateTitle ?? "state after this step", fontSize: 12, fontWeight: "normal", color: "#444444", anchor: "start", offset: 4 },
        data: { values: states.map((s) => ({ ...s, lane: nodes.indexOf(s.node), toStep: s.toStep ?? last + 1 })) },
        transform: [{ filter: "datum.fromStep <= step && step < datum.toStep" }, { calculate: "datum.changed && datum.fromStep === step", as: "now" }],
        encoding: {
          x: lane("lane", false),
          y: { field: "line", type: "quantitative", scale: { domain: [-0.5, maxLines - 0.5], reverse: true, nice: false, zero: false }, axis: null },
          text: { field: "text", type: "nominal" },
        },
        // A line that changed at this step is bold and vermillion.
        layer: [false, true].map((now) => ({
          transform: [{ filter: now ? "datum.now" : "!datum.now" }],
          mark: {
            type: "text", baseline: "middle", fontSize: STATE_FONT_PX, limit: (options.laneWidthPx ?? 150) - 8,
            color: now ? CHART_COLORS.bad : CHART_COLORS.ink, ...(now ? { fontWeight: "bold" } : {}),
          },
        })),
      },
    ],
    resolve: { scale: { color: "independent", strokeDash: "independent" } },
  };
  if (options.title !== undefined) spec.title = options.title;
  const fates = layout.fates.map((f) => `${arrows.filter((a) => a.fate === f).length} ${f}`);
  const description = sentence(
    `step-through replay of ${steps.length} steps between ${n} lanes (${listOf(nodes)}), from ${fmt(steps[0].t)} to ${fmt(steps[last - 1].t)} ms, with a slider over the step`,
    messages.length > 0 && `; ${messages.length} messages: ${listOf(fates)}`,
    `; the last step: ${steps[last - 1].text}`,
  );
  return Chart.of(spec).description(description);
}

/** Where a step is ringed: on its node's lane at its time, or, for the drop of a message, at its cross. */
function ringAt(s: ReplayStep, crossAt: Map<string, Row>, nodes: readonly string[]): { ringX: number; ringY: number } {
  const cross = s.messageId === undefined ? undefined : crossAt.get(`${String(s.messageId)}@${s.step}`);
  return cross === undefined ? { ringX: nodes.indexOf(s.node), ringY: s.t } : { ringX: cross.x2 as number, ringY: cross.y2 as number };
}
