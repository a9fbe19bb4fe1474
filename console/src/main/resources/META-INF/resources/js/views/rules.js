import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { detectionApi, ApiError } from '../api.js';
import { problemBox } from './problem.js';
import { localTime } from './audit.js';

/**
 * A threshold in words. The detectors read min<Feature> as "feature at least", max<Feature> as "feature at most"
 * (RuleValidator keeps the names to what each detector reads); any other name is a plain setting (a window, say).
 */
export function criterion(name, value) {
  const m = /^(min|max)([A-Z].*)$/.exec(name);
  if (!m) return { feature: name, condition: t('rules.setting', { value: amount(name, value) }) };
  const feature = m[2][0].toLowerCase() + m[2].slice(1);
  return { feature, condition: t(m[1] === 'min' ? 'rules.atLeast' : 'rules.atMost', { value: amount(feature, value) }) };
}

function amount(name, value) {
  const n = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
  return /Seconds$/.test(name) ? `${n} s (${duration(value)})` : n;
}

function duration(seconds) {
  if (seconds >= 86400 && seconds % 3600 === 0) return t('rules.hours', { n: seconds / 3600 });
  if (seconds >= 3600) return t('rules.hours', { n: Number((seconds / 3600).toFixed(2)) });
  if (seconds >= 60) return t('rules.minutes', { n: Number((seconds / 60).toFixed(1)) });
  return t('rules.seconds', { n: seconds });
}

/** The detection rules in force, read-only: version, violation, state, each threshold in words, a running shadow. */
export async function rulesView(main) {
  mount(main, h('h1', {}, t('rules.title')), h('p', { role: 'status' }, t('common.loading')));
  let rules;
  try {
    rules = (await detectionApi.get('/api/rules')).body;
  } catch (e) {
    mount(main, h('h1', {}, t('rules.title')), unreachable(e));
    return;
  }
  rules.sort((a, b) => a.id.localeCompare(b.id));
  const list = h('div', { id: 'rules' }, rules.map((r) => rule(r)));
  mount(main, h('h1', {}, t('rules.title')), h('p', { class: 'hint' }, t('rules.hint', { count: rules.length })), list);
  await Promise.all(rules.map((r) => shadow(r)));
}

function unreachable(e) {
  if (e instanceof ApiError) return problemBox(e);
  return h('div', { class: 'alert', role: 'alert', id: 'rules-unreachable' },
    h('p', { class: 'alert-title' }, t('rules.unreachable')), h('p', {}, String(e?.message || e)));
}

function rule(r) {
  const thresholds = Object.entries(r.thresholds || {}).sort(([a], [b]) => a.localeCompare(b));
  const weights = Object.entries(r.weights || {}).sort(([a], [b]) => a.localeCompare(b));
  const state = r.enabled ? t('rules.enabled') : t('rules.disabled');
  return h('article', { class: 'rule', id: `rule-${r.id}`, 'data-rule-id': r.id, 'aria-labelledby': `rule-${r.id}-title` },
    h('h2', { id: `rule-${r.id}-title` }, t('rules.heading', { id: r.id, version: r.version })),
    r.description ? h('p', { class: 'rule-description' }, r.description) : null,
    h('dl', { class: 'summary' },
      h('dt', {}, t('rules.violation')), h('dd', { class: 'rule-violation' }, r.violation),
      h('dt', {}, t('rules.state')), h('dd', { class: 'rule-state' }, h('span', { class: r.enabled ? 'tag' : 'tag warn' }, state)),
      h('dt', {}, t('rules.score')), h('dd', {}, String(r.score)),
      h('dt', {}, t('rules.cooldown')), h('dd', {}, duration(r.cooldownSeconds))),
    h('table', { class: 'criteria' },
      h('caption', {}, t('rules.criteria', { id: r.id })),
      h('thead', {}, h('tr', {}, ['rules.feature', 'rules.condition', 'rules.name'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, thresholds.map(([name, value]) => {
        const c = criterion(name, value);
        return h('tr', { 'data-threshold': name },
          h('th', { scope: 'row' }, c.feature), h('td', { class: 'rule-condition' }, c.condition), h('td', {}, h('code', {}, name)));
      }))),
    weights.length ? h('p', { class: 'rule-weights' }, `${t('rules.weights')}: `,
      weights.map(([name, w], i) => [i ? ', ' : '', t('rules.weight', { name, weight: w })])) : null,
    h('div', { class: 'rule-shadow', id: `rule-${r.id}-shadow` }));
}

// a version running in shadow, and how it compares with the live one since it started
async function shadow(r) {
  const box = document.getElementById(`rule-${r.id}-shadow`);
  let audit;
  try {
    audit = (await detectionApi.get(`/api/rules/${encodeURIComponent(r.id)}/audit`)).body;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    box?.replaceChildren(problemBox(e));
    return;
  }
  if (!box) return;
  const changed = audit.active ? h('p', { class: 'muted rule-changed' },
    t('rules.changedBy', { actor: audit.active.actor }), ' ', localTime(audit.active.changedAt)) : null;
  if (!audit.shadow) {
    box.replaceChildren(changed || '', h('p', { class: 'muted' }, t('rules.noShadow')));
    return;
  }
  const s = audit.shadow;
  const out = [changed, h('h3', {}, t('rules.shadowTitle', { version: s.rule.version })),
    h('p', {}, t('rules.shadowBy', { actor: s.actor }), ' ', localTime(s.changedAt))];
  try {
    const c = (await detectionApi.get(`/api/rules/${encodeURIComponent(r.id)}/shadow`)).body;
    const b = c.rule;
    out.push(h('table', { class: 'shadow-comparison' },
      h('caption', {}, t('rules.shadowCaption', { live: c.liveVersion, shadow: c.shadowVersion })),
      h('thead', {}, h('tr', {}, ['rules.live', 'rules.shadow', 'rules.onlyLive', 'rules.onlyShadow', 'rules.both'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, h('tr', {}, [b.liveSignals, b.shadowSignals, b.onlyLive, b.onlyShadow, b.both].map((n) => h('td', { class: 'num' }, String(n)))))));
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    out.push(problemBox(e));
  }
  box.replaceChildren(...out.filter(Boolean));
}
