// Experiments: every experiment with status, progress and best optimizer so far; ready-made ones one click away.
import { get, post } from '../api.js';
import { live } from '../live.js';
import { ago, clear, debounce, h, num, progressBar, statusPill } from '../dom.js';

export async function experimentsPage(view) {
  const catalogBox = h('div');
  const tableBox = h('div.panel');
  view.append(
    h('div.row', h('div', h('h1', 'Experiments'), h('div.sub', 'Every run is kept; pick one to watch it live or compare optimizers.')),
      h('div.spacer'), h('a.btn', { href: '#/launch' }, '+ New experiment')),
    tableBox, catalogBox);

  async function refresh() {
    const list = await get('/experiments');
    clear(tableBox);
    if (!list.length) {
      tableBox.append(h('div.empty', 'No experiments yet. Launch a ready-made one below or ', h('a', { href: '#/launch' }, 'write your own'), '.'));
      return;
    }
    tableBox.append(h('table', { id: 'experiments-table' },
      h('thead', h('tr', h('th', 'Experiment'), h('th', 'Setup'), h('th', 'Status'), h('th', 'Progress'), h('th.num', 'Runs'),
        h('th', 'Best so far'), h('th.num', 'Metric'), h('th', 'Created'))),
      h('tbody', list.map((e) => h('tr.clickable', { dataset: { id: e.id }, onclick: () => { location.hash = `#/experiments/${e.id}`; } },
        h('td', h('a', { href: `#/experiments/${e.id}` }, e.name), h('span.muted', ` #${e.id}`)),
        h('td.muted', e.setup),
        h('td', statusPill(e.status)),
        h('td', progressBar(e.progress, e.status), h('span.muted', ` ${Math.round(e.progress * 100)}%`)),
        h('td.num', e.runs),
        h('td', e.best ? e.best.label : '–'),
        h('td.num', e.best ? h('span', { title: e.metric }, num(e.best.value)) : '–'),
        h('td.muted', ago(e.created_at)))))));
  }

  const catalog = await get('/catalog');
  if (catalog.length) {
    catalogBox.append(h('h2', 'Ready-made experiments'), h('div.grid.cards', catalog.map((c) => h('div.panel.card',
      h('h2', c.title), h('p', c.description || c.file),
      h('div.row', h('button.primary', {
        dataset: { catalog: c.name },
        onclick: async (ev) => {
          ev.target.disabled = true;
          try {
            const r = await post(`/catalog/${encodeURIComponent(c.name)}/launch`, '');
            location.hash = `#/experiments/${r.id}`;
          } catch (e) { ev.target.disabled = false; alert(e.message); }
        } }, '▶ Launch'), h('a', { href: '#/launch', onclick: () => sessionStorage.setItem('adalab.yaml', c.source) }, 'edit first'),
      h('span.spacer'), h('code.muted', c.file))))));
  }
  await refresh();
  const again = debounce(refresh, 300);
  const offs = [live.on('status', again), live.on('experiment', again), live.on('reconnected', again),
    live.on('progress', again)];
  return () => offs.forEach((off) => off());
}
