import { h, mount, toast, fmtTime } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { problemBox } from './problem.js';

const STATUSES = ['RECEIVED', 'UNDER_REVIEW', 'FILED', 'CLOSED'];
// the moves the API allows (EscalationStatus.mayMoveTo); the server still decides
const NEXT = { RECEIVED: ['UNDER_REVIEW', 'CLOSED'], UNDER_REVIEW: ['FILED', 'CLOSED'], FILED: ['CLOSED'], CLOSED: [] };

/** How long ago iso was, in words: minutes, hours or days. */
export function age(iso) {
  const minutes = Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 60000));
  if (minutes < 60) return t('age.minutes', { n: minutes });
  if (minutes < 48 * 60) return t('age.hours', { n: Math.floor(minutes / 60) });
  return t('age.days', { n: Math.floor(minutes / 1440) });
}

/** Legal's escalation queue, oldest first, optionally by status. */
export async function escalationsView(main) {
  const status = new URLSearchParams(location.hash.split('?')[1] || '').get('status') || '';
  const filter = h('form', { id: 'escalation-filter', class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    const s = e.target.elements.status.value;
    location.hash = s ? `#/escalations?status=${s}` : '#/escalations';
  } },
  h('div', { class: 'field' }, h('label', { for: 'escalation-status' }, t('esc.status')),
    h('select', { id: 'escalation-status', name: 'status' }, h('option', { value: '' }, t('queue.any')),
      STATUSES.map((s) => h('option', { value: s, selected: s === status }, s)))),
  h('div', { class: 'field' }, h('button', { type: 'submit' }, t('queue.apply'))));
  mount(main, h('h1', {}, t('esc.title')), filter, h('p', { role: 'status' }, t('common.loading')));
  let items;
  try {
    items = (await api.get(`/api/legal/escalations${status ? `?status=${status}` : ''}`)).body;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    mount(main, h('h1', {}, t('esc.title')), filter, problemBox(e));
    return;
  }
  const rows = items.map((x) => h('tr', { 'data-escalation-id': x.id },
    h('td', {}, h('a', { href: `#/escalations/${x.id}` }, x.status)),
    h('td', {}, x.accountId, h('br'), h('span', { class: 'muted' }, x.caseId)),
    h('td', {}, x.escalatedBy), h('td', {}, x.reason),
    h('td', { class: 'num', title: fmtTime(x.receivedAt) }, age(x.receivedAt))));
  mount(main, h('h1', {}, t('esc.title')), filter,
    items.length ? h('table', { id: 'escalations' }, h('caption', {}, t('esc.caption')),
      h('thead', {}, h('tr', {}, ['esc.status', 'col.case', 'esc.by', 'esc.reason', 'esc.age'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows)) : h('p', { id: 'escalations-empty' }, t('esc.empty')));
}

/** One escalation: what was escalated and why, its status change, its notes. */
export async function escalationView(main, id, notice) {
  mount(main, h('h1', {}, t('esc.one')), h('p', { role: 'status' }, t('common.loading')));
  let x;
  let notes;
  try {
    [x, notes] = await Promise.all([api.get(`/api/legal/escalations/${id}`), api.get(`/api/legal/escalations/${id}/notes`)]);
    x = x.body;
    notes = notes.body;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    mount(main, h('h1', {}, t('esc.one')), problemBox(e));
    return;
  }
  const statusOut = h('div', { id: 'status-result' });
  const next = NEXT[x.status] || [];
  const move = h('form', { id: 'status-form', class: 'filters', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await api.raw('PUT', `/api/legal/escalations/${id}/status`, { body: { status: e.target.elements.status.value } });
      const msg = t('esc.moved', { status: e.target.elements.status.value });
      toast(msg);
      await escalationView(main, id, h('p', { role: 'status', class: 'ok', id: 'status-changed' }, msg));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      statusOut.replaceChildren(problemBox(err));
    }
  } },
  h('div', { class: 'field' }, h('label', { for: 'next-status' }, t('esc.moveTo')),
    h('select', { id: 'next-status', name: 'status', required: true },
      // every status is offered; a move the API does not allow comes back as its 409
      STATUSES.filter((s) => s !== x.status).map((s) => h('option', { value: s, selected: s === next[0] }, s)))),
  h('div', { class: 'field' }, h('button', { type: 'submit', class: 'primary' }, t('esc.move'))));
  const noteOut = h('div', {});
  const noteForm = h('form', { id: 'note-form', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await api.post(`/api/legal/escalations/${id}/notes`, { text: e.target.elements.text.value.trim() });
      await escalationView(main, id, h('p', { role: 'status', class: 'ok', id: 'note-added' }, t('esc.noteAdded')));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      noteOut.replaceChildren(problemBox(err));
    }
  } },
  h('div', { class: 'field' }, h('label', { for: 'note-text' }, t('case.noteText')),
    h('textarea', { id: 'note-text', name: 'text', rows: 3, required: true, maxlength: 4000 })),
  h('button', { type: 'submit' }, t('case.addNote')));
  mount(main, h('p', {}, h('a', { href: '#/escalations' }, t('esc.back'))),
    h('h1', {}, t('esc.one')), notice || null,
    h('dl', { class: 'summary' },
      h('dt', {}, t('esc.status')), h('dd', { id: 'escalation-status-now' }, x.status),
      h('dt', {}, t('case.account')), h('dd', {}, x.accountId),
      h('dt', {}, t('col.case')), h('dd', {}, x.caseId, ' · ', h('a', { href: `#/custody/${x.caseId}`, id: 'custody-link' }, t('nav.custody'))),
      h('dt', {}, t('esc.by')), h('dd', {}, x.escalatedBy),
      h('dt', {}, t('esc.received')), h('dd', {}, fmtTime(x.receivedAt), ' (', age(x.receivedAt), ')'),
      h('dt', {}, t('esc.updated')), h('dd', {}, fmtTime(x.updatedAt))),
    h('h2', {}, t('esc.reason')), h('blockquote', { id: 'escalation-reason' }, x.reason || '—'),
    h('h2', {}, t('esc.statusTitle')),
    x.status === 'CLOSED' ? h('p', { id: 'escalation-closed' }, t('esc.closed')) : null,
    x.status === 'CLOSED' ? null : h('p', { class: 'hint' }, t('esc.flow')),
    x.status === 'CLOSED' ? null : move, statusOut,
    h('h2', {}, t('case.notes')),
    notes.length ? h('ol', { class: 'timeline', id: 'legal-notes' }, notes.map((n) => h('li', {},
      h('strong', {}, n.author), ' ', h('span', { class: 'muted' }, fmtTime(n.createdAt)), h('blockquote', {}, n.text))))
      : h('p', { id: 'no-notes' }, t('case.noNotes')),
    noteForm, noteOut);
}
