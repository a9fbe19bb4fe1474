package dev.warden.cases.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "warden.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unpublished events (OutboxRelay's schedule reads this key). */
    @WithDefault("250ms")
    Duration interval();

    /** Most events claimed and not yet acknowledged at a time. */
    @WithDefault("200")
    int batchSize();

    /**
     * How long the broker may take to acknowledge one event before the send counts as failed and is
     * retried; above the producer's delivery.timeout.ms, which fails the send first.
     */
    @WithDefault("PT15S")
    Duration sendTimeout();

    /** How long a claim holds unrenewed: how soon a crashed instance's events are published again. */
    @WithDefault("PT30S")
    Duration lease();
}
