// The script of a reveal.js deck (deck.mjs) that draws each chart for its slide: when the slide is laid
// out (shown, or near the one shown) and again whenever the window changes size, it measures the room
// the slide leaves for the chart, scales the chart's Vega-Lite spec to it (slide-spec.mjs, inlined) and
// draws it with vega-embed, so tooltips, sliders and replays stay live; the static SVG from the
// notebook stays until then, and if the scripts cannot run. window.fitCharts() returns a promise that
// settles once every laid-out chart is drawn (the browser test waits on it).
import { slideSpec } from "./slide-spec.mjs";

/** The deck's chart script, to put in a <script> element after reveal.js has been initialised. */
export const EMBED_JS = `
(function () {
  ${slideSpec.toString()}
  var queue = Promise.resolve();
  function isConcat(spec) { return Boolean(spec.vconcat || spec.hconcat || spec.concat); }
  function hasBindings(spec) { return (spec.params || []).some(function (p) { return p.bind; }); }
  function svgOf(box) { return box.querySelector(".chart-live svg"); }
  /** Draws the figure's chart for the room its slide gives it (nothing if the slide is not laid out). */
  function fit(figure) {
    var box = figure.querySelector(".chart-box");
    var W = box.clientWidth, H = box.clientHeight;
    if (W < 40 || H < 40) return Promise.resolve();
    var key = W + "x" + H;
    if (figure.getAttribute("data-fit") === key) return Promise.resolve();
    figure.setAttribute("data-fit", key);
    var spec = JSON.parse(figure.querySelector("script.chart-spec").textContent);
    var fontPx = parseFloat(getComputedStyle(figure).fontSize) || 24;
    var reserve = hasBindings(spec) ? Math.ceil(2.2 * fontPx * 0.6) : 0;
    var size = { widthPx: W, heightPx: H - reserve,
      naturalWidthPx: Number(figure.getAttribute("data-width")), naturalHeightPx: Number(figure.getAttribute("data-height")) };
    var live = box.querySelector(".chart-live");
    if (!live) { live = document.createElement("div"); live.className = "chart-live"; live.style.visibility = "hidden"; box.appendChild(live); }
    function embed(extra) {
      if (figure._view) { figure._view.finalize(); figure._view = null; }
      var scaled = slideSpec(spec, Object.assign({}, size, extra || {}));
      return vegaEmbed(live, scaled.spec, {
        renderer: "svg",
        actions: { export: true, source: false, compiled: false, editor: false },
        downloadFileName: figure.getAttribute("data-name") || "chart"
      }).then(function (result) { figure._view = result.view; figure.setAttribute("data-scale", scaled.scale.toFixed(3)); return result; });
    }
    return embed().then(function () {
      if (!isConcat(spec)) return;
      var svg = svgOf(box);
      return embed({ measured: { widthPx: Number(svg.getAttribute("width")), heightPx: Number(svg.getAttribute("height")) } });
    }).then(function () {
      // Whatever the estimate missed (a slider row taller than reserved), the vector SVG is fitted into the box.
      var svg = svgOf(box);
      var bindings = live.querySelector(".vega-bindings");
      var room = H - (bindings ? bindings.offsetHeight : 0);
      var w = Number(svg.getAttribute("width")), h = Number(svg.getAttribute("height"));
      var k = Math.min(1, W / w, room / h);
      if (k < 1) { svg.style.width = (w * k) + "px"; svg.style.height = (h * k) + "px"; }
      var fallback = box.querySelector(".chart-static");
      if (fallback) fallback.remove();
      live.style.visibility = "";
      figure.setAttribute("data-embedded", "true");
      figure.removeAttribute("data-embed-error");
    }).catch(function (error) {
      figure.removeAttribute("data-fit");
      figure.setAttribute("data-embed-error", String(error && error.message || error));
    });
  }
  /** The current slide's charts first, then every other chart whose slide is laid out, one at a time. */
  function fitAll() {
    var current = Reveal.getCurrentSlide();
    var figures = Array.prototype.slice.call(document.querySelectorAll("figure.chart"));
    figures.sort(function (a, b) { return (current && current.contains(b) ? 1 : 0) - (current && current.contains(a) ? 1 : 0); });
    figures.forEach(function (figure) { queue = queue.then(function () { return fit(figure); }); });
    return queue;
  }
  window.fitCharts = fitAll;
  Reveal.on("ready", fitAll);
  Reveal.on("slidechanged", fitAll);
  Reveal.on("resize", fitAll);
})();
`;
