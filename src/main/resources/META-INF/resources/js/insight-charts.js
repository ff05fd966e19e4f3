/*
 * Draws the insight charts from the data-chart attribute the server wrote; the data table under each chart holds
 * the same numbers. 95% intervals are floating bars, means are points: Chart.js has no error-bar type of its own.
 * A static file because the CSP allows no inline script.
 */
(function () {
  'use strict';

  var COLOURS = ['#0b57a4', '#b45309', '#6d28d9', '#0f766e'];
  var BANDS = ['rgba(11, 87, 164, 0.25)', 'rgba(180, 83, 9, 0.25)', 'rgba(109, 40, 217, 0.25)', 'rgba(15, 118, 110, 0.25)'];

  function range(v) { return v && v.lower !== null && v.upper !== null ? [v.lower, v.upper] : null; }
  function mean(v) { return v ? v.mean : null; }

  function ciBars(d) {
    var sets = [
      { type: 'bar', label: '95% CI of the mean latest total', data: d.labels.map(function (_, i) {
        return d.lower[i] === null ? null : [d.lower[i], d.upper[i]];
      }), backgroundColor: BANDS[0], barPercentage: 0.4, order: 3 },
      { type: 'line', label: 'Mean latest total', data: d.mean, showLine: false, pointRadius: 5,
        borderColor: COLOURS[0], backgroundColor: COLOURS[0], order: 1 },
      { type: 'line', label: 'Shrunken estimate (used for the rank)', data: d.shrunken, showLine: false,
        pointRadius: 6, pointStyle: 'triangle', borderColor: COLOURS[1], backgroundColor: COLOURS[1], order: 2 }
    ];
    if (d.reference !== null) {
      sets.push({ type: 'line', label: 'Organization mean', data: d.labels.map(function () { return d.reference; }),
        borderColor: '#555', borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0, order: 4 });
    }
    return { type: 'bar', data: { labels: d.labels, datasets: sets } };
  }

  function groupedCi(d) {
    var sets = [];
    d.series.forEach(function (s, i) {
      sets.push({ type: 'bar', label: s.label + ': 95% CI', data: d.labels.map(function (_, k) {
        return range(s.values[k]);
      }), backgroundColor: BANDS[i % BANDS.length], order: 2 });
      sets.push({ type: 'line', label: s.label + ': mean', data: d.labels.map(function (_, k) {
        return mean(s.values[k]);
      }), showLine: false, pointRadius: 5, borderColor: COLOURS[i % COLOURS.length],
        backgroundColor: COLOURS[i % COLOURS.length], order: 1 });
    });
    return { type: 'bar', data: { labels: d.labels, datasets: sets } };
  }

  function monthly(d) {
    var sets = [];
    d.series.forEach(function (s, i) {
      var c = COLOURS[i % COLOURS.length];
      sets.push({ label: s.label + ': mean', data: s.values.map(mean), borderColor: c, backgroundColor: c,
        borderWidth: 2, pointRadius: 3, spanGaps: false, order: 1 });
      sets.push({ label: s.label + ': upper 95%', data: s.values.map(function (v) { return v ? v.upper : null; }),
        borderWidth: 0, pointRadius: 0, fill: '+1', backgroundColor: BANDS[i % BANDS.length], order: 2 });
      sets.push({ label: s.label + ': lower 95%', data: s.values.map(function (v) { return v ? v.lower : null; }),
        borderWidth: 0, pointRadius: 0, fill: false, order: 2 });
    });
    return { type: 'line', data: { labels: d.labels, datasets: sets } };
  }

  var KINDS = { 'ci-bars': ciBars, 'grouped-ci': groupedCi, 'monthly': monthly };

  function draw(canvas) {
    var d = JSON.parse(canvas.getAttribute('data-chart'));
    var config = KINDS[d.kind](d);
    config.options = { responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { position: 'bottom' } }, scales: { y: { beginAtZero: false } } };
    canvas.chart = new window.Chart(canvas, config);
  }

  function start() {
    if (!window.Chart) { return; }
    Array.prototype.forEach.call(document.querySelectorAll('canvas.insight-chart'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
