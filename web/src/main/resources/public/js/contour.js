// Contour plot of a 2-D objective (log-spaced levels over a heat map) with each optimizer's path.
import { get } from './api.js';
import { h } from './dom.js';

const LEVELS = 14;

function heat(t) {
  // dark blue -> teal -> amber, readable under coloured paths
  const stops = [[13, 22, 38], [22, 64, 92], [34, 110, 120], [96, 140, 98], [170, 150, 70], [214, 160, 60]];
  const x = Math.max(0, Math.min(0.9999, t)) * (stops.length - 1);
  const i = Math.floor(x); const f = x - i;
  const a = stops[i]; const b = stops[i + 1];
  return a.map((v, k) => Math.round(v + f * (b[k] - v)));
}

/** Marching squares: segments where the field crosses `level`. */
function segments(z, n, level) {
  const out = [];
  const at = (i, j) => z[j * n + i];
  for (let j = 0; j < n - 1; j++) {
    for (let i = 0; i < n - 1; i++) {
      const c = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)];
      const p = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]];
      const cross = [];
      for (let e = 0; e < 4; e++) {
        const a = c[e]; const b = c[(e + 1) % 4];
        if ((a < level) !== (b < level)) {
          const t = (level - a) / (b - a);
          const pa = p[e]; const pb = p[(e + 1) % 4];
          cross.push([pa[0] + t * (pb[0] - pa[0]), pa[1] + t * (pb[1] - pa[1])]);
        }
      }
      if (cross.length >= 2) out.push([cross[0], cross[1]]);
      if (cross.length === 4) out.push([cross[2], cross[3]]);
    }
  }
  return out;
}

export class ContourPlot {
  constructor(experimentId) {
    this.id = experimentId;
    this.canvas = h('canvas', { width: 800, height: 560 });
    this.paths = new Map(); // run -> {color, xs, ys, show}
    this.root = h('div.chart', { dataset: { chart: 'contour' } },
      h('div.head', h('h2', 'Objective and optimizer paths'), h('span.note', 'contours log-spaced; ○ start, ● current iterate')),
      h('div.contour-wrap', this.canvas));
    this.pending = false;
  }

  async load(runs, colorOf) {
    for (const r of runs) {
      try {
        const p = await get(`/runs/${r.id}/path?points=4000`);
        this.paths.set(r.id, { color: colorOf(r), xs: p.x, ys: p.y, steps: p.steps, lastStep: p.steps[p.steps.length - 1] || 0, show: true });
      } catch {
        this.paths.set(r.id, { color: colorOf(r), xs: [], ys: [], steps: [], lastStep: 0, show: true });
      }
    }
    this.grid = await get(`/experiments/${this.id}/contour?n=90`);
    this.background = null;
    this.draw();
  }

  /** Live points carry pos = the iterate where that step evaluated its gradient. */
  add(run, step, pos) {
    const p = this.paths.get(run);
    if (!p || !pos || step <= p.lastStep) return;
    p.xs.push(pos[0]); p.ys.push(pos[1]); p.steps.push(step); p.lastStep = step;
    if (!this.pending) {
      this.pending = true;
      setTimeout(() => { this.pending = false; this.draw(); }, 100);
    }
  }

  /** Forgets a run's path after `step` (it resumed from a checkpoint there). */
  truncate(run, step) {
    const p = this.paths.get(run);
    if (!p || p.lastStep <= step) return;
    let keep = p.steps.length;
    while (keep > 0 && p.steps[keep - 1] > step) keep--;
    p.xs.length = keep; p.ys.length = keep; p.steps.length = keep; p.lastStep = step;
  }

  visibility(hidden, keyOf) {
    for (const [run, p] of this.paths) p.show = !hidden.has(keyOf(run));
    this.draw();
  }

  renderBackground() {
    const { x, y, z } = this.grid;
    const n = x.length;
    const W = this.canvas.width; const H = this.canvas.height;
    const off = document.createElement('canvas');
    off.width = W; off.height = H;
    const g = off.getContext('2d');
    const fmin = Math.min(...z.filter(Number.isFinite));
    const fmax = Math.max(...z.filter(Number.isFinite));
    const shift = fmin <= 0 ? -fmin + 1e-6 * Math.max(1, fmax - fmin) : 0;
    const lg = (v) => Math.log10(v + shift + 1e-12);
    const lo = lg(fmin); const hi = lg(fmax);
    const img = g.createImageData(n, n);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const v = z[j * n + i];
        const [r, gg, b] = heat(Number.isFinite(v) ? (lg(v) - lo) / (hi - lo || 1) : 1);
        const k = ((n - 1 - j) * n + i) * 4;
        img.data[k] = r; img.data[k + 1] = gg; img.data[k + 2] = b; img.data[k + 3] = 255;
      }
    }
    const tmp = document.createElement('canvas');
    tmp.width = n; tmp.height = n;
    tmp.getContext('2d').putImageData(img, 0, 0);
    g.imageSmoothingEnabled = true;
    g.drawImage(tmp, 0, 0, W, H);
    const lz = z.map((v) => lg(v));
    g.strokeStyle = 'rgba(255,255,255,0.22)';
    g.lineWidth = 1;
    for (let k = 1; k < LEVELS; k++) {
      const level = lo + ((hi - lo) * k) / LEVELS;
      g.beginPath();
      for (const [a, b] of segments(lz, n, level)) {
        g.moveTo((a[0] / (n - 1)) * W, H - (a[1] / (n - 1)) * H);
        g.lineTo((b[0] / (n - 1)) * W, H - (b[1] / (n - 1)) * H);
      }
      g.stroke();
    }
    this.background = off;
  }

  draw() {
    if (!this.grid) return;
    if (!this.background) this.renderBackground();
    const g = this.canvas.getContext('2d');
    const W = this.canvas.width; const H = this.canvas.height;
    const { x, y } = this.grid;
    const sx = (v) => ((v - x[0]) / (x[x.length - 1] - x[0])) * W;
    const sy = (v) => H - ((v - y[0]) / (y[y.length - 1] - y[0])) * H;
    g.drawImage(this.background, 0, 0);
    let drawn = 0;
    g.fillStyle = '#cfd6df'; g.font = '11px system-ui';
    g.fillText(`x ∈ [${x[0].toPrecision(3)}, ${x[x.length - 1].toPrecision(3)}]   y ∈ [${y[0].toPrecision(3)}, ${y[y.length - 1].toPrecision(3)}]`, 8, H - 8);
    for (const p of this.paths.values()) {
      if (!p.show || !p.xs.length) continue;
      drawn += p.xs.length;
      g.strokeStyle = p.color; g.lineWidth = 1.8; g.lineJoin = 'round';
      g.beginPath();
      p.xs.forEach((v, i) => (i ? g.lineTo(sx(v), sy(p.ys[i])) : g.moveTo(sx(v), sy(p.ys[i]))));
      g.stroke();
      g.fillStyle = p.color;
      g.beginPath(); g.arc(sx(p.xs[p.xs.length - 1]), sy(p.ys[p.ys.length - 1]), 4.5, 0, 2 * Math.PI); g.fill();
      g.strokeStyle = '#fff'; g.lineWidth = 1.2;
      g.beginPath(); g.arc(sx(p.xs[0]), sy(p.ys[0]), 5, 0, 2 * Math.PI); g.stroke();
    }
    this.root.dataset.points = String(drawn);
  }
}
