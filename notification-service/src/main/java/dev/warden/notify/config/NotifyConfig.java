package dev.warden.notify.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "warden.notify")
public interface NotifyConfig {

    /** Distribution list that hears of every escalation to legal. */
    String legalTeam();

    /** How often the dispatcher looks for due mails (DeliveryDispatcher's schedule reads this key). */
    @WithDefault("500ms")
    Duration dispatchInterval();

    /** Most mails claimed and not yet answered by the SMTP server at a time. */
    @WithDefault("50")
    int batchSize();

    /** After this many failed attempts a delivery is DEAD: an admin must resend it. */
    @WithDefault("8")
    int maxAttempts();

    @WithDefault("PT2S")
    Duration initialBackoff();

    @WithDefault("PT10M")
    Duration maxBackoff();

    /**
     * How long the server may take to answer the end of a mail's DATA before the attempt counts as failed
     * and is retried: RFC 5321's 10 minutes, because until then the server may still accept the mail. A
     * reply that comes later is still recorded.
     */
    @WithDefault("PT10M")
    Duration sendTimeout();

    /** How long a claim holds unrenewed: how soon a crashed instance's mails are sent again. */
    @WithDefault("PT1M")
    Duration lease();

    /** Where the legal team pulls evidence packages; the case id is appended. */
    String evidenceBaseUrl();

    /** Reporting final outcomes on warden.notifications.v1 (DeliveryReporter). */
    Report report();

    interface Report {
        /** How often unreported outcomes are looked for (DeliveryReporter's schedule reads this key). */
        @WithDefault("1s")
        Duration interval();

        /** Most outcomes claimed and not yet acknowledged at a time. */
        @WithDefault("200")
        int batchSize();

        /** How long one event may wait for the broker's acknowledgement before it counts as failed. */
        @WithDefault("PT15S")
        Duration sendTimeout();

        /** How long a claim holds unrenewed: how soon a crashed instance's outcomes are reported again. */
        @WithDefault("PT30S")
        Duration lease();
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
