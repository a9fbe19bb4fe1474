package dev.warden.contracts.notification;

import java.time.Instant;

/**
 * One record of {@code warden.notifications.v1}: the final outcome of one mail notification-service
 * handled (sent, or given up on). Reported at least once; consumers deduplicate on
 * {@link #deliveryId()}. The recipient is masked ({@code j***@example.org}): the topic never carries an
 * address.
 */
public record NotificationEvent(
        String deliveryId,
        String enforcementEventId,
        String caseId,
        String accountId,
        String template,
        Audience audience,
        String recipient,
        String locale,
        Status status,
        int attempts,
        Instant occurredAt) {

    /** Who the mail was for. */
    public enum Audience {
        ACCOUNT_HOLDER,
        LEGAL_TEAM
    }

    /** Final delivery states: SENT (the relay accepted it) or DEAD (attempts ran out). */
    public enum Status {
        SENT,
        DEAD
    }
}
