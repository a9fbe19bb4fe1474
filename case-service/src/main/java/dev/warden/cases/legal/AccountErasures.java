package dev.warden.cases.legal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.warden.cases.account.Account;
import dev.warden.cases.audit.AuditTrail;
import dev.warden.cases.outbox.OutboxWriter;
import dev.warden.contracts.Topics;
import dev.warden.contracts.erasure.ErasureEvent;

/**
 * Erases an account's share of personal data that is not tied to one case and announces the erasure on
 * {@code warden.erasures.v1} through the outbox, in the caller's transaction: the other services erase
 * theirs iff this commits. Whether a hold forbids it is the caller's question ({@link #holdOn}).
 */
@ApplicationScoped
public class AccountErasures {

    static final String EVENT_TYPE = "dev.warden.erasure.v1.account-erased";

    @Inject
    PersonalData personalData;

    @Inject
    OutboxWriter outbox;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public AccountErasure erase(Account account, ErasureEvent.Cause cause, String by, String marker, Instant now) {
        account.erasePersonalData(now);
        personalData.eraseAccount(account.id, marker);
        AccountErasure e = new AccountErasure();
        e.id = UUID.randomUUID();
        e.accountId = account.id;
        e.cause = cause;
        e.requestedBy = by;
        e.erasedAt = now;
        e.persist();
        audit.recordAs(by, null, "ACCOUNT_ERASED", null, account.id, e.id.toString(), cause.name());
        outbox.append(Topics.ERASURES, e.id, account.id, EVENT_TYPE, e.event());
        return e;
    }

    /** The active hold that keeps the account's data: on the account itself or on one of its cases. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<LegalHold> holdOn(String accountId) {
        List<?> ids = em.createNativeQuery("SELECT h.id FROM legal_hold h WHERE h.released_at IS NULL AND ("
                + "(h.scope = 'ACCOUNT' AND h.target_id = ?1) OR (h.scope = 'CASE' AND h.target_id IN "
                + "(SELECT CAST(c.id AS VARCHAR) FROM enforcement_case c WHERE c.account_id = ?1))) "
                + "ORDER BY h.placed_at LIMIT 1").setParameter(1, accountId).getResultList();
        return ids.stream().findFirst().map(id -> LegalHold.findById(id));
    }
}
