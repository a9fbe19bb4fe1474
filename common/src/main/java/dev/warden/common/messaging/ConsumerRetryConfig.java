package dev.warden.common.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a Kafka consumer retries work that failed for a reason the record is not to blame for. */
@ConfigMapping(prefix = "warden.consumer.retry")
public interface ConsumerRetryConfig {

    /** Attempts in all (first included) when the work lost a race with another writer. */
    @WithDefault("6")
    int conflictAttempts();

    /** How long to keep retrying while the database is unreachable before the record is dead-lettered. */
    @WithDefault("10m")
    Duration unavailableFor();

    /** First wait; it doubles per attempt up to {@link #maxBackoff()}, with up to 50 % random jitter. */
    @WithDefault("100ms")
    Duration initialBackoff();

    @WithDefault("5s")
    Duration maxBackoff();
}
