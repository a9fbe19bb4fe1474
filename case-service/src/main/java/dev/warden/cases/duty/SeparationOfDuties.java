package dev.warden.cases.duty;

import java.time.Instant;

import dev.warden.cases.account.Account;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.appeal.Appeal;
import dev.warden.cases.appeal.AppealStatus;
import dev.warden.cases.casework.Actor;
import dev.warden.cases.casework.DutyViolationException;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.cases.decision.Decisions;

/**
 * Who may take a decision, whatever the channel (one decision, bulk, a future console): reversing a
 * ban or lifting a restriction early needs a senior reviewer who did not impose it, and an appeal's
 * outcome stands unless a different senior reviewer reverses it.
 */
public final class SeparationOfDuties {

    public static final String SENIOR = "senior-reviewer";

    private SeparationOfDuties() {
    }

    public static void checkDecision(EnforcementCase c, Account account, DecisionAction action, Actor actor, Instant now) {
        if (action == DecisionAction.REINSTATE) {
            checkReversal(account, actor, now);
        } else if (action.strike()) {
            checkReimposing(c, actor);
        }
    }

    private static void checkReversal(Account account, Actor actor, Instant now) {
        Decision imposed;
        String what;
        if (account.status == AccountStatus.BANNED) {
            imposed = Decisions.latest(account.id, DecisionAction.BAN);
            what = "reversing a ban";
        } else if (account.status == AccountStatus.RESTRICTED
                && (account.restrictedUntil == null || now.isBefore(account.restrictedUntil))) {
            imposed = Decisions.latest(account.id, DecisionAction.RESTRICT);
            what = "lifting a restriction before its end";
        } else {
            return;
        }
        if (!actor.senior()) {
            throw new DutyViolationException(what + " needs a " + SENIOR
                    + " who did not impose it; otherwise it goes through an appeal");
        }
        if (imposed != null && actor.name().equals(imposed.actor)) {
            throw new DutyViolationException(what + " needs a " + SENIOR + " other than " + imposed.actor
                    + ", who imposed it");
        }
        Appeal rejected = imposed == null ? null : Appeal.<Appeal>find("decisionId = ?1 and status = ?2", imposed.id,
                AppealStatus.REJECTED).firstResult();
        if (rejected != null && actor.name().equals(rejected.decidedBy)) {
            throw new DutyViolationException("an appeal's outcome is final: only a " + SENIOR + " other than "
                    + rejected.decidedBy + ", who decided the appeal, may reverse it");
        }
    }

    /** Enforcing again on a case whose appeal was upheld reverses that appeal's outcome. */
    private static void checkReimposing(EnforcementCase c, Actor actor) {
        Appeal upheld = Appeal.<Appeal>find("caseId = ?1 and status = ?2 order by decidedAt desc", c.id,
                AppealStatus.UPHELD).firstResult();
        if (upheld == null) {
            return;
        }
        if (!actor.senior() || actor.name().equals(upheld.decidedBy)) {
            throw new DutyViolationException("an appeal on this case was upheld; its outcome is final: only a " + SENIOR
                    + " other than " + upheld.decidedBy + ", who decided it, may enforce on this case again");
        }
    }

    /** A proposed ban is confirmed or rejected by someone other than its proposer. */
    public static void checkSecondReviewer(EnforcementCase c, Actor actor) {
        if (actor.name().equals(c.proposedBy)) {
            throw new DutyViolationException("a proposed ban needs a second reviewer: " + c.proposedBy
                    + " proposed it and may not confirm or reject it");
        }
    }
}
