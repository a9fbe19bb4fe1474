import { h, mount, toast, fmtTime } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { problemBox } from './problem.js';

/** Legal holds: place one on a case or account, release one (after a confirmation), the active or all holds. */
export async function holdsView(main, notice) {
  const all = /[?&]all=true/.test(location.hash);
  mount(main, h('h1', {}, t('holds.title')), h('p', { role: 'status' }, t('common.loading')));
  let holds;
  try {
    holds = (await api.get(`/api/legal/holds${all ? '?all=true' : ''}`)).body;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    mount(main, h('h1', {}, t('holds.title')), problemBox(e));
    return;
  }
  const placeOut = h('div', {});
  const place = h('form', { id: 'hold-form', onsubmit: async (e) => {
    e.preventDefault();
    const f = e.target.elements;
    try {
      const r = await api.post('/api/legal/holds', { scope: f.scope.value, targetId: f.targetId.value.trim(), reason: f.reason.value.trim() });
      const msg = t('holds.placed', { target: r.body.targetId });
      toast(msg);
      await holdsView(main, h('p', { role: 'status', class: 'ok', id: 'hold-placed' }, msg));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      placeOut.replaceChildren(problemBox(err));
    }
  } },
  h('div', { class: 'filters' },
    h('div', { class: 'field' }, h('label', { for: 'hold-scope' }, t('holds.scope')),
      h('select', { id: 'hold-scope', name: 'scope' }, h('option', { value: 'CASE' }, t('holds.case')), h('option', { value: 'ACCOUNT' }, t('holds.account')))),
    h('div', { class: 'field' }, h('label', { for: 'hold-target' }, t('holds.target')),
      h('input', { id: 'hold-target', name: 'targetId', required: true, maxlength: 128, size: 40, autocomplete: 'off' }))),
  h('div', { class: 'field' }, h('label', { for: 'hold-reason' }, t('holds.reason')),
    h('textarea', { id: 'hold-reason', name: 'reason', rows: 2, required: true, maxlength: 2000 })),
  h('button', { type: 'submit', class: 'primary' }, t('holds.place')));
  const listOut = h('div', {});
  const rows = holds.map((x) => h('tr', { 'data-hold-id': x.id },
    h('td', {}, x.scope), h('td', {}, x.targetId), h('td', {}, x.reason),
    h('td', {}, x.placedBy, h('br'), h('span', { class: 'muted' }, fmtTime(x.placedAt))),
    h('td', {}, x.active ? t('holds.active') : t('holds.released', { by: x.releasedBy, t: fmtTime(x.releasedAt) })),
    h('td', {}, x.active ? h('button', { type: 'button', class: 'release', 'data-hold-id': x.id, onclick: async () => {
      if (!window.confirm(t('holds.confirm', { target: x.targetId }))) return;
      try {
        await api.post(`/api/legal/holds/${x.id}/release`);
        const msg = t('holds.releasedNow', { target: x.targetId });
        toast(msg);
        await holdsView(main, h('p', { role: 'status', class: 'ok', id: 'hold-released' }, msg));
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        listOut.replaceChildren(problemBox(err));
      }
    } }, t('holds.release')) : null)));
  mount(main, h('h1', {}, t('holds.title')), h('p', { class: 'hint', id: 'holds-meaning' }, t('holds.meaning')), notice || null,
    h('h2', {}, t('holds.placeTitle')), place, placeOut,
    h('h2', {}, all ? t('holds.all') : t('holds.current')),
    h('p', {}, h('a', { href: all ? '#/holds' : '#/holds?all=true', id: 'holds-toggle' }, all ? t('holds.showActive') : t('holds.showAll'))),
    listOut,
    holds.length ? h('table', { id: 'holds' }, h('caption', {}, all ? t('holds.all') : t('holds.current')),
      h('thead', {}, h('tr', {}, ['holds.scope', 'holds.target', 'holds.reason', 'holds.placedBy', 'holds.state', 'holds.action']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows)) : h('p', { id: 'holds-empty' }, t('holds.empty')));
}
