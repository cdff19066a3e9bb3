// Compare: the ranking table of any experiment, with CSV export.
import { get } from '../api.js';
import { clear, h } from '../dom.js';
import { rankingPanel } from '../ranking.js';

export async function comparePage(view, id) {
  const list = await get('/experiments');
  const box = h('div');
  const select = h('select', { onchange: (e) => { location.hash = `#/compare/${e.target.value}`; } },
    h('option', { value: '' }, 'choose an experiment…'),
    list.map((e) => h('option', { value: e.id, selected: e.id === id }, `#${e.id} ${e.name} (${e.runs} runs, ${e.status.toLowerCase()})`)));
  view.append(h('h1', 'Compare optimizers'),
    h('div.sub', 'Configurations ranked by their final loss (mean over seeds); set a target loss to see how fast each got there.'),
    h('div.row', { style: 'margin-bottom:14px' }, select, id ? h('a', { href: `#/experiments/${id}` }, 'open charts →') : null), box);
  if (id) {
    const r = rankingPanel(id);
    clear(box).append(r.root);
    await r.load();
  }
  return null;
}
