package dev.warden.notify.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.warden.common.problem.ProblemException;

/**
 * An admin's resend: a new delivery row that repeats an earlier one (same event, recipient, template),
 * so the original keeps its history. The request's idempotency key makes a retried request return the
 * row it created the first time instead of queueing a second mail.
 */
@ApplicationScoped
public class DeliveryResender {

    private static final Logger LOG = Logger.getLogger(DeliveryResender.class);

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    public record Resend(DeliveryView delivery, boolean replayed) {
    }

    @Transactional
    public Resend resend(UUID originalId, String idempotencyKey, String actor) {
        // two concurrent requests with one key: the second waits here and then finds the first one's row
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) l")
                .setParameter(1, idempotencyKey).getSingleResult();
        Delivery earlier = Delivery.find("resendKey", idempotencyKey).firstResult();
        if (earlier != null) {
            if (!originalId.equals(earlier.resendOf)) {
                throw ProblemException.unprocessable("header.Idempotency-Key",
                        "already used to resend delivery " + earlier.resendOf);
            }
            return new Resend(DeliveryView.of(earlier), true);
        }
        Delivery original = Delivery.findById(originalId);
        if (original == null) {
            throw ProblemException.notFound("delivery", originalId);
        }
        String problem = RecipientAddress.problem(original.recipient);
        if (problem != null) {
            throw ProblemException.unprocessable("id", "delivery " + originalId + " cannot be mailed: " + problem);
        }
        if (DeliveryStatus.QUEUED.contains(original.status)) {
            throw ProblemException.conflict("delivery " + originalId + " is still queued (" + original.status
                    + "); the dispatcher will send it");
        }
        UUID root = original.resendOf != null ? original.resendOf : original.id;
        if (Delivery.count("resendOf = ?1 and status in ?2", root, DeliveryStatus.QUEUED) > 0) {
            throw ProblemException.conflict("a resend of delivery " + root + " is already queued");
        }
        Instant now = clock.instant();
        Delivery copy = new Delivery();
        copy.id = UUID.randomUUID();
        copy.eventId = original.eventId;
        copy.accountId = original.accountId;
        copy.caseId = original.caseId;
        copy.recipient = original.recipient;
        copy.template = original.template;
        copy.locale = original.locale;
        copy.payload = original.payload;
        copy.status = DeliveryStatus.PENDING;
        copy.nextAttemptAt = now;
        copy.createdAt = now;
        copy.resendOf = root;
        copy.resendKey = idempotencyKey;
        copy.requestedBy = actor;
        copy.persist();
        LOG.infof("%s resends delivery %s as %s", actor, originalId, copy.id);
        return new Resend(DeliveryView.of(copy), false);
    }
}
