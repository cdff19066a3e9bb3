// The compare table: configurations ranked by final loss (mean over seeds), with accuracy, time,
// optimizer state and steps to a target loss; CSV export.
import { get } from './api.js';
import { clear, duration, h, num } from './dom.js';

export function rankingPanel(experimentId) {
  const body = h('div');
  const target = h('input', { type: 'number', step: 'any', placeholder: 'e.g. 0.1', style: 'width:110px', id: 'ranking-target' });
  const csv = h('a.btn', { href: '#', download: '' }, '⤓ CSV');
  const root = h('div.panel', { id: 'ranking' },
    h('div.row', h('h2', 'Ranking'), h('span.spacer'), h('label.inline', 'loss target', target),
      h('button', { onclick: () => load() }, 'Update'), csv),
    body);

  async function load() {
    const t = target.value.trim();
    const q = t ? `?target=${encodeURIComponent(t)}` : '';
    csv.href = `/api/v1/experiments/${experimentId}/ranking${q ? `${q}&` : '?'}format=csv`;
    const r = await get(`/experiments/${experimentId}/ranking${q}`);
    clear(body);
    body.append(h('table', { id: 'ranking-table' },
      h('thead', h('tr', h('th.num', '#'), h('th', 'Configuration'), h('th.num', 'Runs'), h('th.num', `Final ${r.metric}`),
        h('th.num', '± std'), h('th.num', 'Best'), h('th.num', 'Accuracy'), h('th.num', 'Wall time'), h('th.num', 'Steps'),
        h('th.num', { title: "the optimizer's state as a multiple of the parameters' size (Adam 2×, Lion 1×)" }, 'State'),
        h('th.num', 'Reached'), h('th.num', 'Steps to target'), h('th.num', 'Time to target'))),
      h('tbody', r.groups.map((g) => h('tr',
        h('td.num', g.rank), h('td', g.config), h('td.num', g.runs), h('td.num', h('b', num(g.final_mean))),
        h('td.num.muted', num(g.final_std)), h('td.num', num(g.final_best)),
        h('td.num', g.accuracy_mean == null ? '–' : `${(g.accuracy_mean * 100).toFixed(1)} %`),
        h('td.num', duration(g.wall_seconds_mean)), h('td.num', num(g.steps_mean)),
        h('td.num', g.state_per_parameter == null ? '–' : `${num(g.state_per_parameter)}×`),
        h('td.num', r.target == null ? '–' : g.reached), h('td.num', num(g.steps_to_target_mean)),
        h('td.num', duration(g.time_to_target_mean)))))));
  }
  return { root, load };
}
