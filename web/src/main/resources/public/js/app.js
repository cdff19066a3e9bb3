// Dashboard entry: hash router, header health, page lifecycle (each page returns a dispose function).
import { live } from './live.js';
import { clear, h } from './dom.js';
import { experimentsPage } from './pages/experiments.js';
import { experimentPage } from './pages/experiment.js';
import { launchPage } from './pages/launch.js';
import { comparePage } from './pages/compare.js';
import { pluginsPage } from './pages/plugins.js';
import { healthPanel } from './health.js';

const view = document.getElementById('view');
let dispose = null;

const routes = [
  [/^#?\/?$/, 'experiments', () => experimentsPage(view)],
  [/^#\/experiments\/(\d+)$/, 'experiments', (m) => experimentPage(view, Number(m[1]))],
  [/^#\/launch$/, 'launch', () => launchPage(view)],
  [/^#\/compare(?:\/(\d+))?$/, 'compare', (m) => comparePage(view, m[1] ? Number(m[1]) : null)],
  [/^#\/plugins$/, 'plugins', () => pluginsPage(view)],
];

async function route() {
  if (dispose) { try { dispose(); } catch (e) { console.warn(e); } dispose = null; }
  clear(view);
  const hash = location.hash || '#/';
  for (const [re, nav, page] of routes) {
    const m = hash.match(re);
    if (m) {
      document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.dataset.nav === nav));
      try {
        dispose = await page(m);
      } catch (e) {
        view.append(h('div.error-banner', e.message || String(e)));
      }
      return;
    }
  }
  view.append(h('div.empty', 'Nothing here. ', h('a', { href: '#/' }, 'Back to experiments')));
}

const health = document.getElementById('health');
const panel = healthPanel();
document.body.append(panel.root);
health.addEventListener('click', () => { panel.root.hidden = !panel.root.hidden; });
live.on('connection', (m) => {
  health.className = `health ${m.up ? 'up' : 'down'}`;
  if (!m.up) health.textContent = 'reconnecting…';
});
live.on('health', (m) => {
  health.textContent = `live · ${m.runs_running} training · ${m.runs_queued} queued · ${Math.round(m.steps_per_second || 0)} steps/s`;
  health.title = 'click for the server\'s health panel';
  panel.update(m);
});
live.start();
live.subscribe('health', 'experiments');
window.addEventListener('hashchange', route);
route();
