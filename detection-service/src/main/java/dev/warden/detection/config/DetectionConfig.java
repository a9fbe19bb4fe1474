package dev.warden.detection.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Detection settings. Rule thresholds are data (GET/PUT /api/rules, stored in the rules topic); the
 * registration-burst block here only seeds that rule's built-in version.
 */
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

    /**
     * A signal at or above this score is conclusive (case-service bans automatically): the account then
     * stays silent for that rule's cooldown, so one ban comes with one signal.
     */
    @WithDefault("0.95")
    double conclusiveScore();

    /**
     * Account states kept as live objects per stream task (least recently used go first; at least one): what an
     * active account costs in CPU is then its serialisation once per commit, not twice per event. Also how many
     * erasures the erasure check keeps in memory per task (beyond that, how many accounts known not to be erased).
     */
    @WithDefault("20000")
    int liveAccountsPerTask();

    RegistrationBurstRule registrationBurst();

    /**
     * bulk.registration-burst: a young account sends to many strangers within a short window. The
     * published pattern: "registered five minutes ago, tried to send 100 messages in 15 seconds".
     */
    interface RegistrationBurstRule {
        @WithDefault("1")
        int version();

        /** Only accounts younger than this (event time) qualify. */
        @WithDefault("PT15M")
        Duration maxAccountAge();

        /** At most 120 s: second buckets are kept that long. */
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
