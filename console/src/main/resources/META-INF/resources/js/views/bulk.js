import { h, toast } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { hasRole } from '../auth.js';
import { problemBox } from './problem.js';

// Bulk decisions over the queue's selection (senior reviewers): preview per case first, then apply.
const ACTIONS = ['BAN', 'RESTRICT', 'WARN', 'DISMISS', 'ESCALATE', 'REINSTATE'];

export function canBulk() {
  return hasRole('senior-reviewer');
}

/** The header cell: select every case on this page. */
export function selectAllHeader() {
  return h('th', { scope: 'col' },
    h('label', { for: 'select-all', class: 'visually-hidden' }, t('bulk.selectAll')),
    h('input', { type: 'checkbox', id: 'select-all', onchange: (e) => {
      document.querySelectorAll('#queue-table input.select-case').forEach((b) => { b.checked = e.target.checked; });
      document.getElementById('bulk-form')?.dispatchEvent(new Event('change'));
    } }));
}

/** One row's cell: select this case. */
export function selectCell(c) {
  const id = `select-${c.id}`;
  return h('td', {},
    h('label', { for: id, class: 'visually-hidden' }, t('bulk.select', { id: c.id.slice(0, 8), account: c.accountId })),
    h('input', { type: 'checkbox', id, class: 'select-case', value: c.id, 'data-account': c.accountId,
      onchange: () => document.getElementById('bulk-form')?.dispatchEvent(new Event('change')) }));
}

function selection() {
  return [...document.querySelectorAll('#queue-table input.select-case:checked')].map((b) => b.value);
}

/** The bulk panel; onDone(notice) reloads the queue and shows what was decided. */
export function bulkPanel(onDone) {
  const out = h('div', { id: 'bulk-result' });
  const preview = h('div', { id: 'bulk-preview' });
  const restrict = h('div', { class: 'field', hidden: true },
    h('label', { for: 'bulk-restrictFor' }, t('decide.restrictFor')), h('input', { id: 'bulk-restrictFor', name: 'restrictFor', value: 'P7D' }));
  const count = h('p', { id: 'bulk-count', role: 'status' });
  const previewBtn = h('button', { type: 'button', id: 'bulk-preview-button' }, t('bulk.preview'));
  const applyBtn = h('button', { type: 'submit', id: 'bulk-apply', class: 'primary', disabled: true }, t('bulk.apply', { n: 0 }));
  const form = h('form', { id: 'bulk-form', novalidate: true },
    count,
    h('div', { class: 'filters' },
      h('div', { class: 'field' }, h('label', { for: 'bulk-action' }, t('decide.action')),
        h('select', { id: 'bulk-action', name: 'action' }, ACTIONS.map((a) => h('option', { value: a }, a)))),
      restrict,
      h('div', { class: 'field' }, h('label', { for: 'bulk-reasonCode' }, t('decide.reasonCode')),
        h('input', { id: 'bulk-reasonCode', name: 'reasonCode', required: true, 'aria-describedby': 'bulk-reasonCode-help', autocomplete: 'off' }),
        h('small', { id: 'bulk-reasonCode-help' }, t('decide.reasonCodeHelp')))),
    h('div', { class: 'field' }, h('label', { for: 'bulk-reasonText' }, t('decide.reasonText')),
      h('textarea', { id: 'bulk-reasonText', name: 'reasonText', rows: 2, required: true, maxlength: 2000 })),
    h('p', { id: 'bulk-preview-needed', class: 'hint' }, t('bulk.previewNeeded')),
    h('div', { class: 'actions' }, previewBtn, applyBtn), preview);
  const request = () => {
    const d = new FormData(form);
    const r = { caseIds: selection(), action: d.get('action'), reasonCode: d.get('reasonCode').trim(), reasonText: d.get('reasonText').trim() };
    if (r.action === 'RESTRICT') r.restrictFor = d.get('restrictFor').trim();
    return r;
  };
  let previewed = null; // the request the shown preview belongs to, and whether the call would succeed
  const sync = () => {
    const r = request();
    restrict.hidden = r.action !== 'RESTRICT';
    count.textContent = t('bulk.selected', { n: r.caseIds.length });
    previewBtn.disabled = r.caseIds.length === 0;
    const fresh = previewed && JSON.stringify(previewed.request) === JSON.stringify(r);
    if (!fresh) { previewed = null; preview.replaceChildren(); }
    applyBtn.textContent = t('bulk.apply', { n: r.caseIds.length });
    applyBtn.disabled = !fresh || !previewed.wouldSucceed;
    form.querySelector('#bulk-preview-needed').hidden = !!fresh;
  };
  form.addEventListener('input', sync);
  form.addEventListener('change', sync);
  previewBtn.addEventListener('click', async () => {
    const r = request();
    out.replaceChildren();
    try {
      const p = (await api.post('/api/cases/bulk-decisions/preview', r)).body;
      previewed = { request: r, wouldSucceed: p.wouldSucceed };
      preview.replaceChildren(previewTable(p));
      sync();
      document.getElementById('bulk-preview-title').focus();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      out.replaceChildren(problemBox(e));
    }
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (applyBtn.disabled) return;
    out.replaceChildren();
    try {
      const res = await api.post('/api/cases/bulk-decisions', previewed.request, { 'Idempotency-Key': crypto.randomUUID() });
      const msg = t('bulk.done', { n: res.body.decided, action: previewed.request.action });
      toast(msg);
      await onDone(result(msg, res.body));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      out.replaceChildren(problemBox(err));
    }
  });
  queueMicrotask(sync);
  return h('section', { id: 'bulk', 'aria-labelledby': 'bulk-title' }, h('h2', { id: 'bulk-title' }, t('bulk.title')), form, out);
}

