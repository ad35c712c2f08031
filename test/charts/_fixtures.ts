/** Sample charts of every builder, built from fixed rows (no randomness), shared by the chart and display tests. */
import * as fs from "fs";
import * as path from "path";
import { Chart } from "../../src/charts/chart";
import { ecdfChart } from "../../src/charts/ecdf";
import { heatmapChart } from "../../src/charts/heatmap";
import { histogramChart } from "../../src/charts/histogram";
import { outcomeChart } from "../../src/charts/outcome";
import { sequenceDiagram } from "../../src/charts/sequence";
import { sweepChart } from "../../src/charts/sweep";
import { timelineChart } from "../../src/charts/timeline";
import { withClosedFormTicks } from "../../src/charts/closed-form-ticks";
import { dotPlotChart } from "../../src/charts/dot-plot";
import { pmfChart } from "../../src/charts/pmf";
import { ladderMatrixChart } from "../../src/charts/ladder-matrix";
import { withIntegerXAxis, withSecondaryYAxis } from "../../src/charts/axes";

export const outcomeRows = [
  { outcome: "executed once", p: 0.62, lo: 0.59, hi: 0.65, n: 1000 },
  { outcome: "executed twice", p: 0.23, lo: 0.2, hi: 0.26, n: 1000 },
  { outcome: "never executed", p: 0.15, lo: 0.13, hi: 0.17, n: 1000 },
];

export const sweepRows = [0.05, 0.1, 0.2, 0.3, 0.4].flatMap((lossRate) =>
  [100, 200].map((timeoutMs) => {
    const p = (1 - lossRate) ** (timeoutMs === 100 ? 2 : 1.5);
    return { lossRate, timeoutMs, p, lo: p - 0.03, hi: Math.min(1, p + 0.03), exact: (1 - lossRate) ** 2 };
  }),
);

export const histogramRows = [0, 1, 2, 3, 4, 5].map((i) => {
  const count = Math.round(400 * Math.exp(-i / 1.5));
  return { x0: i * 10, x1: i * 10 + 10, count, density: count / (1000 * 10) };
});
export const densityCurve = Array.from({ length: 31 }, (_, i) => ({ x: i * 2, density: Math.exp(-i * 2 / 15) / 15 }));

export const ecdfRows = [1, 2, 3, 5, 8, 13].flatMap((x, i, all) => [
  { x, p: (i + 1) / all.length, series: "no retries" },
  { x: x * 0.6, p: (i + 1) / all.length, series: "with retries" },
]);

export const heatmapRows = [0, 0.1, 0.2, 0.3].flatMap((lossRate) =>
  [50, 100, 200].map((timeoutMs) => ({ lossRate, timeoutMs, p: Math.round((1 - lossRate) ** (200 / timeoutMs) * 1000) / 1000 })),
);

export const timelineRows = [
  { node: "s1", t: 120, kind: "crash" },
  { node: "s1", start: 120, end: 300, kind: "down" },
  { node: "s1", t: 300, kind: "recover" },
  { node: "s2", t: 210, kind: "failure" },
  { node: "s3", start: 400, end: null, kind: "down" },
];

export const traceMessages = [
  { id: 1, from: "client", to: "server", sendMs: 0, deliverMs: 12, fate: "delivered", label: "cmd 1" },
  { id: 2, from: "server", to: "client", sendMs: 13, deliverMs: null, fate: "lost", label: "ack 1" },
  { id: 3, from: "client", to: "server", sendMs: 40, deliverMs: 51, fate: "delivered", label: "cmd 1 (retry)" },
  { id: 3, from: "client", to: "server", sendMs: 40, deliverMs: 63, fate: "duplicate", label: "cmd 1 (dup)" },
  { id: 4, from: "server", to: "backup", sendMs: 52, deliverMs: 60, fate: "dropped", label: "forward" },
  { id: 5, from: "server", to: "client", sendMs: 64, deliverMs: 75, fate: "delivered", label: "ack 1" },
];
export const traceEvents = [
  { node: "backup", startMs: 45, endMs: 80, kind: "crash", label: "crashed" },
  { node: "server", startMs: 51, kind: "execute", label: "x := 1" },
  { node: "server", startMs: 63, kind: "execute", label: "x := 1 again" },
];

