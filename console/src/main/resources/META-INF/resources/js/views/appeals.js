import { h, mount, toast, fmtTime } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { problemBox } from './problem.js';

/** The senior reviewer's appeal queue: each appeal with the decision it contests, and its verdict form. */
export async function appealsView(main, notice) {
  mount(main, h('h1', {}, t('appeals.title')), notice || null, h('p', { role: 'status' }, t('common.loading')));
  let page;
  try {
    page = (await api.get('/api/appeals?status=RECEIVED&size=50')).body;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    mount(main, h('h1', {}, t('appeals.title')), problemBox(e));
    return;
  }
  const items = page.items || page;
  mount(main, h('h1', {}, t('appeals.title')), notice || null,
    items.length ? h('ul', { class: 'appeals', id: 'appeals' }, items.map((a) => appeal(main, a))) : h('p', { id: 'appeals-empty' }, t('appeals.empty')));
}

function appeal(main, a) {
  const id = a.id;
  const out = h('div', {});
  const form = h('form', { class: 'appeal-form', 'data-appeal-id': id, onsubmit: async (e) => {
    e.preventDefault();
    const d = new FormData(e.target);
    try {
      await api.post(`/api/appeals/${id}/decision`, { outcome: d.get('outcome'), reason: d.get('reason').trim() }, { 'If-Match': `"${a.version}"` });
      const msg = t('appeals.done', { outcome: d.get('outcome') });
      toast(msg);
      await appealsView(main, h('p', { role: 'status', class: 'ok', id: 'appeal-decided' }, msg));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      out.replaceChildren(problemBox(err));
    }
  } },
  h('fieldset', {}, h('legend', {}, t('appeals.outcome')),
    h('label', {}, h('input', { type: 'radio', name: 'outcome', value: 'UPHELD', id: `upheld-${id}`, required: true }), ` ${t('appeals.upheld')}`),
    h('label', {}, h('input', { type: 'radio', name: 'outcome', value: 'REJECTED', id: `rejected-${id}` }), ` ${t('appeals.rejected')}`)),
  h('div', { class: 'field' }, h('label', { for: `reason-${id}` }, t('appeals.reason')),
    h('textarea', { id: `reason-${id}`, name: 'reason', rows: 2, required: true, maxlength: 2000 })),
  h('button', { type: 'submit', class: 'primary' }, t('appeals.decide')));
  return h('li', { class: 'appeal', 'data-appeal-id': id },
    h('p', {}, h('strong', {}, `${t('appeals.decision')}: ${a.decisionAction}`), ` (${a.decisionActor}) · `,
      h('a', { href: `#/cases/${a.caseId}` }, a.accountId), ' · ', h('span', { class: 'muted' }, t('appeals.filed', { t: fmtTime(a.filedAt) }))),
    h('blockquote', {}, a.text), form, out);
}
