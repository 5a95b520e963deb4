/*
 * Charts for the fairness report (Chart.js). Each chart draws the rates of one role's table, by
 * faction, from the JSON the page carries beside it. The tables on the page hold every figure and
 * every call; the charts only help the eye, so they are marked as images with a description.
 */
(function () {
  'use strict';
  if (!window.Chart) {
    return;
  }
  // Okabe-Ito colours: told apart with the common colour-vision deficiencies; grey for all members
  var COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
  var ALL = '#6B7280';

  document.querySelectorAll('script[data-chart]').forEach(function (data) {
    var canvas = document.getElementById(data.getAttribute('data-chart'));
    if (!canvas) {
      return;
    }
    var spec = JSON.parse(data.textContent);
    var groups = Object.keys(spec.groups);
    var phone = window.matchMedia('(max-width: 40rem)').matches;
    // long measure names on several lines, so that they are not cut off on a phone
    var wrap = function (text, width) {
      var lines = [];
      var line = '';
      text.split(' ').forEach(function (word) {
        if (line && (line + ' ' + word).length > width) {
          lines.push(line);
          line = word;
        } else {
          line = line ? line + ' ' + word : word;
        }
      });
      lines.push(line);
      return lines;
    };
    var labels = spec.metrics.map(function (m) { return wrap(m.label, phone ? 14 : 24); });
    var datasets = groups.map(function (g, i) {
      var all = g === 'all';
      return {
        label: spec.groups[g],
        data: spec.metrics.map(function (m) { return m.values[g] === undefined ? null : m.values[g]; }),
        backgroundColor: all ? ALL : COLOURS[i % COLOURS.length],
        borderColor: all ? ALL : COLOURS[i % COLOURS.length],
        borderWidth: 1
      };
    });
    canvas.parentElement.style.height = (labels.length * (phone ? 70 : 56) + 80) + 'px';
    /* global Chart */
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { position: phone ? 'bottom' : 'top', labels: { boxWidth: 14, font: { size: 13 } } },
          tooltip: {
            callbacks: {
              label: function (ctx) {
                return ctx.dataset.label + ': ' + (ctx.raw === null ? 'suppressed' : ctx.raw + '%');
              }
            }
          }
        },
        scales: {
          x: { min: 0, max: 100, ticks: { maxTicksLimit: phone ? 5 : 11, callback: function (v) { return v + '%'; } } },
          y: { ticks: { font: { size: phone ? 12 : 13 } } }
        }
      }
    });
  });
})();
