// English and German strings. A missing German string falls back to English.
const en = {
  'app.title': 'Warden console', 'nav.queue': 'Queue', 'nav.appeals': 'Appeals', 'nav.evidence': 'Evidence',
  'nav.signOut': 'Sign out', 'nav.language': 'Deutsch', 'nav.signedInAs': 'Signed in as {user}', 'nav.skip': 'Skip to content',
  'noAccess.title': 'No access', 'noAccess.text': 'You are signed in as {user}, but your account has none of the roles the console needs (reviewer, senior reviewer, legal, admin). Ask an administrator for a role, or sign out.',
  'queue.title': 'Review queue', 'queue.filters': 'Filters', 'queue.violation': 'Violation', 'queue.accountType': 'Account type',
  'queue.overdue': 'Overdue', 'queue.proposedAction': 'Proposed action', 'queue.status': 'Status', 'queue.any': 'Any',
  'queue.open': 'Open (new or in review)', 'queue.yes': 'Yes', 'queue.no': 'No', 'queue.apply': 'Apply filters',
  'queue.claimNext': 'Claim next case', 'queue.nothing': 'No unassigned new case matches these filters.',
  'queue.empty': 'No case matches these filters.', 'queue.caption': 'Cases, most urgent first',
  'queue.keys': 'Keys: j / k move through the queue, Enter opens a case, c claims the next case.',
  'queue.more': 'Next page', 'queue.prev': 'Previous page', 'queue.overdueTag': 'overdue',
  'col.priority': 'Priority', 'col.due': 'Due', 'col.account': 'Account', 'col.violation': 'Violation', 'col.score': 'Score',
  'col.status': 'Status', 'col.assignee': 'Assignee', 'col.case': 'Case',
  'case.title': 'Case {id}', 'case.back': 'Back to the queue', 'case.summary': 'Summary', 'case.account': 'Account',
  'case.accountStatus': 'Account status', 'case.accountType': 'Account type', 'case.strikes': 'Active strikes (90 days)',
  'case.restrictedUntil': 'restricted until {t}', 'case.priority': 'Priority', 'case.assignee': 'Assignee', 'case.unassigned': 'unassigned',
  'case.opened': 'Opened', 'case.status': 'Status', 'case.proposedAction': 'Proposed action', 'case.policyRule': 'Queued by policy rule',
  'case.claim': 'Claim this case', 'case.signals': 'Signals and why they fired', 'case.signal': '{violation}, score {score}: rule {rule} version {version}',
  'case.window': 'Window: {start} to {end}', 'case.detectedAt': 'Detected {t}', 'case.criteria': 'Feature values against the rule\'s thresholds',
  'case.feature': 'Feature', 'case.value': 'Value', 'case.condition': 'Condition', 'case.met': 'Met', 'case.metYes': 'yes', 'case.metNo': 'no',
  'case.otherFeatures': 'Other features', 'case.samples': 'Sample events', 'case.noSamples': 'none',
  'case.decisions': 'Decision history', 'case.noDecisions': 'No decision yet.', 'case.by': 'by {actor}', 'case.automated': 'automatically (policy rule {rule} v{version})',
  'case.notes': 'Notes', 'case.noNotes': 'No note yet.', 'case.addNote': 'Add note', 'case.noteText': 'Note',
  'case.mails': 'Mails sent', 'case.noMails': 'No mail reported.', 'case.appeals': 'Appeals', 'case.noAppeals': 'No appeal.',
  'mail.template': 'Template', 'mail.recipient': 'Recipient', 'mail.status': 'Status', 'mail.at': 'At',
  'decide.title': 'Decide', 'decide.action': 'Action', 'decide.reasonCode': 'Reason code', 'decide.reasonCodeHelp': 'Capital letters, digits and _, e.g. SPAM_CONFIRMED',
  'decide.reasonText': 'Reason', 'decide.restrictFor': 'Restrict for (ISO-8601 duration, e.g. P7D)', 'decide.preview': 'Preview statement of reasons',
  'decide.send': 'Send decision', 'decide.previewTitle': 'Statement of reasons that will be sent', 'decide.previewNeeded': 'A restriction or ban is sent with a statement of reasons: preview it first.',
  'decide.done': 'Decision recorded: {action}.', 'decide.proposed': 'Ban proposed: a second reviewer must confirm it.',
  'decide.closed': 'This case takes no decision in status {status}.',
  'decide.notYours': 'This case is assigned to {assignee}; only they can decide it.',
  'conflict.title': 'Someone else changed this case', 'conflict.text': 'Your decision was not recorded: the case changed while you were looking at it ({detail}). It has been reloaded with the current state; check what changed before you decide again.',
  'problem.title': 'The request was refused ({status})', 'problem.field': 'Field {field}: {message}',
  'appeals.title': 'Appeals awaiting a decision', 'appeals.empty': 'No appeal is waiting.', 'appeals.decision': 'Decision appealed',
  'appeals.text': 'Appeal', 'appeals.outcome': 'Outcome', 'appeals.upheld': 'Uphold (reverse the decision)', 'appeals.rejected': 'Reject (the decision stands)',
  'appeals.reason': 'Reason', 'appeals.decide': 'Decide appeal', 'appeals.done': 'Appeal decided: {outcome}.', 'appeals.filed': 'filed {t}',
  'evidence.title': 'Evidence packages', 'evidence.caseId': 'Case id', 'evidence.download': 'Download evidence package',
  'evidence.downloaded': 'Downloaded {name} ({bytes} bytes).', 'evidence.verifyTitle': 'Verify a package', 'evidence.file': 'Package (ZIP)',
  'evidence.verify': 'Verify', 'evidence.intact': 'Intact: {items} items, chain head #{seq}, matches the ledger: {ledger}.',
  'evidence.broken': 'Not intact: {count} problems.', 'evidence.entry': 'Entry', 'evidence.problem': 'Problem',
  'common.loading': 'Loading…', 'common.error': 'Something went wrong: {message}', 'common.reload': 'Reload',
  // senior reviewer: bulk decisions and the policy
  'nav.policy': 'Policy',
  'bulk.title': 'Decide the selected cases', 'bulk.selectAll': 'Select all cases on this page', 'bulk.select': 'Select case {id} ({account})',
  'bulk.selected': '{n} cases selected.', 'bulk.preview': 'Preview', 'bulk.apply': 'Apply to {n} cases',
  'bulk.previewNeeded': 'Preview the decision for exactly this selection first; changing the selection or any field hides the preview again.',
  'bulk.previewTitle': 'What would happen to each case', 'bulk.previewCaption': '{decided} would be decided, {proposed} proposed, {refused} refused',
  'bulk.wouldSucceed': 'All {n} cases can take {action}.', 'bulk.wouldFail': 'The bulk decision would be refused ({status}) and no case decided:',
  'bulk.outcome': 'Outcome', 'bulk.reason': 'Reason', 'bulk.decided': 'decided: {action}', 'bulk.proposed': 'proposed for a second reviewer',
  'bulk.refused': 'refused', 'bulk.withStatement': 'with a statement of reasons', 'bulk.done': '{n} cases decided: {action}.',
  'bulk.doneCaption': 'The cases as they are now',
  'policy.title': 'Enforcement policy', 'policy.activeVersion': 'Active version {version}, by {by}, {at}.', 'policy.rulesTitle': 'Rules (the first match decides)',
  'policy.rulesCaption': 'Rules of version {version}, in order', 'policy.order': '#', 'policy.rule': 'Rule', 'policy.description': 'Description',
  'policy.when': 'When', 'policy.then': 'Then', 'policy.always': 'always', 'policy.versionsTitle': 'Versions', 'policy.versionsCaption': 'Every policy version, newest first',
  'policy.version': 'Version', 'policy.rules': 'Rules', 'policy.createdBy': 'By', 'policy.createdAt': 'At', 'policy.comment': 'Comment',
  'policy.dryRunTitle': 'Dry run of a candidate', 'policy.dryRunHint': 'Edit the rules and see what they would have decided on the most recent signals, next to what the active policy decided. Nothing is stored.',
  'policy.candidateRules': 'Candidate rules (JSON)', 'policy.rulesHelp': 'A JSON list of rules as above; rule versions are assigned by the server.',
  'policy.lastSignals': 'Most recent signals to replay (1 to 1000)', 'policy.dryRun': 'Dry run', 'policy.badJson': 'The candidate rules are not valid JSON.',
  'policy.notSent': 'not sent', 'policy.reportTitle': 'What would change', 'policy.summary': '{evaluated} signals replayed: {changed} would be decided differently than by version {version}.',
  'policy.countsCaption': 'Signals by action', 'policy.action': 'Action', 'policy.active': 'Active policy', 'policy.candidate': 'Candidate',
  'policy.resultsCaption': 'Each replayed signal, changed ones first', 'policy.received': 'Received', 'policy.changed': 'Changed',
  'policy.changedYes': 'changed', 'policy.changedNo': 'same', 'policy.default': 'no rule matched',
};
const de = {
  'app.title': 'Warden-Konsole', 'nav.queue': 'Warteschlange', 'nav.appeals': 'Einsprüche', 'nav.evidence': 'Beweismittel',
  'nav.signOut': 'Abmelden', 'nav.language': 'English', 'nav.signedInAs': 'Angemeldet als {user}', 'nav.skip': 'Zum Inhalt springen',
  'noAccess.title': 'Kein Zugriff', 'noAccess.text': 'Sie sind als {user} angemeldet, aber Ihr Konto hat keine der Rollen, die die Konsole braucht (Reviewer, Senior-Reviewer, Recht, Admin). Bitten Sie einen Administrator um eine Rolle oder melden Sie sich ab.',
  'queue.title': 'Prüf-Warteschlange', 'queue.filters': 'Filter', 'queue.violation': 'Verstoß', 'queue.accountType': 'Kontotyp',
  'queue.overdue': 'Überfällig', 'queue.proposedAction': 'Vorgeschlagene Maßnahme', 'queue.status': 'Status', 'queue.any': 'Alle',
  'queue.open': 'Offen (neu oder in Prüfung)', 'queue.yes': 'Ja', 'queue.no': 'Nein', 'queue.apply': 'Filter anwenden',
  'queue.claimNext': 'Nächsten Fall übernehmen', 'queue.nothing': 'Kein freier neuer Fall passt zu diesen Filtern.',
  'queue.empty': 'Kein Fall passt zu diesen Filtern.', 'queue.caption': 'Fälle, dringendste zuerst',
  'queue.keys': 'Tasten: j / k bewegen durch die Warteschlange, Enter öffnet einen Fall, c übernimmt den nächsten Fall.',
  'queue.more': 'Nächste Seite', 'queue.prev': 'Vorige Seite', 'queue.overdueTag': 'überfällig',
  'col.priority': 'Priorität', 'col.due': 'Fällig', 'col.account': 'Konto', 'col.violation': 'Verstoß', 'col.score': 'Score',
  'col.status': 'Status', 'col.assignee': 'Bearbeiter', 'col.case': 'Fall',
  'case.title': 'Fall {id}', 'case.back': 'Zurück zur Warteschlange', 'case.summary': 'Überblick', 'case.account': 'Konto',
  'case.accountStatus': 'Kontostatus', 'case.accountType': 'Kontotyp', 'case.strikes': 'Aktive Verwarnungen (90 Tage)',
  'case.restrictedUntil': 'eingeschränkt bis {t}', 'case.priority': 'Priorität', 'case.assignee': 'Bearbeiter', 'case.unassigned': 'niemand',
  'case.opened': 'Eröffnet', 'case.status': 'Status', 'case.proposedAction': 'Vorgeschlagene Maßnahme', 'case.policyRule': 'Eingereiht durch Richtlinienregel',
  'case.claim': 'Fall übernehmen', 'case.signals': 'Signale und warum sie ausgelöst haben', 'case.signal': '{violation}, Score {score}: Regel {rule} Version {version}',
  'case.window': 'Zeitfenster: {start} bis {end}', 'case.detectedAt': 'Erkannt {t}', 'case.criteria': 'Merkmalswerte gegen die Schwellen der Regel',
  'case.feature': 'Merkmal', 'case.value': 'Wert', 'case.condition': 'Bedingung', 'case.met': 'Erfüllt', 'case.metYes': 'ja', 'case.metNo': 'nein',
  'case.otherFeatures': 'Weitere Merkmale', 'case.samples': 'Beispielereignisse', 'case.noSamples': 'keine',
  'case.decisions': 'Entscheidungsverlauf', 'case.noDecisions': 'Noch keine Entscheidung.', 'case.by': 'von {actor}', 'case.automated': 'automatisch (Richtlinienregel {rule} v{version})',
  'case.notes': 'Notizen', 'case.noNotes': 'Noch keine Notiz.', 'case.addNote': 'Notiz hinzufügen', 'case.noteText': 'Notiz',
  'case.mails': 'Versandte Mails', 'case.noMails': 'Keine Mail gemeldet.', 'case.appeals': 'Einsprüche', 'case.noAppeals': 'Kein Einspruch.',
  'mail.template': 'Vorlage', 'mail.recipient': 'Empfänger', 'mail.status': 'Status', 'mail.at': 'Zeit',
  'decide.title': 'Entscheiden', 'decide.action': 'Maßnahme', 'decide.reasonCode': 'Begründungscode', 'decide.reasonCodeHelp': 'Großbuchstaben, Ziffern und _, z. B. SPAM_CONFIRMED',
  'decide.reasonText': 'Begründung', 'decide.restrictFor': 'Einschränken für (ISO-8601-Dauer, z. B. P7D)', 'decide.preview': 'Begründung (Statement of Reasons) ansehen',
  'decide.send': 'Entscheidung senden', 'decide.previewTitle': 'Begründung, die versandt wird', 'decide.previewNeeded': 'Eine Einschränkung oder Sperre wird mit einer Begründung versandt: sehen Sie sie zuerst an.',
  'decide.done': 'Entscheidung gespeichert: {action}.', 'decide.proposed': 'Sperre vorgeschlagen: ein zweiter Reviewer muss sie bestätigen.',
  'decide.closed': 'Dieser Fall nimmt im Status {status} keine Entscheidung an.',
  'decide.notYours': 'Dieser Fall ist {assignee} zugewiesen; nur diese Person kann ihn entscheiden.',
  'conflict.title': 'Jemand anderes hat diesen Fall geändert', 'conflict.text': 'Ihre Entscheidung wurde nicht gespeichert: der Fall hat sich geändert, während Sie ihn angesehen haben ({detail}). Er wurde mit dem aktuellen Stand neu geladen; prüfen Sie die Änderung, bevor Sie erneut entscheiden.',
  'problem.title': 'Die Anfrage wurde abgelehnt ({status})', 'problem.field': 'Feld {field}: {message}',
  'appeals.title': 'Einsprüche, die auf eine Entscheidung warten', 'appeals.empty': 'Kein Einspruch wartet.', 'appeals.decision': 'Angefochtene Entscheidung',
  'appeals.text': 'Einspruch', 'appeals.outcome': 'Ergebnis', 'appeals.upheld': 'Stattgeben (Entscheidung aufheben)', 'appeals.rejected': 'Zurückweisen (Entscheidung bleibt)',
  'appeals.reason': 'Begründung', 'appeals.decide': 'Über Einspruch entscheiden', 'appeals.done': 'Einspruch entschieden: {outcome}.', 'appeals.filed': 'eingereicht {t}',
  'evidence.title': 'Beweismittelpakete', 'evidence.caseId': 'Fall-ID', 'evidence.download': 'Beweismittelpaket herunterladen',
  'evidence.downloaded': '{name} heruntergeladen ({bytes} Bytes).', 'evidence.verifyTitle': 'Paket prüfen', 'evidence.file': 'Paket (ZIP)',
  'evidence.verify': 'Prüfen', 'evidence.intact': 'Unversehrt: {items} Einträge, Kettenkopf #{seq}, stimmt mit dem Ledger überein: {ledger}.',
  'evidence.broken': 'Nicht unversehrt: {count} Probleme.', 'evidence.entry': 'Eintrag', 'evidence.problem': 'Problem',
  'common.loading': 'Lädt…', 'common.error': 'Etwas ist schiefgegangen: {message}', 'common.reload': 'Neu laden',
  // senior reviewer: bulk decisions and the policy
  'nav.policy': 'Richtlinie',
  'bulk.title': 'Ausgewählte Fälle entscheiden', 'bulk.selectAll': 'Alle Fälle dieser Seite auswählen', 'bulk.select': 'Fall {id} ({account}) auswählen',
  'bulk.selected': '{n} Fälle ausgewählt.', 'bulk.preview': 'Vorschau', 'bulk.apply': 'Auf {n} Fälle anwenden',
  'bulk.previewNeeded': 'Sehen Sie zuerst die Vorschau für genau diese Auswahl an; eine geänderte Auswahl oder ein geändertes Feld blendet die Vorschau wieder aus.',
  'bulk.previewTitle': 'Was mit jedem Fall geschähe', 'bulk.previewCaption': '{decided} würden entschieden, {proposed} vorgeschlagen, {refused} abgelehnt',
  'bulk.wouldSucceed': 'Alle {n} Fälle können {action} annehmen.', 'bulk.wouldFail': 'Die Sammelentscheidung würde abgelehnt ({status}) und kein Fall entschieden:',
  'bulk.outcome': 'Ergebnis', 'bulk.reason': 'Grund', 'bulk.decided': 'entschieden: {action}', 'bulk.proposed': 'einem zweiten Reviewer vorgeschlagen',
  'bulk.refused': 'abgelehnt', 'bulk.withStatement': 'mit Begründung (Statement of Reasons)', 'bulk.done': '{n} Fälle entschieden: {action}.',
  'bulk.doneCaption': 'Die Fälle, wie sie jetzt sind',
  'policy.title': 'Durchsetzungsrichtlinie', 'policy.activeVersion': 'Aktive Version {version}, von {by}, {at}.', 'policy.rulesTitle': 'Regeln (der erste Treffer entscheidet)',
  'policy.rulesCaption': 'Regeln der Version {version}, in Reihenfolge', 'policy.order': 'Nr.', 'policy.rule': 'Regel', 'policy.description': 'Beschreibung',
  'policy.when': 'Wenn', 'policy.then': 'Dann', 'policy.always': 'immer', 'policy.versionsTitle': 'Versionen', 'policy.versionsCaption': 'Alle Versionen der Richtlinie, neueste zuerst',
  'policy.version': 'Version', 'policy.rules': 'Regeln', 'policy.createdBy': 'Von', 'policy.createdAt': 'Am', 'policy.comment': 'Kommentar',
  'policy.dryRunTitle': 'Probelauf eines Entwurfs', 'policy.dryRunHint': 'Ändern Sie die Regeln und sehen Sie, was sie bei den neuesten Signalen entschieden hätten, neben der Entscheidung der aktiven Richtlinie. Nichts wird gespeichert.',
  'policy.candidateRules': 'Regelentwurf (JSON)', 'policy.rulesHelp': 'Eine JSON-Liste von Regeln wie oben; die Regelversionen vergibt der Server.',
  'policy.lastSignals': 'Neueste Signale zum Nachspielen (1 bis 1000)', 'policy.dryRun': 'Probelauf', 'policy.badJson': 'Der Regelentwurf ist kein gültiges JSON.',
  'policy.notSent': 'nicht gesendet', 'policy.reportTitle': 'Was sich ändern würde', 'policy.summary': '{evaluated} Signale nachgespielt: {changed} würden anders entschieden als von Version {version}.',
  'policy.countsCaption': 'Signale nach Maßnahme', 'policy.action': 'Maßnahme', 'policy.active': 'Aktive Richtlinie', 'policy.candidate': 'Entwurf',
  'policy.resultsCaption': 'Jedes nachgespielte Signal, geänderte zuerst', 'policy.received': 'Empfangen', 'policy.changed': 'Geändert',
  'policy.changedYes': 'geändert', 'policy.changedNo': 'gleich', 'policy.default': 'keine Regel traf zu',
};
const dictionaries = { en, de };
const KEY = 'warden.console.lang';
let lang = localStorage.getItem(KEY) || (navigator.language || 'en').slice(0, 2);
if (!dictionaries[lang]) lang = 'en';

export function language() {
  return lang;
}

export function setLanguage(l) {
  lang = dictionaries[l] ? l : 'en';
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
}

/** The string for key in the current language, {name} placeholders filled from vars. */
export function t(key, vars = {}) {
  const s = dictionaries[lang][key] ?? en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (vars[k] ?? ''));
}

export const keys = { en: Object.keys(en), de: Object.keys(de) };
