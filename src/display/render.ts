/**
 * Node rendering without a browser: Vega-Lite -> Vega -> SVG (vega's headless "none" renderer),
 * and SVG -> PNG with resvg and the bundled DejaVu fonts (no system fonts, so output is identical
 * on every machine and text never vanishes).
 */
import { createHash } from "crypto";
import type { Chart } from "../charts/chart";
import { dejaVuFontFiles } from "../charts/_internals/fonts";
import { dejaVuTextWidth, TextStyle } from "../charts/_internals/text-metrics";

export { dejaVuFontFiles } from "../charts/_internals/fonts";

type Vega = typeof import("vega");
type VegaLite = typeof import("vega-lite");
type ResvgModule = typeof import("@resvg/resvg-js");

let metricsInstalled = false;

/**
 * Makes vega (the copy this package loads) measure text with the DejaVu advance widths the SVG and
 * PNG are drawn with, for layout and bounds in Node (vega's own guess without a canvas is 0.8 em per
 * character, which leaves empty space beside axes and legends). Idempotent. The width is raw (no
 * truncation), as vega's canvas measure is: vega applies label limits itself, measuring candidates.
 */
export function useDejaVuTextMetrics(): void {
  if (metricsInstalled) return;
  const vega = require("vega") as { textMetrics: { width: (item: TextStyle, text: unknown) => number } };
  vega.textMetrics.width = (item, text) => dejaVuTextWidth(item, text == null ? "" : String(text).trim());
  metricsInstalled = true;
}

/** Scale of PNG output relative to the SVG size (2 = crisp on high-DPI screens and slides). */
export const PNG_SCALE = 2;

/** The compiled Vega spec plus any warnings from Vega-Lite (e.g. an encoding it had to drop). */
export interface CompiledChart {
  vegaSpec: object;
  warnings: string[];
}

/** Compiles the chart's Vega-Lite spec to Vega, collecting warnings instead of printing them. */
export function compileChart(chart: Chart): CompiledChart {
  const vl: VegaLite = require("vega-lite");
  const vega: Vega = require("vega");
  const warnings: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (_method, _level, input) => {
    warnings.push(Array.from(input as ArrayLike<unknown>, String).join(" "));
  });
  try {
    const out = vl.compile(chart.toSpec() as never, { logger });
    return { vegaSpec: out.spec, warnings };
  } catch (error) {
    throw new Error(`Cannot compile chart (${chart.describe()}): ${(error as Error).message}`);
  }
}

/**
 * Renders a chart to SVG text. The output is byte-stable: the same chart gives the same bytes in any
 * process (vega's global id counters for clip paths and gradients are renumbered, see {@link stableSvgIds}).
 */
export async function renderSvg(chart: Chart): Promise<string> {
  const vega: Vega = require("vega");
  useDejaVuTextMetrics();
  const { vegaSpec } = compileChart(chart);
  const view = new vega.View(vega.parse(vegaSpec as never), { renderer: "none", logLevel: vega.Error });
  try {
    const svg = await view.toSVG();
    return stableSvgIds(accessibleSvg(svg, chart));
  } finally {
    view.finalize();
  }
}

/**
 * Renders a chart to SVG synchronously (same bytes as {@link renderSvg}). Works for charts whose data
 * is inline, as every builder's is; returns null when vega needs asynchronous work (say, data loaded
 * from a URL), in which case use renderSvg. Uses vega 5 View internals (`_viewWidth`, `_origin`,
 * `_scenegraph`) the way vega-view's own `renderHeadless` does; a test compares it with renderSvg.
 */
export function renderSvgSync(chart: Chart): string | null {
  const vega: Vega = require("vega");
  useDejaVuTextMetrics();
  const { vegaSpec } = compileChart(chart);
  const view = new vega.View(vega.parse(vegaSpec as never), { renderer: "none", logLevel: vega.Error });
  try {
    view.run();
    const v = view as unknown as { _pulse: unknown; _viewWidth: number; _viewHeight: number; _origin: [number, number]; _scenegraph: { root: unknown } };
    if (v._pulse !== null && v._pulse !== undefined) return null; // evaluation is waiting on something asynchronous
    const headless = (vega as unknown as { renderModule(type: string): { headless: new (loader: unknown) => any } }).renderModule("svg").headless;
    const pad = view.padding() as { left: number; right: number; top: number; bottom: number };
    const renderer = new headless(view.loader())
      .initialize(null, Math.max(0, v._viewWidth + pad.left + pad.right), Math.max(0, v._viewHeight + pad.top + pad.bottom), [pad.left + v._origin[0], pad.top + v._origin[1]], 1, undefined)
      .background(view.background());
    renderer.render(v._scenegraph.root);
    return stableSvgIds(accessibleSvg(renderer.svg() as string, chart));
  } finally {
    view.finalize();
  }
}

