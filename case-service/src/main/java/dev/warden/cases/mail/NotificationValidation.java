package dev.warden.cases.mail;

import dev.warden.contracts.json.ContractReader;
import dev.warden.contracts.notification.NotificationEvent;

/**
 * Reads a mail report against {@code notification.v1.schema.json}, which also refuses an unmasked
 * recipient (a violation is a {@link dev.warden.contracts.json.ContractViolation} naming the field).
 */
final class NotificationValidation {

    private static final ContractReader<NotificationEvent> READER =
            ContractReader.of("notification.v1", NotificationEvent.class);

    private NotificationValidation() {
    }

    static NotificationEvent read(String json) {
        return READER.read(json);
    }

    /** Thrown for a record that will never be processable: retrying is pointless, dead-letter it. */
    static final class PoisonNotificationException extends RuntimeException {
        PoisonNotificationException(String message) {
            super(message);
        }
    }
}
