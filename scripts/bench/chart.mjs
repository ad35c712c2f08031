// The ratio chart of docs/benchmarks.md, made with the project's own chart layer (src/charts Chart +
// src/display save). Each bar is a measured figure divided by its target, oriented so that >= 1
// means the target is met; the rule at 1 is the target.
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/** Saves the chart of `result.ratios` (from scripts/bench.mjs) to `file` (.svg, .png, .html, .json). */
export async function saveRatioChart(result, file, distDir) {
  const { Chart } = require(path.join(distDir, "index.js"));
  const { save } = require(path.join(distDir, "index.js"));
  const rows = result.ratios.filter((t) => t.value !== null).map((t) => {
    const higherIsBetter = t.op === ">=";
    const score = higherIsBetter ? t.value / t.target : t.target / t.value;
    const shown = t.value >= 100 ? t.value.toFixed(0) : t.value >= 10 ? t.value.toFixed(1) : t.value.toFixed(2);
    return { target: `${t.label} (${t.op} ${t.target})`, score, text: `${shown}`, verdict: t.met ? "met" : "missed" };
  });
  const m = result.machine;
  const lo = Math.min(0.5, ...rows.map((r) => r.score)) / 1.5;
  const hi = Math.max(2, ...rows.map((r) => r.score)) * 3;
  const x = { type: "quantitative", scale: { type: "log", domain: [lo, hi] } };
  const y = { field: "target", type: "nominal", sort: null, title: null, axis: { labelLimit: 420 } };
  const spec = {
    data: { values: rows.map((r) => ({ ...r, one: 1 })) },
    width: 360,
    height: { step: 30 },
    layer: [
      // A lollipop from the target (1) to the measured value: bars cannot start at 0 on a log scale.
      { mark: { type: "rule", strokeWidth: 3 }, encoding: { y, x: { field: "one", ...x, title: "measured / target (>= 1: met; log scale)" }, x2: { field: "score" },
        color: { field: "verdict", type: "nominal", scale: { domain: ["met", "missed"], range: ["#009E73", "#D55E00"] }, title: null } } },
      { mark: { type: "circle", size: 90, opacity: 1, tooltip: true }, encoding: { y, x: { field: "score", ...x }, color: { field: "verdict", type: "nominal" } } },
      { mark: { type: "text", align: "center", dy: -12 }, encoding: { y, x: { field: "score", ...x }, text: { field: "text" } } },
      { mark: { type: "rule", strokeDash: [4, 3] }, encoding: { x: { datum: 1, ...x } } },
    ],
  };
  const subtitle = `${m.cores} cores (${m.cpu}), Node ${m.node}, Python ${m.python}, SimPy ${m.simpy}; load ${m.loadavgStart[0]} -> ${m.loadavgEnd[0]}`;
  const chart = Chart.of(spec, "benchmark-ratios").title("distsys-lab against SimPy and a bare heap loop", subtitle);
  return save(chart, file);
}