function previewTable(p) {
  const summary = p.wouldSucceed ? h('p', { class: 'ok', id: 'bulk-verdict' }, t('bulk.wouldSucceed', { n: p.items.length, action: p.action }))
    : h('div', { id: 'bulk-verdict' }, h('p', {}, t('bulk.wouldFail', { status: p.status })), problemBox({ status: p.status, problem: p.problem }));
  return h('section', { class: 'statement', 'aria-labelledby': 'bulk-preview-title' },
    h('h3', { id: 'bulk-preview-title', tabindex: '-1' }, t('bulk.previewTitle')), summary,
    h('table', { id: 'bulk-preview-table' }, h('caption', {}, t('bulk.previewCaption', { decided: p.decided, proposed: p.proposed, refused: p.refused })),
      h('thead', {}, h('tr', {}, ['col.case', 'col.account', 'bulk.outcome', 'bulk.reason'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, p.items.map((i) => h('tr', { 'data-case-id': i.caseId, 'data-outcome': i.outcome },
        h('td', {}, i.caseId.slice(0, 8)), h('td', {}, i.accountId || '—'),
        h('td', {}, outcome(i.outcome, p.action)),
        h('td', {}, i.outcome === 'REFUSED' ? `${i.status}: ${i.reason}`
          : i.statementRequired ? t('bulk.withStatement') : '—'))))));
}

function outcome(o, action) {
  if (o === 'DECIDED') return t('bulk.decided', { action });
  return o === 'PROPOSED' ? t('bulk.proposed') : t('bulk.refused');
}

function result(msg, body) {
  return h('section', { id: 'bulk-done', 'aria-labelledby': 'bulk-done-title' },
    h('p', { role: 'status', class: 'ok', id: 'bulk-done-title' }, msg),
    h('table', {}, h('caption', {}, t('bulk.doneCaption')),
      h('thead', {}, h('tr', {}, ['col.case', 'col.account', 'col.status', 'case.accountStatus'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, body.decisions.map((d) => h('tr', { 'data-case-id': d.caseId },
        h('td', {}, h('a', { href: `#/cases/${d.caseId}` }, d.caseId.slice(0, 8))), h('td', {}, d.accountId),
        h('td', {}, d.caseStatus), h('td', {}, d.accountStatus))))));
}
