// Tiny DOM and formatting helpers shared by the pages.

/** h('div.card', {onclick}, child, ...): element with optional classes, attributes, children. */
export function h(spec, attrs, ...children) {
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'html') el.innerHTML = v;
    else if (k in el && k !== 'list' && k !== 'type') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** Compact number: 0.000123 -> 1.23e-4, 12345.6 -> 12,346. */
export function num(v, digits = 4) {
  if (v == null || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(2).replace('e+', 'e').replace(/\.?0+e/, 'e');
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return Number(v.toPrecision(digits)).toString();
}

export function duration(s) {
  if (s == null || !Number.isFinite(s)) return '–';
  if (s < 1) return `${Math.round(s * 1000)} ms`;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${Math.round(s % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function ago(iso) {
  if (!iso) return '–';
  const s = (Date.now() - Date.parse(iso)) / 1000;
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}

export function statusPill(status) {
  return h(`span.pill.s-${(status || '').toLowerCase()}`, status);
}

export function progressBar(fraction, status) {
  const f = fraction == null ? null : Math.max(0, Math.min(1, fraction));
  return h('div.progress', { title: f == null ? 'unknown' : `${Math.round(f * 100)} %` },
    h(`div.bar.s-${(status || '').toLowerCase()}`, { style: `width:${f == null ? 100 : f * 100}%` }));
}

/** 12 well-separated colours for runs (Okabe–Ito plus Tableau-style additions). */
export const PALETTE = ['#4f9cf9', '#f5a524', '#3ecf8e', '#f25f5c', '#b78cf2', '#56c8d8',
  '#e58cc4', '#c9c24a', '#8fa3bf', '#ff8a3d', '#6ee7b7', '#a3a3ff'];

export function color(i) { return PALETTE[i % PALETTE.length]; }

export function debounce(fn, ms) {
  let t;
  return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); };
}

export function download(href) {
  const a = h('a', { href, download: '' });
  document.body.append(a);
  a.click();
  a.remove();
}
