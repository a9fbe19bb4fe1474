import { token } from './auth.js';

/** An answer other than 2xx; problem is the RFC 9457 body when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

let base = '';
let detectionBase = '';

export function configure(config) {
  base = config.casesApi;
  detectionBase = config.detectionApi;
}

async function call(method, path, { body, headers = {}, raw = false, on = base } = {}) {
  const h = { Authorization: `Bearer ${await token()}`, ...headers };
  let payload;
  if (body instanceof Blob) {
    payload = body;
  } else if (body !== undefined) {
    h['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (!raw && !h.Accept) h.Accept = 'application/json, application/problem+json';
  const res = await fetch(on + path, { method, headers: h, body: payload });
  if (!res.ok) {
    let problem = {};
    try { problem = await res.json(); } catch { /* no body */ }
    throw new ApiError(res.status, problem);
  }
  if (raw) return res;
  return { status: res.status, etag: res.headers.get('ETag'), body: res.status === 204 ? null : await res.json() };
}

export const api = {
  get: (path) => call('GET', path),
  post: (path, body, headers) => call('POST', path, { body, headers }),
  raw: (method, path, opts) => call(method, path, { ...opts, raw: true }),
};

/** detection-service's API (the admin's rules screen), with the same token and problem details. */
export const detectionApi = {
  get: (path) => call('GET', path, { on: detectionBase }),
};

/** The version from an ETag ("7" or W/"7"). */
export function version(etag) {
  return etag ? etag.replace(/^W\//, '') : null;
}
