import { h, mount, fmtTime } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { problemBox } from './problem.js';

// CustodyRecord.Action in words
const ACTIONS = {
  VIEW_LEDGER: () => t('custody.viewLedger'), VIEW_CAPTURE: () => t('custody.viewCapture'),
  EXPORT_STARTED: () => t('custody.exportStarted'), EXPORT_PACKAGE: () => t('custody.exportPackage'),
  EXPORT_INTERRUPTED: () => t('custody.exportInterrupted'), VERIFY_PACKAGE: () => t('custody.verifyPackage'),
  ADD_EVIDENCE: () => t('custody.addEvidence'),
};

/** The chain of custody of a case's evidence: who viewed, exported or verified it, when, and what was handed out. */
export async function custodyView(main, caseId) {
  const form = h('form', { id: 'custody-form', class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    location.hash = `#/custody/${e.target.elements.caseId.value.trim().toLowerCase()}`;
  } },
  h('div', { class: 'field' }, h('label', { for: 'custody-case' }, t('evidence.caseId')),
    h('input', { id: 'custody-case', name: 'caseId', required: true, size: 40, autocomplete: 'off', value: caseId || '',
      pattern: '[0-9a-fA-F-]{36}', title: t('custody.uuid') })),
  h('div', { class: 'field' }, h('button', { type: 'submit', class: 'primary' }, t('custody.show'))));
  const head = [h('h1', {}, t('custody.title')), h('p', { class: 'hint' }, t('custody.meaning')), form];
  if (!caseId) {
    mount(main, head);
    return;
  }
  mount(main, head, h('p', { role: 'status' }, t('common.loading')));
  let records;
  try {
    records = (await api.get(`/api/legal/custody?caseId=${encodeURIComponent(caseId)}`)).body;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    mount(main, head, problemBox(e));
    return;
  }
  mount(main, head, records.length ? h('table', { id: 'custody' },
    h('caption', {}, t('custody.caption', { id: caseId })),
    h('thead', {}, h('tr', {}, ['custody.at', 'custody.actor', 'custody.action', 'custody.detail', 'custody.hashes']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, records.map((r) => h('tr', { 'data-action': r.action },
      h('td', { class: 'num' }, fmtTime(r.at)), h('td', {}, r.actor),
      h('td', {}, ACTIONS[r.action] ? ACTIONS[r.action]() : r.action, h('br'), h('code', { class: 'muted' }, r.action)),
      h('td', {}, r.detail || '—'),
      h('td', { class: 'hashes' }, hash(t('custody.chainHead'), r.chainHead), hash(t('custody.handedOut'), r.handedOutSha256))))))
    : h('p', { id: 'custody-empty' }, t('custody.empty')));
}

function hash(label, value) {
  return value ? h('div', {}, `${label}: `, h('code', { title: value }, `${value.slice(0, 16)}…`)) : null;
}
