// The health panel: the numbers of the server's Micrometer registry (the ones /metrics serves),
// streamed once a second on the live `health` topic.
import { h, num } from './dom.js';

const FIELDS = [
  ['runs_running', 'runs running'], ['runs_queued', 'runs queued'], ['steps_per_second', 'steps / s'],
  ['store_queue_depth', 'store queue depth'], ['store_write_lag', 'store write lag (steps)'],
  ['websocket_clients', 'WebSocket clients'], ['plugins_loaded', 'plugins loaded'], ['heap', 'heap'],
];

const mb = (b) => (b == null ? '–' : `${Math.round(b / 1048576)} MB`);

export function healthPanel() {
  const values = new Map();
  const stats = FIELDS.map(([k, label]) => {
    const v = h('span.v', '–');
    values.set(k, v);
    return h('div.stat', { dataset: { health: k } }, v, h('span.k', label));
  });
  const foot = h('div.muted', { style: 'margin-top:8px;font-size:12px' }, 'waiting for the server…');
  const root = h('div.panel.health-panel', { id: 'health-panel', hidden: true },
    h('div.row', h('h2', 'Server health'), h('span.spacer'), h('a', { href: '/metrics', target: '_blank', rel: 'noopener' }, '/metrics')),
    h('div.stats', stats), foot);
  function update(m) {
    for (const [k] of FIELDS) {
      const el = values.get(k);
      if (k === 'heap') el.textContent = `${mb(m.heap_used_bytes)} / ${mb(m.heap_max_bytes)}`;
      else if (k === 'steps_per_second') el.textContent = m[k] == null ? '–' : num(Math.round(m[k]));
      else el.textContent = num(m[k]);
      el.dataset.value = k === 'heap' ? String(m.heap_used_bytes ?? '') : String(m[k] ?? '');
    }
    foot.textContent = `${m.version} · up ${Math.round(m.uptime_seconds / 60)} min · ${m.run_workers} workers · from the Micrometer registry`;
  }
  return { root, update };
}
