// Draw the timeline's Vega-Lite spec (read from a JSON data block, never evaluated as code).
(function () {
  "use strict";
  var holder = document.getElementById("t-spec");
  var target = document.getElementById("t-chart");
  if (!holder || !target || typeof vegaEmbed !== "function") { return; }
  var spec = JSON.parse(holder.textContent);
  vegaEmbed(target, spec, {
    renderer: "svg",
    actions: { export: true, source: false, compiled: false, editor: false },
    // Marks link to pages of this server only.
    loader: vega.loader({ target: "_self" }),
    tooltip: { theme: "light" }
  }).then(function (result) {
    document.body.setAttribute("data-chart", "ready");
    window.tallyChart = result.view;
  }).catch(function (error) {
    target.textContent = "The chart could not be drawn: " + error.message;
  });
})();
