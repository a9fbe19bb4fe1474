import { h, mount } from './dom.js';
import { t, language, setLanguage } from './i18n.js';
import { signIn, signOut, user, hasRole, CONSOLE_ROLES } from './auth.js';
import { configure } from './api.js';
import { queueView } from './views/queue.js';
import { caseView } from './views/case.js';
import { appealsView } from './views/appeals.js';
import { evidenceView } from './views/evidence.js';
import { escalationsView, escalationView } from './views/escalations.js';
import { holdsView } from './views/holds.js';
import { custodyView } from './views/custody.js';
import { policyView } from './views/policy.js';
import { noAccessView } from './views/noaccess.js';
import { auditView } from './views/audit.js';
import { rulesView } from './views/rules.js';

const REVIEW = ['reviewer', 'senior-reviewer', 'admin'];
// route pattern, view, roles that see it
const routes = [
  [/^#\/queue$/, queueView, REVIEW],
  [/^#\/cases\/([0-9a-f-]{36})$/, caseView, REVIEW],
  [/^#\/appeals$/, appealsView, ['senior-reviewer']],
  [/^#\/evidence$/, evidenceView, ['legal']],
  // legal
  [/^#\/escalations(?:\?status=[A-Z_]+)?$/, escalationsView, ['legal']],
  [/^#\/escalations\/([0-9a-f-]{36})$/, escalationView, ['legal']],
  [/^#\/holds(?:\?all=true)?$/, holdsView, ['legal']],
  [/^#\/custody(?:\/([0-9a-fA-F-]{36}))?$/, custodyView, ['legal']],
  [/^#\/policy$/, policyView, ['senior-reviewer', 'admin']],
  // admin
  [/^#\/audit$/, auditView, ['admin']],
  [/^#\/rules$/, rulesView, ['admin']],
];

function home() {
  if (hasRole(...REVIEW)) return '#/queue';
  if (hasRole('legal')) return '#/evidence';
  return '#/no-access';
}

function header() {
  const links = [];
  if (hasRole(...REVIEW)) links.push(h('a', { href: '#/queue' }, t('nav.queue')));
  if (hasRole('senior-reviewer')) links.push(h('a', { href: '#/appeals' }, t('nav.appeals')));
  if (hasRole('legal')) links.push(h('a', { href: '#/evidence' }, t('nav.evidence')));
  if (hasRole('legal')) {
    links.push(h('a', { href: '#/escalations' }, t('nav.escalations')), h('a', { href: '#/holds' }, t('nav.holds')),
      h('a', { href: '#/custody' }, t('nav.custody')));
  }
  if (hasRole('senior-reviewer', 'admin')) links.push(h('a', { href: '#/policy' }, t('nav.policy')));
  if (hasRole('admin')) links.push(h('a', { href: '#/audit' }, t('nav.audit')), h('a', { href: '#/rules' }, t('nav.rules')));
  mount(document.getElementById('top'),
    h('span', { class: 'brand' }, t('app.title')),
    h('nav', { 'aria-label': 'main' }, links),
    h('span', { class: 'who', id: 'signed-in-as' }, t('nav.signedInAs', { user: user() })),
    h('button', { type: 'button', id: 'language', lang: language() === 'en' ? 'de' : 'en',
      onclick: () => { setLanguage(language() === 'en' ? 'de' : 'en'); render(); } }, t('nav.language')),
    h('button', { type: 'button', id: 'sign-out', onclick: () => signOut() }, t('nav.signOut')));
  document.getElementById('skip').textContent = t('nav.skip');
}

async function render() {
  document.documentElement.lang = language();
  document.title = t('app.title');
  header();
  const main = document.getElementById('main');
  if (!hasRole(...CONSOLE_ROLES)) {
    noAccessView(main);
    return;
  }
  const hash = location.hash;
  for (const [pattern, view, allowed] of routes) {
    const m = pattern.exec(hash);
    if (m && hasRole(...allowed)) {
      await view(main, ...m.slice(1));
      return;
    }
  }
  location.replace(home()); // an unknown route, or one this role does not have
}

async function start() {
  const config = await (await fetch('config.json')).json();
  configure(config);
  await signIn(config);
  window.addEventListener('hashchange', () => render());
  if (!hasRole(...CONSOLE_ROLES) && location.hash !== '#/no-access') history.replaceState(null, '', '#/no-access');
  await render();
}

start().catch((e) => {
  mount(document.getElementById('main'), h('p', { role: 'alert', class: 'alert' }, t('common.error', { message: e?.message || e })));
});
