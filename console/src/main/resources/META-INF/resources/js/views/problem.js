import { h } from '../dom.js';
import { t } from '../i18n.js';

/** An API refusal as the person should read it: the problem's detail and each named field. */
export function problemBox(error) {
  const p = error.problem || {};
  const fields = (p.errors || []).map((e) => h('li', {}, t('problem.field', { field: e.field, message: e.message })));
  return h('div', { class: 'alert', role: 'alert' },
    h('p', { class: 'alert-title' }, t('problem.title', { status: error.status ?? '' })),
    h('p', { class: 'problem-detail' }, p.detail || p.title || error.message),
    fields.length ? h('ul', { class: 'problem-fields' }, fields) : null);
}
