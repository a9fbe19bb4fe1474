package dev.warden.cases.signal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.warden.cases.account.Account;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.casework.CaseStatus;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.config.ReviewDeadlineConfig;
import dev.warden.cases.decision.CaseService;
import dev.warden.cases.decision.DecisionCommand;
import dev.warden.cases.policy.EnforcementPolicy;
import dev.warden.cases.policy.PolicyAction;
import dev.warden.cases.policy.PolicyOutcome;
import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.signal.DetectionSignal;

/**
 * Files a detection signal into the account's open case and lets the policy act on it. Idempotent:
 * a signal id already on file changes nothing.
 */
@ApplicationScoped
public class SignalIntake {

    private static final Logger LOG = Logger.getLogger(SignalIntake.class);
    static final String SYSTEM_ACTOR = "system:auto-enforcement";

    @Inject
    EnforcementPolicy policy;

    @Inject
    CaseService cases;

    @Inject
    Clock clock;

    @Inject
    ReviewDeadlineConfig deadlines;

    @Inject
    Event<SignalFiled> signalFiled;

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
        if (signal.account() != null) {
            account.learn(signal.account().accountType(), signal.account().contactEmail(), signal.account().locale());
        }
        PolicyOutcome outcome = policy.evaluate(signal, account, now);
        EnforcementCase c = EnforcementCase.findOpen(account.id).orElseGet(() -> open(account.id, signal, now));
        c.accountType = Account.typeOrPrivate(account.accountType);
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
        signalFiled.fire(new SignalFiled(file(signal, signalId, c.id, now), c));

        if (account.status == AccountStatus.BANNED) {
            return Outcome.ALREADY_ENFORCED;
        }
        if (!outcome.automatic()) {
            if (c.status == CaseStatus.ACTIONED || c.status == CaseStatus.DISMISSED) {
                c.status = CaseStatus.NEW; // new evidence after a decision: back to the queue
                c.dueAt = now.plus(deadlines.forPriority(c.priority));
            }
            return Outcome.QUEUED;
        }
        Instant until = outcome.restrictFor() == null ? null : now.plus(outcome.restrictFor());
        cases.applyDecision(c.id, new DecisionCommand(outcome.action(), outcome.reasonCode(), outcome.reasonText(),
                SYSTEM_ACTOR, true, outcome.ruleId(), outcome.ruleVersion(), until, outcome.policyVersion()));
        return Outcome.ACTIONED;
    }

    /** Due from when the case was opened; a higher priority only brings the date forward, never back. */
    private void setDueDate(EnforcementCase c) {
        Instant due = c.openedAt.plus(deadlines.forPriority(c.priority));
        if (c.dueAt == null || due.isBefore(c.dueAt)) {
            c.dueAt = due;
        }
    }

    private static EnforcementCase open(String accountId, DetectionSignal signal, Instant now) {
        EnforcementCase c = new EnforcementCase();
        c.id = UUID.randomUUID();
        c.accountId = accountId;
        c.status = CaseStatus.NEW;
        c.primaryViolation = signal.violation().name();
        c.openedAt = now;
        c.updatedAt = now;
        c.persist();
        return c;
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
