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
      const blob = await res.blob();
      const name = `evidence-${caseId}.zip`;
      const a = h('a', { href: URL.createObjectURL(blob), download: name, id: 'package-link' }, name);
      a.click();
      downloadOut.replaceChildren(h('p', { role: 'status', id: 'downloaded' }, t('evidence.downloaded', { name, bytes: blob.size }), ' ', a));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      downloadOut.replaceChildren(problemBox(err));
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
