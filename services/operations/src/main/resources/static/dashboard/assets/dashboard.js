// Draws each chart from its data attribute, redraws after a refresh, and refreshes the figures
// when the server says they changed (server-sent events), keeping the page where it is.
(function () {
  const charts = [];

  function draw() {
    charts.splice(0).forEach(chart => chart.destroy());
    document.querySelectorAll('canvas[data-chart]').forEach(canvas => {
      const spec = JSON.parse(canvas.dataset.chart);
      const percent = spec.unit === 'percent';
      charts.push(new Chart(canvas, {
        type: spec.kind,
        data: {
          labels: spec.labels,
          datasets: spec.series.map(series => Object.assign({label: series.label, data: series.values, spanGaps: true},
              series.color ? {borderColor: series.color, backgroundColor: series.color + 'B3'} : {}))
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: {
            x: {stacked: spec.stacked},
            y: {stacked: spec.stacked, beginAtZero: true, ticks: percent ? {callback: v => v + '%'} : {}}
          }
        }
      }));
    });
  }

  function refresh() {
    const main = document.getElementById('dashboard');
    if (main) {
      htmx.ajax('GET', main.dataset.refresh, {target: '#dashboard', swap: 'outerHTML'});
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    draw();
    document.body.addEventListener('htmx:afterSettle', draw);
    let pending = null;
    const source = new EventSource('/dashboard/events');
    source.addEventListener('change', () => {
      // A burst of changes is one refresh.
      if (pending === null) {
        pending = setTimeout(() => { pending = null; refresh(); }, 250);
      }
    });
  });
})();
