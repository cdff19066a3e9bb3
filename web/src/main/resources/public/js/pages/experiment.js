// Experiment view: runs overlaid on live charts (loss, learning rate, effective learning rate band,
// gradient norm, update/parameter ratio per layer), the optimizer paths on 2-D problems, the runs
// table, the ranking and the spec.
import { del, get, post } from '../api.js';
import { live } from '../live.js';
import { Chart } from '../chart.js';
import { ContourPlot } from '../contour.js';
import { rankingPanel } from '../ranking.js';
import { rangeTestPanel, sweepPanel } from '../analysis.js';
import { fetchSeries, interp, Series } from '../series.js';
import { clear, color, debounce, duration, h, num, progressBar, statusPill } from '../dom.js';

const CHARTS = [
  { id: 'loss', title: 'Loss', names: ['loss'], logY: true, spikes: true, smooth: true },
  { id: 'lr', title: 'Learning rate', names: ['lr'], logY: false },
  { id: 'eff', title: 'Effective learning rate', note: '|Δθᵢ|/|gᵢ|: median, p10–p90 band', names: ['eff_lr_p50', 'eff_lr_p10', 'eff_lr_p90'], logY: true, band: true },
  { id: 'grad', title: 'Gradient norm', names: ['grad_norm'], logY: true },
  { id: 'ratio', title: 'Update / parameter ratio', note: '‖Δθ‖/‖θ‖', names: ['update_ratio'], logY: true, layered: true },
];
const POINTS = 1500;
const TERMINAL = new Set(['FINISHED', 'DIVERGED', 'FAILED', 'CANCELLED', 'INTERRUPTED']);
const RESUMABLE = new Set(['FAILED', 'CANCELLED', 'INTERRUPTED']);

