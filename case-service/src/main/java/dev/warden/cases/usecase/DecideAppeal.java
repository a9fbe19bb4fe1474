package dev.warden.cases.usecase;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.warden.cases.account.Account;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.account.Strike;
import dev.warden.cases.appeal.Appeal;
import dev.warden.cases.appeal.AppealRequests;
import dev.warden.cases.appeal.AppealService;
import dev.warden.cases.appeal.AppealStatus;
import dev.warden.cases.appeal.AppealView;
import dev.warden.cases.audit.AuditTrail;
import dev.warden.cases.casework.DutyViolationException;
import dev.warden.cases.decision.Decision;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.cases.decision.DecisionCommand;
import dev.warden.cases.domain.DomainException;
import dev.warden.contracts.enforcement.EnforcementAction;

/**
 * A senior reviewer who did not make the decision decides its appeal, in one transaction: the verdict,
 * for UPHELD the strike cleared and the enforcement lifted (on the open or a fresh case), the
 * APPEAL_DECIDED event and the audit entry.
 */
@ApplicationScoped
public class DecideAppeal {

    @Inject
    Clock clock;

    @Inject
    AppealService appeals;

    @Inject
    LiftEnforcement lift;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    @Transactional
    public AppealView decide(UUID appealId, AppealRequests.Verdict verdict, String reviewer, Long expectedVersion) {
        Appeal a = Appeal.<Appeal>findByIdOptional(appealId).orElseThrow(() -> DomainException.notFound("appeal", appealId));
        if (expectedVersion != null && expectedVersion != a.version) {
            throw DomainException.conflict("appeal " + appealId + " is at version " + a.version + ", not " + expectedVersion);
        }
        if (a.status != AppealStatus.RECEIVED) {
            throw DomainException.conflict("appeal " + appealId + " was already decided: " + a.status);
        }
        Decision d = Decision.findById(a.decisionId);
        if (reviewer.equals(d.actor) || reviewer.equals(d.confirmedBy)) {
            throw new DutyViolationException("the reviewer who made a decision may not decide its appeal");
        }
        Instant now = clock.instant();
        a.status = verdict.outcome() == AppealRequests.Outcome.UPHELD ? AppealStatus.UPHELD : AppealStatus.REJECTED;
        a.decidedBy = reviewer;
        a.decidedAt = now;
        a.decisionReason = verdict.reason();
        if (a.status == AppealStatus.UPHELD) {
            Strike.<Strike>find("decisionId", d.id).firstResultOptional().ifPresent(s -> {
                s.clearedAt = now;
                s.clearedReason = "appeal " + a.id + " upheld";
            });
            Account account = Account.findById(a.accountId);
            if (account.status != AccountStatus.ACTIVE) {
                lift.lift(account, new DecisionCommand(DecisionAction.REINSTATE, "APPEAL_UPHELD", verdict.reason(),
                        reviewer, false, null, null, null));
            }
        }
        em.flush();
        UUID eventId = UUID.nameUUIDFromBytes(("appeal-decided:" + a.id).getBytes(StandardCharsets.UTF_8));
        appeals.announce(a, eventId, EnforcementAction.APPEAL_DECIDED, "APPEAL_" + a.status.name(), verdict.reason(),
                reviewer);
        audit.record("APPEAL_" + a.status.name(), a.caseId, a.accountId, a.id.toString(), verdict.reason());
        return AppealService.view(a, d);
    }
}
