// Draws the analytics page's figures with plotly.js (served by the platform) from the page's JSON data.
(function () {
  "use strict";

  const LAYOUT = { margin: { t: 10, r: 10, b: 60, l: 60 }, height: 320, barmode: "group" };
  const CONFIG = { displaylogo: false, responsive: true };

  function overall(rows) {
    return rows.filter((row) => row.scope === "all");
  }

  function bar(x, y, name, extra) {
    return Object.assign({ type: "bar", x: x, y: y, name: name }, extra || {});
  }

  // Per figure: the traces to draw from its rows, and any layout of its own.
  const CHARTS = {
    funnel(rows) {
      const stages = overall(rows).filter((row) => row.reached !== null);
      return {
        traces: [
          bar(stages.map((r) => r.stage), stages.map((r) => r.reached), "Reached", {
            text: stages.map((r) => (r.conversion === null ? "" : Math.round(r.conversion * 100) + "%")),
            textposition: "auto",
          }),
          bar(stages.map((r) => r.stage), stages.map((r) => r.current), "In it now"),
        ],
      };
    },
    conversion(rows) {
      const recruiters = [...new Set(rows.map((row) => row.scope_name))];
      return {
        traces: recruiters.map((name) => {
          const mine = rows.filter((row) => row.scope_name === name);
          return bar(mine.map((r) => r.stage), mine.map((r) => r.advance_rate), name);
        }),
        layout: { yaxis: { tickformat: ".0%", range: [0, 1] } },
      };
    },
    "time-in-stage"(rows) {
      const stages = overall(rows);
      return {
        traces: [
          bar(stages.map((r) => r.stage), stages.map((r) => r.median_hours), "Median hours"),
          bar(stages.map((r) => r.stage), stages.map((r) => r.mean_hours), "Mean hours"),
        ],
      };
    },
    scores(rows) {
      const buckets = overall(rows);
      return { traces: [bar(buckets.map((r) => r.bucket), buckets.map((r) => r.applications), "Applications")] };
    },
    "missing-skills"(rows) {
      const skills = overall(rows).reverse();
      return {
        traces: [bar(skills.map((r) => r.applications), skills.map((r) => r.skill), "Applications", { orientation: "h" })],
        layout: { margin: { t: 10, r: 10, b: 40, l: 160 } },
      };
    },
    sources(rows) {
      return {
        traces: [
          bar(rows.map((r) => r.label), rows.map((r) => r.candidates), "Candidates"),
          bar(rows.map((r) => r.label), rows.map((r) => r.applications), "Applications"),
        ],
      };
    },
  };

  function draw() {
    const data = JSON.parse(document.getElementById("analytics-data").textContent);
    document.querySelectorAll(".analytics-chart").forEach((element) => {
      const chart = CHARTS[element.dataset.figure];
      const rows = data[element.dataset.figure] || [];
      if (!chart || !rows.length) {
        element.textContent = "No data.";
        return;
      }
      const spec = chart(rows);
      window.Plotly.newPlot(element, spec.traces, Object.assign({}, LAYOUT, spec.layout || {}), CONFIG);
    });
  }

  document.addEventListener("DOMContentLoaded", draw);
})();
