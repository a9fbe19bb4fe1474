package dev.warden.cases.legal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.warden.cases.legal.config.LegalConfig;
import dev.warden.cases.account.Account;
import dev.warden.contracts.erasure.ErasureEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * GDPR data minimisation: once a closed case is older than the retention period, its evidence ledger is
 * deleted and the personal data left in its rows (signal payloads and summaries, note and decision texts,
 * the account's contact details once it has no other case) is overwritten. Rows and counts stay, so
 * decisions, DSA statements and transparency figures remain. A case under a legal hold, or whose account
 * is under one, is skipped until the hold is released, and so is a case with an escalation legal has not closed.
 * When an account's last case is erased, the account's own share goes too and the erasure is announced
 * on {@code warden.erasures.v1}, so the other services erase theirs.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    static final String ERASED = "[erased under retention policy]";

    @Inject
    EntityManager em;

    @Inject
    LegalConfig config;

    @Inject
    Clock clock;

    @Inject
    PersonalData personalData;

    @Inject
    AccountErasures erasures;

    @Scheduled(every = "${warden.legal.retention.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "legal-retention")
    void scheduled() {
        if (config.retention().enabled()) {
            run(clock.instant());
        }
    }

    /** Erases what is due at {@code now}; returns the ids of the erased cases. */
    @Transactional
    public List<UUID> run(Instant now) {
        Instant cutoff = now.minus(config.retention().closedCaseRetention());
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("SELECT c.id, c.account_id FROM enforcement_case c "
                + "WHERE c.status = 'CLOSED' AND c.closed_at < ?1 "
                + "AND NOT EXISTS (SELECT 1 FROM retention_erasure r WHERE r.case_id = c.id) "
                // an escalation legal has not closed keeps its case, whatever the case's status says
                + "AND NOT EXISTS (SELECT 1 FROM legal_escalation e WHERE e.case_id = c.id AND e.status <> 'CLOSED') "
                + "AND NOT EXISTS (SELECT 1 FROM legal_hold h WHERE h.released_at IS NULL AND ("
                + "  (h.scope = 'CASE' AND lower(h.target_id) = CAST(c.id AS VARCHAR)) OR (h.scope = 'ACCOUNT' AND h.target_id = c.account_id))) "
                + "ORDER BY c.closed_at LIMIT ?2 FOR UPDATE OF c SKIP LOCKED")
                .setParameter(1, cutoff).setParameter(2, config.retention().batchSize()).getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        List<UUID> done = new ArrayList<>();
        for (Object[] row : due) {
            UUID caseId = (UUID) row[0];
            String accountId = (String) row[1];
            int items = erase(caseId, accountId);
            em.createNativeQuery("INSERT INTO retention_erasure (case_id, account_id, evidence_items, erased_at) "
                    + "VALUES (?1, ?2, ?3, ?4)").setParameter(1, caseId).setParameter(2, accountId)
                    .setParameter(3, items).setParameter(4, now).executeUpdate();
            done.add(caseId);
            if (lastCaseErased(accountId)) {
                erasures.erase(Account.findById(accountId), ErasureEvent.Cause.RETENTION, "system:retention", ERASED, now);
            }
        }
        LOG.infof("retention: erased %d closed case(s) older than %s", done.size(), cutoff);
        return done;
    }

    private int erase(UUID caseId, String accountId) {
        int items = personalData.eraseCase(caseId, ERASED);
        em.createNativeQuery("UPDATE account SET contact_email = NULL, locale = NULL WHERE id = ?1 AND NOT EXISTS "
                + "(SELECT 1 FROM enforcement_case c WHERE c.account_id = ?1 AND c.status <> 'CLOSED')")
                .setParameter(1, accountId).executeUpdate();
        return items;
    }

    /** Every case of the account is erased now (held cases never are): the account's own share may go. */
    private boolean lastCaseErased(String accountId) {
        return em.createNativeQuery("SELECT 1 FROM enforcement_case c WHERE c.account_id = ?1 AND NOT EXISTS "
                + "(SELECT 1 FROM retention_erasure r WHERE r.case_id = c.id)").setParameter(1, accountId)
                .getResultList().isEmpty();
    }
}
