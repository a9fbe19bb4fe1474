package dev.warden.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.warden.contracts.enforcement.EnforcementAction;
import dev.warden.contracts.enforcement.EnforcementEvent;

/** Enforcement events as case-service publishes them. */
public final class Events {

    private Events() {
    }

    public static EnforcementEvent of(EnforcementAction action, String accountId, String email, String locale) {
        Instant now = Instant.parse("2026-11-22T10:15:00Z");
        return new EnforcementEvent(UUID.randomUUID().toString(), UUID.randomUUID().toString(), accountId, action,
                true, "BULK_MESSAGING", "BULK_MESSAGING",
                "Automatic ban: 100 messages to 300 non-contacts within 60 s, 120 s after registration",
                new EnforcementEvent.PolicyRef("ban-conclusive-bulk", 1), null, "system:auto-enforcement", now,
                action == EnforcementAction.RESTRICTED ? now.plus(Duration.ofDays(7)) : null,
                now.plus(Duration.ofDays(30)), email == null ? null : new EnforcementEvent.Recipient(email, locale));
    }
}
