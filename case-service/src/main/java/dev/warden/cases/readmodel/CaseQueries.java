package dev.warden.cases.readmodel;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.warden.cases.account.Account;
import dev.warden.cases.appeal.Appeal;
import dev.warden.cases.casework.CaseNote;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.audit.AuditTrail;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.mail.CaseMail;
import dev.warden.cases.signal.SignalRecord;
import dev.warden.contracts.json.WardenJson;

/** Read side of cases: assembles what reviewers see. */
@ApplicationScoped
public class CaseQueries {

    @Inject
    AuditTrail audit;

    /** The case with its evidence; every read is recorded in the audit log (in the same transaction). */
    @Transactional
    public CaseView detail(UUID caseId) {
        EnforcementCase c = EnforcementCase.require(caseId);
        Account a = Account.findById(c.accountId);
        List<CaseView.SignalEntry> signals = SignalRecord.<SignalRecord>list("caseId = ?1 order by detectedAt", caseId)
                .stream().map(CaseQueries::signal).toList();
        List<CaseView.DecisionEntry> decisions = Decision.forCase(caseId).stream().map(CaseQueries::decision).toList();
        List<CaseView.NoteEntry> notes = CaseNote.<CaseNote>list("caseId = ?1 order by createdAt", caseId).stream()
                .map(n -> new CaseView.NoteEntry(n.id, n.author, n.text, n.createdAt)).toList();
        List<CaseView.AppealEntry> appeals = Appeal.<Appeal>list("caseId = ?1 order by filedAt", caseId).stream()
                .map(p -> new CaseView.AppealEntry(p.id, p.decisionId, p.status.name(), p.text, p.filedAt, p.decidedBy,
                        p.decidedAt, p.decisionReason)).toList();
        List<CaseView.MailEntry> mails = CaseMail.<CaseMail>list("caseId = ?1 order by occurredAt, deliveryId", caseId)
                .stream().map(m -> new CaseView.MailEntry(m.deliveryId, m.enforcementEventId, m.template, m.audience,
                        m.recipient, m.locale, m.status, m.attempts, m.occurredAt)).toList();
        audit.record("EVIDENCE_READ", c.id, c.accountId, null, signals.size() + " signals");
        return new CaseView(c.id, c.accountId, c.status(), c.priority, c.maxScore, c.primaryViolation, c.assignee,
                c.openedAt, c.updatedAt, c.version,
                new CaseView.AccountSummary(a.id, a.accountType, a.status.name(), a.restrictedUntil),
                signals, decisions, notes, appeals, c.proposedAction, c.policyRuleId, c.policyRuleVersion, mails);
    }

    private static CaseView.SignalEntry signal(SignalRecord s) {
        try {
            return new CaseView.SignalEntry(s.id, s.violation, s.score, s.ruleId, s.ruleVersion, s.summary,
                    s.detectedAt, WardenJson.mapper().readTree(s.payload));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored signal " + s.id + " is not JSON", e);
        }
    }

    private static CaseView.DecisionEntry decision(Decision d) {
        return new CaseView.DecisionEntry(d.id, d.action.name(), d.reasonCode, d.reasonText, d.automated, d.actor,
                d.policyRuleId, d.policyVersion, d.restrictedUntil, d.decidedAt);
    }
}
