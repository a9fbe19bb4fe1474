package dev.warden.cases.usecase;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.warden.cases.account.Account;
import dev.warden.cases.audit.AuditTrail;
import dev.warden.cases.casework.CaseTransition;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.decision.DecisionCommand;

/**
 * Lifts an account's enforcement for the system (a restriction that expired, an appeal upheld). The
 * case that imposed it may be closed, and a CLOSED case never opens again: the lift is recorded on the
 * account's open case (whose own work goes on) or, if none is open, on a fresh case that is closed at once.
 */
@ApplicationScoped
public class LiftEnforcement {

    @Inject
    DecisionEffects effects;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public Decision lift(Account account, DecisionCommand reinstate) {
        Instant now = clock.instant();
        EnforcementCase open = EnforcementCase.findOpen(account.id).orElse(null);
        if (open != null) {
            return effects.apply(open, account, reinstate, CaseTransition.LIFT);
        }
        // the account's latest (closed) case names the violation the fresh case is about
        EnforcementCase previous = EnforcementCase.<EnforcementCase>find("accountId = ?1 order by openedAt desc", account.id)
                .firstResult();
        EnforcementCase fresh = EnforcementCase.open(account.id, previous.primaryViolation,
                Account.typeOrPrivate(account.accountType), now);
        fresh.persist();
        Decision d = effects.apply(fresh, account, reinstate, CaseTransition.REINSTATE);
        fresh.close(now);
        audit.recordAs(reinstate.actor(), null, "CASE_CLOSED", fresh.id, account.id, null,
                "opened and closed to record a lift: the account had no open case");
        return d;
    }
}
