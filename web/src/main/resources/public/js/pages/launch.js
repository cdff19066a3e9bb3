// Launch: a form generated from the plugins' hyperparameter schemas, or pasted YAML. Validation is
// the server's (the CLI's planner); its errors are shown next to the field or on the YAML line.
import { ApiError, get, post } from '../api.js';
import { clear, h } from '../dom.js';

const EXAMPLE = `# Compare adaptive optimizers on Rosenbrock's banana valley
name: rosenbrock-showdown
problem: rosenbrock
training: {steps: 2000}
seeds: [1, 2]
compare:
  - {optimizer: sgd, lr: 0.0005, momentum: 0.9}
  - {optimizer: adam, lr: 0.02}
  - {optimizer: rmsprop, lr: 0.002}
`;

function yamlValue(v) {
  if (v == null) return 'null';
  if (Array.isArray(v)) return `[${v.map(yamlValue).join(', ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}: ${yamlValue(x)}`).join(', ')}}`;
  if (typeof v === 'string' && !/^[A-Za-z_][\w.\-/ ]*$/.test(v)) return JSON.stringify(v);
  if (typeof v === 'string' && ['true', 'false', 'null', 'yes', 'no', 'on', 'off'].includes(v.toLowerCase())) return JSON.stringify(v);
  return String(v);
}

export function toYaml(spec) {
  const lines = [];
  for (const [k, v] of Object.entries(spec)) {
    if (k === 'compare') {
      lines.push('compare:');
      v.forEach((e) => lines.push(`  - ${yamlValue(e)}`));
    } else lines.push(`${k}: ${yamlValue(v)}`);
  }
  return `${lines.join('\n')}\n`;
}

function parseField(hp, raw) {
  const t = hp.type;
  if (t === 'boolean') return raw;
  const s = String(raw).trim();
  if (s === '') return undefined;
  if (t === 'real' || t === 'integer') return Number.isNaN(Number(s)) ? s : Number(s);
  if (t === 'integer_list' || t === 'real_list') return s.replace(/^\[|\]$/g, '').split(',').map((x) => x.trim()).filter(Boolean).map((x) => (Number.isNaN(Number(x)) ? x : Number(x)));
  if (t === 'optimizer') { try { return JSON.parse(s); } catch { return s; } }
  return s;
}

function shown(v) {
  if (v == null) return '';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Inputs for a schema; returns {el, values()} where values() has only what differs from defaults. */
function schemaFields(schema, prefix) {
  const inputs = [];
  const el = h('div.form-grid', schema.map((hp) => {
    const path = `${prefix}.${hp.name}`;
    let input;
    if (hp.type === 'boolean') input = h('input', { type: 'checkbox', checked: !!hp.default });
    else if (hp.type === 'choice') input = h('select', hp.optional || hp.default == null ? h('option', { value: '' }, '–') : null, hp.choices.map((c) => h('option', { value: c, selected: c === hp.default }, c)));
    else input = h('input', { type: 'text', value: shown(hp.default), placeholder: hp.required ? 'required' : (hp.optional ? 'optional' : '') });
    input.dataset.field = path;
    inputs.push([hp, input]);
    return h('div.field', h('label', hp.name, hp.required ? ' *' : ''), input,
      h('div.help', `${hp.help ? `${hp.help} · ` : ''}${hp.allowed}${hp.log_scale ? ' · log scale' : ''}`));
  }));
  return {
    el,
    values() {
      const out = {};
      for (const [hp, input] of inputs) {
        const raw = hp.type === 'boolean' ? input.checked : input.value;
        if (hp.type === 'boolean' ? raw === !!hp.default : String(raw).trim() === shown(hp.default)) continue;
        const v = parseField(hp, raw);
        if (v !== undefined) out[hp.name] = v;
      }
      return out;
    },
  };
}

export async function launchPage(view) {
  const plugins = await get('/plugins');
  const ext = plugins.extensions;
  const catalog = await get('/catalog');
  const banner = h('div');
  const tabs = h('div.tabs');
  const body = h('div');
  view.append(h('h1', 'Launch an experiment'), h('div.sub', 'Pick what to train and which optimizers to compare, or paste a spec. Validation is the same as the command line\'s.'),
    tabs, banner, body);

  // ---- YAML editor ---------------------------------------------------------------------------
  const gutter = h('div.gutter');
  const text = h('textarea', { id: 'spec-yaml', spellcheck: false, value: sessionStorage.getItem('adalab.yaml') || EXAMPLE });
  sessionStorage.removeItem('adalab.yaml');
  const renderGutter = (bad) => {
    const n = text.value.split('\n').length;
    clear(gutter).append(...Array.from({ length: n }, (_, i) => h(`div${i + 1 === bad ? '.bad' : ''}`, i + 1)));
  };
  text.addEventListener('input', () => renderGutter());
  text.addEventListener('scroll', () => { gutter.scrollTop = text.scrollTop; });
  renderGutter();
  const yamlPane = h('div',
    h('div.row', { style: 'margin-bottom:8px' }, h('label.inline', 'start from',
      h('select', { onchange: (e) => { const c = catalog.find((x) => x.name === e.target.value); if (c) { text.value = c.source; renderGutter(); } } },
        h('option', { value: '' }, 'example'), catalog.map((c) => h('option', { value: c.name }, c.title))))),
    h('div.editor', gutter, text),
    h('div.row', { style: 'margin-top:10px' },
      h('button', { onclick: () => submit(text.value, 'application/yaml', true) }, 'Validate'),
      h('button.primary', { id: 'launch-yaml', onclick: () => submit(text.value, 'application/yaml', false) }, '▶ Launch')));

  // ---- form ----------------------------------------------------------------------------------
  const byId = (kind, id) => ext[kind].find((e) => e.id === id);
  const formErrors = () => body.querySelectorAll('.field-error').forEach((e) => e.remove());
  const name = h('input', { type: 'text', value: 'my-experiment', dataset: { field: 'name' } });
  const seeds = h('input', { type: 'text', value: '1, 2', dataset: { field: 'seeds' } });
  let mode = 'problem';
  const setupBox = h('div');
  const components = {};
  function componentPicker(kind, label, initial) {
    const box = h('div');
    const select = h('select', { dataset: { field: `${kind}.type` } }, ext[kind].map((e) => h('option', { value: e.id, selected: e.id === initial }, `${e.name} (${e.id})`)));
    const render = () => {
      const e = byId(kind, select.value);
      const f = schemaFields(e.hyperparameters, kind);
      components[kind] = { id: select.value, f };
      clear(box).append(e.description ? h('div.help.muted', { style: 'margin:4px 0 8px' }, e.description) : '', f.el);
    };
    select.addEventListener('change', render);
    render();
    return h('div.entry', h('div.row', h('h3', label), select), box);
  }
  function renderSetup() {
    for (const k of Object.keys(components)) delete components[k];
    clear(setupBox).append(...(mode === 'problem'
      ? [componentPicker('problem', 'Problem', 'rosenbrock')]
      : [componentPicker('dataset', 'Dataset', 'digits'), componentPicker('model', 'Model', 'mlp')]));
  }
  const training = schemaFields(plugins.training, 'training');
  training.el.querySelector('[data-field="training.steps"]').value = '1000';
  const entries = h('div');
  const compare = [];
  function addEntry(optId = 'adam') {
    const box = h('div');
    const schedBox = h('div');
    const select = h('select', {}, ext.optimizer.map((e) => h('option', { value: e.id, selected: e.id === optId }, `${e.name} (${e.id})`)));
    const sched = h('select', {}, h('option', { value: '' }, 'constant'), ext.schedule.map((e) => h('option', { value: e.id }, e.name)));
    const entry = { f: null, s: null, select, sched };
    const el = h('div.entry', h('div.row', h('h3', 'Optimizer'), select, h('span.muted', 'schedule'), sched, h('span.spacer'),
      h('button', { onclick: () => { compare.splice(compare.indexOf(entry), 1); el.remove(); relabel(); } }, 'Remove')), box, schedBox);
    entry.el = el;
    const render = () => {
      const i = compare.indexOf(entry);
      select.dataset.field = `compare[${i}].optimizer`;
      sched.dataset.field = `compare[${i}].schedule.type`;
      el.dataset.field = `compare[${i}]`;
      const e = byId('optimizer', select.value);
      entry.f = schemaFields(e.hyperparameters, `compare[${i}]`);
      clear(box).append(e.paper ? h('div.help.muted', { style: 'margin:4px 0 8px' }, e.paper.citation) : '', entry.f.el);
      entry.s = sched.value ? schemaFields(byId('schedule', sched.value).hyperparameters.filter((x) => x.name !== 'warmup_steps'), `compare[${i}].schedule`) : null;
      clear(schedBox).append(entry.s ? h('div', { style: 'margin-top:8px' }, h('h3', 'Schedule'), entry.s.el) : '');
    };
    entry.render = render;
    select.addEventListener('change', render);
    sched.addEventListener('change', render);
    compare.push(entry);
    entries.append(el);
    render();
  }
  function relabel() { compare.forEach((e) => e.render()); }
  addEntry('sgd');
  addEntry('adam');

  function specFromForm() {
    const spec = { name: name.value.trim() };
    for (const [k, c] of Object.entries(components)) spec[k] = { type: c.id, ...c.f.values() };
    const t = training.values();
    if (Object.keys(t).length) spec.training = t;
    spec.seeds = seeds.value.split(',').map((s) => s.trim()).filter(Boolean).map((s) => (Number.isNaN(Number(s)) ? s : Number(s)));
    spec.compare = compare.map((e) => {
      const o = { optimizer: e.select.value, ...e.f.values() };
      if (e.sched.value) o.schedule = { type: e.sched.value, ...e.s.values() };
      return o;
    });
    return spec;
  }
  const formPane = h('div',
    h('div.panel', h('div.form-grid', h('div.field', h('label', 'name *'), name), h('div.field', h('label', 'seeds'), seeds,
      h('div.help', 'comma-separated integers; each configuration runs once per seed')))),
    h('div.panel', h('div.row', h('h2', 'What to train'), h('div.seg',
      ['problem', 'dataset'].map((m) => h('button', { class: m === mode ? 'on' : '',
        onclick: (e) => { mode = m; e.target.parentNode.querySelectorAll('button').forEach((b) => b.classList.toggle('on', b === e.target)); renderSetup(); } },
      m === 'problem' ? 'Analytic problem' : 'Dataset + model')))), setupBox),
    h('div.panel', h('h2', 'Training'), training.el),
    h('div.panel', h('h2', 'Optimizers to compare'), entries, h('button', { onclick: () => addEntry('adam') }, '+ Add optimizer')),
    h('div.row',
      h('button', { onclick: () => { text.value = toYaml(specFromForm()); renderGutter(); showTab('yaml'); } }, 'Edit as YAML'),
      h('button', { onclick: () => submit(JSON.stringify(specFromForm()), 'application/json', true) }, 'Validate'),
      h('button.primary', { id: 'launch-form', onclick: () => submit(JSON.stringify(specFromForm()), 'application/json', false) }, '▶ Launch')));
  renderSetup();

  // ---- submit and errors --------------------------------------------------------------------
  async function submit(payload, type, dry) {
    clear(banner);
    formErrors();
    renderGutter();
    try {
      const r = await post(`/experiments${dry ? '?dry_run=true' : ''}`, payload, type);
      if (dry) banner.append(h('div.panel', `✓ Valid: ${r.runs.length} run${r.runs.length === 1 ? '' : 's'} (${[...new Set(r.runs.map((x) => x.label))].join('; ')})`));
      else location.hash = `#/experiments/${r.id}`;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      banner.append(h('div.error-banner', { id: 'launch-error' }, e.line && type.includes('yaml') ? `line ${e.line}: ` : '', e.detail));
      if (type.includes('yaml')) { if (e.line) renderGutter(e.line); return; }
      let f = e.field || '';
      while (f) {
        const el = body.querySelector(`[data-field="${CSS.escape(f)}"]`);
        if (el) {
          const wrap = el.closest('.field') || el.closest('.entry') || el.parentNode;
          wrap.append(h('div.field-error', e.detail));
          el.classList.add('has-error');
          wrap.scrollIntoView({ block: 'center', behavior: 'smooth' });
          return;
        }
        f = f.includes('.') ? f.slice(0, f.lastIndexOf('.')) : (f.includes('[') ? f.slice(0, f.lastIndexOf('[')) : '');
      }
    }
  }

  function showTab(t) {
    tabs.querySelectorAll('button').forEach((b) => b.classList.toggle('on', b.dataset.tab === t));
    clear(body).append(t === 'form' ? formPane : yamlPane);
    clear(banner);
  }
  tabs.append(h('button', { dataset: { tab: 'form' }, onclick: () => showTab('form') }, 'Form'),
    h('button', { dataset: { tab: 'yaml' }, id: 'tab-yaml', onclick: () => showTab('yaml') }, 'YAML'));
  showTab(text.value !== EXAMPLE ? 'yaml' : 'form');
  return null;
}
