/*
 * The complaint process diagram, drawn by the bpmn-js viewer from the BPMN file the engine runs,
 * with the case's current stage highlighted. The stages are also listed in text on every page
 * that shows the diagram, so nothing depends on it. Inside a closed <details> it is drawn when opened
 * (a hidden box has no size to fit the drawing to).
 */
(function () {
  'use strict';

  var figure = document.querySelector('.diagram[data-bpmn]');
  if (!figure || !window.BpmnJS) {
    return;
  }
  var details = figure.closest('details');
  if (details && !details.open) {
    details.addEventListener('toggle', function once() {
      details.removeEventListener('toggle', once);
      draw();
    });
    return;
  }
  draw();

  function draw() {
  var canvasEl = figure.querySelector('.diagram__canvas');
  var toolbar = figure.querySelector('.diagram__toolbar');
  var current = figure.getAttribute('data-current');
  // the page scrolls as usual over the diagram; zoom with the buttons, move by dragging
  var viewer = new window.BpmnJS({ container: canvasEl, zoomScroll: { enabled: false } });

  fetch(figure.getAttribute('data-bpmn'), { credentials: 'same-origin' }).then(function (r) {
    if (!r.ok) {
      throw new Error('diagram not available');
    }
    return r.text();
  }).then(function (xml) {
    return viewer.importXML(xml);
  }).then(function () {
    var canvas = viewer.get('canvas');
    // the drawing is one image to assistive technology, described in words; the bpmn.io link stays a link
    var svg = canvasEl.querySelector('svg');
    if (svg) {
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', canvasEl.getAttribute('data-label'));
    }
    var registry = viewer.get('elementRegistry');
    var element = current ? registry.get(current) : null;
    if (element) {
      canvas.addMarker(current, 'is-current');
    }

    var box = function () {
      return canvasEl.getBoundingClientRect();
    };
    // readable size: the diagram's height fills the box (never larger than life); wide diagrams scroll
    var readable = function () {
      return Math.min(1, (box().height - 40) / canvas.viewbox().inner.height);
    };
    var focus = function () {
      var scale = readable();
      var size = box();
      var inner = canvas.viewbox().inner;
      var width = size.width / scale;
      var height = size.height / scale;
      var x = element ? element.x + element.width / 2 - width / 2 : inner.x - 20;
      var y = inner.y + inner.height / 2 - height / 2;
      canvas.viewbox({ x: x, y: y, width: width, height: height });
    };
    focus();
    var resizing = null;
    window.addEventListener('resize', function () {
      window.clearTimeout(resizing);
      resizing = window.setTimeout(function () {
        canvas.resized();
        focus();
      }, 100);
    });

    toolbar.hidden = false;
    toolbar.addEventListener('click', function (e) {
      var button = e.target.closest('button[data-zoom]');
      if (!button) {
        return;
      }
      var zoom = button.getAttribute('data-zoom');
      if (zoom === 'in') {
        canvas.zoom(canvas.zoom() * 1.25, 'auto');
      } else if (zoom === 'out') {
        canvas.zoom(canvas.zoom() / 1.25, 'auto');
      } else if (zoom === 'fit') {
        canvas.zoom('fit-viewport', 'auto');
      } else {
        focus();
      }
    });
    figure.classList.add('diagram--ready');
  }).catch(function () {
    figure.classList.add('diagram--failed');
  });
  }
})();
