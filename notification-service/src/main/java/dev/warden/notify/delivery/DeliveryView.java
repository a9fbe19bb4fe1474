package dev.warden.notify.delivery;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A delivery as the API lists it: status and history, without the mail's content. */
@RegisterForReflection
public record DeliveryView(UUID id, UUID eventId, String accountId, String caseId, String recipient, String template,
        String locale, DeliveryStatus status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt,
        Instant sentAt, String subject, String smtpMessageId, UUID resendOf, String requestedBy) {

    public static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id, d.eventId, d.accountId, d.caseId, d.recipient, d.template, d.locale, d.status,
                d.attempts, d.lastError, d.createdAt, d.nextAttemptAt, d.sentAt, d.subject, d.smtpMessageId,
                d.resendOf, d.requestedBy);
    }

    /** The same view showing {@code shown} as the recipient (a masked address in lists). */
    public DeliveryView withRecipient(String shown) {
        return new DeliveryView(id, eventId, accountId, caseId, shown, template, locale, status, attempts, lastError,
                createdAt, nextAttemptAt, sentAt, subject, smtpMessageId, resendOf, requestedBy);
    }
}
