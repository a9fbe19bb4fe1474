package dev.warden.cases.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import dev.warden.cases.audit.AuditTrail;
import dev.warden.cases.domain.DomainException;

/** The reviewers' work queue: filtered pages, atomic claim of the next case, assign and release. */
@ApplicationScoped
public class CaseQueue {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public QueuePage list(QueueFilter f, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            where.add("c.status in :statuses");
            p.put("statuses", f.statuses());
        }
        if (f.violation() != null) {
            where.add("c.primaryViolation = :violation");
            p.put("violation", f.violation());
        }
        if (f.accountType() != null) {
            where.add("c.accountType = :type");
            p.put("type", f.accountType());
        }
        if (f.assignee() != null) {
            where.add(f.assignee().isEmpty() ? "c.assignee is null" : "c.assignee = :assignee");
            if (!f.assignee().isEmpty()) {
                p.put("assignee", f.assignee());
            }
        }
        if (f.minScore() != null) {
            where.add("c.maxScore >= :minScore");
            p.put("minScore", f.minScore());
        }
        if (f.maxScore() != null) {
            where.add("c.maxScore <= :maxScore");
            p.put("maxScore", f.maxScore());
        }
        Instant now = clock.instant();
        if (f.olderThan() != null) {
            where.add("c.openedAt <= :openedBefore");
            p.put("openedBefore", now.minus(f.olderThan()));
        }
        if (f.newerThan() != null) {
            where.add("c.openedAt >= :openedAfter");
            p.put("openedAfter", now.minus(f.newerThan()));
        }
        if (f.overdue() != null) {
            where.add(f.overdue() ? "c.dueAt < :now" : "(c.dueAt is null or c.dueAt >= :now)");
            p.put("now", now);
        }
        if (f.proposedAction() != null) {
            where.add("c.proposedAction = :proposed");
            p.put("proposed", f.proposedAction());
        }
        // the order of the queue indexes (V11): the first page reads straight off one of them
        String q = "select c from EnforcementCase c" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by c.priority desc, c.openedAt asc, c.id asc";
        TypedQuery<EnforcementCase> query = em.createQuery(q, EnforcementCase.class);
        p.forEach(query::setParameter);
        List<EnforcementCase> rows = query.setFirstResult(page * size).setMaxResults(size + 1).getResultList();
        List<QueueItem> items = new ArrayList<>();
        for (int i = 0; i < Math.min(size, rows.size()); i++) {
            items.add(item(rows.get(i)));
        }
        return new QueuePage(page, size, rows.size() > size, items);
    }

    /**
     * Gives the caller the most urgent unassigned NEW case, optionally only of one violation and/or
     * account type (teams that specialise). {@code FOR UPDATE SKIP LOCKED} lets concurrent claims pass
     * each other: two reviewers never get the same case.
     */
    @Transactional
    public Optional<QueueItem> claimNext(String reviewer, String violation, String accountType) {
        StringBuilder where = new StringBuilder("status = 'NEW' AND assignee IS NULL");
        if (violation != null) {
            where.append(" AND primary_violation = :violation");
        }
        if (accountType != null) {
            where.append(" AND account_type = :accountType");
        }
        var pick = em.createNativeQuery("SELECT id FROM enforcement_case WHERE " + where
                + " ORDER BY priority DESC, opened_at ASC LIMIT 1 FOR UPDATE SKIP LOCKED");
        if (violation != null) {
            pick.setParameter("violation", violation);
        }
        if (accountType != null) {
            pick.setParameter("accountType", accountType);
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = pick.getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        EnforcementCase c = EnforcementCase.findById((UUID) ids.get(0));
        c.claim(reviewer, clock.instant());
        audit.record("CASE_CLAIMED", c.id, c.accountId, reviewer, null);
        em.flush();
        return Optional.of(item(c));
    }

    /**
     * Claims an unassigned case for the caller, or (senior reviewers only) gives it to someone else or
     * takes it over from its holder, which is audited as CASE_TAKEN_OVER.
     */
    @Transactional
    public QueueItem assign(UUID caseId, String assignee, Actor actor, Long expectedVersion) {
        EnforcementCase c = load(caseId, expectedVersion);
        c.require(c.assignee == null && c.may(CaseTransition.CLAIM) ? CaseTransition.CLAIM : CaseTransition.TAKE_OVER);
        if (assignee.equals(c.assignee)) {
            return item(c);
        }
        ClaimRules.checkAssignment(c, assignee, actor);
        String was = c.assignee;
        if (c.may(CaseTransition.CLAIM)) {
            c.claim(assignee, clock.instant());
        } else {
            c.takeOver(assignee, clock.instant());
        }
        if (was == null && assignee.equals(actor.name())) {
            audit.record("CASE_CLAIMED", c.id, c.accountId, assignee, null);
        } else {
            audit.record(was == null ? "CASE_ASSIGNED" : "CASE_TAKEN_OVER", c.id, c.accountId, assignee,
                    (was == null ? "" : "from " + was + " ") + "to " + assignee + " by " + actor.name());
        }
        em.flush();
        return item(c);
    }

    /** Gives a case back to the queue; only its assignee or a senior reviewer may. */
    @Transactional
    public QueueItem release(UUID caseId, Actor actor, Long expectedVersion) {
        EnforcementCase c = load(caseId, expectedVersion);
        c.require(CaseTransition.RELEASE);
        ClaimRules.checkRelease(c, actor);
        String was = c.assignee;
        c.release(clock.instant());
        audit.record("CASE_RELEASED", c.id, c.accountId, was, null);
        em.flush();
        return item(c);
    }

    /**
     * Closes a case whose work is done (ACTIONED or DISMISSED): the account may then get a new case,
     * and the retention period starts. Escalated cases close when legal closes their escalation.
     */
    @Transactional
    public QueueItem close(UUID caseId, String caller, Long expectedVersion) {
        EnforcementCase c = load(caseId, expectedVersion);
        c.close(clock.instant());
        audit.record("CASE_CLOSED", c.id, c.accountId, caller, null);
        em.flush();
        return item(c);
    }

    private static EnforcementCase load(UUID caseId, Long expectedVersion) {
        EnforcementCase c = EnforcementCase.require(caseId);
        if (expectedVersion != null && expectedVersion != c.version) {
            throw DomainException.conflict("case " + caseId + " is at version " + c.version + ", not " + expectedVersion);
        }
        return c;
    }

    public static QueueItem item(EnforcementCase c) {
        return new QueueItem(c.id, c.accountId, c.accountType, c.status(), c.priority, c.maxScore, c.primaryViolation,
                c.assignee, c.proposedAction, c.policyRuleId, c.policyRuleVersion, c.openedAt, c.dueAt, c.version);
    }
}
