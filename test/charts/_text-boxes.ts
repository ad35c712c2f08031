/**
 * The text of a rendered chart as boxes: compiles a Vega-Lite spec, runs a headless vega View
 * (renderer "none", text measured with the DejaVu metrics the SVG and PNG are drawn with) and walks
 * the scenegraph for every visible text item (marks, axis labels and titles, legend labels and
 * titles, chart title), with its bounds in absolute pixels. Also finds pairs of boxes that overlap.
 */
import { dejaVuTextWidth, TextStyle } from "../../src/charts/_internals/text-metrics";
import { useDejaVuTextMetrics } from "../../src/display/render";

/** One visible text item. */
export interface TextBox {
  text: string;
  /** The scenegraph role of its mark, e.g. "axis-label", "legend-label", "title-text", "mark". */
  role: string;
  /** The axis-aligned bounds in absolute pixels. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** The corners of the (possibly rotated) text box in absolute pixels, in order around it. */
  corners: [number, number][];
}

interface SceneItem {
  x?: number;
  y?: number;
  angle?: number;
  limit?: number;
  ellipsis?: string;
  text?: unknown;
  opacity?: number;
  fillOpacity?: number;
  fill?: unknown;
  bounds?: { x1: number; y1: number; x2: number; y2: number };
  items?: SceneMark[];
}
interface SceneMark {
  marktype?: string;
  role?: string;
  name?: string;
  items?: SceneItem[];
}

function textOf(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join("\n").trim();
  return value === undefined || value === null ? "" : String(value).trim();
}

/** Every visible, non-empty text item of the chart's scenegraph, in absolute pixel coordinates. */
export async function textBoxes(spec: object): Promise<TextBox[]> {
  useDejaVuTextMetrics();
  const vega = require("vega");
  const vl = require("vega-lite");
  const compiled = vl.compile(spec, { logger: vega.logger(vega.None) }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logLevel: vega.None });
  try {
    await view.runAsync();
    const boxes: TextBox[] = [];
    const visit = (mark: SceneMark, ox: number, oy: number, role: string) => {
      const markRole = mark.role && mark.role !== "mark" ? mark.role : role;
      for (const item of mark.items ?? []) {
        if (mark.marktype === "group") {
          for (const child of item.items ?? []) visit(child, ox + (item.x ?? 0), oy + (item.y ?? 0), markRole);
        } else if (mark.marktype === "text") {
          const text = textOf(item.text);
          const hidden = item.opacity === 0 || item.fillOpacity === 0 || item.fill === "transparent";
          if (text.length === 0 || hidden || !item.bounds) continue;
          const corners = textCorners(vega, item, text).map(([x, y]) => [x + ox, y + oy] as [number, number]);
          const xs = corners.map((c) => c[0]);
          const ys = corners.map((c) => c[1]);
          const box = { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
          if (!(box.x2 > box.x1 && box.y2 > box.y1)) continue;
          boxes.push({ text, role: mark.role ?? markRole, ...box, corners });
        }
      }
    };
    const root = view.scenegraph().root as SceneMark;
    visit(root, 0, 0, "root");
    return boxes;
  } finally {
    view.finalize();
  }
}

/**
 * The four corners of a text item's box in its group's coordinates: vega's own text bounds of the
 * unrotated item (the label as drawn, after vega shortens it to its `limit`), rotated by its angle
 * about its anchor, so slanted axis labels are compared as the slanted boxes they are.
 */
function textCorners(vega: any, item: SceneItem, text: string): [number, number][] {
  const flat = { ...item, angle: 0, text: shortened(item, text) };
  const b = vega.Marks.text.bound(new vega.Bounds(), flat);
  // Words need a gap (1 px more on each side, so "1,0002,000" counts), while line boxes, which
  // include ascent and descent, may share half a pixel with the next line.
  const [x1, x2, y1, y2] = [b.x1 - GAP_PX, b.x2 + GAP_PX, b.y1 + LINE_SLACK_PX, b.y2 - LINE_SLACK_PX];
  const box: [number, number][] = [[x1, y1], [x2, y1], [x2, y2], [x1, y2]];
  const angle = ((item.angle ?? 0) * Math.PI) / 180;
  if (!angle) return box;
  const cx = item.x ?? 0;
  const cy = item.y ?? 0;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return box.map(([x, y]) => [cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos]);
}

const GAP_PX = 1;
const LINE_SLACK_PX = 0.5;

/** The text as vega draws it within `item.limit` pixels (the same search as vega's own truncate). */
function shortened(item: SceneItem, text: string): string {
  const limit = Number(item.limit) || 0;
  if (!(limit > 0) || text.includes("\n")) return text;
  const width = (t: string) => dejaVuTextWidth(item as TextStyle, t);
  if (width(text) < limit) return text;
  const ellipsis = item.ellipsis ?? "\u2026";
  const room = limit - width(ellipsis);
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = 1 + ((lo + hi) >>> 1);
    if (width(text.slice(0, mid)) < room) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + ellipsis;
}

/** A pair of overlapping text boxes and how much they overlap (px in x and y). */
export interface Overlap {
  a: TextBox;
  b: TextBox;
  dx: number;
  dy: number;
}

/**
 * Pairs of text boxes that overlap: each box is the glyph box widened by 1 px on both sides (two
 * words need a gap) and trimmed by half a pixel at top and bottom (a line box includes ascent and
 * descent, so neighbouring lines may touch). Boxes are compared as the (possibly rotated)
 * rectangles they are: they overlap when their projections overlap on every edge normal.
 */
export function overlaps(boxes: readonly TextBox[]): Overlap[] {
  const found: Overlap[] = [];
  const sorted = [...boxes].sort((p, q) => p.x1 - q.x1);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].x1 < a.x2; j++) {
      const b = sorted[j];
      const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
      const dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
      if (!(dx > 0 && dy > 0)) continue;
      if (penetration(a.corners, b.corners) > 0) found.push({ a, b, dx, dy });
    }
  }
  return found;
}

/** The smallest overlap of the projections of two convex quadrilaterals over their edge normals (<= 0: apart). */
function penetration(p: [number, number][], q: [number, number][]): number {
  let depth = Infinity;
  for (const poly of [p, q]) {
    for (let k = 0; k < poly.length; k++) {
      const [x1, y1] = poly[k];
      const [x2, y2] = poly[(k + 1) % poly.length];
      const len = Math.hypot(x2 - x1, y2 - y1);
      if (len === 0) continue;
      const nx = (y1 - y2) / len;
      const ny = (x2 - x1) / len;
      const proj = (pts: [number, number][]) => pts.map(([x, y]) => x * nx + y * ny);
      const pa = proj(p);
      const pb = proj(q);
      depth = Math.min(depth, Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb)));
    }
  }
  return depth;
}

/** One line per overlap: `"label a" (role) x "label b" (role), 12x9 px`. */
export function describeOverlap(o: Overlap): string {
  const name = (t: TextBox) => `${JSON.stringify(t.text.length > 40 ? `${t.text.slice(0, 39)}…` : t.text)} (${t.role})`;
  return `${name(o.a)} x ${name(o.b)}, ${o.dx.toFixed(0)}x${o.dy.toFixed(0)} px`;
}
