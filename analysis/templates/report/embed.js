// Draw every Vega-Lite output of the page with the vegaEmbed the bundle above put on window,
// with the options the notebooks use (analysis.views.charts.EMBED_OPTIONS).
const options = JSON.parse(document.getElementById("vega-embed-options").textContent);
for (const holder of document.querySelectorAll("div.vega-chart")) {
  const spec = JSON.parse(holder.querySelector("script.vega-spec").textContent);
  const target = holder.querySelector("div.vega-target");
  window.vegaEmbed(target, spec, options).catch((error) => {
    target.textContent = "Chart could not be drawn: " + error;
    console.error(error);
  });
}
