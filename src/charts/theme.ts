/**
 * The one theme every chart uses: readable font sizes, a colour-blind-safe palette and the
 * DejaVu Sans font, so that charts rendered in Node (SVG, PNG) and in browsers look alike.
 *
 * {@link Chart.toSpec} merges this config under any config a chart sets itself.
 */

/** The font family every chart uses. DejaVu Sans is bundled for Node rendering (dejavu-fonts-ttf). */
export const CHART_FONT = "DejaVu Sans, sans-serif";

/**
 * Okabe-Ito colour-blind-safe palette, ordered so the first colours have the best contrast on white
 * (the pale yellow comes last but one).
 */
export const OKABE_ITO: readonly string[] = Object.freeze([
  "#0072B2", // blue
  "#E69F00", // orange
  "#009E73", // bluish green
  "#D55E00", // vermillion
  "#56B4E9", // sky blue
  "#CC79A7", // reddish purple
  "#000000", // black
  "#F0E442", // yellow
]);

/** Named colours for meanings that recur across charts (simulated, closed form, failures, ...). */
export const CHART_COLORS = Object.freeze({
  primary: "#0072B2",
  secondary: "#E69F00",
  good: "#009E73",
  bad: "#D55E00",
  muted: "#999999",
  down: "#BBBBBB",
  ink: "#222222",
});

/** Sequential colour scheme for heatmaps (perceptually uniform and colour-blind safe). */
export const CHART_SEQUENTIAL_SCHEME = "viridis";

/** Default plot size in pixels (inner plotting area). */
export const CHART_DEFAULT_SIZE = Object.freeze({ widthPx: 480, heightPx: 300 });

/** Returns a fresh copy of the Vega-Lite config object of the theme. */
export function chartTheme(): Record<string, unknown> {
  return {
    font: CHART_FONT,
    background: "white",
    padding: 8,
    view: { stroke: null },
    title: { fontSize: 16, subtitleFontSize: 13, anchor: "start", offset: 10, subtitleColor: "#444444" },
    axis: {
      labelFontSize: 12,
      titleFontSize: 13,
      titleFontWeight: "normal",
      labelColor: "#333333",
      titleColor: "#222222",
      gridColor: "#E6E6E6",
      domainColor: "#888888",
      tickColor: "#888888",
      // Labels closer than this are thinned out (vega's default 0 lets "1,000" and "2,000" touch).
      labelSeparation: 6,
    },
    legend: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: "normal", symbolSize: 120, titleLimit: 320, labelLimit: 320 },
    header: { labelFontSize: 13, titleFontSize: 13 },
    text: { fontSize: 11 },
    mark: { tooltip: { content: "encoding" } },
    range: {
      category: [...OKABE_ITO],
      heatmap: { scheme: CHART_SEQUENTIAL_SCHEME },
      ramp: { scheme: CHART_SEQUENTIAL_SCHEME },
    },
    line: { strokeWidth: 2 },
    point: { size: 40, filled: true },
    bar: { color: CHART_COLORS.primary },
  };
}
