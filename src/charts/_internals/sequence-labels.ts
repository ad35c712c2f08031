/**
 * Where the labels of a sequence diagram go, so that no two of them overlap: a greedy pass over
 * estimated text boxes (DejaVu metrics, the pixels the chart is drawn at). Highlighted items come
 * first, then event labels (what a node did), then message labels in time order; each label tries a
 * few positions (message labels along their arrow, event labels right or left of the lane) and is
 * left to the tooltip when all of them collide with a label already placed, the lane names or the
 * edges of the plot.
 */
import { dejaVuTextWidth } from "./text-metrics";
import { Row } from "./rows";

/** The font size of arrow and event labels, px. */
export const SEQUENCE_LABEL_FONT_PX = 10;
/** How far above its anchor a message label sits (its `dy`), px. */
export const MESSAGE_LABEL_DY_PX = -6;
/** How far beside the lane an event label starts, px. */
export const EVENT_LABEL_DX_PX = 8;

/** The plot in pixels and the data ranges it shows. */
export interface LabelFrame {
  widthPx: number;
  heightPx: number;
  lanes: readonly string[];
  tMin: number;
  tMax: number;
  laneFontPx: number;
}

/** What was placed: rows gain `labelX`/`labelY` (data units) and `shown` (the drawn text); `hidden` counts the rest. */
export interface LabelPlacement {
  hiddenMessages: number;
  hiddenEvents: number;
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const PAD_X = 2;
const PAD_Y = 1;
/** Positions along the arrow a message label tries, as fractions from sender to receiver. */
const ALONG = [0.5, 0.35, 0.65, 0.2, 0.8];

const hit = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * Places the labels of `arrows` (rows with x1, y1, x2, y2 and label) and `marks` (rows with lane,
 * startMs and label), mutating the rows: a placed label gets `shown` (and for arrows `labelX`,
 * `labelY`; for marks `side`: "right" or "left"). `isHighlighted(row)` puts rows first (drawn bold).
 */
export function placeSequenceLabels(
  frame: LabelFrame, arrows: Row[], marks: Row[], isHighlighted: (row: Row) => boolean,
): LabelPlacement {
  const n = frame.lanes.length;
  const span = frame.tMax - frame.tMin;
  const px = (lane: number) => ((lane + 0.5) / n) * frame.widthPx;
  const py = (t: number) => ((t - frame.tMin) / span) * frame.heightPx;
  const width = (text: string, row: Row) =>
    dejaVuTextWidth({ fontSize: SEQUENCE_LABEL_FONT_PX, fontWeight: isHighlighted(row) ? "bold" : "normal" }, text);
  const half = SEQUENCE_LABEL_FONT_PX / 2 + PAD_Y;
  // The lane names above the plot are obstacles; labels stay inside the plot.
  const placed: Box[] = frame.lanes.map((name, i) => {
    const w = dejaVuTextWidth({ fontSize: frame.laneFontPx, fontWeight: "bold" }, name) / 2 + PAD_X;
    return { x1: px(i) - w, y1: -frame.laneFontPx - 8, x2: px(i) + w, y2: 0 };
  });
  const fits = (b: Box) => b.x1 >= 0 && b.x2 <= frame.widthPx && b.y1 >= 0 && b.y2 <= frame.heightPx && !placed.some((p) => hit(p, b));

  const placeArrow = (row: Row): boolean => {
    const text = row.label as string;
    const w = width(text, row) / 2 + PAD_X;
    const [x1, y1, x2, y2] = [row.x1, row.y1, row.x2, row.y2] as number[];
    for (const f of ALONG) {
      const lx = x1 + (x2 - x1) * f;
      const ly = y1 + (y2 - y1) * f;
      const cx = px(lx);
      const cy = py(ly) + MESSAGE_LABEL_DY_PX;
      const box = { x1: cx - w, y1: cy - half, x2: cx + w, y2: cy + half };
      if (fits(box)) {
        placed.push(box);
        Object.assign(row, { labelX: lx, labelY: ly, shown: text });
        return true;
      }
    }
    return false;
  };
  const placeMark = (row: Row): boolean => {
    const text = row.label as string;
    const w = width(text, row) + PAD_X;
    const x = px(row.lane as number);
    const cy = py(row.startMs as number);
    for (const side of ["right", "left"] as const) {
      const box = side === "right"
        ? { x1: x + EVENT_LABEL_DX_PX - PAD_X, y1: cy - half, x2: x + EVENT_LABEL_DX_PX + w, y2: cy + half }
        : { x1: x - EVENT_LABEL_DX_PX - w, y1: cy - half, x2: x - EVENT_LABEL_DX_PX + PAD_X, y2: cy + half };
      if (fits(box)) {
        placed.push(box);
        Object.assign(row, { side, shown: text });
        return true;
      }
    }
    return false;
  };

  const labelled = (rows: Row[]) => rows.filter((r) => typeof r.label === "string" && r.label !== "");
  const byTime = (key: string) => (a: Row, b: Row) => (a[key] as number) - (b[key] as number);
  const arrowRows = labelled(arrows).sort(byTime("y1"));
  const markRows = labelled(marks).sort(byTime("startMs"));
  let hiddenMessages = 0;
  let hiddenEvents = 0;
  const order: [Row, "arrow" | "mark"][] = [
    ...markRows.filter(isHighlighted).map((r) => [r, "mark"] as [Row, "mark"]),
    ...arrowRows.filter(isHighlighted).map((r) => [r, "arrow"] as [Row, "arrow"]),
    ...markRows.filter((r) => !isHighlighted(r)).map((r) => [r, "mark"] as [Row, "mark"]),
    ...arrowRows.filter((r) => !isHighlighted(r)).map((r) => [r, "arrow"] as [Row, "arrow"]),
  ];
  for (const [row, what] of order) {
    if (what === "arrow") {
      if (!placeArrow(row)) hiddenMessages++;
    } else if (!placeMark(row)) {
      hiddenEvents++;
    }
  }
  return { hiddenMessages, hiddenEvents };
}
