// The one place the console talks to the hub: every request carries the key as a Bearer header.
const STORAGE_KEY = 'zah.console.apiKey';

/** Thrown for any answer that is not 2xx; `status` and the problem's `detail` say why. */
export class ApiError extends Error {
  constructor(status, title, detail, retryAfter) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.retryAfter = retryAfter;
  }
}

export function storedKey() {
  return sessionStorage.getItem(STORAGE_KEY);
}

export function storeKey(key) {
  sessionStorage.setItem(STORAGE_KEY, key);
}

export function forgetKey() {
  sessionStorage.removeItem(STORAGE_KEY);
}

let onUnauthorized = () => {};

/** Called when the hub answers 401 to a stored key (revoked meanwhile): the app returns to the key form. */
export function whenUnauthorized(callback) {
  onUnauthorized = callback;
}

/** GET or POST `path` (under the hub's origin) and return the parsed JSON. */
export async function api(path, { method = 'GET', body, contentType = 'application/json', key } = {}) {
  const apiKey = key ?? storedKey();
  const headers = { Accept: 'application/json, application/problem+json' };
  if (apiKey) {
    headers.Authorization = `Bearer ${apiKey}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = contentType;
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body, cache: 'no-store', credentials: 'omit' });
  } catch (e) {
    throw new ApiError(0, 'Hub unreachable', 'The hub did not answer. Is it running?');
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = null;
    }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, json?.title, json?.detail, response.headers.get('Retry-After'));
    error.problem = json;
    if (response.status === 401 && key === undefined) {
      onUnauthorized(error);
    }
    throw error;
  }
  return json;
}

/** A query string from the non-empty entries of `params`. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && `${value}`.trim() !== '') {
      q.set(name, `${value}`.trim());
    }
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
