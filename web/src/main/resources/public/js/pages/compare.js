// Compare: the ranking table of any experiment, with CSV export; and a report across several
// experiments (best configuration per optimizer, LR sensitivity, performance profile).
import { get } from '../api.js';
import { clear, h } from '../dom.js';
import { rankingPanel } from '../ranking.js';

function reportPanel(list, preselect) {
  const chosen = new Set(preselect ? [preselect] : []);
  const frame = h('div');
  const csv = h('a.btn', { id: 'compare-report-csv', href: '#', download: '' }, '⤓ CSV');
  const open = h('a.btn', { href: '#', target: '_blank', rel: 'noopener' }, 'open ↗');
  const boxes = list.map((e) => h('label.inline', h('input', { type: 'checkbox', value: e.id, checked: chosen.has(e.id), dataset: { experiment: e.id },
    onchange: (ev) => { if (ev.target.checked) chosen.add(e.id); else chosen.delete(e.id); } }), `#${e.id} ${e.name}`));
  const show = () => {
    clear(frame);
    if (!chosen.size) { frame.append(h('div.muted', 'Tick one or more experiments (problems).')); return; }
    const q = `experiments=${[...chosen].sort((a, b) => a - b).join(',')}`;
    csv.href = `/api/v1/reports?${q}&format=csv&download=true`;
    open.href = `/api/v1/reports?${q}`;
    frame.append(h('iframe.report', { id: 'compare-report', src: `/api/v1/reports?${q}`, title: 'report' }));
  };
  return h('div.panel', { id: 'report-panel' },
    h('div.row', h('h2', 'Report across experiments'), h('span.muted', 'time to target, best configuration per optimizer, LR sensitivity; '
      + 'with several experiments, the performance profile (fraction of problems solved within τ × the best time)'),
    h('span.spacer'), h('button.primary', { id: 'compare-report-show', onclick: show }, 'Report'), csv, open),
    h('div.pick', boxes), frame);
}

export async function comparePage(view, id) {
  const list = await get('/experiments');
  const box = h('div');
  const select = h('select', { onchange: (e) => { location.hash = `#/compare/${e.target.value}`; } },
    h('option', { value: '' }, 'choose an experiment…'),
    list.map((e) => h('option', { value: e.id, selected: e.id === id }, `#${e.id} ${e.name} (${e.runs} runs, ${e.status.toLowerCase()})`)));
  view.append(h('h1', 'Compare optimizers'),
    h('div.sub', 'Configurations ranked by their final loss (mean over seeds); set a target loss to see how fast each got there.'),
    h('div.row', { style: 'margin-bottom:14px' }, select, id ? h('a', { href: `#/experiments/${id}` }, 'open charts →') : null), box,
    reportPanel(list.filter((e) => e.status !== 'QUEUED'), id));
  if (id) {
    const r = rankingPanel(id);
    clear(box).append(r.root);
    await r.load();
  }
  return null;
}