/** One chart per builder (and variant), keyed by snapshot name. */
export function sampleCharts(): Record<string, Chart> {
  const sweep = sweepChart(sweepRows, { x: "lossRate", y: "p", lo: "lo", hi: "hi", color: "timeoutMs", closedForm: "exact", title: "Success vs loss" });
  return {
    outcome: outcomeChart(outcomeRows, { title: "Outcomes of one command" }),
    sweep,
    "sweep-plain": sweepChart(sweepRows.filter((r) => r.timeoutMs === 100), { x: "lossRate", y: "p", logY: true }),
    "sweep-closed-form-rows": sweepChart(sweepRows.filter((r) => r.timeoutMs === 100), {
      x: "lossRate", y: "p", lo: "lo", hi: "hi",
      closedForm: [0, 0.1, 0.2, 0.3, 0.4, 0.5].map((lossRate) => ({ lossRate, p: (1 - lossRate) ** 2 })),
    }),
    histogram: histogramChart(histogramRows, { overlay: densityCurve, xTitle: "delay (ms)" }),
    "histogram-counts": histogramChart(histogramRows, { xTitle: "delay (ms)" }),
    ecdf: ecdfChart(ecdfRows, { xTitle: "latency (ms)" }),
    heatmap: heatmapChart(heatmapRows, { x: "lossRate", y: "timeoutMs", color: "p", labels: true }),
    timeline: timelineChart(timelineRows, { title: "Crashes and recoveries" }),
    sequence: sequenceDiagram(traceMessages, traceEvents, { title: "Client-server with acknowledgments" }),
    "sweep-function": sweepChart(sweepRows, { x: "lossRate", y: "p", color: "timeoutMs", closedForm: (p: number, t?: string | number) => (1 - p) ** (t === 100 ? 2 : 1.5), closedFormSamples: 40 }),
    "outcome-ticks": withClosedFormTicks(outcomeChart(outcomeRows.map((r, i) => ({ ...r, exact: [0.6, 0.25, 0.15][i] }))), "exact"),
    "heatmap-intervals": heatmapChart(heatmapRows.map((r) => ({ ...r, lo: Math.max(0, r.p - 0.04), hi: Math.min(1, r.p + 0.03), n: 400 })),
      { x: "lossRate", y: "timeoutMs", color: "p", lo: "lo", hi: "hi", n: "n", labels: true }),
    "dot-plot": dotPlotChart([{ figure: "vendor datasheet", minutes: 900, source: "A", kind: "MTTF" }, { figure: "field study", minutes: 60, source: "B", kind: "AFR" }],
      { label: "figure", value: "minutes", color: "source", shape: "kind", logValue: true, reference: { value: 10, label: "2-year MTBF" } }),
    pmf: pmfChart([0, 1, 2, 3].map((k) => ({ k, p: [0.1, 0.4, 0.4, 0.1][k], lo: [0.08, 0.37, 0.37, 0.08][k], hi: [0.12, 0.43, 0.43, 0.12][k], exact: [0.125, 0.375, 0.375, 0.125][k] })), { x: "k", exact: "exact" }),
    "ladder-matrix": ladderMatrixChart(["naive", "paxos"].flatMap((protocol) => ["lost command", "divergence"].map((property) => ({ protocol, property, broken: protocol === "naive" ? 0.5 : 0 })))),
    "secondary-axis": withSecondaryYAxis(withIntegerXAxis(sweepChart([{ r: 1, p: 0.2 }, { r: 2, p: 0.04 }, { r: 3, p: 0.008 }], { x: "r", y: "p", logY: true })),
      { factor: 1440, title: "per day", domain: [1e-3, 1], log: true }),
  };
}

/** The repository root (holding the distsys-lab package.json), for committed snapshot files. */
export function repoRoot(): string {
  const candidates: string[] = [];
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    candidates.push(dir);
    if (path.dirname(dir) === dir) break;
  }
  candidates.push(process.cwd());
  for (const dir of candidates) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, "utf8")).name === "distsys-lab") return dir;
  }
  throw new Error("cannot find the distsys-lab repository root; run the tests from /work/main");
}
