package dev.warden.detection.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Detection settings; rule thresholds live in {@link RegistrationBurstRule}'s own block. */
@ConfigMapping(prefix = "warden.detection")
public interface DetectionConfig {

    /** How far in the future an event's occurredAt may lie before it is rejected as absurd. */
    @WithDefault("PT5M")
    Duration maxFutureSkew();

    /** Events this much older than the newest event seen for the account no longer count. */
    @WithDefault("PT5M")
    Duration lateEventGrace();

    /** How many sample event ids a signal carries at most. */
    @WithDefault("10")
    int sampleEventIds();

    RegistrationBurstRule registrationBurst();

    /**
     * bulk.registration-burst: a young account sends to many strangers within a short window. The
     * published pattern: "registered five minutes ago, tried to send 100 messages in 15 seconds".
     */
    interface RegistrationBurstRule {
        @WithDefault("bulk.registration-burst")
        String id();

        @WithDefault("1")
        int version();

        /** Only accounts younger than this (event time) qualify. */
        @WithDefault("PT15M")
        Duration maxAccountAge();

        @WithDefault("PT60S")
        Duration window();

        @WithDefault("10")
        int minMessages();

        @WithDefault("50")
        int minNonContactRecipients();

        @WithDefault("0.99")
        double score();

        /** After firing, the rule stays silent for this account for this long. */
        @WithDefault("PT1H")
        Duration cooldown();
    }
}
