package dev.warden.cases.mail;

import java.util.UUID;

import dev.warden.contracts.json.WardenJson;
import dev.warden.contracts.notification.NotificationEvent;

/** Rejects mail reports case-service cannot file, with a reason fit for the dead-letter header. */
final class NotificationValidation {

    private NotificationValidation() {
    }

    static NotificationEvent read(String json) {
        if (json == null || json.isBlank()) {
            throw new PoisonNotificationException("empty record");
        }
        NotificationEvent e;
        try {
            e = WardenJson.read(json, NotificationEvent.class);
        } catch (IllegalArgumentException ex) {
            throw new PoisonNotificationException("not a notification event: " + ex.getMessage());
        }
        requireUuid(e.deliveryId(), "deliveryId");
        requireUuid(e.caseId(), "caseId");
        requireUuid(e.enforcementEventId(), "enforcementEventId");
        require(e.accountId() != null && !e.accountId().isBlank() && e.accountId().length() <= 128,
                "missing or oversized accountId");
        require(e.template() != null && !e.template().isBlank() && e.template().length() <= 64,
                "missing or oversized template");
        require(e.audience() != null, "missing audience");
        require(e.status() != null, "missing status");
        require(e.occurredAt() != null, "missing occurredAt");
        require(e.attempts() >= 0, "attempts must not be negative");
        // the topic carries masked addresses only; a full one must not be stored
        require(e.recipient() == null || e.recipient().length() <= 320 && e.recipient().contains("***"),
                "recipient is not masked");
        require(e.locale() == null || e.locale().length() <= 35, "oversized locale");
        return e;
    }

    private static void requireUuid(String value, String field) {
        require(value != null, "missing " + field);
        try {
            UUID.fromString(value);
        } catch (IllegalArgumentException ex) {
            throw new PoisonNotificationException(field + " is not a UUID");
        }
    }

    private static void require(boolean ok, String reason) {
        if (!ok) {
            throw new PoisonNotificationException(reason);
        }
    }

    /** Thrown for a record that will never be processable: retrying is pointless, dead-letter it. */
    static final class PoisonNotificationException extends RuntimeException {
        PoisonNotificationException(String message) {
            super(message);
        }
    }
}
