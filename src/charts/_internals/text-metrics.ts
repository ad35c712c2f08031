/**
 * Real text widths for Node rendering. Without a browser canvas, vega guesses every character to be
 * 0.8 em wide, while DejaVu Sans (the font the SVG and PNG are drawn with) averages about 0.6 em: axes,
 * legends and titles then reserve far too much room (empty space on the right of a chart) and
 * overlap checks see boxes that are not there. {@link dejaVuTextWidth} measures text with the advance
 * widths of the bundled DejaVu TTFs instead (read from their `cmap`, `hhea` and `hmtx` tables; kerning
 * is ignored, which changes widths by well under a pixel at chart sizes). The Node renderer
 * (display/render.ts) gives it to vega; builders use it to size charts around their labels.
 */
import * as fs from "fs";
import { dejaVuFontFiles } from "./fonts";

/** Advance widths of one font, in em. */
interface FontWidths {
  /** Advance width (em) per Unicode code point. */
  byCodePoint: Map<number, number>;
  /** Advance width (em) of the missing-glyph box, used for unmapped characters. */
  missing: number;
}

/** Reads the advance widths of a TrueType font from its tables. */
export function readFontWidths(file: string): FontWidths {
  const buf = fs.readFileSync(file);
  const tables = new Map<string, number>();
  const numTables = buf.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    tables.set(buf.toString("latin1", rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font ${file} has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = buf.readUInt16BE(table("head") + 18);
  const metrics = buf.readUInt16BE(table("hhea") + 34);
  const hmtx = table("hmtx");
  const advance = (glyph: number) => buf.readUInt16BE(hmtx + 4 * Math.min(glyph, metrics - 1)) / unitsPerEm;
  const byCodePoint = new Map<number, number>();
  const cmap = table("cmap");
  const subtables = buf.readUInt16BE(cmap + 2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < subtables; i++) {
    const platform = buf.readUInt16BE(cmap + 4 + 8 * i);
    const encoding = buf.readUInt16BE(cmap + 6 + 8 * i);
    const offset = cmap + buf.readUInt32BE(cmap + 8 + 8 * i);
    const format = buf.readUInt16BE(offset);
    if (platform === 3 && encoding === 10 && format === 12) format12 = offset;
    if (platform === 3 && encoding === 1 && format === 4) format4 = offset;
  }
  if (format12 >= 0) {
    const groups = buf.readUInt32BE(format12 + 12);
    for (let g = 0; g < groups; g++) {
      const at = format12 + 16 + 12 * g;
      const start = buf.readUInt32BE(at);
      const end = buf.readUInt32BE(at + 4);
      const glyph = buf.readUInt32BE(at + 8);
      for (let c = start; c <= end; c++) byCodePoint.set(c, advance(glyph + c - start));
    }
  } else if (format4 >= 0) {
    const segments = buf.readUInt16BE(format4 + 6) / 2;
    const ends = format4 + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const rangeOffsets = deltas + 2 * segments;
    for (let s = 0; s < segments; s++) {
      const end = buf.readUInt16BE(ends + 2 * s);
      const start = buf.readUInt16BE(starts + 2 * s);
      const delta = buf.readInt16BE(deltas + 2 * s);
      const rangeOffset = buf.readUInt16BE(rangeOffsets + 2 * s);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
        else {
          const raw = buf.readUInt16BE(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
          glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
        }
        if (glyph !== 0) byCodePoint.set(c, advance(glyph));
      }
    }
  } else {
    throw new Error(`font ${file} has no Unicode cmap subtable`);
  }
  return { byCodePoint, missing: advance(0) };
}

type Face = "regular" | "bold" | "oblique" | "boldOblique" | "mono";
const FACE_FILES: Record<Face, string> = {
  regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf", oblique: "DejaVuSans-Oblique.ttf",
  boldOblique: "DejaVuSans-BoldOblique.ttf", mono: "DejaVuSansMono.ttf",
};
const faces = new Map<Face, FontWidths>();

function faceWidths(face: Face): FontWidths {
  let widths = faces.get(face);
  if (widths === undefined) {
    const file = dejaVuFontFiles().find((f) => f.endsWith(`/${FACE_FILES[face]}`) || f.endsWith(`\\${FACE_FILES[face]}`));
    if (file === undefined) throw new Error(`DejaVu font ${FACE_FILES[face]} not found`);
    widths = readFontWidths(file);
    faces.set(face, widths);
  }
  return widths;
}

/** The style of a text item that picks its face (vega text items carry these fields). */
export interface TextStyle {
  font?: string;
  fontSize?: number;
  fontWeight?: string | number;
  fontStyle?: string;
}

function faceOf(style: TextStyle): Face {
  if (typeof style.font === "string" && /mono/i.test(style.font)) return "mono";
  const w = style.fontWeight;
  const bold = w === "bold" || w === "bolder" || (typeof w === "number" && w >= 600) || (typeof w === "string" && Number(w) >= 600);
  const oblique = style.fontStyle === "italic" || style.fontStyle === "oblique";
  return bold ? (oblique ? "boldOblique" : "bold") : oblique ? "oblique" : "regular";
}

/** The width in pixels of `text` drawn in DejaVu at the item's size (11 px when unset, as in vega). */
export function dejaVuTextWidth(style: TextStyle, text: string): number {
  const size = style.fontSize != null ? Number(style.fontSize) || 0 : 11;
  if (size <= 0 || text.length === 0) return 0;
  const widths = faceWidths(faceOf(style));
  let em = 0;
  for (const ch of text) em += widths.byCodePoint.get(ch.codePointAt(0)!) ?? widths.missing;
  return em * size;
}
