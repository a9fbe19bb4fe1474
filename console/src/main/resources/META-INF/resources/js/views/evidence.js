import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { problemBox } from './problem.js';

/** Legal: download a case's evidence package, and verify a package item by item. */
export function evidenceView(main) {
  const downloadOut = h('div', { id: 'download-result' });
  const verifyOut = h('div', { id: 'verify-result' });
  const download = h('form', { id: 'download-form', onsubmit: async (e) => {
    e.preventDefault();
    const caseId = e.target.elements.caseId.value.trim();
    downloadOut.replaceChildren();
    try {
      const res = await api.raw('GET', `/api/legal/cases/${encodeURIComponent(caseId)}/evidence-package`, { headers: { Accept: 'application/zip' } });
      const blob = await receive(res, downloadOut);
      const name = fileName(res.headers.get('Content-Disposition')) || `evidence-${caseId}.zip`;
      const a = h('a', { href: URL.createObjectURL(blob), download: name, id: 'package-link' }, name);
      a.click();
      downloadOut.append(h('p', { role: 'status', id: 'downloaded' }, t('evidence.downloaded', { name, bytes: blob.size }), ' ', a),
        h('p', {}, h('a', { href: `#/custody/${caseId}`, id: 'custody-after-download' }, t('custody.ofCase'))));
    } catch (err) {
      if (err instanceof ApiError) downloadOut.replaceChildren(problemBox(err));
      else downloadOut.append(h('p', { role: 'alert', class: 'alert', id: 'download-failed' }, t('evidence.failed', { message: err?.message || err })));
    }
  } },
  h('div', { class: 'field' }, h('label', { for: 'caseId' }, t('evidence.caseId')), h('input', { id: 'caseId', name: 'caseId', required: true, autocomplete: 'off' })),
  h('button', { type: 'submit', class: 'primary' }, t('evidence.download')));
  const verify = h('form', { id: 'verify-form', onsubmit: async (e) => {
    e.preventDefault();
    const file = e.target.elements.package.files[0];
    verifyOut.replaceChildren();
    if (!file) return;
    try {
      const v = (await api.raw('POST', '/api/legal/evidence-packages/verify', {
        body: file, headers: { 'Content-Type': 'application/zip', Accept: 'application/json' } })).json();
      verifyOut.replaceChildren(verdict(await v));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      verifyOut.replaceChildren(problemBox(err));
    }
  } },
  h('div', { class: 'field' }, h('label', { for: 'package' }, t('evidence.file')), h('input', { type: 'file', id: 'package', name: 'package', accept: '.zip,application/zip', required: true })),
  h('button', { type: 'submit' }, t('evidence.verify')));
  mount(main, h('h1', {}, t('evidence.title')), download, downloadOut,
    h('h2', {}, t('evidence.verifyTitle')), verify, verifyOut);
}

function verdict(v) {
  const problems = v.problems || [];
  return h('div', { id: 'verdict', class: v.intact ? 'ok' : 'alert', role: 'status' },
    h('p', {}, v.intact ? t('evidence.intact', { items: v.items, seq: v.chainHeadSeq, ledger: v.matchesLedger })
      : t('evidence.broken', { count: problems.length })),
    problems.length ? h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('evidence.entry')), h('th', { scope: 'col' }, t('evidence.problem')))),
      h('tbody', {}, problems.map((p) => h('tr', {}, h('td', {}, p.entry), h('td', {}, p.problem))))) : null);
}

/**
 * Reads the response body chunk by chunk into a Blob, showing the bytes received (and the percentage when the
 * server sent a Content-Length; a streamed package usually has none) in a labelled progress bar.
 */
async function receive(res, out) {
  const total = Number(res.headers.get('Content-Length')) || 0;
  const bar = h('progress', { id: 'download-progress', max: total || null, 'data-state': 'running' });
  const status = h('p', { id: 'download-status', role: 'status' }, t('evidence.receiving', { bytes: 0 }));
  out.replaceChildren(h('div', { class: 'field' }, h('label', { for: 'download-progress' }, t('evidence.progress')), bar), status);
  const reader = res.body.getReader();
  const chunks = [];
  let received = 0;
  let told = 0;
  const say = () => {
    status.textContent = total ? t('evidence.receivingOf', { bytes: received, total, percent: Math.floor((received * 100) / total) })
      : t('evidence.receiving', { bytes: received });
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      if (total) bar.value = received;
      // the live region is read aloud: say the figure at most twice a second
      if (Date.now() - told > 500) {
        told = Date.now();
        say();
      }
    }
  } catch (e) {
    bar.dataset.state = 'failed'; // the server broke off (its custody log says EXPORT_INTERRUPTED)
    say();
    throw e;
  }
  bar.max = received || 1;
  bar.value = received || 1;
  bar.dataset.state = 'done';
  status.textContent = t('evidence.received', { bytes: received });
  return new Blob(chunks, { type: res.headers.get('Content-Type') || 'application/zip' });
}

/** The file name from a Content-Disposition header (filename*= or filename=), without any path. */
export function fileName(disposition) {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  let name = null;
  try {
    name = star ? decodeURIComponent(star[1].trim()) : plain && plain[1].trim();
  } catch {
    name = plain && plain[1].trim();
  }
  return name ? name.replace(/^.*[\\/]/, '') : null;
}
