import { h, mount } from '../dom.js';
import { t, language } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { problemBox } from './problem.js';

// what case-service records (AuditTrail's actions); the filter offers these, the table names any action in words
export const AUDIT_ACTIONS = ['SIGNAL_FILED', 'CASE_CLAIMED', 'CASE_ASSIGNED', 'CASE_TAKEN_OVER', 'CASE_RELEASED', 'CASE_CLOSED',
  'EVIDENCE_READ', 'NOTE_ADDED', 'DECISION_WARN', 'DECISION_RESTRICT', 'DECISION_BAN', 'DECISION_REINSTATE', 'DECISION_ESCALATE',
  'DECISION_DISMISS', 'BAN_PROPOSED', 'BAN_PROPOSAL_REJECTED', 'BULK_DECISION', 'APPEAL_RECEIVED', 'APPEAL_UPHELD',
  'APPEAL_REJECTED', 'POLICY_CHANGED', 'ACCOUNT_ERASED'];
const SIZE = 50;
const filters = { actor: '', action: '', caseId: '', accountId: '', from: '', to: '', page: 0 };

/** CASE_TAKEN_OVER -> the key action.caseTakenOver; an action the console does not know keeps its code. */
export function actionWords(action) {
  const key = `action.${action.toLowerCase().replace(/_([a-z])/g, (_, c) => c.toUpperCase())}`;
  const words = t(key);
  return words === key ? action : words;
}

/** A time in the reader's local time and language; the ISO instant stays in the title and datetime. */
export function localTime(iso) {
  if (!iso) return '—';
  const text = new Date(iso).toLocaleString(language() === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
  return h('time', { datetime: iso, title: iso }, text);
}

function input(id, label, value, attrs = {}) {
  return h('div', { class: 'field' }, h('label', { for: `audit-${id}` }, label),
    h('input', { id: `audit-${id}`, name: id, value, autocomplete: 'off', ...attrs }));
}

// <input type=datetime-local> holds local wall time; the API wants an instant
function toInstant(local) {
  return local ? new Date(local).toISOString() : '';
}

function query() {
  const q = new URLSearchParams();
  for (const k of ['actor', 'action', 'caseId', 'accountId']) if (filters[k].trim()) q.set(k, filters[k].trim());
  if (filters.from) q.set('from', toInstant(filters.from));
  if (filters.to) q.set('to', toInstant(filters.to));
  q.set('page', filters.page);
  q.set('size', SIZE);
  return q.toString();
}

/** The admin's audit log: who did what to which case or account, newest first, by the API's filters. */
export async function auditView(main) {
  const form = h('form', { id: 'audit-filters', class: 'filters', 'aria-labelledby': 'audit-filters-title',
    onsubmit: (e) => {
      e.preventDefault();
      const data = new FormData(e.target);
      for (const k of ['actor', 'action', 'caseId', 'accountId', 'from', 'to']) filters[k] = data.get(k) || '';
      filters.page = 0;
      auditView(main);
    } },
    h('h2', { id: 'audit-filters-title', class: 'visually-hidden' }, t('audit.filters')),
    input('actor', t('audit.actor'), filters.actor),
    h('div', { class: 'field' }, h('label', { for: 'audit-action' }, t('audit.action')),
      h('select', { id: 'audit-action', name: 'action' },
        h('option', { value: '' }, t('audit.anyAction')),
        AUDIT_ACTIONS.map((a) => h('option', { value: a, selected: a === filters.action }, actionWords(a))))),
    input('caseId', t('audit.caseId'), filters.caseId, { size: 38 }),
    input('accountId', t('audit.accountId'), filters.accountId),
    input('from', t('audit.from'), filters.from, { type: 'datetime-local', step: 1 }),
    input('to', t('audit.to'), filters.to, { type: 'datetime-local', step: 1 }),
    h('button', { type: 'submit' }, t('audit.apply')));
  const body = h('div', { id: 'audit-body' }, h('p', { role: 'status' }, t('common.loading')));
  mount(main, h('h1', {}, t('audit.title')), form, h('p', { class: 'hint' }, t('audit.hint')), body);
  try {
    const lines = (await api.get(`/api/audit?${query()}`)).body;
    mount(body, lines.length ? table(lines) : h('p', { id: 'audit-empty' }, t('audit.empty')), pager(main, lines.length));
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    mount(body, problemBox(e));
  }
}

function table(lines) {
  return h('table', { id: 'audit-table' },
    h('caption', {}, t('audit.caption', { page: filters.page + 1 })),
    h('thead', {}, h('tr', {}, ['audit.when', 'audit.who', 'audit.what', 'audit.subject', 'audit.details']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, lines.map((l) => h('tr', { 'data-audit-id': l.id, 'data-action': l.action },
      h('td', { class: 'num' }, localTime(l.occurredAt)),
      h('td', { class: 'audit-who' }, l.actor, l.clientId ? h('span', { class: 'muted' }, ` ${t('audit.via', { client: l.clientId })}`) : null),
      h('td', { class: 'audit-what' }, actionWords(l.action), ' ', h('code', { class: 'muted' }, l.action)),
      h('td', {}, l.caseId ? h('a', { href: `#/cases/${l.caseId}`, title: l.caseId }, t('audit.case', { id: l.caseId.slice(0, 8) })) : null,
        l.caseId && l.accountId ? h('br') : null,
        l.accountId ? t('audit.account', { id: l.accountId }) : null, !l.caseId && !l.accountId ? '—' : null),
      h('td', { class: 'audit-details' }, details(l))))));
}

// the detail text, shortened for the table (all of it in the title), and the subject the entry names
function details(l) {
  const out = [];
  if (l.detail) {
    const short = l.detail.length > 140 ? `${l.detail.slice(0, 140)}…` : l.detail;
    out.push(h('span', { title: l.detail }, short));
  }
  if (l.subjectId) out.push(h('span', { class: 'muted' }, `${out.length ? ' · ' : ''}${t('audit.subjectId', { id: l.subjectId })}`));
  return out.length ? out : '—';
}

function pager(main, count) {
  const prev = filters.page > 0 ? h('button', { type: 'button', id: 'audit-prev', onclick: () => { filters.page--; auditView(main); } }, t('audit.prev')) : null;
  const next = count === SIZE ? h('button', { type: 'button', id: 'audit-next', onclick: () => { filters.page++; auditView(main); } }, t('audit.next')) : null;
  return prev || next ? h('div', { class: 'pager' }, prev, next) : null;
}
