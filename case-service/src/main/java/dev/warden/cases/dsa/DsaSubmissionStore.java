package dev.warden.cases.dsa;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.warden.cases.dsa.config.DsaConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The submission's rows: each step its own short transaction, so that {@link DsaSubmissionClient} calls
 * the Transparency Database with none open.
 */
@ApplicationScoped
public class DsaSubmissionStore {

    @Inject
    DsaConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Claims the next batch under a lease (SKIP LOCKED: instances never take the same rows). */
    public Map<String, String> claim(Instant from, Instant to) {
        return QuarkusTransaction.requiringNew().call(() -> claimInTransaction(from, to));
    }

    public void markSent(List<String> puids, int attempts, String note) {
        QuarkusTransaction.requiringNew().run(() -> mark(puids, attempts, note));
    }

    /** Puids the database already knows are marked so; the rest of the batch goes back in line. */
    public void markKnownAndRelease(List<String> known, List<String> rest, int attempts) {
        QuarkusTransaction.requiringNew().run(() -> {
            mark(known, attempts, "already known to the Transparency Database");
            release(rest);
        });
    }

    /** @return how many statements were parked as failed */
    public int recordFailure(List<String> puids, int attempts, String error, boolean permanent) {
        return QuarkusTransaction.requiringNew().call(() -> failure(puids, attempts, error, permanent));
    }

    @SuppressWarnings("unchecked")
    Map<String, String> claimInTransaction(Instant from, Instant to) {
        Instant now = clock.instant();
        List<Object[]> rows = em.createNativeQuery("SELECT puid, statement FROM dsa_statement WHERE submitted_at IS NULL "
                + "AND submission_failed_at IS NULL AND (submission_claimed_until IS NULL OR submission_claimed_until < ?3) "
                + "AND decided_at >= ?1 AND decided_at < ?2 ORDER BY decided_at, puid LIMIT " + DsaExport.MAX_BATCH
                + " FOR UPDATE SKIP LOCKED").setParameter(1, from).setParameter(2, to).setParameter(3, now).getResultList();
        Map<String, String> batch = new LinkedHashMap<>();
        rows.forEach(r -> batch.put((String) r[0], (String) r[1]));
        if (!batch.isEmpty()) {
            DsaConfig.Submission s = config.submission();
            Instant lease = now.plus(s.timeout().plus(s.backoff().multipliedBy(1L << Math.min(20, s.maxAttempts())))
                    .multipliedBy(s.maxAttempts() + 1L));
            em.createNativeQuery("UPDATE dsa_statement SET submission_claimed_until = ?2 WHERE puid IN (?1)")
                    .setParameter(1, batch.keySet()).setParameter(2, lease).executeUpdate();
        }
        return batch;
    }

    private void mark(List<String> puids, int attempts, String note) {
        em.createNativeQuery("UPDATE dsa_statement SET submitted_at = ?2, submission_attempts = submission_attempts + ?4, "
                + "last_error = ?3, submission_claimed_until = NULL WHERE puid IN (?1)").setParameter(1, puids)
                .setParameter(2, clock.instant()).setParameter(3, note).setParameter(4, attempts).executeUpdate();
    }

    private void release(List<String> puids) {
        if (!puids.isEmpty()) {
            em.createNativeQuery("UPDATE dsa_statement SET submission_claimed_until = NULL WHERE puid IN (?1)")
                    .setParameter(1, puids).executeUpdate();
        }
    }

    private int failure(List<String> puids, int attempts, String error, boolean permanent) {
        em.createNativeQuery("UPDATE dsa_statement SET submission_attempts = submission_attempts + ?3, last_error = ?2, "
                + "submission_claimed_until = NULL WHERE puid IN (?1)").setParameter(1, puids).setParameter(2, error)
                .setParameter(3, Math.max(1, attempts)).executeUpdate();
        return em.createNativeQuery("UPDATE dsa_statement SET submission_failed_at = ?2 WHERE puid IN (?1) "
                + "AND (?3 OR submission_attempts >= ?4)").setParameter(1, puids).setParameter(2, clock.instant())
                .setParameter(3, permanent).setParameter(4, config.submission().giveUpAfterAttempts()).executeUpdate();
    }

}
