import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { user } from '../auth.js';

export function noAccessView(main) {
  mount(main, h('section', { class: 'no-access', 'aria-labelledby': 'no-access-title' },
    h('h1', { id: 'no-access-title' }, t('noAccess.title')),
    h('p', {}, t('noAccess.text', { user: user() }))));
  main.focus();
}
