// Draw every Vega-Lite output of the page with the vegaEmbed the bundle above put on window.
for (const holder of document.querySelectorAll("div.vega-chart")) {
  const spec = JSON.parse(holder.querySelector("script.vega-spec").textContent);
  const target = holder.querySelector("div.vega-target");
  window.vegaEmbed(target, spec, {
    renderer: "svg",
    actions: { export: true, source: false, compiled: false, editor: false },
  }).catch((error) => {
    target.textContent = "Chart could not be drawn: " + error;
    console.error(error);
  });
}
