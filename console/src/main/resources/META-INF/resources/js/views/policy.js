import { h, mount, fmtTime } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { problemBox } from './problem.js';

// The enforcement policy (senior reviewers, admins): the active rules, the versions, and a dry run of a candidate.

function conditions(w) {
  if (!w) return '—';
  const parts = [];
  if (w.violations?.length) parts.push(w.violations.join(' | '));
  if (w.minScore != null) parts.push(`score ≥ ${w.minScore}`);
  if (w.maxScore != null) parts.push(`score < ${w.maxScore}`);
  if (w.accountTypes?.length) parts.push(w.accountTypes.join(' | '));
  if (w.minStrikes90d != null) parts.push(`strikes ≥ ${w.minStrikes90d}`);
  if (w.maxStrikes90d != null) parts.push(`strikes ≤ ${w.maxStrikes90d}`);
  if (w.offPlatformEvidence != null) parts.push(`off-platform evidence: ${w.offPlatformEvidence}`);
  if (w.maxAccountAge) parts.push(`account age ≤ ${w.maxAccountAge}`);
  return parts.length ? parts.join(', ') : t('policy.always');
}

function outcome(o) {
  if (!o) return '—';
  return [o.action, o.priority != null ? `priority ${o.priority}` : null, o.restrictFor, o.reasonCode].filter(Boolean).join(', ');
}

function rulesTable(p) {
  return h('table', { id: 'policy-rules' }, h('caption', {}, t('policy.rulesCaption', { version: p.version })),
    h('thead', {}, h('tr', {}, ['policy.order', 'policy.rule', 'policy.description', 'policy.when', 'policy.then']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, p.rules.map((r, i) => h('tr', { 'data-rule-id': r.id },
      h('td', {}, i + 1), h('td', {}, `${r.id} v${r.version}`), h('td', {}, r.description || '—'),
      h('td', {}, conditions(r.when)), h('td', {}, outcome(r.then))))));
}

function versionsTable(versions) {
  return h('table', { id: 'policy-versions' }, h('caption', {}, t('policy.versionsCaption')),
    h('thead', {}, h('tr', {}, ['policy.version', 'policy.rules', 'policy.createdBy', 'policy.createdAt', 'policy.comment']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, versions.map((v) => h('tr', {}, h('td', {}, v.version), h('td', {}, v.rules.length),
      h('td', {}, v.createdBy || '—'), h('td', {}, fmtTime(v.createdAt)), h('td', {}, v.comment || '—')))));
}

/** A verdict as a reviewer reads it: the action and the rule that chose it (or the default). */
function verdict(v) {
  return v.ruleId ? `${v.action} (${v.ruleId} v${v.ruleVersion})` : `${v.action} (${t('policy.default')})`;
}

function counts(report) {
  const actions = [...new Set([...Object.keys(report.activeByAction), ...Object.keys(report.candidateByAction)])].sort();
  return h('table', { id: 'dry-run-counts' }, h('caption', {}, t('policy.countsCaption')),
    h('thead', {}, h('tr', {}, ['policy.action', 'policy.active', 'policy.candidate'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, actions.map((a) => h('tr', { 'data-action': a }, h('th', { scope: 'row' }, a),
      h('td', { class: 'num' }, report.activeByAction[a] || 0), h('td', { class: 'num' }, report.candidateByAction[a] || 0)))));
}

function report(r) {
  const rows = [...r.results].sort((a, b) => Number(b.changed) - Number(a.changed)); // what would change first
  return h('section', { id: 'dry-run-report', 'aria-labelledby': 'dry-run-report-title' },
    h('h3', { id: 'dry-run-report-title', tabindex: '-1' }, t('policy.reportTitle')),
    h('p', { id: 'dry-run-summary', role: 'status' }, t('policy.summary', { evaluated: r.evaluated, changed: r.changed, version: r.activeVersion })),
    counts(r),
    h('table', { id: 'dry-run-results' }, h('caption', {}, t('policy.resultsCaption')),
      h('thead', {}, h('tr', {}, ['policy.received', 'col.account', 'col.violation', 'col.score', 'policy.active', 'policy.candidate', 'policy.changed']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows.map((e) => h('tr', { class: e.changed ? 'changed' : null, 'data-account': e.accountId },
        h('td', {}, fmtTime(e.receivedAt)), h('td', {}, e.accountId), h('td', {}, e.violation), h('td', {}, Number(e.score).toFixed(2)),
        h('td', {}, verdict(e.active)), h('td', {}, verdict(e.candidate)),
        h('td', {}, e.changed ? h('strong', {}, t('policy.changedYes')) : t('policy.changedNo')))))));
}

function dryRunForm(p) {
  const out = h('div', { id: 'dry-run-out' });
  const editable = p.rules.map(({ version, ...rest }) => rest); // versions are the server's to assign
  const form = h('form', { id: 'dry-run-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'candidate-rules' }, t('policy.candidateRules')),
      h('textarea', { id: 'candidate-rules', name: 'rules', rows: 16, spellcheck: 'false', class: 'code', 'aria-describedby': 'candidate-rules-help' },
        JSON.stringify(editable, (k, v) => (v === null ? undefined : v), 2)), // absent conditions read better than nulls
      h('small', { id: 'candidate-rules-help' }, t('policy.rulesHelp'))),
    h('div', { class: 'field' }, h('label', { for: 'last-signals' }, t('policy.lastSignals')),
      h('input', { id: 'last-signals', name: 'lastSignals', type: 'number', min: 1, max: 1000, value: 100 })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'dry-run', class: 'primary' }, t('policy.dryRun'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    out.replaceChildren(h('p', { role: 'status' }, t('common.loading')));
    let rules;
    try {
      rules = JSON.parse(form.elements.rules.value);
    } catch (err) {
      out.replaceChildren(problemBox({ status: t('policy.notSent'), problem: { detail: t('policy.badJson'),
        errors: [{ field: 'rules', message: err.message }] } }));
      return;
    }
    const n = form.elements.lastSignals.value.trim();
    try {
      const r = (await api.post('/api/policy/dry-run', { rules, lastSignals: n === '' ? null : Number(n) })).body;
      out.replaceChildren(report(r));
      document.getElementById('dry-run-report-title').focus();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      out.replaceChildren(problemBox(err));
    }
  });
  return h('section', { 'aria-labelledby': 'dry-run-title' }, h('h2', { id: 'dry-run-title' }, t('policy.dryRunTitle')),
    h('p', { class: 'hint' }, t('policy.dryRunHint')), form, out);
}

export async function policyView(main) {
  mount(main, h('h1', {}, t('policy.title')), h('p', { role: 'status' }, t('common.loading')));
  try {
    const [active, versions] = await Promise.all([api.get('/api/policy'), api.get('/api/policy/versions')]);
    const p = active.body;
    mount(main, h('h1', {}, t('policy.title')),
      h('p', { id: 'policy-active' }, t('policy.activeVersion', { version: p.version, by: p.createdBy || '—', at: fmtTime(p.createdAt) })),
      h('section', { 'aria-labelledby': 'rules-title' }, h('h2', { id: 'rules-title' }, t('policy.rulesTitle')), rulesTable(p)),
      dryRunForm(p),
      h('section', { 'aria-labelledby': 'versions-title' }, h('h2', { id: 'versions-title' }, t('policy.versionsTitle')), versionsTable(versions.body)));
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    mount(main, h('h1', {}, t('policy.title')), problemBox(e));
  }
}
