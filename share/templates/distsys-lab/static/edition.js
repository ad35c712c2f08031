// The HTML edition (npm run html): every chart becomes a live vega-embed view (tooltips, export menu,
// sliders), drawn over its static SVG, which is removed only once the view is there; and one button
// opens or closes every code cell. No request leaves the page: vega, vega-lite and vega-embed come from
// vendor/ beside it.
(function () {
  var figures = document.querySelectorAll("figure.edition-chart");
  Array.prototype.forEach.call(figures, function (figure) {
    if (typeof vegaEmbed !== "function") return;
    var spec = JSON.parse(figure.querySelector("script.edition-chart-spec").textContent);
    var target = document.createElement("div");
    target.className = "edition-chart-live";
    target.style.display = "none";
    figure.appendChild(target);
    vegaEmbed(target, spec, {
      renderer: "svg",
      actions: { export: true, source: false, compiled: false, editor: false },
      downloadFileName: figure.getAttribute("data-name") || "chart"
    }).then(function () {
      var fallback = figure.querySelector(".edition-chart-static");
      if (fallback) fallback.remove();
      target.style.display = "";
      figure.setAttribute("data-embedded", "true");
    }).catch(function (error) {
      figure.setAttribute("data-embed-error", String((error && error.message) || error));
    });
  });

  var button = document.querySelector(".edition-code-toggle");
  var cells = document.querySelectorAll("details.edition-code");
  if (!button || cells.length === 0) return;
  button.hidden = false;
  var label = function () {
    var open = Array.prototype.every.call(cells, function (d) { return d.open; });
    button.textContent = open ? "Hide all code" : "Show all code";
    return open;
  };
  button.addEventListener("click", function () {
    var open = !label();
    Array.prototype.forEach.call(cells, function (d) { d.open = open; });
    label();
  });
  Array.prototype.forEach.call(cells, function (d) { d.addEventListener("toggle", label); });
  label();
})();