export async function experimentPage(view, id) {
  const offs = [];
  const st = {
    x: 'step', smooth: 0, aggregate: true, layer: '', zoom: null, hidden: new Set(),
    exp: null, runs: new Map(), data: new Map(), wall: new Map(), loaded: false, buffer: [],
  };

  // subscribe first, then fetch history: nothing emitted in between is lost
  await live.subscribe(`experiment:${id}`);
  offs.push(() => live.unsubscribe(`experiment:${id}`));
  offs.push(live.on('points', (m) => onPoints(m)));
  st.exp = await get(`/experiments/${id}`);
  st.exp.run_list.forEach((r) => st.runs.set(r.id, r));
  st.aggregate = [...st.runs.values()].some((r) => [...st.runs.values()].filter((q) => q.config_index === r.config_index).length > 1);

  // ---- layout -------------------------------------------------------------------------------
  const header = h('div');
  const legend = h('div.legend', { id: 'legend' });
  const zoomNote = h('span.muted');
  const layerSelect = h('select', { onchange: (e) => { st.layer = e.target.value; reload(); } });
  const smoothValue = h('span.mono', '0');
  const toolbar = h('div.panel.toolbar',
    h('div.group', 'x-axis', h('div.seg', ['step', 'epoch', 'wall'].map((x) => h('button', {
      class: x === st.x ? 'on' : '', dataset: { x },
      onclick: (e) => { st.x = x; e.target.parentNode.querySelectorAll('button').forEach((b) => b.classList.toggle('on', b === e.target)); draw(); },
    }, x === 'wall' ? 'wall time' : x)))),
    h('div.group', 'EMA smoothing', h('input', { type: 'range', min: 0, max: 0.99, step: 0.01, value: 0,
      oninput: (e) => { smoothValue.textContent = e.target.value; },
      onchange: (e) => { st.smooth = Number(e.target.value); reloadLoss(); } }), smoothValue),
    h('label.inline', h('input', { type: 'checkbox', checked: st.aggregate, onchange: (e) => { st.aggregate = e.target.checked; draw(); } }),
      'seeds: mean ± std'),
    h('div.group', 'layer', layerSelect),
    h('span.spacer'), zoomNote,
    h('button', { onclick: () => resetZoom() }, 'Reset zoom'));
  const charts = CHARTS.map((c) => new Chart({ ...c, logToggle: true, xLabel: 'step',
    onZoom: (a, b) => zoomTo(a, b), onReset: () => resetZoom() }));
  const grid = h('div.grid.charts', charts.map((c) => c.root));
  const contour = st.exp.problem_2d ? new ContourPlot(id) : null;
  if (contour) grid.append(contour.root);
  const filter = h('input', { placeholder: 'filter runs…', style: 'width:200px', oninput: () => renderTable() });
  const tableBox = h('div');
  const ranking = rankingPanel(id);
  // a sweep gets its parallel coordinates and LR sensitivity, a range test its suggestion
  const analysis = st.exp.kind === 'sweep' ? sweepPanel(id) : st.exp.kind === 'lr_range' ? rangeTestPanel(id) : null;
  const loadAnalysis = () => analysis && analysis.load().catch((e) => console.warn(e));
  view.append(header, analysis ? analysis.root : '', toolbar, legend, grid,
    h('div.panel', h('div.row', h('h2', 'Runs'), h('span.spacer'), filter), tableBox),
    ranking.root,
    h('details.panel', h('summary', h('b', 'Spec')), h('pre.spec', st.exp.source)));

  // ---- header -------------------------------------------------------------------------------
  function renderHeader() {
    const e = st.exp;
    const running = e.status === 'RUNNING' || e.status === 'QUEUED';
    clear(header).append(h('div.row',
      h('div', h('h1', e.name, ' ', statusPill(e.status)),
        h('div.sub', `#${e.id} · ${e.setup} · ${e.runs} runs`, e.description ? ` · ${e.description}` : '')),
      h('span.spacer'),
      running ? h('button.danger', { onclick: async () => { await post(`/experiments/${id}/cancel`, ''); } }, '■ Cancel') : null,
      h('a.btn', { id: 'report-link', href: `/api/v1/experiments/${id}/report`, target: '_blank', rel: 'noopener',
        title: 'time to target, best configuration per optimizer, LR sensitivity (self-contained HTML)' }, 'Report'),
      h('a.btn', { href: `/api/v1/experiments/${id}/report?format=csv&download=true`, download: '' }, '⤓ Report CSV'),
      h('a.btn', { href: `/api/v1/experiments/${id}/export?format=csv`, download: '' }, '⤓ CSV'),
      h('a.btn', { href: `/api/v1/experiments/${id}/export?format=json`, download: '' }, '⤓ JSON'),
      !running ? h('button.danger', { onclick: async () => {
        if (window.confirm(`Delete experiment ${e.name} and all its runs?`)) { await del(`/experiments/${id}`); location.hash = '#/'; }
      } }, 'Delete') : null));
  }

  // ---- runs, groups, colours ----------------------------------------------------------------
  const groupKey = (r) => r.config_index ?? r.id;
  const colorOf = (r) => color(groupKey(r));
  function groups() {
    const m = new Map();
    for (const r of st.runs.values()) {
      const k = groupKey(r);
      if (!m.has(k)) m.set(k, []);
      m.get(k).push(r);
    }
    return [...m.entries()].sort((a, b) => a[0] - b[0]);
  }

  function renderLegend() {
    clear(legend).append(...groups().map(([k, rs]) => h(`span.item${st.hidden.has(k) ? '.off' : ''}`, {
      onclick: () => {
        if (st.hidden.has(k)) st.hidden.delete(k); else st.hidden.add(k);
        renderLegend();
        charts.forEach((c) => c.visibility(st.hidden));
        if (contour) contour.visibility(st.hidden, (run) => groupKey(st.runs.get(run)));
      } }, h('span.chip', { style: `background:${colorOf(rs[0])}` }), rs[0].label, rs.length > 1 ? h('span.muted', ` ×${rs.length}`) : null)));
  }

  function layers() {
    const names = new Set();
    for (const r of st.runs.values()) (r.series || []).forEach((n) => { if (n.startsWith('update_ratio/')) names.add(n.slice(13)); });
    return [...names];
  }

  function renderLayers() {
    const ls = layers();
    clear(layerSelect).append(h('option', { value: '' }, 'all (global)'), ...ls.map((l) => h('option', { value: l, selected: l === st.layer }, l)));
  }

  const namesFor = (c) => (c.layered && st.layer ? [`update_ratio/${st.layer}`] : c.names);

  // ---- data ---------------------------------------------------------------------------------
  async function loadRun(r, only) {
    const have = new Set(r.series || []);
    if (!have.size) return;
    const per = st.data.get(r.id) || new Map();
    st.data.set(r.id, per);
    const z = st.zoom || {};
    const jobs = [];
    for (const c of CHARTS) {
      if (only && !only.includes(c.id)) continue;
      for (const n of namesFor(c)) {
        if (!have.has(n)) continue;
        jobs.push(fetchSeries(r.id, n, { points: POINTS, from: z.from, to: z.to, smooth: c.smooth ? st.smooth : 0 })
          .then((s) => per.set(n, s)));
      }
    }
    if (!only) jobs.push(fetchSeries(r.id, 'wall_time', { points: POINTS, from: z.from, to: z.to }).then((s) => st.wall.set(r.id, s)));
    await Promise.all(jobs);
  }

  async function reload(only) {
    st.loaded = false;
    await Promise.all([...st.runs.values()].map((r) => loadRun(r, only)));
    st.loaded = true;
    const buffered = st.buffer;
    st.buffer = [];
    buffered.forEach(apply);
    draw();
  }
  const reloadLoss = () => reload(['loss']);

  function ensureSeries(r) {
    if (!st.data.has(r.id)) st.data.set(r.id, new Map());
    const per = st.data.get(r.id);
    for (const c of CHARTS) for (const n of namesFor(c)) if (!per.has(n)) {
      const s = new Series();
      if (c.smooth && st.smooth > 0) s.ema = { value: 0, count: 0, weight: st.smooth };
      per.set(n, s);
    }
    if (!st.wall.has(r.id)) st.wall.set(r.id, new Series());
  }

  function apply(p) {
    const r = st.runs.get(p.run);
    if (!r) return;
    ensureSeries(r);
    const per = st.data.get(p.run);
    for (const [n, s] of per) if (p[n] !== undefined && s.push(p.step, p[n])) s.compact(POINTS * 2);
    const w = st.wall.get(p.run);
    if (w.push(p.step, p.wall)) w.compact(POINTS * 2);
    if (contour) contour.add(p.run, p.step, p.pos);
    r.progress = { ...r.progress, step: p.step, loss: p.loss, wall_seconds: p.wall,
      fraction: r.progress.total_steps ? p.step / r.progress.total_steps : r.progress.fraction };
    if (r.status === 'QUEUED') r.status = 'RUNNING';
  }

  const refetchThinned = debounce(() => { if (!st.zoom) reload(); }, 1500);
  function onPoints(m) {
    if (st.zoom) return; // a zoomed view is a fixed window; live resumes on reset
    for (const p of m.points) {
      if (p.experiment !== id) continue;
      if (!st.loaded) st.buffer.push(p); else apply(p);
    }
    if (m.thinned) refetchThinned();
    scheduleDraw();
    scheduleTable();
  }

  // ---- x mapping ------------------------------------------------------------------------------
  function xs(r, steps) {
    if (st.x === 'step') return steps;
    if (st.x === 'epoch') {
      const total = r.progress.total_steps || r.steps || (steps.length ? steps[steps.length - 1] : 1);
      const spe = r.epochs_planned > 0 ? total / r.epochs_planned : total;
      return steps.map((s) => s / spe);
    }
    const w = st.wall.get(r.id);
    return steps.map((s) => (w ? interp(w.steps, w.last, s) : null));
  }

  function stepOf(x) {
    if (st.x === 'step') return x;
    for (const r of st.runs.values()) {
      const s = st.data.get(r.id)?.get('loss');
      if (!s || !s.steps.length) continue;
      const [xv, sv] = clean(xs(r, s.steps), s.steps);
      const v = interp(xv, sv, x);
      if (v != null) return v;
    }
    return null;
  }

  // ---- drawing --------------------------------------------------------------------------------
  function clean(xv, ...cols) {
    const keep = xv.map((x, i) => x != null && Number.isFinite(x) && (i === 0 || x > xv[i - 1]));
    return [xv.filter((_, i) => keep[i]), ...cols.map((c) => (c ? c.filter((_, i) => keep[i]) : c))];
  }

  function lines(c) {
    const out = [];
    const [main, loName, hiName] = namesFor(c).length === 3 ? namesFor(c) : [namesFor(c)[0]];
    for (const [k, rs] of groups()) {
      const col = colorOf(rs[0]);
      const withData = rs.filter((r) => st.data.get(r.id)?.get(main)?.steps.length);
      if (!withData.length) continue;
      if (st.aggregate && withData.length > 1) {
        const ref = withData.reduce((a, b) => (st.data.get(a.id).get(main).steps.length >= st.data.get(b.id).get(main).steps.length ? a : b));
        const rs0 = st.data.get(ref.id).get(main);
        const [xv] = clean(xs(ref, rs0.steps));
        const cols = withData.map((r) => {
          const s = st.data.get(r.id).get(main);
          const [x2, y2] = clean(xs(r, s.steps), s.last);
          return xv.map((x) => interp(x2, y2, x));
        });
        const mean = []; const lo = []; const hi = [];
        xv.forEach((_, i) => {
          const v = cols.map((cl) => cl[i]).filter((y) => y != null && Number.isFinite(y));
          if (!v.length) { mean.push(null); lo.push(null); hi.push(null); return; }
          const m = v.reduce((a, b) => a + b, 0) / v.length;
          const sd = v.length > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1)) : 0;
          mean.push(m); lo.push(m - sd); hi.push(m + sd);
        });
        out.push({ key: k, label: `${rs[0].label} (mean of ${withData.length})`, color: col, xs: xv, ys: mean, lo, hi, bandAlpha: 0.2, show: !st.hidden.has(k) });
        continue;
      }
      withData.forEach((r, i) => {
        const s = st.data.get(r.id).get(main);
        let lo = null; let hi = null;
        if (loName) {
          const a = st.data.get(r.id).get(loName); const b = st.data.get(r.id).get(hiName);
          if (a && b) { lo = s.steps.map((x) => interp(a.steps, a.last, x)); hi = s.steps.map((x) => interp(b.steps, b.last, x)); }
        } else if (c.spikes && !(st.smooth > 0)) { lo = s.min; hi = s.max; }
        const [xv, yv, l2, h2] = clean(xs(r, s.steps), s.last, lo, hi);
        out.push({ key: k, label: `${r.label} · seed ${r.seed}`, color: col, dash: i > 0 ? [5, 4] : undefined,
          xs: xv, ys: yv, lo: l2, hi: h2, bandAlpha: loName ? 0.18 : 0.12, show: !st.hidden.has(k) });
      });
    }
    return out;
  }

  let drawTimer = null;
  function scheduleDraw() {
    if (drawTimer) return;
    drawTimer = setTimeout(() => { drawTimer = null; draw(); }, 250);
  }
  function draw() {
    charts.forEach((c, i) => {
      c.o.xLabel = st.x === 'wall' ? 'wall time (s)' : st.x;
      c.set(lines(CHARTS[i]), false);
    });
    zoomNote.textContent = st.zoom ? `zoomed to steps ${Math.round(st.zoom.from)}–${Math.round(st.zoom.to)} (live paused)` : '';
  }

  async function zoomTo(a, b) {
    const from = Math.max(0, Math.floor(stepOf(a) ?? a));
    const to = Math.ceil(stepOf(b) ?? b);
    if (!(to > from)) return;
    st.zoom = { from, to };
    await reload();
  }
  async function resetZoom() {
    if (!st.zoom) return;
    st.zoom = null;
    await reload();
  }

  // ---- runs table -----------------------------------------------------------------------------
  let sortKey = 'index'; let sortAsc = true;
  const cols = [
    ['', null], ['Run', 'id'], ['Configuration', 'label'], ['Seed', 'seed'], ['Status', 'status'], ['Progress', 'fraction'],
    ['Step', 'step'], ['Loss now', 'loss'], [`Final ${st.exp.metric}`, 'final'], ['Accuracy', 'acc'], ['Wall', 'wall'], ['Steps/s', 'sps'], ['', null],
  ];
  const value = (r, k) => ({
    index: r.config_index * 1e6 + r.id, id: r.id, label: r.label, seed: r.seed, status: r.status, fraction: r.progress.fraction ?? 0,
    step: r.progress.step, loss: r.progress.loss, final: r.final?.[st.exp.metric], acc: r.final?.test_accuracy ?? r.final?.train_accuracy,
    wall: r.final?.wall_seconds ?? r.progress.wall_seconds, sps: r.final?.steps_per_second,
  })[k];
  function renderTable() {
    const f = filter.value.trim().toLowerCase();
    const rows = [...st.runs.values()].filter((r) => !f || `${r.label} ${r.status} ${r.optimizer} ${r.id}`.toLowerCase().includes(f));
    rows.sort((a, b) => {
      const x = value(a, sortKey); const y = value(b, sortKey);
      const c = x == null ? 1 : y == null ? -1 : typeof x === 'string' ? x.localeCompare(y) : x - y;
      return sortAsc ? c : -c;
    });
    clear(tableBox).append(h('table', { id: 'runs-table' },
      h('thead', h('tr', cols.map(([t, k]) => h(`th${k ? '.sortable' : ''}${k === sortKey ? `.sorted${sortAsc ? '.asc' : ''}` : ''}`,
        { onclick: k ? () => { sortAsc = k === sortKey ? !sortAsc : true; sortKey = k; renderTable(); } : null }, t)))),
      h('tbody', rows.map((r) => h('tr', { dataset: { run: r.id, status: r.status } },
        h('td', h('span.chip', { style: `background:${colorOf(r)}` })),
        h('td.mono', `#${r.id}`),
        h('td.wrap', r.label, r.message ? h('div.muted', r.message) : null),
        h('td.num', r.seed),
        h('td', statusPill(r.status)),
        h('td', progressBar(r.progress.fraction, r.status)),
        h('td.num', num(r.progress.step)),
        h('td.num', num(r.progress.loss)),
        h('td.num', num(value(r, 'final'))),
        h('td.num', value(r, 'acc') == null ? '–' : `${(value(r, 'acc') * 100).toFixed(1)} %`),
        h('td.num', duration(value(r, 'wall'))),
        h('td.num', num(value(r, 'sps'), 3)),
        h('td', TERMINAL.has(r.status)
          ? [h('a', { href: `/api/v1/runs/${r.id}/export?format=csv`, download: '' }, 'CSV'),
            RESUMABLE.has(r.status) ? h('button.small', { title: 'continue from its latest checkpoint', dataset: { resume: r.id },
              onclick: async () => { await post(`/runs/${r.id}/resume`, ''); r.status = 'QUEUED'; r.message = ''; renderTable(); } }, '↻ Resume') : null]
          : h('button.danger', { onclick: () => post(`/runs/${r.id}/cancel`, '') }, 'Cancel')))))));
  }
  let tableTimer = null;
  function scheduleTable() {
    if (tableTimer) return;
    tableTimer = setTimeout(() => { tableTimer = null; renderTable(); }, 500);
  }

  // ---- live control messages ------------------------------------------------------------------
  const refreshExperiment = debounce(async () => {
    const e = await get(`/experiments/${id}`);
    st.exp = e;
    e.run_list.forEach((r) => {
      const old = st.runs.get(r.id);
      if (old && !TERMINAL.has(r.status) && old.progress.step > (r.progress.step || 0)) r.progress = old.progress;
      st.runs.set(r.id, r);
    });
    renderHeader();
    renderTable();
    if (e.status !== 'RUNNING' && e.status !== 'QUEUED') { ranking.load(); loadAnalysis(); }
  }, 400);
  offs.push(live.on('started', (m) => {
    const r = st.runs.get(m.run);
    if (m.experiment !== id || !r) return;
    r.series = m.series;
    r.status = 'RUNNING';
    if (m.resumed_after != null) {
      // resumed from a checkpoint: what it had recorded after it is recomputed now
      for (const s of st.data.get(r.id)?.values() || []) s.truncate(m.resumed_after);
      st.wall.get(r.id)?.truncate(m.resumed_after);
      if (contour) contour.truncate(r.id, m.resumed_after);
      scheduleDraw();
    }
    r.progress.total_steps = m.total_steps || r.progress.total_steps;
    ensureSeries(r);
    renderLayers();
    scheduleTable();
  }));
  offs.push(live.on('status', (m) => {
    const r = st.runs.get(m.run);
    if (m.experiment !== id || !r) return;
    r.status = m.status;
    if (TERMINAL.has(m.status)) { r.final = m.final; r.message = m.message; }
    scheduleTable();
    refreshExperiment();
  }));
  offs.push(live.on('reconnected', () => { if (!st.zoom) reload(); refreshExperiment(); }));

  renderHeader();
  renderLegend();
  renderLayers();
  renderTable();
  await reload();
  if (contour) await contour.load([...st.runs.values()], colorOf);
  ranking.load();
  await loadAnalysis();
  return () => {
    offs.forEach((off) => off());
    charts.forEach((c) => c.destroy());
    if (analysis) analysis.destroy();
  };
}
