/*
 * Charts for the complaints manager's dashboard (Chart.js). Each chart draws the JSON the page
 * carries beside it ({labels, series: {name: values}}); the tables on the page hold every figure,
 * so the charts are marked as images with a description and the page works without them.
 */
(function () {
  'use strict';
  if (!window.Chart) {
    return;
  }
  // Okabe-Ito colours: told apart with the common colour-vision deficiencies
  var COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00'];
  var phone = window.matchMedia('(max-width: 40rem)').matches;

  document.querySelectorAll('script[data-chart]').forEach(function (data) {
    var canvas = document.getElementById(data.getAttribute('data-chart'));
    if (!canvas) {
      return;
    }
    var spec = JSON.parse(data.textContent);
    var names = Object.keys(spec.series);
    /* global Chart */
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: names.map(function (name, i) {
          return { label: name, data: spec.series[name], backgroundColor: COLOURS[i % COLOURS.length],
            borderColor: COLOURS[i % COLOURS.length], borderWidth: 1 };
        })
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: names.length > 1, position: phone ? 'bottom' : 'top' } },
        scales: {
          x: { ticks: { autoSkip: true, maxRotation: phone ? 60 : 30, font: { size: phone ? 11 : 13 } } },
          y: { beginAtZero: true, ticks: { precision: 0 } }
        }
      }
    });
  });
})();
