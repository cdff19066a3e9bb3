// Plugins: upload a jar; what is installed (built-in or uploaded), load errors, live plugin events;
// every extension with its paper and hyperparameters.
import { get, post } from '../api.js';
import { live } from '../live.js';
import { clear, debounce, h, num } from '../dom.js';

const KINDS = [['optimizer', 'Optimizers'], ['schedule', 'Learning-rate schedules'], ['model', 'Models'], ['dataset', 'Datasets'], ['problem', 'Analytic problems']];

function hpTable(hps) {
  if (!hps.length) return h('div.muted', 'no hyperparameters');
  return h('table', h('thead', h('tr', h('th', 'name'), h('th', 'type'), h('th', 'default'), h('th', 'allowed'), h('th', 'meaning'))),
    h('tbody', hps.map((p) => h('tr', h('td.mono', p.name), h('td.muted', p.type),
      h('td.mono', p.default == null ? (p.required ? 'required' : '–') : typeof p.default === 'number' ? num(p.default) : JSON.stringify(p.default)),
      h('td.muted', p.allowed + (p.log_scale ? ', log' : '')), h('td.wrap', p.help)))));
}

function eventRow(e) {
  return h('tr', { dataset: { event: e.event } }, h('td.muted', new Date(e.time).toLocaleTimeString()),
    h(`td`, h(`span.pill.s-${e.event === 'REFUSED' ? 'failed' : e.event === 'LOADED' || e.event === 'REPLACED' ? 'finished' : 'queued'}`, e.event)),
    h('td.mono', e.plugin_id ? `${e.plugin_id} ${e.version}` : '–'), h('td.muted.mono', e.file), h('td.wrap', e.message || ''));
}

function uploadForm(onDone) {
  const file = h('input', { type: 'file', accept: '.jar', id: 'plugin-file' });
  const replace = h('input', { type: 'checkbox', id: 'plugin-replace' });
  const result = h('div', { id: 'plugin-upload-result' });
  const button = h('button.primary', { id: 'plugin-upload' }, 'Upload and load');
  button.addEventListener('click', async () => {
    const f = file.files[0];
    clear(result);
    if (!f) { result.append(h('div.error-banner', 'Choose a plugin jar first.')); return; }
    button.disabled = true;
    try {
      const r = await post(`/plugins?filename=${encodeURIComponent(f.name)}${replace.checked ? '&replace=true' : ''}`, f, 'application/java-archive');
      result.append(h('div.ok-banner', `Loaded ${r.plugin_id} ${r.version} as ${r.file}${r.replaced ? ' (replaced the previous version)' : ''}: `,
        r.extensions.join(', ') || 'no extensions'));
      file.value = '';
      onDone();
    } catch (e) {
      result.append(h('div.error-banner', `Refused: ${e.message}`));
    } finally {
      button.disabled = false;
    }
  });
  return h('div.panel', { id: 'plugin-upload-form' }, h('h2', 'Add a plugin'),
    h('div.sub', 'A jar with your optimizer (see "Write your own optimizer in ten minutes"). It is checked before anything changes: '
      + 'descriptor, unique id, Plugin-Requires, loadable classes. Jars dropped into the user plugin folder load by themselves.'),
    h('div.row', file, h('label.inline', replace, 'replace an uploaded version'), button), result);
}

export async function pluginsPage(view) {
  const body = h('div');
  const events = h('tbody');
  const offs = [];
  async function render() {
    const p = await get('/plugins');
    clear(body);
    body.append(h('div.sub', `${p.plugins.length} plugins loaded; every optimizer below is a plugin exactly like one you could write.`
      + (p.user_folder ? ` Your plugins: ${p.user_folder}` : '')));
    if (p.errors.length) body.append(h('div.error-banner', { id: 'plugin-errors' }, p.errors.map((x) => h('div', x.detail))));
    body.append(h('div.panel', h('table', { id: 'installed-plugins' },
      h('thead', h('tr', h('th', 'plugin'), h('th', 'version'), h('th', 'source'), h('th', 'file'), h('th', 'extensions'), h('th', 'loaded'))),
      h('tbody', p.installed.map((x) => h('tr', { dataset: { plugin: x.id } }, h('td.mono', x.id), h('td', x.version),
        h('td', x.builtin ? h('span.pill', 'built-in') : h('span.pill.s-running', 'uploaded')), h('td.muted.mono', { title: x.sha256 }, x.file),
        h('td.wrap.muted', x.extensions.join(', ')), h('td.muted', new Date(x.loaded_at).toLocaleTimeString())))))));
    clear(events).append(...p.events.slice().reverse().map(eventRow));
    for (const [kind, title] of KINDS) {
      const list = p.extensions[kind] || [];
      body.append(h('h2', { style: 'margin-top:22px' }, `${title} (${list.length})`));
      body.append(...list.map((e) => h('details.panel', { dataset: { extension: e.id } },
        h('summary', h('b', e.name), h('span.muted.mono', `  ${e.id}`), h('span.muted', ` · ${e.plugin} ${e.plugin_version}`),
          e.paper ? h('span.muted', ` · ${e.paper.authors} (${e.paper.year})`) : null),
        h('div', { style: 'margin-top:10px' },
          e.description ? h('p', e.description) : null,
          e.paper ? h('p', e.paper.url ? h('a', { href: e.paper.url, target: '_blank', rel: 'noopener' }, e.paper.citation) : e.paper.citation) : null,
          hpTable(e.hyperparameters)))));
    }
  }
  const again = debounce(() => render().catch((e) => console.warn(e)), 300);
  view.append(h('h1', 'Plugins'), uploadForm(again),
    h('details.panel', { open: true }, h('summary', h('b', 'Plugin events'), h('span.muted', ' (live)')),
      h('table', { id: 'plugin-events' }, h('thead', h('tr', h('th', 'time'), h('th', 'event'), h('th', 'plugin'), h('th', 'file'), h('th', 'message'))), events)),
    body);
  await live.subscribe('plugins');
  offs.push(() => live.unsubscribe('plugins'));
  offs.push(live.on('plugin', (e) => { events.prepend(eventRow(e)); again(); }));
  await render();
  return () => offs.forEach((off) => off());
}
