// Draws every chart of the page into its element, from the options the job wrote as JSON. Text
// from the input (meter ids, file names) only reaches the charts as data: tooltips are drawn as
// chart text (renderMode richText), never as HTML.
(function () {
  'use strict';
  var options = JSON.parse(document.getElementById('report-charts').textContent);
  var charts = [];
  var elements = document.querySelectorAll('[data-chart]');
  for (var i = 0; i < elements.length; i++) {
    var element = elements[i];
    var option = options[element.getAttribute('data-chart')];
    option.animation = false;
    option.tooltip = Object.assign({ confine: true }, option.tooltip, { renderMode: 'richText' });
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(option);
    charts.push(chart);
  }
  function resizeAll(width) {
    charts.forEach(function (c) { c.resize(width ? { width: width } : undefined); });
  }
  var details = document.querySelectorAll('details');
  var closed = [];
  window.addEventListener('resize', function () { resizeAll(); });
  // A4 with its margins is about 680 CSS pixels wide; closed parts are opened for paper.
  window.addEventListener('beforeprint', function () {
    closed = [];
    for (var i = 0; i < details.length; i++) {
      if (!details[i].open) { closed.push(details[i]); details[i].open = true; }
    }
    resizeAll(680);
  });
  window.addEventListener('afterprint', function () {
    closed.forEach(function (d) { d.open = false; });
    resizeAll();
  });
  var library = document.getElementById('chart-library');
  if (library) { library.textContent = 'Apache ECharts ' + echarts.version; }
  document.documentElement.setAttribute('data-charts-drawn', String(charts.length));
})();
