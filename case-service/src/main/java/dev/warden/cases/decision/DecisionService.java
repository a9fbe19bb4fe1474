package dev.warden.cases.decision;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import org.hibernate.StaleStateException;

import dev.warden.cases.account.Account;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.audit.AuditTrail;
import dev.warden.cases.casework.CaseStatus;
import dev.warden.cases.casework.EnforcementCase;
import dev.warden.cases.idempotency.IdempotencyKeys;
import dev.warden.common.problem.Problem;
import dev.warden.common.problem.ProblemException;

/**
 * Reviewers' decisions: checks the case's version and state, applies the decision through
 * {@link CaseService} (outbox included) and makes retries under an Idempotency-Key safe.
 */
@ApplicationScoped
public class DecisionService {

    static final Duration MAX_RESTRICTION = Duration.ofDays(365);
    private static final Set<CaseStatus> DECIDABLE = EnumSet.of(CaseStatus.NEW, CaseStatus.IN_REVIEW, CaseStatus.ESCALATED);

    @Inject
    CaseService cases;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Transactional
    public IdempotencyKeys.Result<DecisionView> decide(UUID caseId, DecisionRequest req, String actor,
            Long expectedVersion, String idempotencyKey) {
        return idempotency.once(actor, idempotencyKey, List.of(caseId.toString(), req), DecisionView.class,
                () -> apply(caseId, req, actor, expectedVersion, true, "body"));
    }

    /** Decides many cases in one transaction: all or nothing. */
    @Transactional
    public IdempotencyKeys.Result<BulkDecisionResult> decideAll(BulkDecisionRequest req, String actor,
            String idempotencyKey) {
        return idempotency.once(actor, idempotencyKey, req, BulkDecisionResult.class, () -> {
            List<DecisionView> done = new ArrayList<>();
            List<UUID> ids = req.caseIds();
            if (ids.stream().distinct().count() != ids.size()) {
                throw ProblemException.unprocessable("caseIds", "must not contain duplicates");
            }
            DecisionRequest each = new DecisionRequest(req.action(), req.reasonCode(), req.reasonText(), req.restrictFor());
            for (int i = 0; i < ids.size(); i++) {
                try {
                    done.add(apply(ids.get(i), each, actor, null, false, "caseIds[" + i + "]"));
                } catch (ProblemException e) {
                    // name the case that stopped the batch; nothing of the batch is kept
                    throw new ProblemException(e.status(), e.title(), "caseIds[" + i + "] (" + ids.get(i) + "): "
                            + e.getMessage(), List.of(new Problem.FieldError("caseIds[" + i + "]", e.getMessage())));
                }
            }
            audit.record("BULK_DECISION", null, null, null, req.action() + " on " + ids.size() + " cases: "
                    + req.reasonCode());
            return new BulkDecisionResult(done.size(), done);
        });
    }

    private DecisionView apply(UUID caseId, DecisionRequest req, String actor, Long expectedVersion,
            boolean respectAssignee, String field) {
        EnforcementCase c = EnforcementCase.require(caseId);
        if (expectedVersion != null && expectedVersion != c.version) {
            throw ProblemException.conflict("case " + caseId + " is at version " + c.version + ", not "
                    + expectedVersion + "; reload it and decide again");
        }
        Account account = Account.findById(c.accountId);
        checkAllowed(c, account, req, actor, respectAssignee);
        java.time.Instant until = null;
        if (req.action() == DecisionAction.RESTRICT) {
            until = clock.instant().plus(restriction(req.restrictFor()));
        } else if (req.restrictFor() != null) {
            throw ProblemException.invalid("restrictFor", "only allowed with action RESTRICT");
        }
        Decision d = cases.applyDecision(caseId, new DecisionCommand(req.action(), req.reasonCode(), req.reasonText(),
                actor, false, null, null, until));
        try {
            em.flush(); // surface a concurrent change of the case or account now, as a 409
        } catch (OptimisticLockException | StaleStateException e) {
            throw ProblemException.conflict("case " + caseId + " was changed concurrently; reload it and decide again");
        }
        return view(d, c, account);
    }

    private static void checkAllowed(EnforcementCase c, Account account, DecisionRequest req, String actor,
            boolean respectAssignee) {
        if (respectAssignee && c.assignee != null && !c.assignee.equals(actor)) {
            throw ProblemException.conflict("case " + c.id + " is assigned to " + c.assignee);
        }
        switch (req.action()) {
            case REINSTATE -> {
                if (account.status == AccountStatus.ACTIVE) {
                    throw ProblemException.conflict("account " + account.id + " is not under any enforcement");
                }
            }
            case BAN -> {
                if (account.status == AccountStatus.BANNED) {
                    throw ProblemException.conflict("account " + account.id + " is already banned");
                }
                requireDecidable(c);
            }
            default -> requireDecidable(c);
        }
    }

    private static void requireDecidable(EnforcementCase c) {
        if (!DECIDABLE.contains(c.status)) {
            throw ProblemException.conflict("case " + c.id + " is " + c.status + " and takes no further decision");
        }
    }

    static Duration restriction(String text) {
        if (text == null) {
            throw ProblemException.invalid("restrictFor", "is required for RESTRICT (ISO-8601 duration, e.g. P7D)");
        }
        Duration d;
        try {
            d = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("restrictFor", "must be an ISO-8601 duration such as P7D");
        }
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_RESTRICTION) > 0) {
            throw ProblemException.invalid("restrictFor", "must be positive and at most 365 days");
        }
        return d;
    }

    public static DecisionView view(Decision d, EnforcementCase c, Account a) {
        return new DecisionView(d.id, d.caseId, d.accountId, d.action.name(), d.reasonCode, d.reasonText, d.automated,
                d.actor, d.policyRuleId, d.policyVersion, d.restrictedUntil, d.decidedAt, c.status.name(), c.version,
                a.status.name());
    }
}
