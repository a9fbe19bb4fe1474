import { h, mount, toast, fmtTime } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { hasRole, user } from '../auth.js';
import { problemBox } from './problem.js';

const ACTIONS = ['WARN', 'RESTRICT', 'BAN', 'DISMISS', 'ESCALATE', 'REINSTATE'];
const NEEDS_STATEMENT = ['RESTRICT', 'BAN'];
const DECIDABLE = ['NEW', 'IN_REVIEW'];
// the statement's fields a reviewer should read before sending, in reading order
const STATEMENT_FIELDS = ['decision_account', 'end_date_account_restriction', 'decision_ground', 'incompatible_content_ground',
  'incompatible_content_explanation', 'category', 'category_specification', 'category_specification_other', 'decision_facts',
  'automated_detection', 'automated_decision', 'source_type', 'account_type', 'content_date', 'application_date'];

/** Loads the case and its account, then renders; notice (a conflict box, say) goes above the decision form. */
export async function caseView(main, id, notice) {
  mount(main, h('p', { role: 'status' }, t('common.loading')));
  let res;
  let account = null;
  try {
    res = await api.get(`/api/cases/${id}`);
    account = (await api.get(`/api/accounts/${encodeURIComponent(res.body.accountId)}`)).body;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (!res) { mount(main, h('h1', {}, t('case.title', { id: id.slice(0, 8) })), problemBox(e)); return; }
  }
  render(main, res.body, res.etag, account, notice);
}

function render(main, c, etag, account, notice) {
  mount(main,
    h('p', {}, h('a', { href: '#/queue' }, t('case.back'))),
    h('h1', { id: 'case-title' }, t('case.title', { id: c.id.slice(0, 8) }), ' ', h('span', { class: 'tag', id: 'case-status' }, c.status)),
    summary(c, account),
    claimButton(main, c, etag),
    h('section', { 'aria-labelledby': 'signals-title' }, h('h2', { id: 'signals-title' }, t('case.signals')),
      c.signals.map((s, i) => signal(s, i))),
    decideSection(main, c, etag, notice),
    history(c), notes(main, c), mails(c), appeals(c));
}

function summary(c, account) {
  const a = c.account || {};
  const status = [a.status || account?.status || '—', a.restrictedUntil ? ` (${t('case.restrictedUntil', { t: fmtTime(a.restrictedUntil) })})` : ''].join('');
  const rows = [
    ['case.account', c.accountId], ['case.accountType', a.accountType || '—'], ['case.accountStatus', status, 'account-status'],
    ['case.strikes', account ? account.activeStrikes90d ?? account.activeStrikes ?? '—' : '—', 'active-strikes'],
    ['case.status', c.status], ['case.priority', c.priority], ['case.assignee', c.assignee || t('case.unassigned'), 'case-assignee'],
    ['case.opened', fmtTime(c.openedAt)], ['case.proposedAction', c.proposedAction || '—'],
    ['case.policyRule', c.policyRuleId ? `${c.policyRuleId} v${c.policyRuleVersion}` : '—'],
  ];
  return h('section', { 'aria-labelledby': 'summary-title' }, h('h2', { id: 'summary-title' }, t('case.summary')),
    h('dl', { class: 'summary' }, rows.map(([k, v, id]) => [h('dt', {}, t(k)), h('dd', { id }, v)])));
}

function claimButton(main, c, etag) {
  if (!hasRole('reviewer', 'senior-reviewer') || c.assignee || c.status !== 'NEW') return null;
  return h('div', { class: 'actions' }, h('button', { type: 'button', id: 'claim-case', class: 'primary', onclick: async () => {
    try {
      await api.post(`/api/cases/${c.id}/assign`, { assignee: user() }, { 'If-Match': etag });
      await caseView(main, c.id);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      await caseView(main, c.id, problemBox(e));
    }
  } }, t('case.claim')));
}

function met(value, op, threshold) {
  return { '>=': value >= threshold, '>': value > threshold, '<=': value <= threshold, '<': value < threshold }[op];
}

