// REST client: JSON in and out, errors as ApiError {status, error, detail, field, line}.

export class ApiError extends Error {
  constructor(status, body) {
    super(body.detail || body.error || `HTTP ${status}`);
    this.status = status;
    this.error = body.error;
    this.detail = body.detail;
    this.field = body.field;
    this.line = body.line;
  }
}

const BASE = '/api/v1';

function headers(extra) {
  const h = { Accept: 'application/json', ...extra };
  const token = localStorage.getItem('adalab.token');
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}

export async function api(path, { method = 'GET', body, type, retry = true } = {}) {
  const init = { method, headers: headers(type ? { 'Content-Type': type } : {}) };
  if (body !== undefined) init.body = typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body);
  const res = await fetch(BASE + path, init);
  if (res.status === 401 && retry) {
    const token = window.prompt('This server needs its API token for changes. Token:');
    if (token) {
      localStorage.setItem('adalab.token', token.trim());
      return api(path, { method, body, type, retry: false });
    }
  }
  if (res.status === 204) return null;
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { error: 'bad_response', detail: text.slice(0, 200) }; }
  if (!res.ok) throw new ApiError(res.status, data || {});
  return data;
}

export const get = (p) => api(p);
export const post = (p, body, type = 'application/json') => api(p, { method: 'POST', body, type });
export const del = (p) => api(p, { method: 'DELETE' });
