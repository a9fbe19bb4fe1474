package dev.warden.notify.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "warden.notify")
public interface NotifyConfig {

    /** Distribution list that hears of every escalation to legal. */
    String legalTeam();

    /** How often the dispatcher looks for due mails (read by the scheduler expression). */
    @WithDefault("500ms")
    String dispatchInterval();

    @WithDefault("50")
    int batchSize();

    /** After this many failed attempts a delivery is DEAD: an admin must resend it. */
    @WithDefault("8")
    int maxAttempts();

    @WithDefault("PT2S")
    Duration initialBackoff();

    @WithDefault("PT10M")
    Duration maxBackoff();

    @WithDefault("PT15S")
    Duration sendTimeout();

    /** Where the legal team pulls evidence packages; the case id is appended. */
    String evidenceBaseUrl();

    /** Reporting final outcomes on warden.notifications.v1 (DeliveryReporter). */
    Report report();

    interface Report {
        /** How often unreported outcomes are looked for (read by the scheduler expression). */
        @WithDefault("1s")
        String interval();

        @WithDefault("200")
        int batchSize();

        /** How long one event may wait for the broker's acknowledgement. */
        @WithDefault("PT10S")
        Duration sendTimeout();
    }

    /** Protects the SMTP relay: a token bucket in the dispatcher. */
    RateLimit rateLimit();

    interface RateLimit {
        /** Sustained mails per second this instance may hand to the relay. */
        @WithDefault("50")
        double perSecond();

        /** How many mails may go out back to back after a quiet period. */
        @WithDefault("50")
        int burst();
    }
}
