package dev.warden.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.warden.contracts.signal.DetectionSignal;
import dev.warden.contracts.signal.Violation;

/** Signals as detection-service would emit them. */
public final class Signals {

    private Signals() {
    }

    public static DetectionSignal of(String accountId, Violation violation, double score, String accountType,
            String email) {
        Instant now = Instant.now();
        return new DetectionSignal(UUID.randomUUID().toString(), accountId, violation, score,
                "bulk.registration-burst", 1, new DetectionSignal.Window(now.minusSeconds(60), now),
                Map.of("messagesInWindow", 100.0, "nonContactRecipientsInWindow", 300.0),
                List.of(new DetectionSignal.Criterion("nonContactRecipientsInWindow", ">=", 50, 300)),
                List.of(UUID.randomUUID().toString()),
                new DetectionSignal.AccountContext(accountType, "UNOFFICIAL_CLIENT", "DE", now.minusSeconds(120),
                        email, "de"),
                "100 messages to 300 non-contacts within 60 s, 120 s after registration", now, now);
    }

    public static DetectionSignal conclusiveBulk(String accountId, String email) {
        return of(accountId, Violation.BULK_MESSAGING, 0.99, "PRIVATE", email);
    }
}
