/*
 * Draws each instrument's chart on the pair page and the report from the data-chart attribute the server wrote
 * (the same numbers as GET /api/v1/pairs/{id}/trends). A static file because the CSP allows no inline script.
 */
(function () {
  'use strict';

  var COLOURS = {
    total: '#0b57a4',
    cutoff: '#a61b1b',
    band: 'rgba(11, 87, 164, 0.10)',
    mean: 'rgba(11, 87, 164, 0.55)',
    trend: '#b45309',
    rupture: '#a61b1b',
    repair: '#2f7a3b',
    subscales: ['#6d28d9', '#0f766e', '#be185d', '#4d7c0f', '#9a3412'],
    predicted: '#7c3aed',
    own: '#0f766e'
  };
  var RUPTURE_LABELS = {
    'below-cutoff': 'below cutoff',
    'reliable-drop': 'reliable drop',
    'personal-drop': 'drop from own mean',
    'unrepaired': 'unrepaired rupture'
  };

  function line(x1, x2, y1, y2) {
    return [{ x: x1, y: y1 }, { x: x2, y: y2 }];
  }

  function datasets(d) {
    var xs = d.points.map(function (p) { return p.x; });
    var first = xs.length ? Math.min.apply(null, xs) : 1;
    var last = xs.length ? Math.max.apply(null, xs) : 1;
    if (first === last) { first -= 0.5; last += 0.5; }
    var sets = [{
      label: 'Total', data: d.points, borderColor: COLOURS.total, backgroundColor: COLOURS.total,
      borderWidth: 2.5, pointRadius: 3.5, tension: 0, order: 1
    }];
    if (d.mean !== null && d.sd !== null) {
      sets.push({
        label: 'Mean + 1 SD', data: line(first, last, d.mean + d.sd, d.mean + d.sd), borderWidth: 0,
        pointRadius: 0, fill: '+1', backgroundColor: COLOURS.band, order: 5
      });
      sets.push({
        label: 'Mean − 1 SD', data: line(first, last, d.mean - d.sd, d.mean - d.sd), borderWidth: 0,
        pointRadius: 0, fill: false, order: 5
      });
    }
    if (d.mean !== null) {
      sets.push({
        label: 'Mean', data: line(first, last, d.mean, d.mean), borderColor: COLOURS.mean, borderWidth: 1,
        borderDash: [2, 3], pointRadius: 0, order: 4
      });
    }
    if (d.cutoff !== null) {
      sets.push({
        label: 'Cutoff', data: line(first, last, d.cutoff, d.cutoff), borderColor: COLOURS.cutoff,
        borderWidth: 1.5, borderDash: [6, 4], pointRadius: 0, order: 3
      });
    }
    if (d.slope !== null && d.intercept !== null) {
      sets.push({
        label: 'Trend', data: line(first, last, d.intercept + d.slope * first, d.intercept + d.slope * last),
        borderColor: COLOURS.trend, borderWidth: 1.5, borderDash: [10, 4], pointRadius: 0, order: 2
      });
    }
    var ruptures = d.markers.filter(function (m) { return m.type !== 'repair'; });
    var repairs = d.markers.filter(function (m) { return m.type === 'repair'; });
    if (ruptures.length) {
      sets.push({
        label: 'Rupture', type: 'scatter', data: ruptures, pointStyle: 'triangle', rotation: 180,
        pointRadius: 8, borderColor: COLOURS.rupture, backgroundColor: COLOURS.rupture, order: 0
      });
    }
    if (repairs.length) {
      sets.push({
        label: 'Repair', type: 'scatter', data: repairs, pointStyle: 'rectRot', pointRadius: 7,
        borderColor: COLOURS.repair, backgroundColor: COLOURS.repair, order: 0
      });
    }
    // The therapist's forms (issue 16): the gap is the distance between the prediction and the client's total.
    if (d.predicted && d.predicted.length) {
      sets.push({
        label: 'Therapist\'s prediction', data: d.predicted, borderColor: COLOURS.predicted,
        backgroundColor: COLOURS.predicted, borderWidth: 2, borderDash: [4, 3], pointStyle: 'rect',
        pointRadius: 3.5, tension: 0, order: 1
      });
    }
    if (d.own && d.own.length) {
      sets.push({
        label: 'Therapist\'s own rating', data: d.own, borderColor: COLOURS.own, backgroundColor: COLOURS.own,
        borderWidth: 1.5, borderDash: [1, 3], pointStyle: 'triangle', pointRadius: 3.5, tension: 0,
        hidden: true, order: 1
      });
    }
    Object.keys(d.subscales).forEach(function (name, i) {
      var colour = COLOURS.subscales[i % COLOURS.subscales.length];
      sets.push({
        label: name, subscale: name, data: d.subscales[name], yAxisID: 'sub', hidden: true,
        borderColor: colour, backgroundColor: colour, borderWidth: 1.5, pointRadius: 2.5, order: 1
      });
    });
    return sets;
  }

  function draw(canvas) {
    var d = JSON.parse(canvas.getAttribute('data-chart'));
    var hasSubscales = Object.keys(d.subscales).length > 0;
    var scales = {
      x: { type: 'linear', title: { display: true, text: 'Session' }, ticks: { precision: 0 } },
      y: { title: { display: true, text: 'Total' } }
    };
    if (d.min !== undefined) {
      // The top of the range stays in view; the bottom follows the data, so close scores stay apart.
      var lows = d.points.concat(d.predicted || []).map(function (p) { return p.y; });
      if (d.cutoff !== null) { lows.push(d.cutoff); }
      if (d.mean !== null && d.sd !== null) { lows.push(d.mean - d.sd); }
      var span = d.max - d.min;
      // Suggested, not fixed: Chart.js then rounds the bottom to a whole tick.
      scales.y.suggestedMin = lows.length ? Math.max(d.min, Math.min.apply(null, lows) - 0.1 * span) : d.min;
      scales.y.max = d.max;
    }
    var xs = d.points.concat(d.predicted || []).map(function (p) { return p.x; });
    if (xs.length) {
      scales.x.min = Math.min.apply(null, xs);
      scales.x.max = Math.max.apply(null, xs);
    }
    if (hasSubscales) {
      scales.sub = { position: 'right', display: 'auto', grid: { drawOnChartArea: false },
        title: { display: true, text: 'Subscale' } };
    }
    var chart = new window.Chart(canvas, {
      type: 'line',
      data: { datasets: datasets(d) },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: true,
        scales: scales,
        plugins: {
          legend: {
            labels: {
              filter: function (item, data) {
                return data.datasets[item.datasetIndex].label !== 'Mean − 1 SD';
              }
            }
          },
          tooltip: {
            callbacks: {
              label: function (ctx) {
                var p = ctx.raw;
                if (p.type) {
                  return (p.type === 'repair' ? 'repair' : RUPTURE_LABELS[p.type] || p.type) + ' at session ' + p.x;
                }
                return ctx.dataset.label + ': ' + p.y;
              }
            }
          }
        }
      }
    });
    var section = canvas.closest('.chart-block');
    var toggles = section && section.querySelector('.toggles');
    if (toggles) {
      toggles.hidden = false;
      toggles.addEventListener('change', function (event) {
        var name = event.target.getAttribute('data-subscale');
        chart.data.datasets.forEach(function (set, index) {
          if (set.subscale === name) {
            chart.setDatasetVisibility(index, event.target.checked);
          }
        });
        chart.update();
      });
    }
  }

  function start() {
    if (window.Chart) {
      Array.prototype.forEach.call(document.querySelectorAll('canvas.trend-chart'), draw);
    }
    Array.prototype.forEach.call(document.querySelectorAll('[data-print]'), function (button) {
      button.hidden = false;
      button.addEventListener('click', function () { window.print(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
