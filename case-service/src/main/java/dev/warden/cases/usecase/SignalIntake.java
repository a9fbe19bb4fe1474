package dev.warden.cases.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.warden.cases.account.Account;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.audit.AuditTrail;
import dev.warden.cases.casework.CaseTransition;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.config.ReviewDeadlineConfig;
import dev.warden.cases.decision.DecisionCommand;
import dev.warden.cases.evidence.EvidenceRecorder;
import dev.warden.cases.policy.EnforcementPolicy;
import dev.warden.cases.policy.PolicyAction;
import dev.warden.cases.policy.PolicyOutcome;
import dev.warden.cases.signal.SignalRecord;
import dev.warden.cases.signal.SignalValidation;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;

/**
 * Files a detection signal into the account's open case (or a new one) and lets the policy act on it,
 * in one transaction: the signal with its ledger item and audit entry, the case's lifecycle move, and an
 * automatic decision through {@link DecisionEffects}. Idempotent: a signal id already on file changes nothing.
 */
@ApplicationScoped
public class SignalIntake {

    private static final Logger LOG = Logger.getLogger(SignalIntake.class);
    static final String SYSTEM_ACTOR = "system:auto-enforcement";

    @Inject
    EnforcementPolicy policy;

    @Inject
    DecisionEffects effects;

    @Inject
    EvidenceRecorder evidence;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    ReviewDeadlineConfig deadlines;

    public enum Outcome { DUPLICATE, QUEUED, ACTIONED, ALREADY_ENFORCED }

    @Transactional
    public Outcome receive(DetectionSignal signal) {
        UUID signalId = UUID.fromString(signal.signalId());
        if (SignalRecord.findById(signalId) != null) {
            LOG.debugf("signal %s already on file", signalId);
            return Outcome.DUPLICATE;
        }
        Instant now = clock.instant();
        Account account = Account.<Account>findByIdOptional(signal.accountId()).orElseGet(() -> {
            Account a = Account.open(signal.accountId(), now);
            a.persist();
            return a;
        });
        refuseTypeChange(signal, account);
        PolicyOutcome outcome = policy.evaluate(signal, account, now);
        EnforcementCase c = EnforcementCase.findOpen(account.id).orElseGet(() -> {
            EnforcementCase fresh = EnforcementCase.open(account.id, signal.violation().name(), null, now);
            fresh.persist();
            return fresh;
        });
        c.accountType = Account.typeOrPrivate(account.accountType != null ? account.accountType
                : signal.account() == null ? null : signal.account().accountType());
        c.maxScore = Math.max(c.maxScore, signal.score());
        c.priority = Math.max(c.priority, outcome.priority());
        c.updatedAt = now;
        setDueDate(c);
        if (outcome.ruleId() != null) {
            c.policyRuleId = outcome.ruleId();
            c.policyRuleVersion = outcome.ruleVersion();
        }
        if (outcome.policyAction() == PolicyAction.PROPOSE_ESCALATION) {
            c.proposedAction = PolicyAction.PROPOSE_ESCALATION.name();
        }
        // detected before the account's erasure (it was still on its way): filed without the address
        boolean erasedSince = account.erasedAt != null && !signal.detectedAt().isAfter(account.erasedAt);
        SignalRecord r = file(erasedSince ? signal.withoutContact() : signal, signalId, c.id, now);
        evidence.signal(r);
        audit.recordAs("system:intake", null, "SIGNAL_FILED", c.id, r.accountId, r.id.toString(),
                r.violation + " score " + r.score);

        if (account.status == AccountStatus.BANNED) {
            return Outcome.ALREADY_ENFORCED;
        }
        if (c.reopenOnSignal(now)) { // new evidence after a decision: back to the queue
            c.dueAt = now.plus(deadlines.forPriority(c.priority));
        }
        if (!outcome.automatic() || !c.may(CaseTransition.ENFORCE)) {
            return Outcome.QUEUED; // an escalated case stays legal's, a proposed ban waits for its second reviewer
        }
        Instant until = outcome.restrictFor() == null ? null : now.plus(outcome.restrictFor());
        effects.apply(c, account, new DecisionCommand(outcome.action(), outcome.reasonCode(), outcome.reasonText(),
                SYSTEM_ACTOR, true, outcome.ruleId(), outcome.ruleVersion(), until, outcome.policyVersion()),
                CaseTransition.ENFORCE);
        return Outcome.ACTIONED;
    }

    /**
     * A signal's account context is detection's relay, not the platform's word: it never sets the contact
     * address, and a signal whose type contradicts the platform's is refused (to the DLQ with the reason).
     */
    private static void refuseTypeChange(DetectionSignal signal, Account account) {
        String claimed = signal.account() == null ? null : signal.account().accountType();
        if (claimed != null && account.accountType != null && !claimed.equals(account.accountType)) {
            throw new SignalValidation.PoisonSignalException("account type " + claimed + " contradicts the platform's "
                    + account.accountType + "; only a platform event changes an account's type");
        }
    }

    /** Due from when the case was opened; a higher priority only brings the date forward, never back. */
    private void setDueDate(EnforcementCase c) {
        Instant due = c.openedAt.plus(deadlines.forPriority(c.priority));
        if (c.dueAt == null || due.isBefore(c.dueAt)) {
            c.dueAt = due;
        }
    }

    private static SignalRecord file(DetectionSignal s, UUID id, UUID caseId, Instant now) {
        SignalRecord r = new SignalRecord();
        r.id = id;
        r.caseId = caseId;
        r.accountId = s.accountId();
        r.violation = s.violation().name();
        r.score = s.score();
        r.ruleId = s.ruleId();
        r.ruleVersion = s.ruleVersion();
        r.summary = s.summary();
        r.payload = WardenJson.write(s);
        r.detectedAt = s.detectedAt();
        r.receivedAt = now;
        r.persist();
        return r;
    }
}
