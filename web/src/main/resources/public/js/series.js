// Client-side series store: history from REST (server-downsampled min/max/last buckets, optional
// server-side EMA), then live points appended; re-bucketed locally so a long live run stays light.
import { get } from './api.js';

export class Series {
  constructor(d) {
    this.steps = d ? Array.from(d.steps) : [];
    this.min = d ? Array.from(d.min) : [];
    this.max = d ? Array.from(d.max) : [];
    this.last = d ? Array.from(d.last) : [];
    this.ema = d && d.ema ? { ...d.ema } : null;
  }

  get lastStep() { return this.steps.length ? this.steps[this.steps.length - 1] : 0; }

  /** Appends a live value unless the step is already known (no duplicates after a reconnect). */
  push(step, v) {
    if (v == null || step <= this.lastStep) return false;
    if (this.ema) {
      const w = this.ema.weight;
      this.ema.value = w * this.ema.value + (1 - w) * v;
      this.ema.count += 1;
      v = this.ema.value / (1 - w ** this.ema.count);
    }
    this.steps.push(step);
    this.min.push(v);
    this.max.push(v);
    this.last.push(v);
    return true;
  }

  /** Drops everything after `step` (a run resumed from a checkpoint recomputes it). */
  truncate(step) {
    let n = this.steps.length;
    while (n > 0 && this.steps[n - 1] > step) n--;
    for (const k of ['steps', 'min', 'max', 'last']) this[k].length = n;
  }

  /** Halves the resolution (pairs of buckets merged, spikes kept) once there are more than `cap` points. */
  compact(cap) {
    if (this.steps.length <= cap) return;
    const n = this.steps.length;
    const s = []; const mn = []; const mx = []; const ls = [];
    for (let i = 0; i < n; i += 2) {
      const j = Math.min(i + 1, n - 1);
      s.push(this.steps[j]);
      mn.push(Math.min(this.min[i], this.min[j]));
      mx.push(Math.max(this.max[i], this.max[j]));
      ls.push(this.last[j]);
    }
    Object.assign(this, { steps: s, min: mn, max: mx, last: ls });
  }
}

export async function fetchSeries(run, name, { points = 1500, from = null, to = null, smooth = 0 } = {}) {
  const q = new URLSearchParams({ name, points });
  if (from != null) q.set('from', Math.floor(from));
  if (to != null) q.set('to', Math.ceil(to));
  if (smooth > 0) q.set('smooth', smooth);
  return new Series(await get(`/runs/${run}/series?${q}`));
}

/** Linear interpolation of y(x) on sorted xs; null outside. */
export function interp(xs, ys, x) {
  let lo = 0; let hi = xs.length - 1;
  if (hi < 0 || x < xs[0] || x > xs[hi]) return null;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid; else hi = mid;
  }
  if (xs[hi] === xs[lo]) return ys[lo];
  const t = (x - xs[lo]) / (xs[hi] - xs[lo]);
  const a = ys[lo]; const b = ys[hi];
  return a == null || b == null ? (a ?? b) : a + t * (b - a);
}
