package dev.warden.cases.mail;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.warden.cases.mail.NotificationValidation.PoisonNotificationException;
import dev.warden.contracts.notification.NotificationEvent;
import io.micrometer.core.instrument.MeterRegistry;

/** Files reported mails on their case's timeline, once per delivery. */
@ApplicationScoped
public class CaseMails {

    private static final Logger LOG = Logger.getLogger(CaseMails.class);
    // ON CONFLICT: the delivery id is the key, so a replay (or a concurrent copy) adds nothing.
    // A mail reported after retention erased its case is filed without its (masked) recipient.
    private static final String INSERT = """
            INSERT INTO case_mail (delivery_id, case_id, account_id, enforcement_event_id, template, audience,
                                   recipient, locale, status, attempts, occurred_at, received_at)
            SELECT ?1, ?2, ?3, ?4, ?5, ?6,
                   CASE WHEN EXISTS (SELECT 1 FROM retention_erasure r WHERE r.case_id = ?2) THEN NULL ELSE ?7 END,
                   ?8, ?9, ?10, ?11, ?12
            ON CONFLICT (delivery_id) DO NOTHING""";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    /** @return false for a duplicate or an unknown case (nothing filed) */
    @Transactional
    public boolean file(NotificationEvent e) {
        UUID caseId = UUID.fromString(e.caseId());
        @SuppressWarnings("unchecked")
        List<String> owner = em.createNativeQuery("SELECT account_id FROM enforcement_case WHERE id = ?1")
                .setParameter(1, caseId).getResultList();
        if (owner.isEmpty()) {
            // not poison: the report may name a case this database never had (or no longer has)
            metrics.counter("warden.case.mail.unknown.case").increment();
            LOG.warnf("mail %s reports on unknown case %s: ignored", e.deliveryId(), caseId);
            return false;
        }
        if (!owner.get(0).equals(e.accountId())) {
            throw new PoisonNotificationException("case " + caseId + " belongs to another account");
        }
        int inserted = em.createNativeQuery(INSERT)
                .setParameter(1, UUID.fromString(e.deliveryId())).setParameter(2, caseId)
                .setParameter(3, e.accountId()).setParameter(4, UUID.fromString(e.enforcementEventId()))
                .setParameter(5, e.template()).setParameter(6, e.audience().name()).setParameter(7, e.recipient())
                .setParameter(8, e.locale()).setParameter(9, e.status().name()).setParameter(10, e.attempts())
                .setParameter(11, e.occurredAt()).setParameter(12, clock.instant()).executeUpdate();
        if (inserted == 0) {
            LOG.debugf("mail %s already on case %s", e.deliveryId(), caseId);
            return false;
        }
        metrics.counter("warden.case.mail.filed", "status", e.status().name()).increment();
        return true;
    }

    /** Retention: the masked recipient is personal data too (in the retention job's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseRecipients(UUID caseId) {
        em.createNativeQuery("UPDATE case_mail SET recipient = NULL WHERE case_id = ?1")
                .setParameter(1, caseId).executeUpdate();
    }
}
