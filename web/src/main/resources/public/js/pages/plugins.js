// Plugins: what is installed; every extension with its paper and hyperparameters.
import { get } from '../api.js';
import { h, num } from '../dom.js';

const KINDS = [['optimizer', 'Optimizers'], ['schedule', 'Learning-rate schedules'], ['model', 'Models'], ['dataset', 'Datasets'], ['problem', 'Analytic problems']];

function hpTable(hps) {
  if (!hps.length) return h('div.muted', 'no hyperparameters');
  return h('table', h('thead', h('tr', h('th', 'name'), h('th', 'type'), h('th', 'default'), h('th', 'allowed'), h('th', 'meaning'))),
    h('tbody', hps.map((p) => h('tr', h('td.mono', p.name), h('td.muted', p.type),
      h('td.mono', p.default == null ? (p.required ? 'required' : '–') : typeof p.default === 'number' ? num(p.default) : JSON.stringify(p.default)),
      h('td.muted', p.allowed + (p.log_scale ? ', log' : '')), h('td.wrap', p.help)))));
}

export async function pluginsPage(view) {
  const p = await get('/plugins');
  view.append(h('h1', 'Plugins'), h('div.sub', `${p.plugins.length} plugins loaded; every optimizer below is a plugin exactly like one you could write.`));
  if (p.problems.length) view.append(h('div.error-banner', p.problems.map((x) => h('div', x))));
  view.append(h('div.panel', h('table', h('thead', h('tr', h('th', 'plugin'), h('th', 'version'), h('th', 'state'), h('th', 'provider'), h('th', 'file'))),
    h('tbody', p.plugins.map((x) => h('tr', h('td.mono', x.id), h('td', x.version), h('td', x.state), h('td.muted', x.provider || ''), h('td.muted.mono', x.file || '')))))));
  for (const [kind, title] of KINDS) {
    const list = p.extensions[kind] || [];
    view.append(h('h2', { style: 'margin-top:22px' }, `${title} (${list.length})`));
    view.append(...list.map((e) => h('details.panel', { dataset: { extension: e.id } },
      h('summary', h('b', e.name), h('span.muted.mono', `  ${e.id}`), h('span.muted', ` · ${e.plugin} ${e.plugin_version}`),
        e.paper ? h('span.muted', ` · ${e.paper.authors} (${e.paper.year})`) : null),
      h('div', { style: 'margin-top:10px' },
        e.description ? h('p', e.description) : null,
        e.paper ? h('p', e.paper.url ? h('a', { href: e.paper.url, target: '_blank', rel: 'noopener' }, e.paper.citation) : e.paper.citation) : null,
        hpTable(e.hyperparameters)))));
  }
  return null;
}
