// Experiment analyses: a sweep's parallel-coordinates view and LR-sensitivity chart, and the LR
// range test's smoothed loss against lr with its suggestion and "Compare at this learning rate".
import { get, post } from './api.js';
import { Chart } from './chart.js';
import { clear, color, h, num } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, v);
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** One axis: numeric (log when positive and spanning more than a decade) or categorical. */
function axisOf(name, values) {
  const nums = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  if (nums.length && nums.length === values.filter((v) => v != null).length) {
    let lo = Math.min(...nums); let hi = Math.max(...nums);
    const log = lo > 0 && hi / lo > 10;
    const f = log ? Math.log10 : (x) => x;
    if (lo === hi) { lo = log ? lo / 2 : lo - 1; hi = log ? hi * 2 : hi + 1; }
    const a = f(lo); const b = f(hi);
    return { name, log, lo, hi, pos: (v) => (typeof v === 'number' && Number.isFinite(v) ? (f(v) - a) / (b - a) : null) };
  }
  const cats = [...new Set(values.filter((v) => v != null).map(String))];
  return { name, cats, pos: (v) => (v == null ? null : cats.length < 2 ? 0.5 : cats.indexOf(String(v)) / (cats.length - 1)) };
}

/** Parallel coordinates in SVG: one axis per swept parameter and the final metric, one line per run. */
export function parallelCoordinates(d, optimizerColor) {
  const names = [...d.parameters, d.metric];
  const rows = d.runs.map((r) => [...d.parameters.map((p) => r.point[p] ?? null), r.value]);
  const axes = names.map((n, i) => axisOf(n, rows.map((row) => row[i])));
  const W = 900; const H = 320; const top = 34; const bottom = 36; const left = 60; const right = 60;
  const x = (i) => (axes.length < 2 ? W / 2 : left + (i * (W - left - right)) / (axes.length - 1));
  const y = (p) => top + (1 - p) * (H - top - bottom);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', class: 'pc', role: 'img', 'aria-label': 'parallel coordinates' });
  const lines = s('g', { class: 'pc-lines' });
  svg.append(lines);
  d.runs.forEach((r, k) => {
    const pts = axes.map((a, i) => {
      const p = a.pos(rows[k][i]);
      // a run without a final value (diverged, failed) counts as worst: drawn above the top (largest) value
      return [x(i), p == null ? top - 18 : y(p)];
    });
    const path = s('path', { class: 'pc-line', d: pts.map((p, i) => `${i ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}`).join(''),
      stroke: optimizerColor(r.optimizer), 'stroke-dasharray': r.value == null ? '4 3' : null, 'data-run': r.id },
    s('title', {}, `${r.label} · seed ${r.seed} · ${d.metric} ${r.value == null ? r.status.toLowerCase() : num(r.value)}`));
    lines.append(path);
  });
  axes.forEach((a, i) => {
    const g = s('g', { class: 'pc-axis' });
    g.append(s('line', { x1: x(i), x2: x(i), y1: top, y2: H - bottom }));
    g.append(s('text', { x: x(i), y: H - 14, 'text-anchor': 'middle', class: 'pc-name' }, a.name + (a.log ? ' (log)' : '')));
    const isMetric = i === axes.length - 1;
    if (a.cats) {
      a.cats.forEach((c) => g.append(s('text', { x: x(i) + 5, y: y(a.pos(c)) + 4, class: 'pc-tick' }, c)));
    } else {
      g.append(s('text', { x: x(i) + 5, y: top + 4, class: 'pc-tick' }, num(a.hi, 3)));
      g.append(s('text', { x: x(i) + 5, y: H - bottom + 4, class: 'pc-tick' }, num(a.lo, 3)));
    }
    if (isMetric) g.append(s('text', { x: x(i) + 5, y: top - 14, class: 'pc-tick' }, 'diverged'));
    svg.append(g);
  });
  return svg;
}

