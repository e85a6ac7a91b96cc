// Draws every chart on the page from the JSON spec the server put beside it.
// Specs: {kind: "bar"|"hbar"|"map", x: [...], series: [{key, data}], stack, regions, cities}.
(function () {
  "use strict";
  var labels = JSON.parse(document.getElementById("labels").textContent);
  function label(key) { return Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : key; }

  var TONE_COLOURS = { positive: "#3a9a5b", neutral: "#b8b8b8", negative: "#b5475c" };

  // Each category's values as percentages of its total: the tone distribution of a subject.
  function asPercent(series) {
    var totals = series[0].data.map(function (_, i) {
      return series.reduce(function (sum, s) { return sum + s.data[i]; }, 0);
    });
    return series.map(function (s) {
      return { key: s.key, data: s.data.map(function (v, i) { return totals[i] ? Math.round(1000 * v / totals[i]) / 10 : 0; }) };
    });
  }

  function cartesian(spec) {
    var horizontal = spec.kind === "hbar";
    if (spec.percent) { spec = Object.assign({}, spec, { series: asPercent(spec.series) }); }
    var names = spec.translate ? spec.x.map(label) : spec.x;   // people and outlets keep their names
    var categories = { type: "category", data: names, axisLabel: { width: 170, overflow: "truncate" } };
    var values = spec.percent ? { type: "value", max: 100, axisLabel: { formatter: "{value} %" } }
                              : { type: "value", minInterval: 1 };
    if (horizontal) { categories.inverse = true; }
    return {
      tooltip: { trigger: "axis" },
      legend: spec.series.length > 1 ? { top: 0 } : undefined,
      grid: { left: horizontal ? 180 : 40, right: 16, top: spec.series.length > 1 ? 30 : 10, bottom: 30 },
      xAxis: horizontal ? values : categories,
      yAxis: horizontal ? categories : values,
      series: spec.series.map(function (s) {
        return { type: "bar", name: label(s.key), data: s.data, stack: spec.stack ? "all" : undefined,
                 itemStyle: spec.percent && TONE_COLOURS[s.key] ? { color: TONE_COLOURS[s.key] } : undefined };
      })
    };
  }

  function map(spec, geojson) {
    echarts.registerMap("kz", geojson);
    var top = Math.max(1, Math.max.apply(null, spec.regions.map(function (r) { return r.articles; }).concat([0])));
    return {
      tooltip: { trigger: "item", formatter: function (p) {
        return p.seriesType === "scatter" ? p.name + ": " + p.value[2] + " " + label("event_count")
                                          : p.name + ": " + (p.value || 0) + " " + label("articles").toLowerCase();
      } },
      visualMap: { min: 0, max: top, left: 0, bottom: 0, calculable: true, seriesIndex: 0,
                   inRange: { color: ["#eef3f8", "#1f5f99"] }, text: [String(top), "0"] },
      geo: { map: "kz", roam: true, itemStyle: { borderColor: "#889" } },
      series: [
        { type: "map", geoIndex: 0, name: label("regions"),
          data: spec.regions.map(function (r) { return { name: r.region, value: r.articles }; }) },
        { type: "scatter", coordinateSystem: "geo", name: label("events"), symbolSize: function (v) { return 8 + 3 * v[2]; },
          itemStyle: { color: "#d9480f" },
          data: spec.cities.map(function (c) { return { name: c.city, value: [c.lon, c.lat, c.events] }; }) }
      ]
    };
  }

  function draw(element) {
    var spec = JSON.parse(document.getElementById(element.id + "-spec").textContent);
    var chart = echarts.init(element, null, { renderer: "svg" });
    window.addEventListener("resize", function () { chart.resize(); });
    if (spec.kind === "map") {
      fetch("/static/geo/kz-regions-2024.geojson").then(function (r) { return r.json(); })
        .then(function (geojson) { chart.setOption(map(spec, geojson)); element.dataset.drawn = "1"; });
    } else {
      chart.setOption(cartesian(spec));
      element.dataset.drawn = "1";
    }
  }

  // A table marked sortable sorts by a column when its heading is clicked (again: the other way).
  function sortable(table) {
    table.querySelectorAll("thead th").forEach(function (th, column) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0], down = th.dataset.order !== "down";
        var key = function (row) {
          var cell = row.cells[column], value = cell.dataset.value || cell.textContent.replace(/[%\s\u00a0]|\(.*\)/g, "");
          return isNaN(parseFloat(value)) ? cell.textContent.trim().toLowerCase() : parseFloat(value);
        };
        Array.from(body.rows).sort(function (a, b) {
          var x = key(a), y = key(b);
          return (x < y ? -1 : x > y ? 1 : 0) * (down ? -1 : 1);
        }).forEach(function (row) { body.appendChild(row); });
        th.dataset.order = down ? "down" : "up";
      });
    });
  }

  document.querySelectorAll(".chart").forEach(draw);
  document.querySelectorAll("table.sortable").forEach(sortable);
})();
