package dev.warden.cases.idempotency;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.warden.cases.crypto.Sha256;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.warden.cases.domain.DomainException;
import dev.warden.contracts.json.WardenJson;

/**
 * Makes a state-changing call safe to retry under an {@code Idempotency-Key}. The key is claimed with
 * {@code INSERT .. ON CONFLICT DO NOTHING} in the caller's transaction: a concurrent retry blocks on the
 * key until the first commits, then replays its response; if the first rolled back, the retry runs.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Runs {@code work} once per (actor, key); a retry with the same key and request gets the stored
     * result, one with a different request is refused (422).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Result<T> once(String actor, String key, Object request, Class<T> type, Supplier<T> work) {
        if (key == null) {
            return new Result<>(work.get(), false);
        }
        if (!KEY.matcher(key).matches()) {
            throw DomainException.invalid("header." + HEADER, "must be 1-128 visible ASCII characters");
        }
        String hash = Sha256.hex(WardenJson.write(request));
        int claimed = em.createNativeQuery("INSERT INTO idempotency_key (actor, idem_key, request_hash, created_at) "
                + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, actor).setParameter(2, key).setParameter(3, hash).setParameter(4, clock.instant())
                .executeUpdate();
        if (claimed == 0) {
            Object[] row = stored(actor, key).orElseThrow(() -> DomainException.conflict("Idempotency-Key in use; retry"));
            if (!hash.equals(row[0])) {
                throw DomainException.unprocessable("header." + HEADER,
                        "this key was already used for a different request");
            }
            if (row[1] == null) {
                throw DomainException.conflict("the first response to this Idempotency-Key was erased with the "
                        + "personal data it held; the request is not run again");
            }
            return new Result<>(WardenJson.read((String) row[1], type), true);
        }
        T body = work.get();
        em.createNativeQuery("UPDATE idempotency_key SET response_status = 200, response_body = ?1 "
                + "WHERE actor = ?2 AND idem_key = ?3")
                .setParameter(1, WardenJson.write(body)).setParameter(2, actor).setParameter(3, key).executeUpdate();
        return new Result<>(body, false);
    }

    /** The outcome of {@link #once}: the body and whether it is a replay of an earlier call. */
    public record Result<T>(T body, boolean replayed) {
    }

    @SuppressWarnings("unchecked")
    private Optional<Object[]> stored(String actor, String key) {
        List<Object[]> rows = em.createNativeQuery(
                "SELECT request_hash, response_body FROM idempotency_key WHERE actor = ?1 AND idem_key = ?2")
                .setParameter(1, actor).setParameter(2, key).getResultList();
        return rows.stream().findFirst();
    }

    /**
     * Erasure: forgets the stored responses that name {@code id} (an account or case id, as a JSON string).
     * The keys stay claimed, so a retry is refused instead of running the change twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int eraseResponsesNaming(String id) {
        return em.createNativeQuery("UPDATE idempotency_key SET response_body = NULL WHERE strpos(response_body, ?1) > 0")
                .setParameter(1, WardenJson.write(id)).executeUpdate();
    }
}
