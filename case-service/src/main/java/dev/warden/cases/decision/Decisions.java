package dev.warden.cases.decision;

import java.time.Instant;
import java.util.UUID;

import dev.warden.cases.account.Account;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.account.Strike;
import dev.warden.cases.casework.CaseTransition;
import dev.warden.cases.casework.EnforcementCase;

/**
 * The domain effect of a decision: the immutable decision row, a strike for WARN / RESTRICT / BAN, the
 * account's new status, and the case's move through its lifecycle. Side effects beyond the domain
 * (ledger, statement of reasons, audit, outbox) are the calling use case's.
 */
public final class Decisions {

    private Decisions() {
    }

    /** The lifecycle transition a reviewer's decision of this action takes. */
    public static CaseTransition transitionFor(DecisionAction action) {
        return switch (action) {
            case WARN, RESTRICT, BAN -> CaseTransition.ENFORCE;
            case DISMISS -> CaseTransition.DISMISS;
            case ESCALATE -> CaseTransition.ESCALATE;
            case REINSTATE -> CaseTransition.REINSTATE;
        };
    }

    public static Decision record(EnforcementCase c, Account account, DecisionCommand cmd, CaseTransition t, Instant now) {
        c.decide(t, now); // first: an illegal move changes nothing
        Decision d = draft(c, cmd, now);
        d.persist();
        if (d.action.strike()) {
            Strike s = new Strike();
            s.id = UUID.randomUUID();
            s.accountId = d.accountId;
            s.decisionId = d.id;
            s.caseId = d.caseId;
            s.action = d.action.name();
            s.createdAt = now;
            s.persist();
        }
        applyToAccount(account, d, now);
        return d;
    }

    /** The decision cmd describes, not stored and changing nothing: what {@link #record} stores, or what a preview shows. */
    public static Decision draft(EnforcementCase c, DecisionCommand cmd, Instant now) {
        Decision d = new Decision();
        d.id = UUID.randomUUID();
        d.caseId = c.id;
        d.accountId = c.accountId;
        d.action = cmd.action();
        d.reasonCode = cmd.reasonCode();
        d.reasonText = cmd.reasonText();
        d.automated = cmd.automated();
        d.actor = cmd.actor();
        d.policyRuleId = cmd.policyRuleId();
        d.policyVersion = cmd.policyVersion();
        d.restrictedUntil = cmd.restrictedUntil();
        d.policySetVersion = cmd.policySetVersion();
        d.confirmedBy = cmd.confirmedBy();
        d.decidedAt = now;
        return d;
    }

    private static void applyToAccount(Account a, Decision d, Instant now) {
        switch (d.action) {
            case WARN -> a.status = a.status == AccountStatus.ACTIVE ? AccountStatus.WARNED : a.status;
            case RESTRICT -> {
                a.status = AccountStatus.RESTRICTED;
                a.restrictedUntil = d.restrictedUntil;
            }
            case BAN -> a.status = AccountStatus.BANNED;
            case REINSTATE -> {
                a.status = AccountStatus.ACTIVE;
                a.restrictedUntil = null;
            }
            case ESCALATE, DISMISS -> { }
        }
        a.updatedAt = now;
    }

    /** The account's latest decision of {@code action}, or null. */
    public static Decision latest(String accountId, DecisionAction action) {
        return Decision.<Decision>find("accountId = ?1 and action = ?2 order by decidedAt desc", accountId, action)
                .firstResult();
    }
}
