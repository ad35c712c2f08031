// A lecture (lecture.mjs) as a PowerPoint deck, written with pptxgenjs: a title slide, then one slide
// per named chart (Chart.name(...)) with the section's question as the title, the chart, and the
// finding as the caption; the chart's alt text (its title and description) is the picture's alt text
// and the speaker notes. Each chart is re-rendered for the slide (slide-spec.mjs: the spec drawn at the
// picture's size, text scaled with it) by the project's own renderer (dist/display/render.js), and
// embedded as SVG with a 2x PNG beside it: PowerPoint 2016+ draws the SVG, Keynote, Google Slides and
// LibreOffice the PNG.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { REPO } from "./bootstrap.mjs";
import { svgSize } from "./deck.mjs";
import { slideSpec } from "./slide-spec.mjs";

const require = createRequire(import.meta.url);

/** Slide geometry in inches (16:9, PowerPoint's "widescreen"), and the pixels per inch charts are drawn at. */
export const PPTX_LAYOUT = Object.freeze({
  widthIn: 13.333, heightIn: 7.5, marginIn: 0.5, pxPerIn: 96, pngScale: 2,
  title: { yIn: 0.3, hIn: 0.95 }, chart: { yIn: 1.3, hIn: 5.05 }, caption: { yIn: 6.45, hIn: 0.8 },
});
const FONT = "Arial";

/** Renders a chart spec for a box of widthPx x heightPx: { svg, png, widthPx, heightPx }. */
async function renderForBox(chart, widthPx, heightPx) {
  const { renderSvg, rasterizeSvg } = require(path.join(REPO, "dist", "display", "render.js"));
  const { Chart } = require(path.join(REPO, "dist", "index.js"));
  const natural = svgSize(chart.svg);
  const size = { widthPx, heightPx, naturalWidthPx: natural.widthPx, naturalHeightPx: natural.heightPx };
  let scaled = slideSpec(chart.spec, size);
  let svg = await renderSvg(Chart.of(scaled.spec, chart.name));
  if (scaled.sx !== undefined) {
    // Concatenated views: a second pass with the size the first one came out at.
    scaled = slideSpec(chart.spec, { ...size, measured: svgSize(svg) });
    svg = await renderSvg(Chart.of(scaled.spec, chart.name));
  }
  const drawn = svgSize(svg);
  return { svg, png: rasterizeSvg(svg, { scale: PPTX_LAYOUT.pngScale }).png, ...drawn };
}

/**
 * Writes `file` (folders created) and returns { slides, pictures }: the number of slides, and of
 * charts on them. Only named charts get a slide (unnamed ones are a notebook's scratch work).
 */
export async function writePptx(lecture, file) {
  const PptxGenJS = require("pptxgenjs");
  const JSZip = require("jszip");
  const L = PPTX_LAYOUT;
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  pptx.title = lecture.title.text;
  const boxW = L.widthIn - 2 * L.marginIn;

  const titleSlide = pptx.addSlide();
  titleSlide.addText(lecture.title.text, { x: L.marginIn, y: 2.2, w: boxW, h: 1.6, fontFace: FONT, fontSize: 40, bold: true, color: "222222", fit: "shrink", valign: "bottom" });
  const lead = lecture.sections[0]?.slides[0]?.texts?.[0];
  if (lead) titleSlide.addText(lead, { x: L.marginIn, y: 4.0, w: boxW, h: 1.4, fontFace: FONT, fontSize: 20, color: "444444", fit: "shrink", valign: "top" });

  const pngs = []; // [slide number, PNG bytes] for the SVG pictures' fallback images
  let pictures = 0;
  for (const section of lecture.sections) {
    for (const s of section.slides) {
      if (s.kind !== "chart" || !s.chart.named) continue;
      const slide = pptx.addSlide();
      slide.addText(s.title?.text ?? lecture.title.text, { x: L.marginIn, y: L.title.yIn, w: boxW, h: L.title.hIn, fontFace: FONT, fontSize: 28, bold: true, color: "222222", fit: "shrink", valign: "middle" });
      const box = { w: boxW, h: L.chart.hIn };
      const drawn = await renderForBox(s.chart, Math.floor(box.w * L.pxPerIn), Math.floor(box.h * L.pxPerIn));
      // Fitted into the box (the drawing is at most the box's size; vega rounds a pixel either way).
      const k = Math.min(box.w / (drawn.widthPx / L.pxPerIn), box.h / (drawn.heightPx / L.pxPerIn), 1);
      const w = (drawn.widthPx / L.pxPerIn) * k;
      const h = (drawn.heightPx / L.pxPerIn) * k;
      slide.addImage({
        data: `data:image/svg+xml;base64,${Buffer.from(drawn.svg).toString("base64")}`,
        x: L.marginIn + (box.w - w) / 2, y: L.chart.yIn + (box.h - h) / 2, w, h,
        altText: s.chart.alt,
      });
      pngs.push([pptx.slides.length, drawn.png]);
      pictures++;
      if (s.caption) slide.addText(s.caption.text, { x: L.marginIn, y: L.caption.yIn, w: boxW, h: L.caption.hIn, fontFace: FONT, fontSize: 18, color: "333333", fit: "shrink", valign: "top" });
      slide.addNotes([s.caption?.text, s.chart.alt, ...s.notesText].filter(Boolean).join("\n\n"));
    }
  }
  const zip = await JSZip.loadAsync(await pptx.write({ outputType: "nodebuffer" }));
  // pptxgenjs cannot draw an SVG's PNG fallback in Node (it writes a "broken image" placeholder,
  // its issue 401): put the chart's own 2x PNG in that file.
  for (const [n, png] of pngs) {
    const rels = await zip.file(`ppt/slides/_rels/slide${n}.xml.rels`).async("string");
    const targets = [...rels.matchAll(/Target="\.\.\/media\/([^"]+\.png)"/g)].map((m) => m[1]);
    if (targets.length !== 1) throw new Error(`${file}: slide ${n} should have one PNG, has ${targets.length}`);
    zip.file(`ppt/media/${targets[0]}`, png);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return { slides: pptx.slides.length, pictures };
}