/**
 * Makes the SVG say what it shows: `role="img"` and `aria-label` (the chart's alt text) on the root,
 * and a `<title>` (the chart title, or its figure name) and `<desc>` (its description) as its first
 * children, which screen readers and image viewers read.
 */
export function accessibleSvg(svg: string, chart: Chart): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (!open) return svg;
  const spec = chart.toSpec();
  const title = typeof spec.title === "string" ? spec.title : (spec.title as { text?: unknown } | undefined)?.text;
  const titleText = Array.isArray(title) ? title.join(" ") : typeof title === "string" ? title : chart.figureName ?? "Chart";
  const tag = open[0].replace(/>$/, ` role="img" aria-label="${escapeXml(chart.altText())}">`);
  return `${tag}<title>${escapeXml(titleText)}</title><desc>${escapeXml(chart.descriptionText())}</desc>${svg.slice(open[0].length)}`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/**
 * Renames every `id="..."` in an SVG and rewrites the references to it (`url(#id)`, `href="#id"`), so
 * ids no longer depend on vega's global counters: ids become `<p>-0`, `<p>-1`, ... in order of
 * appearance, where the prefix `<p>` is a hash of the SVG itself. Same chart -> same bytes; two
 * different charts on one page (a notebook, an HTML export) never share an id.
 */
export function stableSvgIds(svg: string): string {
  const ids = new Map<string, number>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!ids.has(match[1])) ids.set(match[1], ids.size);
  }
  if (ids.size === 0) return svg;
  const rename = (name: (i: number) => string) =>
    svg.replace(/(\sid=")([^"]+)(")|(url\(#)([^)]+)(\))|(href=")#([^"]+)(")/g, (whole, a1, id1, a3, b1, id2, b3, c1, id3, c3) => {
      if (id1 !== undefined) return ids.has(id1) ? `${a1}${name(ids.get(id1)!)}${a3}` : whole;
      if (id2 !== undefined) return ids.has(id2) ? `${b1}${name(ids.get(id2)!)}${b3}` : whole;
      return ids.has(id3) ? `${c1}#${name(ids.get(id3)!)}${c3}` : whole;
    });
  // Hash the SVG with placeholder ids, so the prefix does not depend on the original counter values.
  const prefix = `v${createHash("sha1").update(rename((i) => `@${i}`)).digest("hex").slice(0, 8)}`;
  return rename((i) => `${prefix}-${i}`);
}

/** A rasterized image: PNG bytes plus sizes. */
export interface RasterImage {
  /** PNG file bytes. */
  png: Buffer;
  /** Raw RGBA pixels, row by row (`width * height * 4` bytes). */
  pixels: Buffer;
  /** Pixel width and height of the PNG. */
  width: number;
  height: number;
  /** Size at 1x in CSS pixels (the size to display it at). */
  widthPx: number;
  heightPx: number;
  /** `width / widthPx`. */
  scale: number;
}

/** Options of {@link rasterizeSvg}. */
export interface RasterizeOptions {
  /** Pixels per CSS pixel. @defaultValue 2 ({@link PNG_SCALE}) */
  scale?: number;
  /** Load the bundled DejaVu fonts; false renders without any font (for tests). @defaultValue true */
  fonts?: boolean;
}

/** Rasterizes SVG text to PNG with resvg, using only the bundled DejaVu fonts. */
export function rasterizeSvg(svg: string, options: RasterizeOptions = {}): RasterImage {
  const scale = options.scale ?? PNG_SCALE;
  if (typeof scale !== "number" || !Number.isFinite(scale) || scale <= 0 || scale > 8) {
    throw new RangeError(`rasterizeSvg: options.scale must be a number in (0, 8]; got ${scale}`);
  }
  const { Resvg }: ResvgModule = require("@resvg/resvg-js");
  const fonts = options.fonts !== false;
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: {
      loadSystemFonts: false,
      fontFiles: fonts ? dejaVuFontFiles() : [],
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
      serifFamily: "DejaVu Sans",
      monospaceFamily: "DejaVu Sans Mono",
    },
    logLevel: "off",
  });
  const widthPx = resvg.width;
  const heightPx = resvg.height;
  const image = resvg.render();
  return { png: image.asPng(), pixels: image.pixels, width: image.width, height: image.height, widthPx, heightPx, scale };
}

/** Renders a chart to PNG at `scale` (2 by default). */
export async function renderPng(chart: Chart, options: RasterizeOptions = {}): Promise<RasterImage> {
  return rasterizeSvg(await renderSvg(chart), options);
}