function signal(s, i) {
  const x = s.explanation || {};
  const criteria = x.criteria || [];
  const named = new Set(criteria.map((c) => c.feature));
  const others = Object.entries(x.features || {}).filter(([k]) => !named.has(k));
  const samples = x.sampleEventIds || [];
  return h('article', { class: 'signal', id: `signal-${i}`, 'aria-labelledby': `signal-${i}-title` },
    h('h3', { id: `signal-${i}-title` }, t('case.signal', { violation: s.violation, score: Number(s.score).toFixed(2), rule: s.ruleId, version: s.ruleVersion })),
    h('p', { class: 'signal-summary' }, s.summary),
    h('p', { class: 'muted' }, x.window ? t('case.window', { start: fmtTime(x.window.start), end: fmtTime(x.window.end) }) : null,
      ' · ', t('case.detectedAt', { t: fmtTime(s.detectedAt) })),
    criteria.length ? h('table', { class: 'criteria' },
      h('caption', {}, t('case.criteria')),
      h('thead', {}, h('tr', {}, ['case.feature', 'case.value', 'case.condition', 'case.met'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, criteria.map((c) => {
        const ok = met(c.value, c.operator, c.threshold);
        const ratio = c.threshold > 0 ? Math.min(c.value / c.threshold, 2) : 1;
        return h('tr', { class: ok ? 'met' : 'unmet' },
          h('th', { scope: 'row' }, c.feature),
          h('td', { class: 'num' }, fmtNum(c.value), ' ',
            h('meter', { min: 0, max: 2, value: ratio.toFixed(2), 'aria-hidden': 'true', title: `${fmtNum(c.value)} / ${fmtNum(c.threshold)}` })),
          h('td', {}, `${c.operator} ${fmtNum(c.threshold)}`),
          h('td', {}, ok ? `✔ ${t('case.metYes')}` : `✘ ${t('case.metNo')}`));
      }))) : null,
    others.length ? h('details', {}, h('summary', {}, t('case.otherFeatures')),
      h('dl', { class: 'features' }, others.map(([k, v]) => [h('dt', {}, k), h('dd', {}, fmtNum(v))]))) : null,
    h('p', {}, `${t('case.samples')}: `, samples.length ? h('span', { class: 'samples' }, samples.map((e) => h('code', {}, e))) : t('case.noSamples')));
}

function fmtNum(v) {
  return Number.isInteger(v) ? String(v) : Number(v).toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}

function decideSection(main, c, etag, notice) {
  if (!hasRole('reviewer', 'senior-reviewer')) return null;
  const section = h('section', { 'aria-labelledby': 'decide-title', id: 'decide' }, h('h2', { id: 'decide-title' }, t('decide.title')));
  if (notice) section.append(notice);
  if (!DECIDABLE.includes(c.status)) {
    section.append(h('p', {}, t('decide.closed', { status: c.status })));
    return section;
  }
  if (c.assignee && c.assignee !== user()) {
    section.append(h('p', {}, t('decide.notYours', { assignee: c.assignee })));
    return section;
  }
  const out = h('div', { id: 'decide-result' });
  const preview = h('div', { id: 'statement-preview' });
  const restrict = h('div', { class: 'field', hidden: true, id: 'restrict-field' },
    h('label', { for: 'restrictFor' }, t('decide.restrictFor')), h('input', { id: 'restrictFor', name: 'restrictFor', value: 'P7D' }));
  const previewBtn = h('button', { type: 'button', id: 'preview-statement' }, t('decide.preview'));
  const sendBtn = h('button', { type: 'submit', id: 'send-decision', class: 'primary' }, t('decide.send'));
  const form = h('form', { id: 'decide-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'action' }, t('decide.action')),
      h('select', { id: 'action', name: 'action' }, ACTIONS.map((a) => h('option', { value: a }, a)))),
    restrict,
    h('div', { class: 'field' }, h('label', { for: 'reasonCode' }, t('decide.reasonCode')),
      h('input', { id: 'reasonCode', name: 'reasonCode', required: true, 'aria-describedby': 'reasonCode-help', autocomplete: 'off' }),
      h('small', { id: 'reasonCode-help' }, t('decide.reasonCodeHelp'))),
    h('div', { class: 'field' }, h('label', { for: 'reasonText' }, t('decide.reasonText')),
      h('textarea', { id: 'reasonText', name: 'reasonText', rows: 3, required: true, maxlength: 2000 })),
    h('p', { id: 'preview-needed', class: 'hint', hidden: true }, t('decide.previewNeeded')),
    h('div', { class: 'actions' }, previewBtn, sendBtn), preview);
  const request = () => {
    const d = new FormData(form);
    const r = { action: d.get('action'), reasonCode: d.get('reasonCode').trim(), reasonText: d.get('reasonText').trim() };
    if (r.action === 'RESTRICT') r.restrictFor = d.get('restrictFor').trim();
    return r;
  };
  let previewed = null; // the request the shown statement belongs to
  const sync = () => {
    const needs = NEEDS_STATEMENT.includes(form.elements.action.value);
    restrict.hidden = form.elements.action.value !== 'RESTRICT';
    previewBtn.hidden = !needs;
    const fresh = previewed && JSON.stringify(previewed) === JSON.stringify(request());
    if (!fresh) { previewed = null; preview.replaceChildren(); }
    sendBtn.disabled = needs && !fresh;
    form.querySelector('#preview-needed').hidden = !(needs && !fresh);
  };
  form.addEventListener('input', sync);
  form.addEventListener('change', sync);
  previewBtn.addEventListener('click', async () => {
    const r = request();
    out.replaceChildren();
    try {
      const p = (await api.post(`/api/cases/${c.id}/decisions/preview`, r, { 'If-Match': etag })).body;
      previewed = r;
      preview.replaceChildren(statement(p.statementOfReasons));
      sync();
      document.getElementById('statement-title').focus();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      out.replaceChildren(problemBox(e));
    }
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (sendBtn.disabled) return;
    out.replaceChildren();
    try {
      const res = await api.post(`/api/cases/${c.id}/decisions`, request(), { 'If-Match': etag, 'Idempotency-Key': crypto.randomUUID() });
      const msg = res.status === 202 ? t('decide.proposed') : t('decide.done', { action: res.body.action });
      toast(msg);
      await caseView(main, c.id, h('p', { role: 'status', class: 'ok', id: 'decision-recorded' }, msg));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 409) {
        await caseView(main, c.id, conflictBox(err));
        document.getElementById('conflict')?.focus();
      } else {
        out.replaceChildren(problemBox(err));
      }
    }
  });
  section.append(form, out);
  queueMicrotask(sync);
  return section;
}

function conflictBox(err) {
  return h('div', { class: 'alert', role: 'alert', id: 'conflict', tabindex: '-1' },
    h('p', { class: 'alert-title' }, t('conflict.title')),
    h('p', {}, t('conflict.text', { detail: err.problem.detail || err.message })));
}

function statement(s) {
  return h('section', { class: 'statement', 'aria-labelledby': 'statement-title' },
    h('h3', { id: 'statement-title', tabindex: '-1' }, t('decide.previewTitle')),
    h('dl', {}, STATEMENT_FIELDS.filter((k) => s[k] !== undefined && s[k] !== null)
      .map((k) => [h('dt', {}, k), h('dd', { 'data-field': k }, Array.isArray(s[k]) ? s[k].join(', ') : String(s[k]))])));
}

function history(c) {
  return h('section', { 'aria-labelledby': 'decisions-title' }, h('h2', { id: 'decisions-title' }, t('case.decisions')),
    c.decisions.length ? h('ol', { id: 'decision-history', class: 'timeline' }, c.decisions.map((d) => h('li', {},
      h('strong', {}, d.action), ` ${d.reasonCode} — ${d.reasonText || ''} `,
      h('span', { class: 'muted' }, d.automated ? t('case.automated', { rule: d.policyRuleId, version: d.policyVersion }) : t('case.by', { actor: d.actor }),
        ` · ${fmtTime(d.decidedAt)}`)))) : h('p', {}, t('case.noDecisions')));
}

function notes(main, c) {
  const form = hasRole('reviewer', 'senior-reviewer') ? h('form', { id: 'note-form', onsubmit: async (e) => {
    e.preventDefault();
    const text = e.target.elements.note.value.trim();
    try {
      await api.post(`/api/cases/${c.id}/notes`, { text });
      await caseView(main, c.id);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      e.target.append(problemBox(err));
    }
  } }, h('div', { class: 'field' }, h('label', { for: 'note' }, t('case.noteText')), h('textarea', { id: 'note', name: 'note', rows: 2 })),
  h('button', { type: 'submit' }, t('case.addNote'))) : null;
  return h('section', { 'aria-labelledby': 'notes-title' }, h('h2', { id: 'notes-title' }, t('case.notes')),
    c.notes.length ? h('ul', { id: 'notes' }, c.notes.map((n) => h('li', {}, n.text, ' ', h('span', { class: 'muted' }, `${n.author} · ${fmtTime(n.createdAt)}`))))
      : h('p', {}, t('case.noNotes')), form);
}

function mails(c) {
  return h('section', { 'aria-labelledby': 'mails-title' }, h('h2', { id: 'mails-title' }, t('case.mails')),
    (c.mails || []).length ? h('table', { id: 'mails' },
      h('thead', {}, h('tr', {}, ['mail.template', 'mail.recipient', 'mail.status', 'mail.at'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, c.mails.map((m) => h('tr', {}, h('td', {}, m.template), h('td', {}, m.recipient || '—'), h('td', {}, m.status), h('td', {}, fmtTime(m.at))))))
      : h('p', {}, t('case.noMails')));
}

function appeals(c) {
  return h('section', { 'aria-labelledby': 'appeals-title' }, h('h2', { id: 'appeals-title' }, t('case.appeals')),
    (c.appeals || []).length ? h('ul', {}, c.appeals.map((a) => h('li', {}, h('strong', {}, a.status), ` ${a.text} `,
      h('span', { class: 'muted' }, t('appeals.filed', { t: fmtTime(a.filedAt) }), a.decidedBy ? ` · ${a.decidedBy}: ${a.decisionReason || ''}` : ''))))
      : h('p', {}, t('case.noAppeals')));
}
