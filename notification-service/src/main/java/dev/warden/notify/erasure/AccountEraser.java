package dev.warden.notify.erasure;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.warden.contracts.enforcement.EnforcementEvent;
import dev.warden.contracts.erasure.ErasureEvent;
import dev.warden.contracts.json.WardenJson;
import dev.warden.notify.mail.MailTemplates;

/**
 * Erases an account's share of notification data in one transaction: its deliveries keep no address
 * (the legal team's own address on escalation mails aside), their payloads lose the free text, error
 * texts (which may echo the address) go, and queued mails are skipped. Replaying an erasure changes nothing.
 */
@ApplicationScoped
public class AccountEraser {

    public static final String ERASED = "[erased]";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public void erase(ErasureEvent e) {
        ErasedAccount known = ErasedAccount.findById(e.accountId());
        if (known == null) {
            known = new ErasedAccount();
            known.accountId = e.accountId();
            remember(known, e);
            known.persist();
        } else if (!known.erasedAt.isAfter(e.erasedAt())) {
            remember(known, e); // the latest erasure is the line older enforcement events may not cross
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, payload FROM delivery WHERE account_id = ?1 FOR UPDATE")
                .setParameter(1, e.accountId()).getResultList();
        for (Object[] row : rows) {
            em.createNativeQuery("UPDATE delivery SET payload = ?1, subject = NULL, "
                    + "recipient = CASE WHEN template = ?3 THEN recipient ELSE NULL END, "
                    + "last_error = CASE WHEN status IN ('PENDING', 'FAILED') THEN 'erased before it was sent' ELSE NULL END, "
                    + "status = CASE WHEN status IN ('PENDING', 'FAILED') THEN 'SKIPPED' ELSE status END, "
                    + "version = version + 1 WHERE id = ?2")
                    .setParameter(1, anonymised((String) row[1])).setParameter(2, row[0])
                    .setParameter(3, MailTemplates.LEGAL_ESCALATION).executeUpdate();
        }
    }

    private void remember(ErasedAccount known, ErasureEvent e) {
        known.erasureId = UUID.fromString(e.erasureId());
        known.erasedAt = e.erasedAt();
        known.receivedAt = clock.instant();
    }

    /** The event as this service may keep it once the account's data is erased. */
    public static String anonymised(String payload) {
        return WardenJson.write(WardenJson.read(payload, EnforcementEvent.class).withoutPersonalData(ERASED));
    }

    /** An enforcement event from before the account's latest erasure, without its personal data. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EnforcementEvent admit(EnforcementEvent event) {
        ErasedAccount erased = ErasedAccount.findById(event.accountId());
        return erased != null && erased.covers(event.occurredAt()) ? event.withoutPersonalData(ERASED) : event;
    }
}
