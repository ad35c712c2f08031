// A chart's Vega-Lite spec re-laid out for a slide: drawn at the size of the box the slide has for it,
// with its text, strokes and symbols scaled by the same factor, so the chart is re-rendered by vega at
// the slide's size (not an image stretched). Used in the reveal.js decks, in the page (the function
// is inlined into the deck as its source, so it must stay self-contained: no imports, no outer names),
// and in Node for the PowerPoint decks (scripts/lib/pptx.mjs).
//
// Single and layered views use Vega-Lite's autosize "fit", which fills the box exactly; concatenated
// views (the step-through replays) get their view sizes stretched by estimate, and a second call with
// the size the first one measured corrects the estimate.

/**
 * The spec scaled to fill `widthPx` x `heightPx` (the whole chart, padding included).
 * `naturalWidthPx` / `naturalHeightPx` are the chart's size as drawn in the notebook (its SVG's);
 * `measured` ({ widthPx, heightPx }), if given, is what the previous result drew at, for concatenated
 * views. Returns { spec, scale }: a new spec (the input is not changed) and the factor text is scaled by.
 */
export function slideSpec(spec, { widthPx, heightPx, naturalWidthPx, naturalHeightPx, measured = null, maxScale = 4 }) {
  var natW = naturalWidthPx > 0 ? naturalWidthPx : (typeof spec.width === "number" ? spec.width : 480);
  var natH = naturalHeightPx > 0 ? naturalHeightPx : (typeof spec.height === "number" ? spec.height : 300);
  var scale = Math.max(0.5, Math.min(maxScale, widthPx / natW, heightPx / natH));
  // Lengths in pixels (linear in the scale) and areas (quadratic), by property name, anywhere in the
  // spec except in data; "size" is a font size for text marks, an area for point-like marks.
  var LINEAR = /^(fontSize|labelFontSize|titleFontSize|subtitleFontSize|dx|dy|lineHeight|strokeWidth|symbolStrokeWidth|thickness|limit|labelLimit|titleLimit|offset|padding|spacing|labelSeparation|labelPadding|titlePadding|tickSize|cornerRadius|symbolOffset)$/;
  var AREA = /^(symbolSize)$/;
  var POINTLIKE = { point: 1, circle: 1, square: 1 };
  function markType(node) {
    var m = node && node.mark;
    return typeof m === "string" ? m : m && typeof m === "object" ? m.type : undefined;
  }
  function walk(node, key, mark) {
    if (Array.isArray(node)) return node.map(function (x) { return walk(x, key, mark); });
    if (!node || typeof node !== "object") return node;
    var out = {};
    var here = markType(node) || mark;
    Object.keys(node).forEach(function (k) {
      var v = node[k];
      if (k === "data" || k === "datasets" || k === "values" || k === "params" || k === "expr" || k === "domain") { out[k] = v; return; }
      if (typeof v === "number") {
        if (LINEAR.test(k) && !(k === "padding" && key === "scale" && v <= 1)) out[k] = v * scale;
        else if (AREA.test(k)) out[k] = v * scale * scale;
        else if (k === "size") out[k] = POINTLIKE[key === "point" ? "point" : here] ? v * scale * scale : v * scale;
        else if (k === "value" && (key === "x" || key === "y" || key === "x2" || key === "y2")) out[k] = v * scale;
        else out[k] = v;
        return;
      }
      out[k] = walk(v, k, here);
    });
    return out;
  }
  var scaled = walk(spec, "", undefined);
  var concat = scaled.vconcat ? "vconcat" : scaled.hconcat ? "hconcat" : scaled.concat ? "concat" : null;
  if (!concat && !scaled.facet && !scaled.repeat) {
    scaled.width = Math.max(10, Math.floor(widthPx));
    scaled.height = Math.max(10, Math.floor(heightPx));
    scaled.autosize = { type: "fit", contains: "padding" };
    return { spec: scaled, scale: scale };
  }
  var views = concat ? scaled[concat] : [scaled];
  var sizes = (concat ? spec[concat] : [spec]).map(function (v) { return { w: typeof v.width === "number" ? v.width : 0, h: typeof v.height === "number" ? v.height : 0 }; });
  // Short strips (a slider's track, a caption row) keep their height times the scale; the taller
  // views share what is left.
  var FLEX = 60;
  var innerW = concat === "hconcat" ? sizes.reduce(function (s, x) { return s + x.w; }, 0) : Math.max.apply(null, sizes.map(function (x) { return x.w; }));
  var flexH = concat === "vconcat" ? sizes.reduce(function (s, x) { return s + (x.h >= FLEX ? x.h : 0); }, 0) : Math.max.apply(null, sizes.map(function (x) { return x.h; }));
  var sx = innerW > 0 ? Math.max(scale, (widthPx - (natW - innerW) * scale) / innerW) : scale;
  var sy = flexH > 0 ? Math.max(scale, (heightPx - (natH - flexH) * scale) / flexH) : scale;
  if (measured && measured.widthPx > 0 && measured.heightPx > 0) {
    // The first estimate drew measured.widthPx x heightPx: move the view sizes by the difference.
    var prev = slideSpec(spec, { widthPx: widthPx, heightPx: heightPx, naturalWidthPx: natW, naturalHeightPx: natH, maxScale: maxScale });
    sx = prev.sx + (innerW > 0 ? (widthPx - measured.widthPx) / innerW : 0);
    sy = prev.sy + (flexH > 0 ? (heightPx - measured.heightPx) / flexH : 0);
  }
  views.forEach(function (view, i) {
    if (sizes[i].w > 0) view.width = Math.max(10, Math.floor(sizes[i].w * sx));
    if (sizes[i].h > 0) view.height = Math.max(4, Math.floor(sizes[i].h * (sizes[i].h >= FLEX || concat !== "vconcat" ? sy : scale)));
  });
  return { spec: scaled, scale: scale, sx: sx, sy: sy };
}
