package dev.warden.cases.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import dev.warden.common.logging.LogSafe;
import dev.warden.cases.account.Account;
import dev.warden.cases.account.AccountStatus;
import dev.warden.cases.config.RestrictionsConfig;
import dev.warden.cases.decision.DecisionAction;
import dev.warden.cases.decision.DecisionCommand;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Lifts restrictions whose period has ended: an automated REINSTATE, announced (REINSTATED) like any
 * decision. Each account is lifted in its own transaction, so one account's failure never holds up the
 * others; the run walks the due accounts once, in order, and the next run retries what failed.
 */
@ApplicationScoped
public class RestrictionExpiry {

    private static final Logger LOG = Logger.getLogger(RestrictionExpiry.class);
    static final String ACTOR = "system:restriction-expiry";
    private static final int BATCH = 50;

    @Inject
    EntityManager em;

    @Inject
    LiftEnforcement lift;

    @Inject
    Clock clock;

    /**
     * Read only by the schedule's expression; injected so that Quarkus keeps the mapping, whose default
     * the expression resolves to (an unused mapping is dropped, defaults and all).
     */
    @Inject
    RestrictionsConfig config;

    @Scheduled(every = "${warden.restrictions.check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            liftDue();
        } catch (RuntimeException e) {
            LOG.warnf("lifting expired restrictions failed, will retry: %s", LogSafe.text(e.getMessage()));
        }
    }

    /** @return how many restrictions were lifted in this run */
    public int liftDue() {
        Instant now = clock.instant();
        int lifted = 0;
        String afterId = "";
        Instant afterUntil = Instant.EPOCH;
        while (true) {
            Instant u = afterUntil;
            String id = afterId;
            @SuppressWarnings("unchecked")
            List<Object[]> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "SELECT id, restricted_until FROM account WHERE status = 'RESTRICTED' AND restricted_until <= ?1 "
                            + "AND (restricted_until, id) > (?2, ?3) ORDER BY restricted_until, id LIMIT " + BATCH)
                    .setParameter(1, now).setParameter(2, u).setParameter(3, id).getResultList());
            for (Object[] row : due) {
                String accountId = (String) row[0];
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> liftOne(accountId, now))) {
                        lifted++;
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("lifting an expired restriction failed; the others go on, it is retried next run: %s",
                            LogSafe.text(e.getMessage()));
                }
            }
            if (due.size() < BATCH) {
                return lifted;
            }
            Object[] last = due.get(due.size() - 1);
            afterId = (String) last[0];
            afterUntil = last[1] instanceof Instant i ? i : ((java.time.OffsetDateTime) last[1]).toInstant();
        }
    }

    /** Locks the account (another instance may hold it: then skip) and lifts its restriction if still due. */
    private boolean liftOne(String accountId, Instant now) {
        @SuppressWarnings("unchecked")
        List<String> locked = em.createNativeQuery("SELECT id FROM account WHERE id = ?1 AND status = 'RESTRICTED' "
                + "AND restricted_until <= ?2 FOR UPDATE SKIP LOCKED").setParameter(1, accountId).setParameter(2, now)
                .getResultList();
        if (locked.isEmpty()) {
            return false;
        }
        Account account = Account.findById(accountId);
        em.refresh(account);
        if (account.status != AccountStatus.RESTRICTED) {
            return false;
        }
        lift.lift(account, new DecisionCommand(DecisionAction.REINSTATE, "RESTRICTION_EXPIRED",
                "The restriction period has ended.", ACTOR, true, null, null, null));
        return true;
    }
}
