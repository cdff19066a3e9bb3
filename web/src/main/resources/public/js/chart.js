// One overlay chart on uPlot: a line per run (or per configuration, seeds averaged with a ±std
// band), optional min/max band per run so spikes stay visible after downsampling, optional
// p10–p90 band around a median, log or linear y, drag to zoom (the page refetches finer buckets).
import uPlot from 'uplot';
import { h, num } from './dom.js';

function alpha(hex, a) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${a})`;
}

// uPlot's log axis needs a positive, finite, non-empty range (a 0 would never finish its ticks)
function logRange(u, min, max) {
  let lo = Number.isFinite(min) && min > 0 ? min : null;
  let hi = Number.isFinite(max) && max > 0 ? max : null;
  if (lo == null && hi == null) return [1e-3, 1];
  lo = lo ?? hi / 10;
  hi = hi ?? lo * 10;
  const b0 = Math.ceil(Math.log10(hi));
  // at most 15 decades: a loss falling to 1e-23 (MADGRAD on Rosenbrock) would otherwise give uPlot
  // more log ticks than it can allocate, and the chart stays blank
  const a = Math.max(Math.floor(Math.log10(lo)), b0 - 15);
  const b = Math.max(a + 1, b0);
  return [10 ** a, 10 ** b];
}

function isPow10(t) {
  if (!(t > 0)) return false;
  const l = Math.log10(t);
  return Math.abs(l - Math.round(l)) < 1e-9;
}

function tooltipPlugin(tip, labels) {
  return {
    hooks: {
      setCursor: (u) => {
        const { left, top, idx } = u.cursor;
        if (idx == null || left < 0) { tip.style.display = 'none'; return; }
        const rows = [];
        for (let i = 1; i < u.series.length; i++) {
          const s = u.series[i];
          if (!s.show || !labels[i]) continue;
          const v = u.data[i][idx];
          if (v == null) continue;
          rows.push(h('div', h('span.chip', { style: `background:${s._color}` }), `${labels[i]}: `, h('b', num(v))));
        }
        if (!rows.length) { tip.style.display = 'none'; return; }
        tip.replaceChildren(h('div.muted', num(u.data[0][idx])), ...rows);
        tip.style.display = 'block';
        const x = left + 70 > u.over.clientWidth ? left - 150 : left + 16;
        tip.style.left = `${x + u.over.offsetLeft}px`;
        tip.style.top = `${top + u.over.offsetTop}px`;
      },
    },
  };
}

export class Chart {
  /**
   * @param {object} o title, note, logY, logX, xLabel, onZoom(xmin, xmax), onReset(), sync (false: no cursor
   *   sync with the step charts), marks: [{x, color, label}] dashed vertical lines (e.g. a suggested lr)
   */
  constructor(o) {
    this.o = o;
    this.plotEl = h('div.plot');
    this.tip = h('div.tooltip');
    this.noteEl = h('span.note', o.note || '');
    this.root = h('div.chart', { dataset: { chart: o.id, points: '0' } },
      h('div.head', h('h2', o.title), this.noteEl, h('span.spacer'),
        o.logToggle ? h('label.inline', h('input', { type: 'checkbox', checked: !!o.logY,
          onchange: (e) => { this.o.logY = e.target.checked; this.rebuild(); } }), 'log y') : null),
      h('div', { style: 'position:relative' }, this.plotEl, this.tip));
    this.u = null;
    this.lines = [];
    this.ro = new ResizeObserver(() => this.resize());
    this.ro.observe(this.plotEl);
  }

  note(t) { this.noteEl.textContent = t; }

  width() { return Math.max(300, this.plotEl.clientWidth || 600); }

  resize() {
    if (this.u && Math.abs(this.u.width - this.width()) > 2) this.u.setSize({ width: this.width(), height: 260 });
  }

  /**
   * lines: [{label, color, xs, ys, lo?, hi?, dash?, show}] — lo/hi draw a translucent band.
   */
  set(lines, keepScale) {
    const shapeChanged = !this.u || lines.length !== this.lines.length
      || lines.some((l, i) => !!l.lo !== !!this.lines[i].lo || l.color !== this.lines[i].color || l.label !== this.lines[i].label);
    this.lines = lines;
    const tables = [];
    for (const l of lines) {
      const t = [l.xs, this.o.logY ? l.ys.map((v) => this.clamp(v)) : l.ys];
      if (l.lo) t.push(l.lo.map((v) => this.clamp(v)), l.hi.map((v) => this.clamp(v)));
      tables.push(t);
    }
    const data = tables.length ? uPlot.join(tables) : [[]];
    let points = 0;
    for (const l of lines) points += l.xs.length;
    this.root.dataset.points = String(points);
    if (shapeChanged) { this.data = data; this.rebuild(); return; }
    this.data = data;
    this.u.setData(data, !keepScale);
  }

  clamp(v) {
    if (v == null || !this.o.logY) return v;
    return v > 0 ? v : null;
  }

  rebuild() {
    if (this.u) { this.u.destroy(); this.u = null; }
    if (!this.data) return;
    const series = [{ label: this.o.xLabel || 'step' }];
    const labels = [null];
    const bands = [];
    let idx = 1;
    for (const l of this.lines) {
      series.push({ label: l.label, stroke: l.color, width: 1.6, dash: l.dash, show: l.show !== false, spanGaps: true,
        points: { show: false }, _color: l.color });
      labels.push(l.label);
      const main = idx++;
      if (l.lo) {
        series.push({ label: '', stroke: 'transparent', show: l.show !== false, spanGaps: true, points: { show: false } });
        series.push({ label: '', stroke: 'transparent', show: l.show !== false, spanGaps: true, points: { show: false } });
        labels.push(null, null);
        bands.push({ series: [idx + 1, idx], fill: alpha(l.color, l.bandAlpha || 0.16) });
        idx += 2;
      }
      l._index = main;
    }
    const axis = { stroke: '#8a96a6', grid: { stroke: '#232a33', width: 1 }, ticks: { stroke: '#2a313c', width: 1 } };
    const opts = {
      width: this.width(), height: 260, series, bands,
      legend: { show: false },
      cursor: { ...(this.o.sync === false ? {} : { sync: { key: 'adalab' } }), drag: { x: !!this.o.onZoom, y: false } },
      scales: { x: this.o.logX ? { time: false, distr: 3, range: logRange } : { time: false },
        y: this.o.logY ? { distr: 3, range: logRange } : { auto: true } },
      axes: [{ ...axis, label: this.o.xLabel || 'step', labelSize: 18, size: 40,
        ...(this.o.logX ? { values: (u, ticks) => ticks.map((t) => (isPow10(t) ? num(t, 3) : '')) } : {}) },
        { ...axis, size: 62, values: (u, ticks) => ticks.map((t) => (this.o.logY && !isPow10(t) ? '' : num(t, 3))) }],
      plugins: [tooltipPlugin(this.tip, labels)],
      hooks: {
        draw: [(u) => this.drawMarks(u)],
        setSelect: [(u) => {
          if (u.select.width < 4) return;
          const a = u.posToVal(u.select.left, 'x');
          const b = u.posToVal(u.select.left + u.select.width, 'x');
          u.setSelect({ left: 0, width: 0 }, false);
          if (this.o.onZoom) this.o.onZoom(a, b);
        }],
      },
    };
    this.u = new uPlot(opts, this.data, this.plotEl);
    this.u.over.addEventListener('dblclick', () => this.o.onReset && this.o.onReset());
    this.u.over.addEventListener('mouseleave', () => { this.tip.style.display = 'none'; });
  }

  /** Dashed vertical lines at o.marks[i].x, labelled at the top. */
  drawMarks(u) {
    const marks = this.o.marks || [];
    if (!marks.length) return;
    const c = u.ctx;
    const dpr = window.devicePixelRatio || 1;
    c.save();
    for (const mk of marks) {
      if (mk.x == null || !Number.isFinite(mk.x)) continue;
      const x = u.valToPos(mk.x, 'x', true);
      if (!(x >= u.bbox.left && x <= u.bbox.left + u.bbox.width)) continue;
      c.strokeStyle = mk.color || '#d7dde5';
      c.lineWidth = 1.5 * dpr;
      c.setLineDash([5 * dpr, 4 * dpr]);
      c.beginPath();
      c.moveTo(x, u.bbox.top);
      c.lineTo(x, u.bbox.top + u.bbox.height);
      c.stroke();
      if (mk.label) {
        c.setLineDash([]);
        c.fillStyle = mk.color || '#d7dde5';
        c.font = `${11 * dpr}px system-ui, sans-serif`;
        c.fillText(mk.label, x + 4 * dpr, u.bbox.top + 12 * dpr);
      }
    }
    c.restore();
  }

  /** Shows or hides every line whose key is in keys. */
  visibility(hidden) {
    if (!this.u) return;
    this.lines.forEach((l) => {
      const show = !hidden.has(l.key);
      if (l.show === show) return;
      l.show = show;
      this.u.setSeries(l._index, { show });
      if (l.lo) { this.u.setSeries(l._index + 1, { show }); this.u.setSeries(l._index + 2, { show }); }
    });
  }

  destroy() {
    this.ro.disconnect();
    if (this.u) this.u.destroy();
  }
}
