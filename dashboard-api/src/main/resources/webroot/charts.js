// Time charts on uPlot (served from its WebJar under /webjars): a window of the last N hours that
// slides with the clock, filled from the history API and extended by live values. Times are
// seconds since the epoch, as uPlot wants them; a null value is a gap, never a zero.
(function () {
  'use strict';
  const GC = window.GC = window.GC || {};
  const AXIS = '#c3cee0';
  const GRID = 'rgba(255, 255, 255, 0.09)';
  // Live rows are kept as long as the longest range a chart shows (7 days).
  const KEEP_LIVE_HOURS = 168;

  /**
   * A chart in container. options: height, hours, y ([min, max] or null for automatic),
   * series ([{label, stroke, width, dash}]), compact (no x axis, cursor or legend: a tile's
   * sparkline), font (axis font size in px).
   */
  GC.TimeChart = function (container, options) {
    this.options = options;
    this.hours = options.hours;
    this.past = [];
    this.live = [];
    const font = (options.font || 13) + 'px system-ui, sans-serif';
    const chart = this;
    this.plot = new uPlot({
      width: Math.max(container.clientWidth, 100),
      height: options.height,
      padding: [10, 12, options.compact ? 8 : 0, 0],
      cursor: options.compact ? { show: false } : { drag: { x: false, y: false } },
      legend: { show: !options.compact, live: true },
      scales: {
        x: { time: true, range: () => chart.window() },
        y: { range: options.y ? () => options.y : (u, min, max) => yRange(min, max, options.unit) }
      },
      axes: [
        { show: !options.compact, stroke: AXIS, font: font, grid: { stroke: GRID }, ticks: { stroke: GRID },
          values: (u, splits) => splits.map(v => tick(v, chart.hours)) },
        Object.assign({ stroke: AXIS, font: font, size: options.compact ? 34 : 60, grid: { stroke: GRID },
          ticks: { show: false } }, options.y ? { splits: () => [0, 25, 50, 75, 100] } : {})
      ],
      series: [{ label: 'time', value: (u, v) => v === null ? '–' : GC.clock(new Date(v * 1000).toISOString()) }]
        .concat(options.series.map(s => ({
          label: s.label, stroke: s.stroke, width: s.width || 2, dash: s.dash, spanGaps: false,
          points: { size: 7, fill: s.stroke, show: sparse },
          value: (u, v) => v === null ? '–' : GC.value(v, options.unit)
        })))
    }, this.columns(), container);
    new ResizeObserver(() => {
      if (container.clientWidth > 0) { this.plot.setSize({ width: container.clientWidth, height: options.height }); }
    }).observe(container);
  };

  /** From zero (or below, for a negative value) to a little above the highest; 0-100 at least for a percentage. */
  function yRange(min, max, unit) {
    const low = Math.min(0, min === null ? 0 : min);
    const high = max === null ? 0 : max;
    if (unit === '%') { return [low, Math.max(100, high)]; }
    return [low, high > low ? high + (high - low) * 0.15 : low + 1];
  }

  /** Dots on the points when there are only one or two, or they are at least 8 px apart: a lone value stays visible. */
  function sparse(u, seriesIndex, first, last) {
    if (first === undefined || first === null || last - first < 2) { return true; }
    const xs = u.data[0];
    return Math.abs(u.valToPos(xs[last], 'x') - u.valToPos(xs[first], 'x')) / (last - first) >= 8;
  }

  /** An x-axis label: 24-hour time, with the weekday when the window spans days. */
  function tick(seconds, hours) {
    const d = new Date(seconds * 1000);
    return d.toLocaleString('en-GB', hours > 24 ? { weekday: 'short', hour: '2-digit', minute: '2-digit' }
      : { hour: '2-digit', minute: '2-digit' });
  }

  GC.TimeChart.prototype = {
    /** [from, to] in seconds: the last N hours up to now. */
    window() {
      const now = Date.now() / 1000;
      return [now - this.hours * 3600, now];
    },

    /** History, then the live rows newer than its last, inside the window. */
    columns() {
      const last = this.past.length ? this.past[this.past.length - 1][0] : -Infinity;
      const from = this.window()[0];
      const rows = this.past.concat(this.live.filter(r => r[0] > last)).filter(r => r[0] >= from);
      const columns = [rows.map(r => r[0])];
      this.options.series.forEach((s, i) => columns.push(rows.map(r => r[i + 1])));
      return columns;
    },

    /** Draws again, sliding the window to now. */
    draw() {
      this.plot.setData(this.columns());
    },

    /** Replaces the history shown (and the window's length). */
    history(rows, hours) {
      this.hours = hours;
      this.past = rows;
      this.draw();
    },

    /** A live row: added when newer than the last, replacing it when at the same time, else ignored. */
    add(row) {
      const last = this.live[this.live.length - 1];
      if (!last || row[0] > last[0]) {
        this.live.push(row);
      } else if (row[0] === last[0]) {
        this.live[this.live.length - 1] = row;
      } else {
        return;
      }
      const kept = Date.now() / 1000 - KEEP_LIVE_HOURS * 3600;
      this.live = this.live.filter(r => r[0] >= kept);
      this.draw();
    },

    destroy() {
      this.plot.destroy();
    }
  };

  /** The bucket that keeps a range to at most about 300 points. */
  GC.bucketFor = function (hours) {
    return hours <= 6 ? 'PT2M' : hours <= 24 ? 'PT5M' : 'PT1H';
  };

  /**
   * A trust's history from the API: {available, note, body}. 404 (no history here) and 503 (history
   * not configured, or its database not answering) are not errors: the charts fill from live values.
   */
  GC.history = async function (orgCode, hours, bucket) {
    const to = new Date();
    const from = new Date(to.getTime() - hours * 3600 * 1000);
    const path = '/api/v1/pressure/trusts/' + encodeURIComponent(orgCode) + '/history?from=' + from.toISOString()
      + '&to=' + to.toISOString() + '&bucket=' + (bucket || GC.bucketFor(hours));
    try {
      const response = await GC.session.api(path);
      if (response.ok) { return { available: true, note: '', body: await response.json() }; }
      const note = response.status === 503 ? 'History is unavailable on this server'
        : response.status === 404 ? 'No history available' : 'History did not load (HTTP ' + response.status + ')';
      return { available: false, note: note, body: null };
    } catch (e) {
      return { available: false, note: 'History did not load', body: null };
    }
  };

  /** Seconds since the epoch of an ISO instant. */
  GC.seconds = function (iso) {
    return Date.parse(iso) / 1000;
  };
}());
