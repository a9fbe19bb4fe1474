import { h, mount, toast, fmtTime } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { hasRole } from '../auth.js';
import { problemBox } from './problem.js';
import { canBulk, selectAllHeader, selectCell, bulkPanel } from './bulk.js';

const VIOLATIONS = ['BULK_MESSAGING', 'AUTOMATED_BEHAVIOR', 'NON_PERSONAL_USE', 'USER_REPORTED'];
const STATUSES = ['NEW', 'IN_REVIEW', 'PROPOSED', 'ESCALATED', 'ACTIONED', 'DISMISSED', 'CLOSED'];
const filters = { status: 'OPEN', violation: '', accountType: '', overdue: '', proposedAction: '', page: 0 };
let keysBound = false;

function select(id, label, value, options) {
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('select', { id, name: id }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
}

function query() {
  const q = new URLSearchParams();
  (filters.status === 'OPEN' ? ['NEW', 'IN_REVIEW'] : filters.status ? [filters.status] : []).forEach((s) => q.append('status', s));
  for (const k of ['violation', 'accountType', 'overdue', 'proposedAction']) if (filters[k]) q.set(k, filters[k]);
  q.set('page', filters.page);
  q.set('size', 50);
  return q.toString();
}

async function claimNext(main) {
  const q = new URLSearchParams();
  if (filters.violation) q.set('violation', filters.violation);
  if (filters.accountType) q.set('accountType', filters.accountType);
  try {
    const r = await api.post(`/api/cases/claim-next?${q}`);
    if (r.status === 204) {
      toast(t('queue.nothing'));
      document.getElementById('queue-message').replaceChildren(h('p', { role: 'status' }, t('queue.nothing')));
      return;
    }
    location.hash = `#/cases/${r.body.id}`;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    document.getElementById('queue-message').replaceChildren(problemBox(e));
  }
}

function moveFocus(step) {
  const links = [...document.querySelectorAll('#queue-table a.case-link')];
  if (!links.length) return;
  const i = links.indexOf(document.activeElement);
  links[Math.max(0, Math.min(links.length - 1, i < 0 ? 0 : i + step))].focus();
}

function bindKeys(main) {
  if (keysBound) return;
  keysBound = true;
  document.addEventListener('keydown', (e) => {
    if (!location.hash.startsWith('#/queue') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement?.tagName)) return;
    if (e.key === 'j') { moveFocus(1); e.preventDefault(); }
    else if (e.key === 'k') { moveFocus(-1); e.preventDefault(); }
    else if (e.key === 'c' && hasRole('reviewer', 'senior-reviewer')) { claimNext(main); e.preventDefault(); }
  });
}

export async function queueView(main, notice) {
  const any = ['', t('queue.any')];
  const form = h('form', { id: 'queue-filters', class: 'filters', 'aria-labelledby': 'filters-title',
    onsubmit: (e) => {
      e.preventDefault();
      const data = new FormData(e.target);
      for (const k of ['status', 'violation', 'accountType', 'overdue', 'proposedAction']) filters[k] = data.get(k) || '';
      filters.page = 0;
      queueView(main);
    } },
    h('h2', { id: 'filters-title', class: 'visually-hidden' }, t('queue.filters')),
    select('status', t('queue.status'), filters.status, [['OPEN', t('queue.open')], any, ...STATUSES.map((s) => [s, s])]),
    select('violation', t('queue.violation'), filters.violation, [any, ...VIOLATIONS.map((v) => [v, v])]),
    select('accountType', t('queue.accountType'), filters.accountType, [any, ['PRIVATE', 'PRIVATE'], ['BUSINESS', 'BUSINESS']]),
    select('overdue', t('queue.overdue'), filters.overdue, [any, ['true', t('queue.yes')], ['false', t('queue.no')]]),
    select('proposedAction', t('queue.proposedAction'), filters.proposedAction, [any, ['REVIEW', 'REVIEW'], ['PROPOSE_ESCALATION', 'PROPOSE_ESCALATION']]),
    h('button', { type: 'submit' }, t('queue.apply')));
  const claim = hasRole('reviewer', 'senior-reviewer')
    ? h('button', { type: 'button', id: 'claim-next', class: 'primary', onclick: () => claimNext(main) }, t('queue.claimNext')) : null;
  const body = h('div', { id: 'queue-body' }, h('p', { role: 'status' }, t('common.loading')));
  mount(main, h('h1', {}, t('queue.title')), form, h('div', { class: 'actions' }, claim),
    h('div', { id: 'queue-message' }, notice), body, h('p', { class: 'hint' }, t('queue.keys')));
  bindKeys(main);
  try {
    const page = (await api.get(`/api/cases?${query()}`)).body;
    mount(body, page.items.length ? table(page.items) : h('p', { id: 'queue-empty' }, t('queue.empty')), pager(main, page),
      page.items.length && canBulk() ? bulkPanel((done) => queueView(main, done)) : null);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    mount(body, problemBox(e));
  }
}

function table(items) {
  const now = Date.now();
  return h('table', { id: 'queue-table' },
    h('caption', {}, t('queue.caption')),
    h('thead', {}, h('tr', {}, canBulk() ? selectAllHeader() : null, ['col.case', 'col.priority', 'col.due', 'col.account', 'col.violation', 'col.score', 'col.status', 'col.assignee']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, items.map((c) => {
      const overdue = c.dueAt && Date.parse(c.dueAt) < now && ['NEW', 'IN_REVIEW'].includes(c.status);
      return h('tr', { class: overdue ? 'overdue' : null, 'data-case-id': c.id }, canBulk() ? selectCell(c) : null,
        h('td', {}, h('a', { class: 'case-link', href: `#/cases/${c.id}` }, c.id.slice(0, 8))),
        h('td', {}, c.priority),
        h('td', {}, fmtTime(c.dueAt), overdue ? h('span', { class: 'tag warn' }, ` ${t('queue.overdueTag')}`) : null),
        h('td', {}, c.accountId, ' ', h('span', { class: 'muted' }, c.accountType || '')),
        h('td', {}, c.primaryViolation),
        h('td', {}, Number(c.maxScore).toFixed(2)),
        h('td', {}, c.status),
        h('td', {}, c.assignee || '—'));
    })));
}

function pager(main, page) {
  const prev = page.page > 0 ? h('button', { type: 'button', onclick: () => { filters.page--; queueView(main); } }, t('queue.prev')) : null;
  const next = page.hasMore ? h('button', { type: 'button', onclick: () => { filters.page++; queueView(main); } }, t('queue.more')) : null;
  return prev || next ? h('div', { class: 'pager' }, prev, next) : null;
}
