package dev.warden.cases.decision;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Lifts restrictions whose period has ended: a REINSTATE decision on the case that restricted the
 * account, announced (REINSTATED) through the outbox like any decision. {@code SKIP LOCKED} lets
 * several instances share the work without lifting one restriction twice.
 */
@ApplicationScoped
public class RestrictionExpiry {

    private static final Logger LOG = Logger.getLogger(RestrictionExpiry.class);
    static final String ACTOR = "system:restriction-expiry";
    private static final int BATCH = 50;

    @Inject
    EntityManager em;

    @Inject
    CaseService cases;

    @Inject
    Clock clock;

    @Scheduled(every = "${warden.restrictions.check-interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            int lifted;
            do {
                lifted = liftDue();
            } while (lifted == BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("lifting expired restrictions failed, will retry: %s", e.getMessage());
        }
    }

    /** @return how many restrictions were lifted */
    @Transactional
    public int liftDue() {
        @SuppressWarnings("unchecked")
        List<String> due = em.createNativeQuery("SELECT id FROM account WHERE status = 'RESTRICTED' "
                + "AND restricted_until <= ?1 ORDER BY restricted_until LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, clock.instant()).getResultList();
        for (String accountId : due) {
            Decision restriction = Decision.<Decision>find("accountId = ?1 and action = ?2 order by decidedAt desc",
                    accountId, DecisionAction.RESTRICT).firstResult();
            cases.applyDecision(restriction.caseId, new DecisionCommand(DecisionAction.REINSTATE, "RESTRICTION_EXPIRED",
                    "The restriction period has ended.", ACTOR, true, null, null, null));
        }
        return due.size();
    }
}