/** The sweep panel: parallel coordinates and LR sensitivity (final metric against lr, one line per optimizer, seed band). */
export function sweepPanel(experimentId) {
  const pcBox = h('div', { id: 'parallel-coords' });
  const legend = h('div.legend');
  const note = h('span.muted');
  const sens = new Chart({ id: 'sensitivity', title: 'LR sensitivity', note: 'final metric against learning rate; band: min–max over seeds',
    logX: true, logY: true, logToggle: true, xLabel: 'learning rate', sync: false });
  const root = h('div.panel', { id: 'sweep-panel' },
    h('div.row', h('h2', 'Sweep'), note), legend, pcBox, h('div', { style: 'margin-top:12px' }, sens.root));
  async function load() {
    const d = await get(`/experiments/${experimentId}/sweep`);
    const optimizers = [...new Set(d.runs.map((r) => r.optimizer))].sort();
    const colorOf = (o) => color(optimizers.indexOf(o));
    note.textContent = ` ${d.runs.length} runs · ${d.parameters.length} swept parameter${d.parameters.length === 1 ? '' : 's'} · lower ${d.metric} is better`;
    clear(legend).append(...optimizers.map((o) => h('span.item', h('span.chip', { style: `background:${colorOf(o)}` }), o)));
    clear(pcBox).append(parallelCoordinates(d, colorOf));
    const lines = Object.entries(d.sensitivity).map(([o, pts]) => ({ key: o, label: o, color: colorOf(o),
      xs: pts.map((p) => p.lr), ys: pts.map((p) => p.mean), lo: pts.map((p) => p.min), hi: pts.map((p) => p.max) }));
    sens.o.xLabel = 'learning rate';
    sens.set(lines, false);
  }
  return { root, load, destroy: () => sens.destroy() };
}

/** The range-test panel: smoothed loss against lr (log-x), the suggestion marked, and a comparison one click away. */
export function rangeTestPanel(experimentId) {
  const chart = new Chart({ id: 'range-test', title: 'LR range test', note: 'smoothed loss against learning rate',
    logX: true, logY: false, logToggle: true, xLabel: 'learning rate', sync: false, marks: [] });
  const list = h('div', { id: 'range-suggestions' });
  const error = h('div');
  const button = h('button.primary', { id: 'range-compare', disabled: true }, 'Compare at this learning rate');
  const root = h('div.panel', { id: 'range-panel' },
    h('div.row', h('h2', 'Which learning rate?'), h('span.muted', 'Smith (2017): the steepest descent of the smoothed loss'),
      h('span.spacer'), button), list, error, chart.root);
  let comparison = null;
  button.addEventListener('click', async () => {
    if (!comparison) return;
    button.disabled = true;
    try {
      const r = await post('/experiments', comparison);
      location.hash = `#/experiments/${r.id}`;
    } catch (e) {
      button.disabled = false;
      clear(error).append(h('div.error-banner', e.message));
    }
  });
  async function load() {
    const d = await get(`/experiments/${experimentId}/range-test`);
    comparison = d.comparison;
    button.disabled = !comparison;
    button.title = comparison ? `launches "${comparison.name}": ${(comparison.compare || []).map((c) => `${c.optimizer} lr=${c.lr}`).join(', ')}, 3 seeds` : '';
    const lines = [];
    const marks = [];
    d.configs.forEach((c) => {
      const col = color(c.config_index);
      c.curves.forEach((cv, i) => lines.push({ key: c.config_index, label: `${c.label} · seed ${cv.seed}`, color: col,
        dash: i > 0 ? [5, 4] : undefined, xs: cv.lr, ys: cv.smoothed }));
      if (c.suggested_lr != null) marks.push({ x: c.suggested_lr, color: col, label: `${c.optimizer} ${num(c.suggested_lr, 3)}` });
    });
    clear(list).append(...d.configs.map((c) => h('div.suggestion', { dataset: { optimizer: c.optimizer, lr: c.suggested_lr ?? '' } },
      h('span.chip', { style: `background:${color(c.config_index)}` }), h('b', c.label), ': ',
      c.suggested_lr != null ? ['suggested lr: ', h('b.mono', num(c.suggested_lr, 3)),
        h('span.muted', ` (minimum-loss lr / 10: ${num(c.min_loss_lr_over_10, 3)})`)]
        : h('span.muted', c.error || 'no suggestion yet'))));
    chart.o.marks = marks;
    chart.set(lines, false);
    if (chart.u) chart.u.redraw(false);
  }
  return { root, load, destroy: () => chart.destroy() };
}
